import { formatDiagnostic, formatLocation, summarizeDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { escapeHtml } from '../html.ts';

/**
 * What `npm run dev` answers instead of a page while the content is invalid: the validator's
 * messages (file:line, what is wrong, what to do), as HTML for a browser and as plain text for
 * curl and other tools. Either the diagnostics of a validation with errors, or the message of a
 * content folder that could not be read at all.
 */
export interface ContentErrorView {
  diagnostics: readonly Diagnostic[];
  fileCount: number;
  /** The content folder as the author gave it (for the command that shows the same messages). */
  contentDir: string;
  /** The content could not be read at all (e.g. the folder is gone). */
  failure?: string;
}

function errorsOf(view: ContentErrorView): Diagnostic[] {
  return view.diagnostics.filter((d) => d.severity === 'error');
}

function heading(view: ContentErrorView): string {
  if (view.failure) return 'Die Inhalte lassen sich nicht lesen';
  const count = errorsOf(view).length;
  return `Die Inhalte enthalten ${count === 1 ? 'einen Fehler' : `${count} Fehler`}`;
}

function validateCommand(view: ContentErrorView): string {
  return view.contentDir === 'content' ? 'npm run validate' : `npm run validate -- --content ${view.contentDir}`;
}

const WHAT_TO_DO =
  'Beheben Sie die genannten Stellen und speichern Sie die Datei; die Seite lädt dann von selbst neu. Bis dahin zeigt die Vorschau keine Seite der Website.';

/** Plain text, for curl and other clients that do not ask for HTML. */
export function renderContentErrorText(view: ContentErrorView): string {
  const lines = [`${heading(view)} – die Seite kann nicht angezeigt werden.`, ''];
  if (view.failure) lines.push(view.failure);
  else lines.push(...errorsOf(view).map(formatDiagnostic), '', summarizeDiagnostics(view.diagnostics, view.fileCount));
  lines.push('', `Was tun: ${WHAT_TO_DO} Dieselben Meldungen zeigt „${validateCommand(view)}“.`, '');
  return lines.join('\n');
}

/** A self-contained German HTML page (no site layout: that needs the very content that is broken). */
export function renderContentErrorHtml(view: ContentErrorView, options: { liveReloadScript?: string } = {}): string {
  const items = errorsOf(view).map((d) => {
    const field = d.field ? ` <span class="feld">Feld „${escapeHtml(d.field)}“</span>` : '';
    const hint = d.hint ? `<p class="hinweis">→ ${escapeHtml(d.hint)}</p>` : '';
    return `<li><p><code>${escapeHtml(formatLocation(d))}</code>${field}</p><p>${escapeHtml(d.message)}</p>${hint}</li>`;
  });
  const body = view.failure
    ? `<p class="meldung">${escapeHtml(view.failure)}</p>`
    : `<ol>${items.join('')}</ol><p>${escapeHtml(summarizeDiagnostics(view.diagnostics, view.fileCount))}</p>`;
  const script = options.liveReloadScript ? `<script type="module" src="${escapeHtml(options.liveReloadScript)}"></script>` : '';
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(heading(view))} – Vorschau</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.6rem; color: #a4000f; }
ol { padding-left: 1.5rem; }
li { margin-bottom: 1rem; }
li p { margin: 0.15rem 0; }
code { font: 0.95rem/1.4 ui-monospace, monospace; background: #f3f3f3; padding: 0.1rem 0.3rem; overflow-wrap: anywhere; }
.hinweis { color: #30485e; }
.was-tun { border-left: 4px solid #a4000f; padding-left: 1rem; }
</style>
${script}
</head>
<body>
<main>
<h1>${escapeHtml(heading(view))}</h1>
${body}
<section class="was-tun">
<h2>Was ist zu tun?</h2>
<p>${escapeHtml(WHAT_TO_DO)}</p>
<p>Dieselben Meldungen zeigt <code>${escapeHtml(validateCommand(view))}</code> im Terminal.</p>
</section>
</main>
</body>
</html>
`;
}
