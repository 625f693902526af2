import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { Diagnostic } from './diagnostics.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';

export interface MdxSource {
  frontMatter: YamlSource;
  /** Markdown body, with the front matter removed. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyLine: number;
}

/**
 * `source` is there whenever the front matter could be read, even if the body has
 * problems, so the rest of the content can still be checked against it.
 */
export interface MdxParseResult {
  source?: MdxSource;
  diagnostics: Diagnostic[];
}

const mdxParser = unified().use(remarkParse).use(remarkMdx);
/** The parser the site renders bodies with (plain CommonMark). */
const markdownParser = unified().use(remarkParse);

const FENCE = /^---[ \t]*$/;
const ESCAPE_HINT = 'Spitze Klammern „<“ und geschweifte Klammern „{“ haben in MDX eine Bedeutung; schreiben Sie „\\<“ bzw. „\\{“, wenn sie als Text gemeint sind.';
const MARKDOWN_HINT = 'Verwenden Sie Markdown: **fett**, _kursiv_, Listen mit „-“ oder „1.“, Überschriften mit „###“, Links als [Text](https://…).';

/**
 * Splits an MDX content file into front matter and body, and refuses what content files
 * must not contain: ESM imports/exports, JSX components, HTML and expressions. Content is
 * data, so nothing in it may run code at build time or pass raw HTML to the site.
 */
export function parseMdxSource(file: string, text: string): MdxParseResult {
  const split = splitFrontMatter(file, text);
  if (!split.source) return split;
  return { source: split.source, diagnostics: checkBody(split.source.body, split.source.bodyLine, syntaxError(file)) };
}

/**
 * A Markdown file with front matter whose body may hold template placeholders („{{org.name}}“):
 * the pages (Impressum …). Plain CommonMark, so curly braces are text; raw HTML is refused as in
 * every content file.
 */
export function parseMarkdownSource(file: string, text: string): MdxParseResult {
  const split = splitFrontMatter(file, text);
  if (!split.source) return split;
  const { body, bodyLine } = split.source;
  const error = syntaxError(file);
  const diagnostics = findRawHtml(body).map((html) => error(html.line + bodyLine - 1, `HTML ist in Inhaltsdateien nicht erlaubt (gefunden: „${html.found}“).`, MARKDOWN_HINT, html.column));
  return { source: split.source, diagnostics };
}

function syntaxError(file: string): MakeError {
  return (line, message, hint, column) => ({ file, line, column, message, hint, rule: 'syntax', severity: 'error' });
}

function splitFrontMatter(file: string, text: string): MdxParseResult {
  const error = syntaxError(file);
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      diagnostics: [
        error(1, 'Der Kopfbereich (Front Matter) fehlt: die Datei muss mit einer Zeile „---“ beginnen.', 'Beginnen Sie die Datei mit einer Zeile „---“, darunter die Felder (id, title …) und wieder eine Zeile „---“; Muster in der README.md des Ordners.'),
      ],
    };
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) {
    return {
      diagnostics: [error(1, 'Der Kopfbereich (Front Matter) wird nicht mit einer Zeile „---“ geschlossen.', 'Setzen Sie nach dem letzten Feld eine Zeile, die nur „---“ enthält.')],
    };
  }
  const parsed = parseYamlSource(file, lines.slice(1, closing).join('\n'), 1);
  if (!parsed.ok) return { diagnostics: parsed.diagnostics };
  const bodyLine = closing + 2;
  const body = lines.slice(closing + 1).join('\n');
  return { source: { frontMatter: parsed.source, body, bodyLine }, diagnostics: [] };
}

type MakeError = (line: number, message: string, hint: string, column?: number) => Diagnostic;

function checkBody(body: string, bodyLine: number, error: MakeError): Diagnostic[] {
  const toFile = (line: number) => line + bodyLine - 1;
  let tree: Root;
  try {
    tree = mdxParser.parse(body) as Root;
  } catch (cause) {
    const problem = describeMdxError(body, cause);
    return [error(toFile(problem.line), `MDX-Syntaxfehler: ${problem.message}`, problem.hint, problem.column)];
  }
  const diagnostics: Diagnostic[] = [];
  visit(tree, (node) => {
    const line = toFile(node.position?.start.line ?? 1);
    const column = node.position?.start.column;
    if (node.type === 'mdxjsEsm') {
      const statement = ((node as { value?: string }).value ?? '').split('\n')[0]!.trim();
      diagnostics.push(
        error(line, `Import- und Export-Anweisungen sind in Inhaltsdateien nicht erlaubt (gefunden: „${statement}“).`, 'Entfernen Sie die Zeile: Inhaltsdateien enthalten nur Text in Markdown und laden weder Code noch andere Dateien.', column),
      );
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = (node as { name?: string | null }).name;
      const tag = name ? `<${name}>` : '<>';
      diagnostics.push(error(line, `Komponenten und HTML-Tags sind in Inhaltsdateien nicht erlaubt (gefunden: „${tag}“).`, MARKDOWN_HINT, column));
    } else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      diagnostics.push(error(line, 'Ausdrücke in geschweiften Klammern „{…}“ sind in Inhaltsdateien nicht erlaubt.', 'Schreiben Sie „\\{“ und „\\}“, wenn Sie die Klammern als Text meinen.', column));
    }
  });
  if (diagnostics.length > 0) return diagnostics;
  // Belt and braces: the site renders bodies as CommonMark and drops raw HTML, so nothing
  // the renderer would read as HTML may pass, even where MDX read it as text.
  for (const html of findRawHtml(body)) {
    diagnostics.push(error(toFile(html.line), `HTML ist in Inhaltsdateien nicht erlaubt (gefunden: „${html.found}“).`, MARKDOWN_HINT, html.column));
  }
  return diagnostics;
}

