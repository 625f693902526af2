import type { Content } from '../lib/content-model.ts';
import { compareDiagnostics, type Diagnostic } from '../lib/diagnostics.ts';
import { runRules } from '../validate/index.ts';
import type { RuleOptions } from '../validate/rule.ts';
import { loadContent } from './load-content.ts';

export interface ValidationResult {
  content: Content;
  diagnostics: Diagnostic[];
  errors: number;
}

/** Loads, parses and cross-checks a content folder. */
export async function validateContentDir(contentDir: string, options: RuleOptions = {}): Promise<ValidationResult> {
  const { content, diagnostics } = await loadContent(contentDir);
  const ruleDiagnostics = runRules(content, options);
  // File and line order, so an author can work through the list top to bottom.
  const all = [...diagnostics, ...ruleDiagnostics].sort(compareDiagnostics);
  return { content, diagnostics: all, errors: all.filter((d) => d.severity === 'error').length };
}
