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

export type MdxParseResult = { ok: true; source: MdxSource } | { ok: false; diagnostics: Diagnostic[] };

const mdxParser = unified().use(remarkParse).use(remarkMdx);

/**
 * Splits an MDX content file into front matter and body, and refuses what content files
 * must not contain: ESM imports/exports, JSX components and expressions. Content is data,
 * so nothing in it may run code at build time.
 */
export function parseMdxSource(file: string, text: string): MdxParseResult {
  const error = (line: number, message: string, hint: string, column?: number): Diagnostic => ({
    file,
    line,
    column,
    message,
    hint,
    rule: 'syntax',
    severity: 'error',
  });
  if (!text.startsWith('---\n')) {
    return {
      ok: false,
      diagnostics: [
        error(1, 'Der Kopfbereich (Front Matter) fehlt.', 'Beginnen Sie die Datei mit einer Zeile „---“, den Feldern und einer weiteren Zeile „---“.'),
      ],
    };
  }
  const end = text.indexOf('\n---', 3);
  const afterEnd = end === -1 ? -1 : text.indexOf('\n', end + 4);
  if (end === -1 || (afterEnd !== -1 && text.slice(end + 4, afterEnd).trim() !== '')) {
    return {
      ok: false,
      diagnostics: [error(1, 'Der Kopfbereich (Front Matter) wird nicht mit „---“ geschlossen.', 'Schließen Sie die Felder mit einer Zeile, die nur „---“ enthält.')],
    };
  }
  const yamlText = text.slice(4, end + 1);
  const parsed = parseYamlSource(file, yamlText, 1);
  if (!parsed.ok) return parsed;
  const bodyStart = afterEnd === -1 ? text.length : afterEnd + 1;
  const bodyLine = text.slice(0, bodyStart).split('\n').length;
  const body = text.slice(bodyStart);

  let tree: Root;
  try {
    tree = mdxParser.parse(body) as Root;
  } catch (cause) {
    const place = (cause as { place?: { line?: number; column?: number; start?: { line: number; column: number } } }).place;
    const line = place?.start?.line ?? place?.line ?? 1;
    const column = place?.start?.column ?? place?.column;
    const reason = (cause as { reason?: string }).reason ?? String(cause);
    return {
      ok: false,
      diagnostics: [
        error(
          line + bodyLine - 1,
          `MDX-Syntaxfehler: ${translateMdxReason(reason)}`,
          'Spitze Klammern „<“ und geschweifte Klammern „{“ haben in MDX eine Bedeutung; schreiben Sie sie als „\\<“ bzw. „\\{“, wenn sie als Text gemeint sind.',
          column,
        ),
      ],
    };
  }
  const diagnostics: Diagnostic[] = [];
  visit(tree, (node) => {
    const line = (node.position?.start.line ?? 1) + bodyLine - 1;
    if (node.type === 'mdxjsEsm') {
      diagnostics.push(
        error(line, 'Import- und Export-Anweisungen sind in Inhaltsdateien nicht erlaubt.', 'Entfernen Sie die Zeile; Inhalte bestehen nur aus Markdown-Text.'),
      );
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = (node as { name?: string | null }).name ?? '';
      diagnostics.push(
        error(line, `Komponenten und HTML-Tags sind in Inhaltsdateien nicht erlaubt (gefunden: <${name}>).`, 'Verwenden Sie Markdown: **fett**, _kursiv_, Listen mit „-“ oder „1.“, Überschriften mit „###“.'),
      );
    } else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      diagnostics.push(
        error(line, 'Ausdrücke in geschweiften Klammern sind in Inhaltsdateien nicht erlaubt.', 'Schreiben Sie „\\{“ und „\\}“, wenn Sie die Klammern als Text meinen.'),
      );
    }
  });
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return { ok: true, source: { frontMatter: parsed.source, body, bodyLine } };
}

function translateMdxReason(reason: string): string {
  if (/Unexpected end of file/i.test(reason)) return 'Die Datei endet, bevor ein Tag oder Ausdruck geschlossen wurde.';
  if (/Unexpected character/i.test(reason)) return `Unerwartetes Zeichen (${reason}).`;
  if (/Expected a closing tag/i.test(reason)) return `Ein Tag wird nicht geschlossen (${reason}).`;
  return reason;
}
