import { cp, mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runScript } from './support/run-cli.ts';
import { hashTree } from './support/tree-hash.ts';

// A build after a change does only what the change touches – and must give exactly what a build
// from nothing gives for the same content: every file of dist/ and dist-private/ compared.
let work: string;
let content: string;
const dir = (name: string) => path.join(work, name);

/** A build into `<name>/dist` and `<name>/dist-private` with the cache `<name>/cache`. */
async function build(name: string) {
  const result = await runScript('build', ['--content', content, '--out', path.join(dir(name), 'dist'), '--private-out', path.join(dir(name), 'dist-private'), '--cache-dir', path.join(dir(name), 'cache')]);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return result.stdout;
}

/** Both output folders, file by file. */
async function tree(name: string) {
  return { public: await hashTree(path.join(dir(name), 'dist')), private: await hashTree(path.join(dir(name), 'dist-private')) };
}

/** The log line of a stage: „✓ PDFs erzeugen (…): …“. */
function stageLine(log: string, label: string): string {
  return log.split('\n').find((line) => line.includes(label)) ?? '';
}

/** A fresh build of the content as it is now, with no earlier output, record or cache. */
async function fromNothing(name: string) {
  await build(name);
  return tree(name);
}

async function edit(file: string, change: (text: string) => string) {
  const full = path.join(content, file);
  const before = await readFile(full, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  await writeFile(full, after);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-incremental-'));
  content = dir('content');
  await cp(path.join(ROOT, 'test/fixtures/valid'), content, { recursive: true });
  await build('inc');
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('incremental build', () => {
  it('without a change runs no stage again and leaves every byte as it was', async () => {
    const before = await tree('inc');
    const log = await build('inc');
    // Validation too: the same files give the same result as last time.
    expect(stageLine(log, 'Inhalte prüfen')).toContain('unverändert seit dem letzten Build');
    for (const label of ['PDFs erzeugen', 'Website erzeugen', 'Bericht zur Beschlusskontrolle erzeugen', 'Suchindex erzeugen']) {
      expect(stageLine(log, label), label).toContain('unverändert, aus dem letzten Build übernommen');
    }
    expect(await tree('inc')).toEqual(before);
  }, 120_000);

  it('after one provider changed prints only its copies and gives the bytes of a build from nothing', async () => {
    await edit('parties/traeger/traeger-002.yaml', (text) => text.replace(/(address: \{ street: )([^,]+)/, '$1$2a'));
    const log = await build('inc');
    expect(stageLine(log, 'Inhalte prüfen')).not.toContain('unverändert');
    // Two copies of traeger-002 (versions 1.0 and 1.1 in the fixture's ledger) or one: never all.
    expect(stageLine(log, 'PDFs erzeugen')).toMatch(/: \d+ PDFs.*: [12] neu/);
    // The provider's address is on no searchable page: the search index is carried over.
    expect(stageLine(log, 'Suchindex erzeugen')).toContain('unverändert');
    expect(await tree('inc')).toEqual(await fromNothing('full-after-provider'));
  }, 300_000);

  it('after a signature in the ledger prints no copy (copies never depend on the ledger) and equals a build from nothing', async () => {
    await edit('ledger/muster.yaml', (text) => text.replace(/(version: "1\.1"\n\s+offered: [\d-]+\n\s+)intent: ([\d-]+)/, '$1intent: $2\n    signed: 2023-07-03\n    form: elektronisch\n    signatory: { name: Erika Beispiel, function: Geschäftsführerin }'));
    const log = await build('inc');
    expect(stageLine(log, 'PDFs erzeugen')).toContain('unverändert');
    expect(stageLine(log, 'Website erzeugen')).not.toContain('unverändert');
    expect(await tree('inc')).toEqual(await fromNothing('full-after-ledger'));
  }, 300_000);

  it('after a change every copy shares (a measure of Anlage 1) prints every copy again and equals a build from nothing', async () => {
    await edit('toms/vertraulichkeit.yaml', (text) => text.replace('Jede Anmeldung verlangt einen zweiten Faktor.', 'Jede Anmeldung verlangt einen zweiten Faktor (App oder Schlüssel).'));
    const log = await build('inc');
    const line = stageLine(log, 'PDFs erzeugen');
    const [, total, fresh] = /: (\d+) PDFs.*: (\d+) neu/.exec(line) ?? [];
    expect(Number(fresh), line).toBe(Number(total));
    expect(await tree('inc')).toEqual(await fromNothing('full-after-measure'));
  }, 300_000);

  it('runs a stage again whose output was touched since, and repairs it', async () => {
    const before = await tree('inc');
    const copy = Object.keys(before.public).find((file) => file.startsWith('pdf/') && file.endsWith('.pdf'))!;
    await unlink(path.join(dir('inc'), 'dist', copy));
    const log = await build('inc');
    expect(stageLine(log, 'PDFs erzeugen')).not.toContain('unverändert');
    expect(stageLine(log, 'Website erzeugen')).toContain('unverändert');
    expect(await tree('inc')).toEqual(before);
  }, 120_000);
});
