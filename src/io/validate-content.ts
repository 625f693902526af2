import type { Content } from '../lib/content-model.ts';
import type { Diagnostic } from '../lib/diagnostics.ts';
import { checkContent } from '../validate/index.ts';
import type { RuleOptions } from '../validate/rule.ts';
import { loadContent } from './load-content.ts';

export interface ValidationResult {
  content: Content;
  diagnostics: Diagnostic[];
  errors: number;
}

/** Loads, parses and cross-checks a content folder. */
export async function validateContentDir(contentDir: string, options: RuleOptions = {}): Promise<ValidationResult> {
  const parsed = await loadContent(contentDir);
  // Root causes first, each group in file and line order, so an author can work top to bottom.
  const all = checkContent(parsed, options);
  return { content: parsed.content, diagnostics: all, errors: all.filter((d) => d.severity === 'error').length };
}