/** Raw HTML as the site's Markdown renderer (CommonMark) sees it; lines relative to the body. */
export function findRawHtml(body: string): { line: number; column: number; found: string }[] {
  const found: { line: number; column: number; found: string }[] = [];
  visit(markdownParser.parse(body) as Root, 'html', (node) => {
    const value = (node as { value: string }).value.split('\n')[0]!.trim();
    found.push({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, found: value });
  });
  return found;
}

interface MdxProblem {
  line: number;
  column?: number;
  message: string;
  hint: string;
}

interface Point {
  line: number;
  column: number;
  offset?: number;
}

/** A German description of a micromark/remark-mdx error; lines are relative to the body. */
export function describeMdxError(body: string, cause: unknown): MdxProblem {
  const e = (cause ?? {}) as { reason?: string; ruleId?: string; place?: Point | { start: Point; end: Point } };
  const reason = e.reason ?? String(cause);
  const place: Point | undefined = e.place && 'start' in e.place ? e.place.start : e.place;
  const at = (point: Point | undefined, message: string, hint = ESCAPE_HINT): MdxProblem => ({
    line: point?.line ?? 1,
    column: point?.column,
    message,
    hint,
  });
  const tagPosition = (text: string): Point | undefined => {
    const match = /\((\d+):(\d+)-\d+:\d+\)/.exec(text);
    return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
  };

  if (e.ruleId === 'end-tag-mismatch') {
    const unclosed = /^Expected a closing tag for `<([^`>]*)>`/.exec(reason);
    if (unclosed) return at(tagPosition(reason) ?? place, `Das Tag „<${unclosed[1]}>“ wird nicht geschlossen.`, `HTML-Tags und Komponenten sind in Inhaltsdateien ohnehin nicht erlaubt. ${MARKDOWN_HINT}`);
    const mismatch = /^Unexpected closing tag `<\/([^`>]*)>`, expected corresponding closing tag for `<([^`>]*)>`/.exec(reason);
    if (mismatch) return at(place, `Das schließende Tag „</${mismatch[1]}>“ passt nicht zum öffnenden Tag „<${mismatch[2]}>“.`, `HTML-Tags und Komponenten sind in Inhaltsdateien nicht erlaubt. ${MARKDOWN_HINT}`);
  }
  if (e.ruleId === 'unexpected-closing-slash') {
    return at(place, 'Ein schließendes Tag „</…>“ steht ohne öffnendes Tag.', ESCAPE_HINT);
  }
  if (e.ruleId === 'unexpected-eof' && /expression/.test(reason)) {
    return at(openingBrace(body, place?.offset) ?? place, 'Die geschweifte Klammer „{“ wird nicht geschlossen.', ESCAPE_HINT);
  }
  if (e.ruleId === 'unexpected-eof') {
    return at(place, 'Die Datei endet mitten in einem Tag „<…“.', ESCAPE_HINT);
  }
  if (e.ruleId === 'unexpected-character' && /create a comment in MDX/.test(reason)) {
    return at(lessThanBefore(body, place), 'HTML-Kommentare „<!-- … -->“ sind in Inhaltsdateien nicht möglich.', 'Entfernen Sie den Kommentar; Anmerkungen für andere Autorinnen und Autoren gehören in die Commit-Nachricht oder eine README.md.');
  }
  if (e.ruleId === 'unexpected-character' && /create a link in MDX/.test(reason)) {
    const start = lessThanBefore(body, place);
    const target = start ? /^<([^>\s]+)>/.exec(lineAt(body, start).slice(start.column - 1))?.[1] : undefined;
    const example = target ? `[${target}](${target.includes('@') && !target.includes(':') ? `mailto:${target}` : target})` : '[Text](https://…)';
    return at(start, 'Links in spitzen Klammern „<…>“ sind in MDX nicht möglich.', `Schreiben Sie den Link als ${example}.`);
  }
  if (e.ruleId === 'unexpected-character' || e.ruleId === 'unexpected-lazy') {
    return at(lessThanBefore(body, place), 'An dieser Stelle steht ein Zeichen, das MDX innerhalb von „<…>“ oder „{…}“ nicht erwartet.', ESCAPE_HINT);
  }
  if (e.ruleId === 'acorn') {
    return at(place, 'Der Inhalt der geschweiften Klammern „{…}“ ist kein gültiger Ausdruck.', ESCAPE_HINT);
  }
  return at(place, 'Der Text ist kein gültiges MDX.', ESCAPE_HINT);
}

function lineAt(body: string, point: Point): string {
  return body.split('\n')[point.line - 1] ?? '';
}

/** The `<` that starts the tag in which the parser stumbled (same line, before `place`). */
function lessThanBefore(body: string, place: Point | undefined): Point | undefined {
  if (!place) return undefined;
  const index = lineAt(body, place).lastIndexOf('<', place.column - 1);
  return index === -1 ? place : { line: place.line, column: index + 1 };
}

/** The last unclosed, unescaped `{` before `offset`. */
function openingBrace(body: string, offset: number | undefined): Point | undefined {
  const end = offset ?? body.length;
  const open: number[] = [];
  for (let i = 0; i < end; i++) {
    const char = body[i];
    if (char === '\\') i++;
    else if (char === '{') open.push(i);
    else if (char === '}') open.pop();
  }
  const index = open.pop();
  if (index === undefined) return undefined;
  const before = body.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}
