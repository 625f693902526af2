import type { Content, SourceRef } from '../lib/content-model.ts';
import { formatFieldPath, type Diagnostic, type PathSegment } from '../lib/diagnostics.ts';

export interface RuleOptions {
  /** Reference date: no ledger event may lie after it. Absent: no future check. */
  asOf?: string;
}

/** A cross-file check. Pure: reads the content model, returns diagnostics. */
export interface Rule {
  id: string;
  /** One German sentence: what the rule ensures. */
  description: string;
  check(content: Content, options: RuleOptions): Diagnostic[];
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
