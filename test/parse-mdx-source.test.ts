import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { findRawHtml, parseMdxSource } from '../src/lib/mdx-source.ts';

const FRONT = '---\nid: x\ntitle: T\n---\n\n';
/** Messages for a body placed below a four-line front matter (the body starts on line 5). */
const bodyErrors = (body: string) => parseMdxSource('x.mdx', FRONT + body).diagnostics.map(formatDiagnostic);

const MARKDOWN_HINT = '  → Verwenden Sie Markdown: **fett**, _kursiv_, Listen mit „-“ oder „1.“, Überschriften mit „###“, Links als [Text](https://…).';
const ESCAPE_HINT = '  → Spitze Klammern „<“ und geschweifte Klammern „{“ haben in MDX eine Bedeutung; schreiben Sie „\\<“ bzw. „\\{“, wenn sie als Text gemeint sind.';

describe('parseMdxSource: front matter', () => {
  it('splits front matter and body and knows where the body starts', () => {
    const result = parseMdxSource('x.mdx', `${FRONT}(1) Text.\n`);
    expect(result.diagnostics).toEqual([]);
    expect(result.source?.frontMatter.data).toEqual({ id: 'x', title: 'T' });
    expect(result.source?.body).toBe('\n(1) Text.\n');
    expect(result.source?.bodyLine).toBe(5);
    expect(result.source?.frontMatter.lineOf(['title'])).toEqual({ line: 3, column: 1 });
  });

  it.each([
    ['missing', '(1) Text.\n', 'Fehler: x.mdx:1 Der Kopfbereich (Front Matter) fehlt: die Datei muss mit einer Zeile „---“ beginnen.\n  → Beginnen Sie die Datei mit einer Zeile „---“, darunter die Felder (id, title …) und wieder eine Zeile „---“; Muster in der README.md des Ordners.'],
    ['not closed', '---\nid: x\n\n(1) Text.\n', 'Fehler: x.mdx:1 Der Kopfbereich (Front Matter) wird nicht mit einer Zeile „---“ geschlossen.\n  → Setzen Sie nach dem letzten Feld eine Zeile, die nur „---“ enthält.'],
    ['YAML error, on the file’s line', '---\nid: x\ntitle: "T\n---\n', 'Fehler: x.mdx:3:8 YAML-Syntaxfehler: Ein Wert beginnt mit einem Anführungszeichen ("), das nicht geschlossen wird.\n  → Setzen Sie ans Ende des Werts ebenfalls ein " oder lassen Sie die Anführungszeichen weg.'],
  ])('%s', (_title, text, expected) => {
    const result = parseMdxSource('x.mdx', text);
    expect(result.source).toBeUndefined();
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([expected]);
  });

  it('accepts fences with trailing spaces and a body-less file', () => {
    expect(parseMdxSource('x.mdx', '---  \nid: x\n--- \n').diagnostics).toEqual([]);
  });
});

