import { readFile } from 'node:fs/promises';
import siteContext from 'virtual:vertragswerk/site-context';
import type { Content } from '../lib/content-model.ts';
import { formatDiagnostic } from '../lib/diagnostics.ts';

/** A content error shown to the author in `npm run dev`: the validator's messages, no stack trace. */
export class SiteContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Inhaltsfehler';
    this.stack = `${this.name}: ${message}`;
  }
}

let cached: { generation: number; content: Promise<Content> } | undefined;

/**
 * The validated content for Astro pages, read once per build (and again after each content
 * change in `npm run dev`). `npm run build` and `npm run dev` (src/io/dev-content.ts, which also
 * answers with the messages while the content is invalid) hand over what they have validated,
 * as a file named in the site context; a bare `astro build` validates the content folder here
 * and refuses to render invalid content.
 */
export function getSiteContent(): Promise<Content> {
  if (cached?.generation !== siteContext.generation) cached = { generation: siteContext.generation, content: loadSiteContent() };
  return cached.content;
}

async function loadSiteContent(): Promise<Content> {
  if (siteContext.validatedContentFile) {
    const data = JSON.parse(await readFile(siteContext.validatedContentFile, 'utf8')) as Omit<Content, 'lineOf' | 'hasField'>;
    // Line numbers are for the validator's messages, which the pages never show.
    return { ...data, lineOf: () => undefined, hasField: () => false };
  }
  // Imported only here: in a build, Astro then neither transforms nor runs the validator.
  const { validateContentDir } = await import('./validate-content.ts');
  const result = await validateContentDir(siteContext.contentDir, {});
  if (result.errors > 0) {
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    throw new SiteContentError(
      `Der Inhalt in ${siteContext.contentDir} enthält ${errors.length === 1 ? 'einen Fehler' : `${errors.length} Fehler`}; die Seite wird erst wieder angezeigt, wenn er behoben ist:\n\n${errors.map(formatDiagnostic).join('\n')}`,
    );
  }
  return result.content;
}

/** The build's --as-of, if any. */
export function siteBuildAsOf(): string | undefined {
  return siteContext.asOf;
}
