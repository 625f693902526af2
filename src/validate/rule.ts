import type { Content, ContentArea, SourceRef } from '../lib/content-model.ts';
import { formatFieldPath, type Diagnostic, type PathSegment } from '../lib/diagnostics.ts';
import type { GapKind, ParsedContent } from '../lib/parse-content.ts';

export interface RuleOptions {
  /** Reference date: no ledger event may lie after it. Absent: no future check. */
  asOf?: string;
}

/**
 * A cross-file check. Pure: reads the content model, returns diagnostics.
 *
 * A file that fails to parse or its schema is missing from the model (in part or whole), and its
 * error is reported already. A rule must not send the author elsewhere first. Two ways:
 * - A rule that looks up single ids skips what `mayBeUnreadable` says may be in such a file.
 * - A rule that counts or compares across an area says so in `needsComplete` (or per finding with
 *   `needing`): while a file of that area has an error, its findings are „Folgefehler“ of that
 *   file, listed after the root causes (`checkContent` in index.ts).
 */
export interface Rule {
  id: string;
  /** One German sentence: what the rule ensures. */
  description: string;
  /** Areas every finding of this rule needs whole (e.g. the signing figures: every party, every ledger entry). */
  needsComplete?: readonly ContentArea[];
  /**
   * The rule decides whether things can be told apart (unique ids, file names). Its errors, like a
   * parse error, leave their area incomplete for the rules that need it whole.
   */
  identity?: true;
  check(content: Content, options: RuleOptions): Diagnostic[];
}

/** Marks one finding as holding only if `areas` are complete (for rules whose other findings do not depend on them). */
export function needing(areas: readonly ContentArea[], diagnostic: Diagnostic): Diagnostic {
  return { ...diagnostic, needs: areas };
}

/** Builds a diagnostic that points at a field of a located item. */
export function at(
  content: Content,
  rule: string,
  source: SourceRef,
  field: PathSegment[],
  message: string,
  hint: string,
  severity: 'error' | 'warning' = 'error',
): Diagnostic {
  const pos = content.lineOf(source, ...field);
  const fullPath = [...source.path, ...field];
  return {
    file: source.file,
    line: pos?.line,
    column: pos?.column,
    field: fullPath.length > 0 ? formatFieldPath(fullPath) : undefined,
    message,
    hint,
    rule,
    severity,
  };
}

/**
 * Whether `kind:id` may exist in a file that could not be read. Its error is reported
 * already; a rule must not report the same mistake again as a dangling reference.
 * `id` ending in `/` asks for any id with that prefix (e.g. every version of an agreement).
 */
export function mayBeUnreadable(content: Content, kind: GapKind, id?: string): boolean {
  const gaps = (content as Partial<ParsedContent>).gaps;
  if (!gaps) return false;
  if (gaps.kinds.has(kind)) return true;
  if (id === undefined) return [...gaps.ids].some((key) => key.startsWith(`${kind}:`));
  if (id.endsWith('/')) return [...gaps.ids].some((key) => key.startsWith(`${kind}:${id}`));
  return gaps.ids.has(`${kind}:${id}`);
}

/** „a, b und c“, or `empty` for an empty list. */
export function listGerman(values: Iterable<string>, empty: string, quote = true): string {
  const items = [...values].map((v) => (quote ? `„${v}“` : v));
  if (items.length === 0) return empty;
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}
