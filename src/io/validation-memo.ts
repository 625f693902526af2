import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from './atomic-dir.ts';
import type { ValidationResult } from './validate-content.ts';

interface Remembered {
  key: string;
  result: Omit<ValidationResult, 'content' | 'sources'> & { content: Omit<ValidationResult['content'], 'lineOf' | 'hasField'> };
}

/**
 * The last validation without errors, under the fingerprint of everything it depends on (program,
 * --as-of, every content file, how paths are shown): a build of unchanged content takes its result
 * instead of reading, parsing and checking again. Its content has no line or field lookup, like the one
 * the validation worker hands back (the messages already carry their lines).
 */
export async function recallValidation(cacheDir: string, key: string): Promise<ValidationResult | undefined> {
  const bytes = await readFile(file(cacheDir)).catch(() => undefined);
  if (!bytes) return undefined;
  try {
    const remembered = deserialize(bytes) as Remembered;
    if (remembered.key !== key) return undefined;
    return { ...remembered.result, content: { ...remembered.result.content, lineOf: () => undefined, hasField: () => false } };
  } catch {
    return undefined;
  }
}

export async function rememberValidation(cacheDir: string, key: string, result: ValidationResult): Promise<void> {
  if (result.errors > 0) return;
  const { lineOf: _lineOf, hasField: _hasField, ...content } = result.content;
  const { sources: _sources, ...rest } = result;
  // A result that cannot be kept costs the next build a validation, nothing else.
  await writeFileAtomic(file(cacheDir), serialize({ key, result: { ...rest, content } } satisfies Remembered)).catch(() => undefined);
}

function file(cacheDir: string): string {
  return path.join(cacheDir, 'content', 'last-validation.bin');
}
