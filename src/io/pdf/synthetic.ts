import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSynthetic, type SyntheticKind, type SyntheticOptions } from '../../lib/synthetic-content.ts';
import { readContentFiles } from '../load-content.ts';

/** Writes synthetic content (real texts, generated parties of one kind and their ledger) into `targetDir`; returns the number of files and the kind. */
export async function writeSyntheticContent(baseDir: string, targetDir: string, options: SyntheticOptions): Promise<{ files: number; kind: SyntheticKind }> {
  const decoder = new TextDecoder();
  const base = new Map((await readContentFiles(path.resolve(baseDir))).map((f) => [f.path, decoder.decode(f.bytes)]));
  const { files, kind } = buildSynthetic(base, options);
  await rm(targetDir, { recursive: true, force: true });
  for (const [file, text] of files) {
    const full = path.join(targetDir, file);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, text);
  }
  return { files: files.size, kind };
}
