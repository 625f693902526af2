import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type YAMLError,
} from 'yaml';
import type { Diagnostic, PathSegment } from './diagnostics.ts';

/** A parsed YAML text that can say on which line any field stands. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** 1-based line and column of the key at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PathSegment[]): { line: number; column: number };
  /** Whether the file writes the field at `path` (a default filled in by a schema does not count). */
  has(path: readonly PathSegment[]): boolean;
}

export type YamlParseResult = { ok: true; source: YamlSource } | { ok: false; diagnostics: Diagnostic[] };

/** More aliases than this in one file is an attack (“billion laughs”), not content. */
const MAX_ALIAS_COUNT = 100;
const STRING_TAG = 'tag:yaml.org,2002:str';

/**
 * Parses YAML with line tracking. `lineOffset` shifts reported lines, for front matter
 * that starts below the `---` of an MDX file. Never throws: every problem is a diagnostic.
 */
export function parseYamlSource(file: string, text: string, lineOffset = 0): YamlParseResult {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: dates stay strings ("2022-03-31"), `no` stays a string.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  const at = (offset: number, message: string, hint: string): Diagnostic => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line + lineOffset, column: pos.col, message, hint, rule: 'syntax', severity: 'error' };
  };

  const errors = [...doc.errors, ...doc.warnings];
  // An over-indented line shows up twice (a nested map in a value, and a key over two lines) at
  // the same place; the indentation message replaces both.
  const indentAt = new Set(errors.filter((e) => e.code === 'BLOCK_AS_IMPLICIT_KEY' && overIndentedLineAfter(text, e.pos[0]) !== undefined).map((e) => e.pos[0]));
  const syntax = errors
    .filter((error) => !(error.code === 'MULTILINE_IMPLICIT_KEY' && indentAt.has(error.pos[0])))
    .map((error) => {
      const { offset, message, hint } = describeYamlError(text, error);
      return at(offset, `YAML-Syntaxfehler: ${message}`, hint);
    });
  if (syntax.length > 0) return { ok: false, diagnostics: firstPerLine(syntax) };

  const unsupported: Diagnostic[] = [];
  visit(doc, {
    Pair(_key, pair) {
      if (pair.key !== null && !isScalar(pair.key)) {
        const offset = isNode(pair.key) && pair.key.range ? pair.key.range[0] : 0;
        unsupported.push(at(offset, 'YAML-Syntaxfehler: Ein Feldname ist eine Liste oder ein Block.', 'Feldnamen sind einfache Wörter wie „title“; entfernen Sie „?“ und Klammern vor dem Doppelpunkt.'));
      }
    },
    Node(_key, node) {
      if (node.tag && node.tag !== STRING_TAG && !isAlias(node)) {
        const start = node.range ? node.range[0] : 0;
        // The node starts after its tag; point at the tag, which is what must go.
        const bang = text.lastIndexOf('!', start);
        const offset = bang >= 0 && !text.slice(bang, start).includes('\n') ? (text.lastIndexOf('!', bang - 1) === bang - 1 ? bang - 1 : bang) : start;
        unsupported.push(at(offset, `YAML-Syntaxfehler: Die Typangabe „${shortTag(node.tag)}“ ist in Inhaltsdateien nicht erlaubt.`, 'Entfernen Sie die Typangabe; Werte sind Text, Zahlen, Listen oder Felder.'));
      }
    },
  });
  if (unsupported.length > 0) return { ok: false, diagnostics: firstPerLine(unsupported) };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    return { ok: false, diagnostics: [aliasProblem(doc, cause, at)] };
  }
  return {
    ok: true,
    source: {
      file,
      data,
      lineOf: (path) => {
        const pos = lineCounter.linePos(offsetOf(doc, path));
        return { line: pos.line + lineOffset, column: pos.col };
      },
      has: (path) => doc.hasIn(path),
    },
  };
}

