import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Content } from '../lib/content-model.ts';
import type { Diagnostic } from '../lib/diagnostics.ts';
import { parseContent } from '../lib/parse-content.ts';
import { checkContent } from '../validate/index.ts';
import type { RuleOptions } from '../validate/rule.ts';
import { displayPrefixFor, readContentFiles } from './load-content.ts';
import { programFingerprint } from './program-fingerprint.ts';
import { openSourceCache } from './source-cache.ts';
import { loadTextDefaults, overridableTemplateNames } from './templates.ts';

export interface ValidationResult {
  content: Content;
  diagnostics: Diagnostic[];
  errors: number;
  /** SHA-256 of every file read, by its path relative to the content folder: what the outputs were made from. */
  fileDigests: Record<string, string>;
  /** With a cache: how many YAML and MDX texts were parsed, and how many results came from earlier runs. */
  sources?: { parsed: number; remembered: number };
}

export interface ValidateOptions {
  /** Remember parse results here across runs (`<cacheDir>/content/`): only changed files are parsed again. */
  cacheDir?: string;
}

/** Loads, parses and cross-checks a content folder (with the bundled pages and texts as defaults, as loadContent does). */
export async function validateContentDir(contentDir: string, options: RuleOptions = {}, { cacheDir }: ValidateOptions = {}): Promise<ValidationResult> {
  const root = path.resolve(contentDir);
  const files = await readContentFiles(root);
  const sources = cacheDir ? await openSourceCache(cacheDir, await programFingerprint()) : undefined;
  const parsed = parseContent(files, displayPrefixFor(root), { defaults: await loadTextDefaults(), templateNames: await overridableTemplateNames(), parsers: sources });
  // A cache that cannot be written costs time next run, not correctness.
  await sources?.save().catch(() => undefined);
  // Root causes first, each group in file and line order, so an author can work top to bottom.
  const all = checkContent(parsed, options);
  const fileDigests = Object.fromEntries(files.map((f) => [f.path, createHash('sha256').update(f.bytes).digest('hex')]));
  return { content: parsed.content, diagnostics: all, errors: all.filter((d) => d.severity === 'error').length, fileDigests, sources: sources && { ...sources.stats } };
}
