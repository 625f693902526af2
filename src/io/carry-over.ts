import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * Puts the files under `from/<rel>` into `to/<rel>` for every `rel` in `paths` ('' = the whole
 * folder), leaving out the relative paths in `exclude` (they belong to another stage). Hard links
 * where possible (the previous output is removed after the swap, the bytes stay), else copies.
 * Returns the number of files placed; a missing source counts as none.
 */
export async function carryOverFiles(from: string, to: string, paths: readonly string[], exclude: readonly string[] = []): Promise<number> {
  const excluded = new Set(exclude.map(normalise));
  let count = 0;
  const walk = async (rel: string): Promise<void> => {
    if (excluded.has(rel)) return;
    const source = path.join(from, rel);
    const entries = await readdir(source, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOTDIR') return 'file' as const;
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    if (entries === 'file') {
      const target = path.join(to, rel);
      await mkdir(path.dirname(target), { recursive: true });
      await link(source, target).catch(() => copyFile(source, target));
      count++;
      return;
    }
    for (const entry of entries) {
      // Temporary files of an interrupted atomic write are not output.
      if (entry.name.endsWith('.tmp')) continue;
      await walk(rel ? `${rel}/${entry.name}` : entry.name);
    }
  };
  for (const rel of paths) await walk(normalise(rel));
  return count;
}

function normalise(rel: string): string {
  return rel.split(/[\\/]+/).filter(Boolean).join('/');
}