describe('parseMdxSource: what a body must not contain', () => {
  it.each([
    ['import outside the project', "import x from '../../../etc/passwd'\n", ["Fehler: x.mdx:6:1 Import- und Export-Anweisungen sind in Inhaltsdateien nicht erlaubt (gefunden: „import x from '../../../etc/passwd'“).\n  → Entfernen Sie die Zeile: Inhaltsdateien enthalten nur Text in Markdown und laden weder Code noch andere Dateien."]],
    ['export', 'export const a = 1\n', ['Fehler: x.mdx:6:1 Import- und Export-Anweisungen sind in Inhaltsdateien nicht erlaubt (gefunden: „export const a = 1“).\n  → Entfernen Sie die Zeile: Inhaltsdateien enthalten nur Text in Markdown und laden weder Code noch andere Dateien.']],
    ['component', 'Text\n\n<Hinweis>Wichtig</Hinweis>\n', [`Fehler: x.mdx:8:1 Komponenten und HTML-Tags sind in Inhaltsdateien nicht erlaubt (gefunden: „<Hinweis>“).\n${MARKDOWN_HINT}`]],
    ['inline HTML', 'Ein <b>fetter</b> Satz.\n', [`Fehler: x.mdx:6:5 Komponenten und HTML-Tags sind in Inhaltsdateien nicht erlaubt (gefunden: „<b>“).\n${MARKDOWN_HINT}`]],
    ['script', '<script>alert(1)</script>\n', [`Fehler: x.mdx:6:1 Komponenten und HTML-Tags sind in Inhaltsdateien nicht erlaubt (gefunden: „<script>“).\n${MARKDOWN_HINT}`]],
    ['fragment', '<>x</>\n', [`Fehler: x.mdx:6:1 Komponenten und HTML-Tags sind in Inhaltsdateien nicht erlaubt (gefunden: „<>“).\n${MARKDOWN_HINT}`]],
    ['expression', 'Im Jahr {2022 + 1}.\n', ['Fehler: x.mdx:6:9 Ausdrücke in geschweiften Klammern „{…}“ sind in Inhaltsdateien nicht erlaubt.\n  → Schreiben Sie „\\{“ und „\\}“, wenn Sie die Klammern als Text meinen.']],
    ['MDX comment', '{/* Notiz */}\n', ['Fehler: x.mdx:6:1 Ausdrücke in geschweiften Klammern „{…}“ sind in Inhaltsdateien nicht erlaubt.\n  → Schreiben Sie „\\{“ und „\\}“, wenn Sie die Klammern als Text meinen.']],
    ['unclosed tag: at the tag', 'Text\n\n<Hinweis>\n\n(1) Text\n', [`Fehler: x.mdx:8:1 MDX-Syntaxfehler: Das Tag „<Hinweis>“ wird nicht geschlossen.\n  → HTML-Tags und Komponenten sind in Inhaltsdateien ohnehin nicht erlaubt. ${MARKDOWN_HINT.slice(4)}`]],
    ['mismatched closing tag', '<div>\n\nText\n\n</span>\n', [`Fehler: x.mdx:10:1 MDX-Syntaxfehler: Das schließende Tag „</span>“ passt nicht zum öffnenden Tag „<div>“.\n  → HTML-Tags und Komponenten sind in Inhaltsdateien nicht erlaubt. ${MARKDOWN_HINT.slice(4)}`]],
    ['closing tag alone', 'a </div> b\n', [`Fehler: x.mdx:6:4 MDX-Syntaxfehler: Ein schließendes Tag „</…>“ steht ohne öffnendes Tag.\n${ESCAPE_HINT}`]],
    ['stray brace: at the brace', '(1) binnen {eines Monats.\n\n(2) Text\n', [`Fehler: x.mdx:6:12 MDX-Syntaxfehler: Die geschweifte Klammer „{“ wird nicht geschlossen.\n${ESCAPE_HINT}`]],
    ['a less-than sign glued to a word', 'Wenn a<4 gilt.\n', [`Fehler: x.mdx:6:7 MDX-Syntaxfehler: An dieser Stelle steht ein Zeichen, das MDX innerhalb von „<…>“ oder „{…}“ nicht erwartet.\n${ESCAPE_HINT}`]],
    ['HTML comment', 'a\n\n<!-- TODO -->\n', ['Fehler: x.mdx:8:1 MDX-Syntaxfehler: HTML-Kommentare „<!-- … -->“ sind in Inhaltsdateien nicht möglich.\n  → Entfernen Sie den Kommentar; Anmerkungen für andere Autorinnen und Autoren gehören in die Commit-Nachricht oder eine README.md.']],
    ['autolink', 'Siehe <https://kita.example/planer>.\n', ['Fehler: x.mdx:6:7 MDX-Syntaxfehler: Links in spitzen Klammern „<…>“ sind in MDX nicht möglich.\n  → Schreiben Sie den Link als [https://kita.example/planer](https://kita.example/planer).']],
    ['e-mail autolink', 'Post an <kita@stadt.example>.\n', ['Fehler: x.mdx:6:9 MDX-Syntaxfehler: Links in spitzen Klammern „<…>“ sind in MDX nicht möglich.\n  → Schreiben Sie den Link als [kita@stadt.example](mailto:kita@stadt.example).']],
  ])('%s', (_title, body, expected) => {
    expect(bodyErrors(body)).toEqual(expected);
  });

  it.each([
    ['a free-standing less-than sign', 'Wenn 3 < 4 gilt.\n'],
    ['escaped brackets and braces', 'Es gilt 3 \\< 4 und \\{x\\}.\n'],
    ['HTML-like text in code', 'Schreiben Sie `<b>` nicht.\n\n```\n<div>{x}</div>\n```\n'],
    ['a Markdown link', 'Siehe [Planer](https://kita.example/planer).\n'],
    ['quotes, ampersands and section signs', '„Träger“ & Co. nach § 5 Abs. 2.\n'],
  ])('accepts %s', (_title, body) => {
    expect(bodyErrors(body)).toEqual([]);
  });

  it('keeps the front matter when only the body is wrong, so the section can still be checked', () => {
    const result = parseMdxSource('x.mdx', `${FRONT}<Hinweis />\n`);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.source?.frontMatter.data).toEqual({ id: 'x', title: 'T' });
  });
});

describe('findRawHtml (what the site’s CommonMark renderer would drop)', () => {
  it.each([
    ['<div class="x">Hinweis</div>', [{ line: 1, column: 1, found: '<div class="x">Hinweis</div>' }]],
    ['Text <b>fett</b>', [{ line: 1, column: 6, found: '<b>' }, { line: 1, column: 13, found: '</b>' }]],
    ['a\n\n<!-- Notiz -->', [{ line: 3, column: 1, found: '<!-- Notiz -->' }]],
    ['Es gilt 3 \\< 4 und `<b>`.', []],
    ['Siehe [Planer](https://kita.example).', []],
  ])('%j', (body, expected) => {
    expect(findRawHtml(body)).toEqual(expected);
  });
});
