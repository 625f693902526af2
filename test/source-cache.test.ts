import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSourceCache } from '../src/io/source-cache.ts';
import { validateContentDir, type ValidationResult } from '../src/io/validate-content.ts';
import { ROOT } from './support/run-cli.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-source-cache-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Everything validation hands on, as data (the line and field lookups are functions). */
function comparable(result: ValidationResult) {
  const { lineOf: _lineOf, hasField: _hasField, ...content } = result.content;
  return { content, diagnostics: result.diagnostics, errors: result.errors, fileDigests: result.fileDigests };
}

describe('remembered parse results', () => {
  it('give every case of the invalid corpus the same messages (file, line, column) and the same content as parsing afresh', async () => {
    const corpus = path.join(ROOT, 'test/fixtures/invalid');
    const cases = (await readdir(corpus, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(cases.length).toBeGreaterThan(50);
    for (const name of cases) {
      const cacheDir = path.join(work, `cache-${name}`);
      const dir = path.join(corpus, name);
      const fresh = await validateContentDir(dir, { asOf: '2023-06-10' }, { cacheDir });
      const remembered = await validateContentDir(dir, { asOf: '2023-06-10' }, { cacheDir });
      expect(comparable(remembered), name).toEqual(comparable(fresh));
    }
  });

  it('parse only the file that changed; a message about an unchanged file still names its line', async () => {
    const content = path.join(work, 'content');
    await cp(path.join(ROOT, 'test/fixtures/valid'), content, { recursive: true });
    const cacheDir = path.join(work, 'cache-edit');
    const first = await validateContentDir(content, {}, { cacheDir });
    expect(first.errors).toBe(0);
    // Every YAML and MDX text: the content's and the bundled defaults it does not override.
    const texts = first.sources!.parsed;
    expect(texts).toBeGreaterThanOrEqual(Object.keys(first.fileDigests).filter((f) => /\.(yaml|mdx)$/.test(f)).length);
    expect(first.sources).toEqual({ parsed: texts, remembered: 0 });
    expect((await validateContentDir(content, {}, { cacheDir })).sources).toEqual({ parsed: 0, remembered: texts });
    // A party leaves the plan: the ledger (unchanged, its result from the cache) now offers to a party not eligible, by line.
    const partyFile = path.join(content, 'parties/traeger/traeger-001.yaml');
    await writeFile(partyFile, (await readFile(partyFile, 'utf8')).replace(/plan: "[^"]*"/g, 'plan: "1999/2000"'));
    const cached = await validateContentDir(content, {}, { cacheDir });
    expect(cached.sources).toEqual({ parsed: 1, remembered: texts - 1 });
    const fresh = await validateContentDir(content, {});
    expect(fresh.diagnostics.filter((d) => d.file.endsWith('ledger/muster.yaml')).map((d) => d.line)).toEqual([3, 9]);
    expect(comparable(cached)).toEqual(comparable(fresh));
  });

  it('forgets everything under another program fingerprint', async () => {
    const cacheDir = path.join(work, 'cache-program');
    const one = await openSourceCache(cacheDir, 'program-a');
    one.yaml('a.yaml', 'id: a\n');
    await one.save();
    expect((await openSourceCache(cacheDir, 'program-a')).yaml('a.yaml', 'id: a\n')).toMatchObject({ ok: true, source: { data: { id: 'a' } } });
    const other = await openSourceCache(cacheDir, 'program-b');
    other.yaml('a.yaml', 'id: a\n');
    expect(other.stats).toEqual({ parsed: 1, remembered: 0 });
  });
});
