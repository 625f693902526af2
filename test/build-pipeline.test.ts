import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashTree } from './support/tree-hash.ts';
import { ROOT, runScript } from './support/run-cli.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/valid');
let work: string;
let contentA: string;
let contentB: string;
let broken: string;
let out: string;
let hashA: Record<string, string>;
let hashB: Record<string, string>;

const build = (content: string, extra: string[] = [], options: Parameters<typeof runScript>[2] = {}) =>
  runScript('build', ['--content', content, '--out', out, '--private-out', `${out}-private`, '--cache-dir', path.join(work, 'cache'), '--skip', 'pdf', ...extra], options);

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-pipeline-'));
  contentA = path.join(work, 'a');
  contentB = path.join(work, 'b');
  broken = path.join(work, 'broken');
  out = path.join(work, 'dist');
  await cp(FIXTURE, contentA, { recursive: true });
  await cp(FIXTURE, contentB, { recursive: true });
  await cp(FIXTURE, broken, { recursive: true });
  const site = path.join(contentB, 'site.yaml');
  await writeFile(site, (await readFile(site, 'utf8')).replace('title: Vertragswerk Testinhalt', 'title: Vertragswerk Testinhalt B'));
  const ledger = path.join(broken, 'ledger/muster.yaml');
  await writeFile(ledger, (await readFile(ledger, 'utf8')).replace('signed: 2022-05-12', 'signed: 2022-02-30'));

  const first = await build(contentB);
  expect(first.code, first.stderr).toBe(0);
  hashB = await hashTree(out);
  const second = await build(contentA);
  expect(second.code, second.stderr).toBe(0);
  hashA = await hashTree(out);
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('build pipeline', () => {
  it('produces different output for different content (so the checks below can tell A from B)', () => {
    expect(Object.keys(hashA).length).toBeGreaterThan(0);
    expect(hashA).not.toEqual(hashB);
  });

  it('is reproducible: a second clean build of the same content gives identical bytes', async () => {
    const again = await build(contentA);
    expect(again.code, again.stderr).toBe(0);
    expect(await hashTree(out)).toEqual(hashA);
  });

  it('leaves the previous output byte-identical when the content is broken, and names the problem', async () => {
    const result = await build(broken);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain('ledger/muster.yaml:6');
    expect(result.stdout + result.stderr).toContain('Build abgebrochen');
    expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m);
    expect(await hashTree(out)).toEqual(hashA);
  });

  // Kill points: while validating, early and late in the site build, and after the site stage.
  it.each([
    ['SIGTERM', '', 100],
    ['SIGTERM', '✓ Inhalte prüfen', 0],
    ['SIGTERM', '✓ Inhalte prüfen', 800],
    ['SIGKILL', '✓ Inhalte prüfen', 0],
    ['SIGKILL', '✓ Inhalte prüfen', 1200],
    ['SIGKILL', '✓ Website erzeugen', 0],
  ] as const)('after %s at „%s“ + %i ms the output is the previous or the new build, never a mix', async (signal, after, delayMs) => {
    const killed = await build(contentB, [], { kill: { signal, after: after || undefined, delayMs } });
    // The kill must have hit a running build, or the case tests nothing.
    expect(killed.code === 0 && killed.signal === null, killed.stdout).toBe(false);
    const now = await hashTree(out);
    const isA = JSON.stringify(now) === JSON.stringify(hashA);
    const isB = JSON.stringify(now) === JSON.stringify(hashB);
    expect(isA || isB, `exit ${killed.code}/${killed.signal}`).toBe(true);
    // The next build cleans up whatever the killed one left and succeeds.
    const next = await build(contentA);
    expect(next.code, next.stderr).toBe(0);
    expect(await hashTree(out)).toEqual(hashA);
    const leftovers = (await readdir(work)).filter((name) => name.includes('.staging-') || name.endsWith('.old') || name.endsWith('.lock'));
    expect(leftovers).toEqual([]);
  });

  it('refuses a second build into the same output while one is running', async () => {
    // Other content than the output holds, so the first build has work to do (unchanged content is done at once).
    const [one, two] = await Promise.all([build(contentB), new Promise((r) => setTimeout(r, 150)).then(() => build(contentA))]);
    const codes = [one.code, two.code].sort();
    expect(codes).toEqual([0, 1]);
    const refused = one.code === 1 ? one : two;
    expect(refused.stderr).toContain('Ein anderer Build');
    expect(await hashTree(out)).toEqual(one.code === 0 ? hashB : hashA);
    const back = await build(contentA);
    expect(back.code, back.stderr).toBe(0);
    expect(await hashTree(out)).toEqual(hashA);
  });

  it.each([
    [['--gibtsnicht'], 'Unbekannte Option „--gibtsnicht“.'],
    [['--skip', 'pdfs'], 'Unbekannte Stufe „pdfs“ bei --skip. Meinten Sie „pdf“? Bekannte Stufen: pdf, site, report, search.'],
    [['--skip', 'pdf,seite'], 'Unbekannte Stufe „seite“ bei --skip.'],
    [['dist'], 'Unerwartetes Argument „dist“.'],
  ])('answers the wrong command line %j with exit code 2 and a German usage text, before building anything', async (args, message) => {
    const before = await hashTree(out);
    const result = await runScript('build', ['--content', contentA, '--out', out, '--private-out', `${out}-private`, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Aufruf: npm run build');
    expect(result.stdout).not.toContain('Inhalte prüfen');
    expect(await hashTree(out)).toEqual(before);
  });

  it('carries a skipped stage’s previous output into the new build and shows the carried-over PDFs on the site', async () => {
    const dist = path.join(work, 'carry');
    const priv = path.join(work, 'carry-private');
    const sha256 = 'ab'.repeat(32);
    const manifest = { format: 1, entries: [{ path: 'pdf/muster/1.1/traeger-001.pdf', party: 'traeger-001', agreement: 'muster', version: '1.1', regime: 'dsgvo', bytes: 1234, pages: 7, sha256 }] };
    await mkdir(path.join(dist, 'pdf/muster/1.1'), { recursive: true });
    await writeFile(path.join(dist, 'pdf/manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await writeFile(path.join(dist, 'pdf/muster/1.1/traeger-001.pdf'), '%PDF-1.7 previous build');
    await mkdir(path.join(priv, 'pdf/tagespflege/1.1'), { recursive: true });
    await writeFile(path.join(priv, 'pdf/tagespflege/1.1/ktp-001.pdf'), '%PDF-1.7 private');
    const pdfBefore = await hashTree(path.join(dist, 'pdf'));
    const privateBefore = await hashTree(priv);
    const run = (skip: string) =>
      runScript('build', ['--content', contentA, '--out', dist, '--private-out', priv, '--cache-dir', path.join(work, 'cache'), '--skip', skip]);

    const result = await run('pdf');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('– PDFs erzeugen: übersprungen; bisherige Ausgabe übernommen (3 Dateien); die Website zeigt das PDF aus dem bisherigen Verzeichnis');
    expect(await hashTree(path.join(dist, 'pdf'))).toEqual(pdfBefore);
    expect(await hashTree(priv)).toEqual(privateBefore);
    const page = await readFile(path.join(dist, 'traeger/traeger-001/index.html'), 'utf8');
    expect(page).toContain(sha256);
    expect(page).toContain('/pdf/muster/1.1/traeger-001.pdf');

    // Skipping the site and search keeps the pages from the run above, byte for byte.
    const site = await hashTree(dist);
    const again = await run('pdf,site,search');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/– Website erzeugen: übersprungen; bisherige Ausgabe übernommen \(\d+ Dateien\)/);
    expect(again.stdout).toMatch(/– Suchindex erzeugen: übersprungen; bisherige Ausgabe übernommen \(\d+ Dateien\)/);
    expect(await hashTree(dist)).toEqual(site);
  });

  it('says so when a skipped stage has no previous output, and the site then shows no copies', async () => {
    const dist = path.join(work, 'fresh');
    const result = await runScript('build', ['--content', contentA, '--out', dist, '--private-out', `${dist}-private`, '--cache-dir', path.join(work, 'cache'), '--skip', 'pdf']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('– PDFs erzeugen: übersprungen; keine bisherige Ausgabe');
    expect(result.stdout).toContain('die Website zeigt keine PDF-Ausfertigungen');
    expect(await readFile(path.join(dist, 'traeger/traeger-001/index.html'), 'utf8')).not.toContain('SHA-256');
  });
});
