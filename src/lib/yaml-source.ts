import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { Diagnostic, PathSegment } from './diagnostics.ts';

/** A parsed YAML text that can say on which line any field stands. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** 1-based line of the node at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PathSegment[]): { line: number; column: number };
}

export type YamlParseResult = { ok: true; source: YamlSource } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses YAML with line tracking. `lineOffset` shifts reported lines, for front matter
 * that starts below the `---` of an MDX file.
 */
export function parseYamlSource(file: string, text: string, lineOffset = 0): YamlParseResult {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: dates stay strings ("2022-03-31"), `no` stays a string.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const problems = [...doc.errors];
  if (problems.length > 0) {
    return {
      ok: false,
      diagnostics: problems.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return {
          file,
          line: pos.line + lineOffset,
          column: pos.col,
          message: `YAML-Syntaxfehler: ${translateYamlError(error.code, error.message)}`,
          hint: 'Prüfen Sie Einrückung (Leerzeichen, keine Tabs), Doppelpunkte und Anführungszeichen in dieser Zeile und der darüber.',
          rule: 'syntax',
          severity: 'error' as const,
        };
      }),
    };
  }
  return {
    ok: true,
    source: {
      file,
      data: doc.toJS({ maxAliasCount: 100 }),
      lineOf: (path) => {
        const offset = offsetOf(doc, path);
        const pos = lineCounter.linePos(offset);
        return { line: pos.line + lineOffset, column: pos.col };
      },
    },
  };
}

function offsetOf(doc: Document, path: readonly PathSegment[]): number {
  let node: unknown = doc.contents;
  let best = isNode(node) && node.range ? node.range[0] : 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      // Point at the key, where authors look for a field.
      if (isScalar(pair.key) && pair.key.range) best = pair.key.range[0];
      node = pair.value;
      if (isNode(node) && node.range && !isScalar(node)) best = Math.max(best, node.range[0]);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (!isNode(item)) break;
      if (item.range) best = item.range[0];
      node = item;
    } else {
      break;
    }
  }
  return best;
}

const YAML_ERROR_TEXT: Record<string, string> = {
  DUPLICATE_KEY: 'Ein Feld steht doppelt in derselben Ebene.',
  BAD_INDENT: 'Die Einrückung passt nicht zur Ebene darüber.',
  TAB_AS_INDENT: 'Tabulatoren sind als Einrückung nicht erlaubt.',
  MISSING_CHAR: 'Ein Zeichen fehlt (etwa ein schließendes Anführungszeichen oder eine Klammer).',
  BLOCK_AS_IMPLICIT_KEY: 'Ein mehrzeiliger Wert steht, wo ein Feldname erwartet wird.',
  MULTILINE_IMPLICIT_KEY: 'Ein Feldname erstreckt sich über mehrere Zeilen (fehlt ein Doppelpunkt?).',
  UNEXPECTED_TOKEN: 'Unerwartetes Zeichen.',
  BAD_SCALAR_START: 'Ein Wert beginnt mit einem Zeichen, das in YAML Anführungszeichen braucht.',
  ALIAS_PROPS: 'Ungültiger Alias.',
};

function translateYamlError(code: string, original: string): string {
  const known = YAML_ERROR_TEXT[code];
  const firstLine = original.split('\n')[0] ?? original;
  return known ? `${known} (${firstLine.replace(/ at line \d+, column \d+:?$/, '')})` : firstLine;
}
