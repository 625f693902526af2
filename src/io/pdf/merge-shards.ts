import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ManifestError, manifestPaths, mergeManifests, parseManifest, renderManifestJson } from '../../lib/pdf/manifest.ts';
import { writeFileAtomic } from '../atomic-dir.ts';
import { UsageError } from '../cli.ts';

const SHARD_MANIFEST = /^manifest-shard-(\d+)-of-(\d+)\.json$/;

export interface MergedShards {
  shards: number;
  entries: number;
  documents: number;
  privateEntries: number;
}

/**
 * The last step of a sharded run (`npm run pdf -- --shard K/N` on N machines, their `pdf/`
 * folders copied into one output, as a CI system's artifacts are): joins the shards' directories
 * into `pdf/manifest.json` of both outputs and removes the shard directories, so the output is
 * what one `npm run pdf` writes. Refuses a missing shard, shards of different content or browsers,
 * and a listed PDF that did not arrive – before writing anything.
 */
export async function mergeShardOutputs(outDir: string, privateOutDir: string): Promise<MergedShards> {
  const publicShards = await shardManifests(path.join(outDir, 'pdf'));
  if (publicShards.length === 0) {
    throw new UsageError(`In ${path.join(outDir, 'pdf')} liegt kein Teilverzeichnis (manifest-shard-K-of-N.json). Kopieren Sie zuerst die Ausgaben aller Läufe mit --shard hierher.`);
  }
  const privateShards = await shardManifests(path.join(privateOutDir, 'pdf'));
  const merged = mergeManifests(publicShards);
  // Every shard writes its private directory, also an empty one: a missing one is a lost part.
  const count = publicShards[0]!.manifest.shard!.count;
  const privateIndexes = new Set(privateShards.map((s) => s.manifest.shard?.index));
  const lostPrivate = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !privateIndexes.has(i));
  if (lostPrivate.length > 0) {
    throw new ManifestError(
      `In ${path.join(privateOutDir, 'pdf')} fehlen die nicht öffentlichen Teilverzeichnisse ${lostPrivate.map((i) => `${i}/${count}`).join(', ')}. Kopieren Sie auch den Ordner --private-out jedes Laufs hierher.`,
    );
  }
  const mergedPrivate = mergeManifests(privateShards);
  for (const [root, manifest] of [
    [outDir, merged],
    [privateOutDir, mergedPrivate],
  ] as const) {
    const lost: string[] = [];
    for (const file of manifestPaths(manifest)) if (!(await isFile(path.join(root, file)))) lost.push(file);
    if (lost.length > 0) {
      throw new ManifestError(`Die Teilverzeichnisse nennen ${lost.length === 1 ? 'ein PDF, das' : `${lost.length} PDFs, die`} in ${root} fehlen: ${lost.slice(0, 5).join(', ')}${lost.length > 5 ? ' …' : ''}. Kopieren Sie die Ausgaben aller Teile vollständig.`);
    }
  }
  await writeFileAtomic(path.join(outDir, 'pdf', 'manifest.json'), renderManifestJson(merged));
  // Like one run: a private directory only when there are private copies.
  if (mergedPrivate.entries.length > 0) await writeFileAtomic(path.join(privateOutDir, 'pdf', 'manifest.json'), renderManifestJson(mergedPrivate));
  for (const { source } of [...publicShards, ...privateShards]) await rm(source, { force: true });
  return { shards: count, entries: merged.entries.length, documents: merged.documents?.length ?? 0, privateEntries: mergedPrivate.entries.length };
}

async function shardManifests(dir: string) {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => SHARD_MANIFEST.test(name)).sort();
  return Promise.all(names.map(async (name) => {
    const source = path.join(dir, name);
    return { manifest: parseManifest(await readFile(source, 'utf8'), source), source };
  }));
}

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile(), () => false);
}
