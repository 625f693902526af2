import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSyntheticContent, type SyntheticOptions } from '../../lib/synthetic-content.ts';
import { readContentFiles } from '../load-content.ts';

/** Writes synthetic content (real texts, generated providers and ledger) into `targetDir`. */
export async function writeSyntheticContent(baseDir: string, targetDir: string, options: SyntheticOptions): Promise<number> {
  const decoder = new TextDecoder();
  const base = new Map((await readContentFiles(path.resolve(baseDir))).map((f) => [f.path, decoder.decode(f.bytes)]));
  const files = buildSyntheticContent(base, options);
  await rm(targetDir, { recursive: true, force: true });
  for (const [file, text] of files) {
    const full = path.join(targetDir, file);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, text);
  }
  return files.size;
}