function aliasProblem(doc: Document, cause: unknown, at: (offset: number, message: string, hint: string) => Diagnostic): Diagnostic {
  const reason = cause instanceof Error ? cause.message : String(cause);
  if (/unresolved alias/i.test(reason)) {
    let offset = 0;
    visit(doc, {
      Alias(_key, alias) {
        if (!alias.resolve(doc) && alias.range) {
          offset = alias.range[0];
          return visit.BREAK;
        }
        return undefined;
      },
    });
    const name = /:\s*(\S+)\s*$/.exec(reason)?.[1] ?? '';
    return at(
      offset,
      `YAML-Syntaxfehler: Ein Wert beginnt mit „*“ („*${name}“); YAML liest das als Verweis auf einen Anker „&${name}“, den es hier nicht gibt.`,
      `Setzen Sie den Wert in Anführungszeichen, z. B. "*${name}", oder lassen Sie das „*“ weg.`,
    );
  }
  return at(0, 'YAML-Syntaxfehler: Die Datei verwendet zu viele Verweise („*“) auf Anker („&“).', 'Schreiben Sie die Werte aus, statt sie über Anker zu wiederholen.');
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** One syntax error usually causes more on the same line; the first is the one to fix. */
function firstPerLine(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<number | undefined>();
  return diagnostics.filter((d) => {
    if (seen.has(d.line)) return false;
    seen.add(d.line);
    return true;
  });
}

function offsetOf(doc: Document, path: readonly PathSegment[]): number {
  let node: unknown = doc.contents;
  let best = isNode(node) && node.range ? node.range[0] : 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === segment);
      if (!pair) break;
      // Point at the key, where authors look for a field, even when the value starts below.
      if (isScalar(pair.key) && pair.key.range) best = pair.key.range[0];
      node = pair.value;
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

const INDENT_HINT = 'Rücken Sie Felder derselben Ebene gleich weit ein, nur mit Leerzeichen (je Ebene zwei).';
const QUOTE_HINT = 'Setzen Sie den ganzen Wert in Anführungszeichen, z. B. title: "Teil A: Auftragsverarbeitung".';

/** Whether parsed YAML data has a field at `path` (as the document's `hasIn`: a key with an empty value counts). */
export function dataHas(data: unknown, path: readonly PathSegment[]): boolean {
  let node: unknown = data;
  for (const segment of path) {
    if (Array.isArray(node)) {
      if (typeof segment !== 'number' || segment < 0 || segment >= node.length) return false;
      node = node[segment];
    } else if (node !== null && typeof node === 'object') {
      if (!Object.prototype.hasOwnProperty.call(node, segment)) return false;
      node = (node as Record<string, unknown>)[String(segment)];
    } else {
      return false;
    }
  }
  return true;
}

/** A German description of a `yaml` parser error, placed where the author must fix it. */
export function describeYamlError(text: string, error: YAMLError): { offset: number; message: string; hint: string } {
  const offset = error.pos[0];
  const found = text.slice(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)).split('\n')[0] ?? '';
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = keyAt(text, error.pos[0]);
      const first = firstKeyLine(text, error.pos[0], key);
      const where = first ? ` (zuerst in Zeile ${first})` : '';
      return { offset, message: `Das Feld „${key}“ steht zweimal auf derselben Ebene${where}.`, hint: 'Löschen Sie eine der beiden Angaben oder führen Sie sie zusammen.' };
    }
    case 'TAB_AS_INDENT':
      return { offset, message: 'Die Zeile ist mit einem Tabulator eingerückt.', hint: `${INDENT_HINT} Stellen Sie den Editor so ein, dass er Leerzeichen statt Tabulatoren einfügt.` };
    case 'BAD_INDENT': {
      const bracket = /end with an? ([}\]])/.exec(error.message)?.[1];
      if (bracket) {
        const open = bracket === '}' ? '{' : '[';
        return {
          offset: unclosedBracket(text, error.pos[0], open, bracket) ?? offset,
          message: `Die Klammer „${open}“ wird nicht mit „${bracket}“ geschlossen.`,
          hint: `Schließen Sie die Klammer am Ende der Zeile mit „${bracket}“.`,
        };
      }
      return indentationProblem(text, offset) ?? { offset, message: 'Die Einrückung passt nicht zu den Zeilen darüber.', hint: INDENT_HINT };
    }
    case 'MISSING_CHAR': {
      const quote = /closing (["'])quote/.exec(error.message)?.[1];
      if (quote) {
        return {
          offset: unclosedQuote(text, error.pos[0], quote) ?? offset,
          message: `Ein Wert beginnt mit einem Anführungszeichen (${quote}), das nicht geschlossen wird.`,
          hint: `Setzen Sie ans Ende des Werts ebenfalls ein ${quote} oder lassen Sie die Anführungszeichen weg.`,
        };
      }
      // „Sequence item without - indicator“ and a line that has its colon: the line is indented
      // less than its neighbours, not missing anything.
      const line = lineAround(text, offset);
      if (/without - indicator/.test(error.message) || /^\s*[^\s#:-][^:#]*:(\s|$)/.test(line.text)) {
        const problem = indentationProblem(text, line.start);
        if (problem) return problem;
      }
      return { offset, message: 'Nach dem Feldnamen fehlt der Doppelpunkt.', hint: 'Schreiben Sie „feld: wert“ mit Doppelpunkt und Leerzeichen.' };
    }
    case 'BLOCK_AS_IMPLICIT_KEY': {
      const next = overIndentedLineAfter(text, offset);
      const problem = next === undefined ? undefined : indentationProblem(text, next);
      if (problem) return problem;
      return { offset, message: 'In einem Wert steht ein Doppelpunkt mit Leerzeichen („: “), oder die Zeile darunter ist zu weit eingerückt.', hint: `${QUOTE_HINT} ${INDENT_HINT}` };
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return { offset, message: 'Hier wird „feld: wert“ erwartet: der Doppelpunkt fehlt oder die Einrückung stimmt nicht.', hint: `Schreiben Sie „feld: wert“. ${INDENT_HINT}` };
    case 'BAD_SCALAR_START':
      return { offset, message: `Ein Wert beginnt mit „${found}“; das ist in YAML nur in Anführungszeichen erlaubt.`, hint: QUOTE_HINT };
    case 'BAD_DQ_ESCAPE':
      return { offset, message: 'In doppelten Anführungszeichen steht ein Backslash „\\“, der kein gültiges Escape-Zeichen ist.', hint: 'Schreiben Sie „\\\\“ für einen Backslash oder verwenden Sie einfache Anführungszeichen.' };
    case 'MULTIPLE_DOCS':
      return { offset, message: 'Die Datei enthält eine zweite Zeile „---“ und damit mehrere YAML-Dokumente.', hint: 'Entfernen Sie die Zeile „---“; jede Datei enthält genau einen Block von Feldern.' };
    case 'UNEXPECTED_TOKEN':
      return { offset, message: `Unerwartetes Zeichen „${found}“.`, hint: `Prüfen Sie Einrückung und Doppelpunkte in dieser Zeile. ${QUOTE_HINT}` };
    case 'BLOCK_IN_FLOW':
      return { offset, message: 'In eckigen oder geschweiften Klammern steht ein mehrzeiliger Block.', hint: 'Schreiben Sie den Inhalt der Klammern in eine Zeile oder verwenden Sie eingerückte Zeilen ohne Klammern.' };
    case 'KEY_OVER_1024_CHARS':
      return { offset, message: 'Ein Feldname ist länger als 1024 Zeichen (fehlt ein Zeilenumbruch?).', hint: 'Prüfen Sie, ob vor dem Doppelpunkt ein Zeilenumbruch fehlt.' };
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_DIRECTIVE':
    case 'BAD_PROP_ORDER':
    case 'MULTIPLE_TAGS':
    case 'MULTIPLE_ANCHORS':
    case 'ALIAS_PROPS':
    case 'BAD_ALIAS':
      return { offset, message: `Das Zeichen „${found.charAt(0)}“ hat in YAML eine besondere Bedeutung (Typangabe, Anker oder Verweis).`, hint: QUOTE_HINT };
    default:
      return { offset, message: 'Die Zeile ist kein gültiges YAML.', hint: `Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile und der darüber. ${QUOTE_HINT}` };
  }
}

/** The line that contains `offset`: its start offset and its text. */
function lineAround(text: string, offset: number): { start: number; text: string } {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const end = text.indexOf('\n', offset);
  return { start, text: text.slice(start, end < 0 ? text.length : end) };
}

/** Column where a line's field name starts: after its indentation and any „- “ list markers. */
function keyColumn(line: string): number {
  return /^(?:\s*-\s+)*\s*/.exec(line)![0].length;
}

/**
 * For a value that YAML read as a nested map (`name: y` followed by a line indented further):
 * the start of that next line, if it is more indented than the field and itself a `feld: wert`
 * line, and the value has no „: “ of its own (that is the quoting case).
 */
function overIndentedLineAfter(text: string, offset: number): number | undefined {
  const line = lineAround(text, offset);
  if (/:\s/.test(text.slice(offset, line.start + line.text.length))) return undefined;
  let start = line.start + line.text.length + 1;
  while (start < text.length) {
    const next = lineAround(text, start);
    if (next.text.trim() !== '' && !next.text.trimStart().startsWith('#')) {
      const indent = next.text.length - next.text.trimStart().length;
      return indent > keyColumn(line.text) && /^\s*[^\s#:-][^:#]*:(\s|$)/.test(next.text) ? next.start : undefined;
    }
    start = next.start + next.text.length + 1;
  }
  return undefined;
}

/**
 * A German message for a field line (starting at `lineStart`) whose indentation fits no level:
 * how far it is indented, how far the field above it, and what to do.
 */
function indentationProblem(text: string, lineStart: number): { offset: number; message: string; hint: string } | undefined {
  const line = lineAround(text, lineStart);
  const indent = line.text.length - line.text.trimStart().length;
  const key = /^\s*([^\s:#][^:#]*?)\s*:/.exec(line.text)?.[1];
  if (!key) return undefined;
  let start = line.start - 1;
  while (start > 0) {
    const above = lineAround(text, start - 1);
    if (above.text.trim() !== '' && !above.text.trimStart().startsWith('#')) {
      const column = keyColumn(above.text);
      if (column === indent) return undefined;
      const spaces = (n: number) => (n === 1 ? '1 Leerzeichen' : `${n} Leerzeichen`);
      return {
        offset: line.start + indent,
        message: `Die Einrückung stimmt nicht: „${key}“ ist mit ${spaces(indent)} eingerückt, das Feld in der Zeile darüber ${column === 0 ? 'gar nicht' : `mit ${spaces(column)}`}.`,
        hint: `Gehört „${key}“ zur selben Ebene wie die Zeile darüber, ${column === 0 ? 'beginnen Sie die Zeile wie diese ohne Leerzeichen' : `rücken Sie es genau so weit ein (${spaces(column)})`}. ${INDENT_HINT}`,
      };
    }
    start = above.start;
  }
  return undefined;
}

/** Where a quoted value opens that is not closed on its line, searching upwards from `before`. */
function unclosedQuote(text: string, before: number, quote: string): number | undefined {
  const opener = quote === '"' ? /(^|[\s[{,:-])"(?:[^"\\\n]|\\.)*$/ : /(^|[\s[{,:-])'(?:[^'\n]|'')*$/;
  let end = before;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    const match = opener.exec(line);
    if (match) return start + match.index + match[1]!.length;
    end = start - 1;
  }
  return undefined;
}

/** Where a flow collection opens that is not closed on its line, searching upwards from `before`. */
function unclosedBracket(text: string, before: number, open: string, close: string): number | undefined {
  let end = before;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    const opened = line.lastIndexOf(open);
    if (opened >= 0 && line.indexOf(close, opened) === -1) return start + opened;
    end = start - 1;
  }
  return undefined;
}

/** The field name that starts at `offset` (up to its colon). */
function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, text.indexOf('\n', offset) === -1 ? undefined : text.indexOf('\n', offset));
  const quoted = /^(["'])(.*?)\1/.exec(rest);
  if (quoted) return quoted[2]!;
  return (/^([^:#]*?)\s*:/.exec(rest)?.[1] ?? rest).trim();
}

/** Line of the first `key:` at the same indentation as the duplicate at `offset`. */
function firstKeyLine(text: string, offset: number, key: string): number | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const column = offset - lineStart;
  const lines = text.slice(0, lineStart).split('\n');
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^[ -]{${column}}${escaped}\\s*:`);
  const index = lines.findIndex((line) => pattern.test(line));
  return index === -1 ? undefined : index + 1;
}
