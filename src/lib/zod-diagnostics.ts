import type { z } from 'zod';
import { formatFieldPath, type Diagnostic, type PathSegment } from './diagnostics.ts';
import type { YamlSource } from './yaml-source.ts';

/** Turns schema issues into author-facing German diagnostics with file, line and field. */
export function zodIssuesToDiagnostics(issues: readonly z.core.$ZodIssue[], source: YamlSource): Diagnostic[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    const { line, column } = source.lineOf(path);
    const { message, hint } = describeIssue(issue, path);
    return {
      file: source.file,
      line,
      column,
      field: path.length > 0 ? formatFieldPath(path) : undefined,
      message,
      hint,
      rule: 'schema',
      severity: 'error' as const,
    };
  });
}

function describeIssue(issue: z.core.$ZodIssue, path: PathSegment[]): { message: string; hint?: string } {
  const last = path[path.length - 1];
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return {
      message: 'Pflichtfeld fehlt.',
      hint: `Ergänzen Sie das Feld „${String(last ?? '')}“ (Muster in der README.md des Ordners).`,
    };
  }
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `„${k}“`).join(', ');
    return {
      message: issue.keys.length === 1 ? `Unbekanntes Feld ${keys}.` : `Unbekannte Felder ${keys}.`,
      hint: 'Prüfen Sie die Schreibweise oder entfernen Sie das Feld; die erlaubten Felder stehen in der README.md des Ordners.',
    };
  }
  if (issue.code === 'invalid_type' && issue.expected === 'array') {
    return { message: 'Muss eine Liste sein.', hint: 'Schreiben Sie die Werte als Liste, z. B. „[a, b]“ oder je Zeile „- a“.' };
  }
  if (issue.code === 'invalid_type' && issue.expected === 'object') {
    return { message: 'Muss ein Block mit Feldern sein.', hint: 'Rücken Sie die Felder darunter mit zwei Leerzeichen ein.' };
  }
  const text = issue.message;
  const value = 'input' in issue && issue.input !== undefined && typeof issue.input !== 'object' ? ` (gefunden: „${String(issue.input)}“)` : '';
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return { message: `${capitalised.replace(/\.?$/, '.')}${value}`, hint: hintFor(issue) };
}

function hintFor(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'invalid_value') return 'Verwenden Sie genau einen der genannten Werte (Kleinschreibung, ohne Umlaute).';
  if (issue.code === 'too_small') return 'Ergänzen Sie den fehlenden Inhalt.';
  return undefined;
}
