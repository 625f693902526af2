import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-dir.ts';

/**
 * What the last successful build into an output folder made of what: per stage, the fingerprint
 * of its inputs and the files it left (size and modification time). Kept in the cache folder,
 * never in the output (which is published). A stage whose inputs are unchanged and whose files
 * are still exactly as recorded need not run again: its output is carried over.
 */
export interface BuildRecord {
  version: typeof RECORD_VERSION;
  /** What the whole build was made from: program fingerprint, --as-of, digest of all content files. */
  program: string;
  asOf: string | null;
  content: string;
  stages: Record<string, StageRecord>;
}

export interface StageRecord {
  inputs: string;
  /** `public/<path>` or `private/<path>` → `<bytes>:<mtime ms>`. */
  files: Record<string, string>;
}

const RECORD_VERSION = 2;

/** Which stage owns a file of the output: the same rule as carrying a skipped stage's output over. */
export interface OutputOwner {
  name: string;
  public: readonly string[] | 'rest';
  private?: boolean;
}

export function buildRecordPath(cacheDir: string, outDir: string, privateOutDir: string): string {
  const key = createHash('sha256').update(`${path.resolve(outDir)}\0${path.resolve(privateOutDir)}`).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'builds', `${key}.json`);
}

export async function readBuildRecord(file: string): Promise<BuildRecord | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const record = JSON.parse(text) as BuildRecord;
    return record.version === RECORD_VERSION && record.stages && typeof record.stages === 'object' ? record : undefined;
  } catch {
    return undefined;
  }
}

export async function writeBuildRecord(file: string, record: BuildRecord): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(record)}\n`);
}

/** The files of both output folders, by owning stage: `files` as a StageRecord keeps them. */
export async function outputFiles(outDir: string, privateOutDir: string, owners: readonly OutputOwner[]): Promise<Map<string, Record<string, string>>> {
  const byStage = new Map<string, Record<string, string>>(owners.map((o) => [o.name, {}]));
  const rest = owners.find((o) => o.public === 'rest');
  const claims = owners.flatMap((o) => (o.public === 'rest' ? [] : o.public.map((p) => ({ prefix: p.split('/').filter(Boolean).join('/'), owner: o.name }))));
  const publicOwner = (rel: string) => claims.find((c) => rel === c.prefix || rel.startsWith(`${c.prefix}/`))?.owner ?? rest?.name;
  const privateOwner = owners.find((o) => o.private)?.name;
  for (const [root, side, ownerOf] of [
    [outDir, 'public', publicOwner],
    [privateOutDir, 'private', () => privateOwner],
  ] as const) {
    for (const [rel, signature] of await signatures(root)) {
      const owner = ownerOf(rel);
      if (owner) byStage.get(owner)![`${side}/${rel}`] = signature;
    }
  }
  return byStage;
}

/** Every file below `root` (none when it does not exist) with its size and modification time. */
async function signatures(root: string): Promise<[string, string][]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile() && !e.name.endsWith('.tmp'));
  return Promise.all(
    files.map(async (e) => {
      const full = path.join(e.parentPath, e.name);
      const info = await stat(full);
      return [path.relative(root, full).split(path.sep).join('/'), `${info.size}:${info.mtimeMs}`] as [string, string];
    }),
  );
}

/** Same files, same sizes and times: nothing touched the stage's output since it was recorded. */
export function sameFiles(recorded: Record<string, string>, now: Record<string, string> | undefined): boolean {
  if (!now) return false;
  const keys = Object.keys(recorded);
  return keys.length === Object.keys(now).length && keys.every((k) => now[k] === recorded[k]);
}

/** One digest of a set of file digests (`path → sha256`), optionally leaving some files out. */
export function digestOfFiles(digests: Record<string, string>, include: (path: string) => boolean = () => true): string {
  const hash = createHash('sha256');
  for (const file of Object.keys(digests).sort()) if (include(file)) hash.update(`${file}\0${digests[file]}\n`);
  return hash.digest('hex');
}

export function sha256Of(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** One fingerprint from named parts, in the order given. */
export function fingerprint(parts: Record<string, string | undefined>): string {
  const hash = createHash('sha256');
  for (const [name, value] of Object.entries(parts)) hash.update(`${name}\0${value ?? '\u0001none'}\0`);
  return hash.digest('hex');
}
