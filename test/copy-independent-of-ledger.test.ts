import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifest, type PdfManifest } from '../src/lib/pdf/manifest.ts';
import { ROOT, runScript } from './support/run-cli.ts';

// A copy is a record from the day it is sent: recording what happens to it in the ledger (with the
// real `npm run ledger` commands) must not change a byte of any copy.
let work: string;
let contentDir: string;
const out = (name: string) => path.join(work, name);
const pdf = () => runScript('pdf', ['--content', contentDir, '--out', out('dist'), '--private-out', out('dist-private'), '--cache-dir', out('cache')]);
const manifest = async (): Promise<PdfManifest> => parseManifest(await readFile(out('dist/pdf/manifest.json'), 'utf8'), 'manifest.json');
const ledger = (args: string[]) => runScript('ledger', [...args, '--content', contentDir, '--manifest', out('dist/pdf/manifest.json')]);

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-copy-ledger-'));
  contentDir = out('content');
  await cp(path.join(ROOT, 'test/fixtures/valid'), contentDir, { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a copy does not depend on the ledger', () => {
  it('offer, reminder, signature and withdrawal recorded, rebuilt: the same bytes and document ids', async () => {
    const first = await pdf();
    expect(first.code, first.stderr).toBe(0);
    const before = await manifest();
    const copy = before.entries.find((e) => e.path === 'pdf/muster/1.1/traeger-002.pdf')!;
    expect(copy).toBeDefined();

    for (const args of [
      ['offer', '--party', 'traeger-002', '--version', '1.1', '--date', '2023-06-05'],
      ['remind', '--party', 'traeger-002', '--version', '1.1', '--date', '2023-08-01'],
      ['sign', '--party', 'traeger-002', '--version', '1.1', '--date', '2023-09-01', '--form', 'schriftlich', '--function', 'Vorstand', '--name', 'Paul Probe'],
      ['withdraw', '--party', 'traeger-001', '--date', '2023-10-02'],
    ]) {
      const result = await ledger(args);
      expect(result.code, `${args.join(' ')}\n${result.stdout}${result.stderr}`).toBe(0);
    }
    // The ledger names the very copy the build published.
    const text = await readFile(path.join(contentDir, 'ledger/muster.yaml'), 'utf8');
    expect(text).toContain(`offered_copy: { document_id: ${copy.documentId}, sha256: ${copy.sha256} }`);
    expect(text).toContain(`signed_copy: { document_id: ${copy.documentId}, sha256: ${copy.sha256} }`);

    const second = await pdf();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/: 0 neu, \d+ aus dem Cache/);
    const after = await manifest();
    expect(after.entries.map((e) => [e.path, e.sha256, e.documentId])).toEqual(before.entries.map((e) => [e.path, e.sha256, e.documentId]));
    expect(await readFile(out('dist/pdf/manifest.json'), 'utf8')).toBe(JSON.stringify(before, null, 2) + '\n');
  }, 240_000);
});
