import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The project folder (this file lies in src/io/). */
const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * What of the program shapes the outputs: its code, its print templates and site assets, the
 * locked dependency versions and Node. A remembered result (a parsed file, a stage's output) is
 * used again only under the same fingerprint, so after any change to the program everything is
 * computed afresh – coarse, but never stale.
 */
const PROGRAM_PATHS = ['src', 'templates', 'public', 'scripts', 'package.json', 'package-lock.json', 'astro.config.mjs', 'tsconfig.json'];

let cached: Promise<string> | undefined;

export function programFingerprint(): Promise<string> {
  cached ??= computeFingerprint();
  return cached;
}

async function computeFingerprint(): Promise<string> {
  const hash = createHash('sha256').update(`node ${process.version}\0`);
  for (const file of (await Promise.all(PROGRAM_PATHS.map((p) => filesBelow(p)))).flat().sort()) {
    const bytes = await readFile(path.join(ROOT, file)).catch(() => undefined);
    if (bytes) hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex');
}

/** Relative paths of the files at or below `rel` (none when it does not exist). */
async function filesBelow(rel: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, rel), { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOTDIR') return 'file' as const;
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  if (entries === 'file') return [rel];
  return entries.filter((e) => e.isFile()).map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}
