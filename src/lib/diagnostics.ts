import type { ContentArea } from './content-model.ts';

/** One problem found in the content, addressed to the author who must fix it. */
export interface Diagnostic {
  /** Path relative to the content folder's parent, e.g. `content/toms/vertraulichkeit.yaml`. */
  file: string;
  line?: number;
  column?: number;
  /** Dotted field path, e.g. `entries[3].signed`. */
  field?: string;
  /** What is wrong, in German. */
  message: string;
  /** What to do about it, in German. */
  hint?: string;
  /** Which rule found it (`schema`, `syntax`, or a rule id). */
  rule: string;
  severity: 'error' | 'warning';
  /**
   * A „Folgefehler“: the finding probably follows from the errors in these files (they failed to
   * parse or their schema, or hold an ambiguous id), so it is listed after them, and the hint says so.
   */
  consequenceOf?: string[];
  /**
   * Set by a rule on a finding that holds only if these content areas are complete (see
   * `Rule.needsComplete`); validation turns it into `consequenceOf` and drops it.
   */
  needs?: readonly ContentArea[];
}

export type PathSegment = string | number;

export function formatFieldPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

export function formatLocation(d: Pick<Diagnostic, 'file' | 'line' | 'column'>): string {
  if (d.line === undefined) return d.file;
  return d.column === undefined ? `${d.file}:${d.line}` : `${d.file}:${d.line}:${d.column}`;
}

/** Renders one diagnostic as the author reads it in the terminal. */
export function formatDiagnostic(d: Diagnostic): string {
  const label = d.consequenceOf ? (d.severity === 'error' ? 'Folgefehler' : 'Folgewarnung') : d.severity === 'error' ? 'Fehler' : 'Warnung';
  const field = d.field ? ` Feld „${d.field}“:` : '';
  const first = `${label}: ${formatLocation(d)}${field} ${d.message}`;
  return d.hint ? `${first}\n  → ${d.hint}` : first;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file, 'en') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.message.localeCompare(b.message, 'de')
  );
}

/**
 * The order an author works through: root causes by file and line, then the findings that
 * probably follow from them („Folgefehler“), also by file and line.
 */
export function orderDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => Number(a.consequenceOf !== undefined) - Number(b.consequenceOf !== undefined) || compareDiagnostics(a, b));
}

/** Summary line in German, with correct singular and plural; consequences are counted apart from the errors they follow from. */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[], fileCount: number): string {
  const errors = diagnostics.filter((d) => d.severity === 'error' && !d.consequenceOf).length;
  const consequences = diagnostics.filter((d) => d.severity === 'error' && d.consequenceOf).length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const files = fileCount === 1 ? '1 Datei' : `${fileCount} Dateien`;
  if (errors === 0 && consequences === 0 && warnings === 0) return `${files} geprüft: keine Fehler.`;
  const e = errors === 0 ? 'keine Fehler' : `${errors} Fehler`;
  const f = consequences === 0 ? '' : `, ${consequences} Folgefehler`;
  const w = warnings === 0 ? '' : warnings === 1 ? ', 1 Warnung' : `, ${warnings} Warnungen`;
  return `${files} geprüft: ${e}${f}${w}.`;
}
