import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/lib/diagnostics.ts';
import { renderContentErrorHtml, renderContentErrorText, type ContentErrorView } from '../src/lib/site/content-error-page.ts';

const diagnostics: Diagnostic[] = [
  { file: 'content/parties/traeger/traeger-001.yaml', line: 2, column: 7, message: 'YAML-Syntaxfehler: Die Klammer „[“ wird nicht mit „]“ geschlossen.', hint: 'Schließen Sie die Klammer am Ende der Zeile mit „]“.', rule: 'syntax', severity: 'error' },
  { file: 'content/toms/zugriff.yaml', line: 14, field: 'measures[2].<b>', message: 'ist Pflicht', rule: 'schema', severity: 'error' },
  { file: 'content/site.yaml', line: 3, message: 'nur eine Warnung', rule: 'schema', severity: 'warning' },
];
const view: ContentErrorView = { diagnostics, fileCount: 291, contentDir: 'content' };

describe('the page `npm run dev` shows for invalid content', () => {
  it('as text for curl: every error with file:line and what to do, the summary of npm run validate', () => {
    expect(renderContentErrorText(view)).toMatchInlineSnapshot(`
      "Die Inhalte enthalten 2 Fehler – die Seite kann nicht angezeigt werden.

      Fehler: content/parties/traeger/traeger-001.yaml:2:7 YAML-Syntaxfehler: Die Klammer „[“ wird nicht mit „]“ geschlossen.
        → Schließen Sie die Klammer am Ende der Zeile mit „]“.
      Fehler: content/toms/zugriff.yaml:14 Feld „measures[2].<b>“: ist Pflicht

      291 Dateien geprüft: 2 Fehler, 1 Warnung.

      Was tun: Beheben Sie die genannten Stellen und speichern Sie die Datei; die Seite lädt dann von selbst neu. Bis dahin zeigt die Vorschau keine Seite der Website. Dieselben Meldungen zeigt „npm run validate“.
      "
    `);
  });

  it('as German HTML: escaped, the errors only, the command for another content folder, live reload', () => {
    const html = renderContentErrorHtml({ ...view, contentDir: 'beispiel/inhalte' }, { liveReloadScript: '/@vite/client' });
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1>Die Inhalte enthalten 2 Fehler</h1>');
    expect(html).toContain('<code>content/parties/traeger/traeger-001.yaml:2:7</code>');
    expect(html).toContain('<p class="hinweis">→ Schließen Sie die Klammer am Ende der Zeile mit „]“.</p>');
    expect(html).toContain('Feld „measures[2].&lt;b&gt;“');
    expect(html).not.toContain('nur eine Warnung');
    expect(html).toContain('<code>npm run validate -- --content beispiel/inhalte</code>');
    expect(html).toContain('<script type="module" src="/@vite/client"></script>');
  });

  it('a content folder that cannot be read at all', () => {
    const text = renderContentErrorText({ diagnostics: [], fileCount: 0, contentDir: 'inhalte', failure: 'Der Inhaltsordner „inhalte“ existiert nicht.' });
    expect(text.split('\n').slice(0, 3)).toEqual(['Die Inhalte lassen sich nicht lesen – die Seite kann nicht angezeigt werden.', '', 'Der Inhaltsordner „inhalte“ existiert nicht.']);
  });
});
