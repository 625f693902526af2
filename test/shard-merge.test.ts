import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addChildmindersAgreement } from './support/pdf-build-run.ts';
import { ROOT, runScript } from './support/run-cli.ts';
import { hashTree } from './support/tree-hash.ts';

// What the CI pipelines in templates/ci/ do, here on one machine: N processes, each with its own
// output and cache as on its own runner, print one shard each at the same time; their pdf/ folders
// are put together as the CI system's artifacts are; merge-shards joins the directories; a build
// with --skip pdf makes the site. The result must be the output of one machine, file for file.
const SHARDS = 3;
let work: string;
let content: string;
const dir = (...parts: string[]) => path.join(work, ...parts);
const outputs = (name: string) => ['--out', dir(name, 'dist'), '--private-out', dir(name, 'dist-private')];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-shards-'));
  content = dir('content');
  await cp(path.join(ROOT, 'test/fixtures/valid'), content, { recursive: true });
  // A private copy too: childminders' copies go to dist-private.
  await addChildmindersAgreement(content);
  const single = await runScript('build', ['--content', content, ...outputs('single'), '--cache-dir', dir('single', 'cache')]);
  expect(single.code, single.stdout + single.stderr).toBe(0);
  const shards = await Promise.all(
    Array.from({ length: SHARDS }, (_, i) =>
      runScript('pdf', ['--content', content, ...outputs(`shard-${i + 1}`), '--cache-dir', dir(`shard-${i + 1}`, 'cache'), '--shard', `${i + 1}/${SHARDS}`]),
    ),
  );
  for (const shard of shards) expect(shard.code, shard.stdout + shard.stderr).toBe(0);
  // The artifacts of all shard jobs, unpacked into one workspace (a later one overwrites the same name).
  for (let i = 1; i <= SHARDS; i++) {
    await cp(dir(`shard-${i}`, 'dist', 'pdf'), dir('merged', 'dist', 'pdf'), { recursive: true });
    await cp(dir(`shard-${i}`, 'dist-private', 'pdf'), dir('merged', 'dist-private', 'pdf'), { recursive: true });
  }
}, 600_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('copies printed in shards on several machines, merged', () => {
  it('refuses to merge while a shard is missing, and changes nothing', async () => {
    await cp(dir('merged'), dir('incomplete'), { recursive: true });
    await rm(dir('incomplete', 'dist', 'pdf', `manifest-shard-2-of-${SHARDS}.json`));
    const before = await hashTree(dir('incomplete'));
    const result = await runScript('pdf', ['merge-shards', ...outputs('incomplete')]);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain(`Es fehlen die Teilverzeichnisse 2/${SHARDS}`);
    expect(await hashTree(dir('incomplete'))).toEqual(before);
  });

  it('give the PDFs and directories of one machine, public and private', async () => {
    const merged = await runScript('pdf', ['merge-shards', ...outputs('merged')]);
    expect(merged.code, merged.stdout + merged.stderr).toBe(0);
    expect(merged.stdout).toContain(`✓ ${SHARDS} Teile zusammengeführt`);
    // No shard directory is left to be published.
    expect((await readdir(dir('merged', 'dist', 'pdf'))).filter((f) => f.startsWith('manifest-shard'))).toEqual([]);
    const single = await hashTree(dir('single', 'dist', 'pdf'));
    expect(Object.keys(single)).toContain('manifest.json');
    expect(await hashTree(dir('merged', 'dist', 'pdf'))).toEqual(single);
    const singlePrivate = await hashTree(dir('single', 'dist-private', 'pdf'));
    expect(Object.keys(singlePrivate).length).toBeGreaterThan(1);
    expect(await hashTree(dir('merged', 'dist-private', 'pdf'))).toEqual(singlePrivate);
  });

  it('then a build with --skip pdf gives the whole output of one machine, site included', async () => {
    const site = await runScript('build', ['--content', content, ...outputs('merged'), '--cache-dir', dir('merged', 'cache'), '--skip', 'pdf']);
    expect(site.code, site.stdout + site.stderr).toBe(0);
    expect(await hashTree(dir('merged', 'dist'))).toEqual(await hashTree(dir('single', 'dist')));
    expect(await hashTree(dir('merged', 'dist-private'))).toEqual(await hashTree(dir('single', 'dist-private')));
  }, 300_000);
});
