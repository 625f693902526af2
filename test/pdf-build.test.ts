import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/io/browser.ts';
import { manifestPaths, parseManifest, type PdfManifest } from '../src/lib/pdf/manifest.ts';
import { hashTree } from './support/tree-hash.ts';
import { addChildmindersAgreement, tool } from './support/pdf-build-run.ts';
import { ROOT, runScript, type CliResult } from './support/run-cli.ts';

// One real build of the fixture (plus a childminders' agreement) in beforeAll, a second one
// with an empty cache for the byte comparison, a third one with the warm cache.
let work: string;
let contentDir: string;
let first: CliResult;
let second: CliResult;
let manifest: PdfManifest;
const out = (name: string) => path.join(work, name);

const build = (dist: string, cache: string) =>
  runScript('build', ['--content', contentDir, '--out', out(dist), '--private-out', out(`${dist}-private`), '--cache-dir', out(cache), '--skip', 'site']);


async function filesBelow(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-pdf-'));
  contentDir = out('content');
  await cp(path.join(ROOT, 'test/fixtures/valid'), contentDir, { recursive: true });
  await addChildmindersAgreement(contentDir);
  first = await build('dist', 'cache');
  expect(first.code, first.stdout + first.stderr).toBe(0);
  second = await build('dist2', 'cache2');
  expect(second.code, second.stdout + second.stderr).toBe(0);
  manifest = parseManifest(await readFile(out('dist/pdf/manifest.json'), 'utf8'), 'manifest.json');
}, 180_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('PDF build of the fixture', () => {
  it('names the browser in the log and reports what it built', () => {
    expect(first.stdout).toMatch(/^Browser: (Chromium Headless Shell|@sparticuz\/chromium|System-Chromium|PUPPETEER_EXECUTABLE_PATH).*(HeadlessChrome|Chrome)\//m);
    expect(first.stdout).toContain('✓ PDFs erzeugen');
    expect(first.stdout).toContain('5 PDFs, davon 1 nicht öffentlich: 5 neu, 0 aus dem Cache');
  });

  it('lists every public PDF in the manifest with its real size, pages and SHA-256', async () => {
    expect(manifest.entries.map((e) => `${e.path} ${e.regime}`)).toEqual([
      'pdf/muster/1.0/traeger-001.pdf dsgvo',
      'pdf/muster/1.0/traeger-002.pdf kdg',
      'pdf/muster/1.1/traeger-001.pdf dsgvo',
      'pdf/muster/1.1/traeger-002.pdf kdg',
    ]);
    // The browser that printed them (also part of the PDF cache key), e.g. „Chromium 147.0.7727.0“.
    expect(manifest.browser).toMatch(/^\S.* \d+\.\d+\.\d+\.\d+$/);
    for (const entry of manifest.entries) {
      const bytes = await readFile(path.join(out('dist'), entry.path));
      expect(entry.bytes).toBe(bytes.length);
      expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
      expect(entry.pages).toBe(pdf.getPageCount());
      expect(String(pdf.catalog.get(PDFName.of('Lang')))).toBe('(de)');
    }
  });

  it('puts the childminder’s copy only into the private output, with its own manifest', async () => {
    expect((await filesBelow(out('dist'))).filter((f) => f.includes('ktp-'))).toEqual([]);
    expect(await filesBelow(out('dist-private'))).toEqual(['pdf/manifest.json', 'pdf/tagespflege/1.1/ktp-001.docx', 'pdf/tagespflege/1.1/ktp-001.pdf']);
    const privateManifest = parseManifest(await readFile(out('dist-private/pdf/manifest.json'), 'utf8'), 'private');
    expect(privateManifest.entries.map((e) => e.party)).toEqual(['ktp-001']);
    expect(JSON.stringify(manifest)).not.toContain('ktp-001');
    const text = tool('pdftotext', [out('dist-private/pdf/tagespflege/1.1/ktp-001.pdf'), '-']).stdout;
    expect(text).toContain('Maria Tagesmutter');
  });

  it('passes pdfinfo: tagged, A4, title, author, creator, dates from the content', () => {
    const info = tool('pdfinfo', [out('dist/pdf/muster/1.1/traeger-002.pdf')]);
    expect(info.status).toBe(0);
    expect(info.stdout).toMatch(/^Tagged:\s+yes$/m);
    expect(info.stdout).toMatch(/^Title:\s+Mustervereinbarung – Version 1\.1 – Katholische Kirchgemeinde St\. Muster$/m);
    expect(info.stdout).toMatch(/^Author:\s+Landeshauptstadt Musterstadt$/m);
    expect(info.stdout).toMatch(/^Creator:\s+Vertragswerk$/m);
    expect(info.stdout).toMatch(/^CreationDate:\s+Thu May 11 00:00:00 2023 UTC$/m);
    expect(info.stdout).toMatch(/^Page size:\s+594\.96 x 841\.92 pts \(A4\)$/m);
    expect(info.stdout).toMatch(/^Pages:\s+\d+$/m);
    expect(info.stdout).toMatch(/^Metadata Stream:\s+yes$/m);
  });

  it.each(['dist/pdf/muster/1.0/traeger-001.pdf', 'dist/pdf/muster/1.1/traeger-002.pdf', 'dist-private/pdf/tagespflege/1.1/ktp-001.pdf'])(
    '%s: fonts all embedded, qpdf --check clean, no unknown structure types',
    (file) => {
      const fonts = tool('pdffonts', [out(file)]).stdout.split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(2);
      for (const line of fonts) expect(line).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/);
      expect(fonts.join('\n')).toContain('SourceSerif4');
      const check = tool('qpdf', ['--check', out(file)]);
      expect(check.status, check.stdout + check.stderr).toBe(0);
      expect(tool('pdfinfo', ['-struct', out(file)]).stderr).toBe('');
    },
  );

  it('has selectable text: §§, the provider’s name, page numbers in the footer', () => {
    const text = tool('pdftotext', [out('dist/pdf/muster/1.1/traeger-002.pdf'), '-']).stdout;
    expect(text).toMatch(/§\s1 Gegenstand/u);
    expect(text).toContain('Katholische Kirchgemeinde St. Muster');
    expect(text).toContain('Seite 1 von');
    expect(text).toContain('kirchliche Datenschutzaufsicht');
    expect(text).not.toContain('\u00ad');
  });

  it('has a bookmark for every § and annex', () => {
    const json = JSON.parse(tool('qpdf', ['--json', '--json-key=outlines', out('dist/pdf/muster/1.1/traeger-001.pdf')]).stdout) as {
      outlines: { title: string; kids: { title: string; kids: { title: string }[] }[] }[];
    };
    const titles: string[] = [];
    const walk = (items: { title: string; kids?: unknown[] }[], depth: number) =>
      items.forEach((i) => {
        titles.push(`${'  '.repeat(depth)}${i.title}`);
        walk((i.kids ?? []) as { title: string }[], depth + 1);
      });
    walk(json.outlines, 0);
    // „~“ marks the non-breaking space in „§ 1“.
    expect(titles.join('\n').replaceAll('\u00a0', '~')).toMatchInlineSnapshot(`
      "Mustervereinbarung über die gemeinsame Nutzung einer Software
        Teil A – Auftragsverarbeitung
          §~1 Gegenstand
          §~2 Sicherheit der Verarbeitung
          §~3 Löschung und Kontrollen
        Teil B – Zusammenarbeit
          §~4 Aufsicht
        Anlage 1 – Technische und organisatorische Maßnahmen
          Vertraulichkeit
        Anlage 2 – Einrichtungen und Ansprechstellen des Trägers
          Einrichtungen im Bedarfsplan 2021/2022
          Ansprechstellen (vom Träger auszufüllen)
        Anlage 3 – Zusammenfassung der Datenschutz-Folgenabschätzung
          Prüfvermerke
        Unterschriften"
    `);
  });

  it('writes a Word working copy beside every copy and Synopse – a private copy’s privately – listed apart from the copies', async () => {
    const privateManifest = parseManifest(await readFile(out('dist-private/pdf/manifest.json'), 'utf8'), 'private');
    const publicPdfs = [...manifest.entries, ...(manifest.documents ?? []).filter((d) => d.kind === 'synopse')].map((e) => e.path).sort();
    expect(manifest.workingCopies!.map((w) => w.of)).toEqual(publicPdfs);
    expect(privateManifest.workingCopies!.map((w) => `${w.of} → ${w.path}`)).toEqual(['pdf/tagespflege/1.1/ktp-001.pdf → pdf/tagespflege/1.1/ktp-001.docx']);
    for (const [root, m] of [[out('dist'), manifest], [out('dist-private'), privateManifest]] as const) {
      for (const w of m.workingCopies!) {
        expect(w.path).toBe(w.of.replace(/\.pdf$/, '.docx'));
        const bytes = await readFile(path.join(root, w.path));
        expect([w.bytes, w.sha256]).toEqual([bytes.length, createHash('sha256').update(bytes).digest('hex')]);
        // The Word file names the PDF's document id.
        const pdfEntry = [...m.entries, ...(m.documents ?? [])].find((e) => e.path === w.of)!;
        expect(w.documentId).toBe(pdfEntry.documentId);
      }
    }
    // No Word file of a private copy in the public output.
    expect((await filesBelow(out('dist'))).filter((f) => f.endsWith('.docx') && f.includes('ktp-'))).toEqual([]);
    // A Word file is never a copy: the copies (what „PDF prüfen“ and the ledger read) are PDFs only.
    expect(manifest.entries.every((e) => e.path.endsWith('.pdf'))).toBe(true);
  });

  it('is byte-reproducible: a second build with an empty cache gives the same files', async () => {
    expect(second.stdout).toContain('5 neu, 0 aus dem Cache');
    expect(await hashTree(out('dist2'))).toEqual(await hashTree(out('dist')));
    expect(await hashTree(out('dist2-private'))).toEqual(await hashTree(out('dist-private')));
  });

  it('renders nothing when nothing changed, and the output stays the same', async () => {
    const before = await hashTree(out('dist'));
    // Unchanged inputs: the stage does not run at all, its output is carried over.
    const again = await build('dist', 'cache');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('✓ PDFs erzeugen');
    expect(again.stdout).toMatch(/PDFs erzeugen \([^)]*\): unverändert, aus dem letzten Build übernommen/);
    expect(again.stdout).not.toContain('Browser:');
    expect(await hashTree(out('dist'))).toEqual(before);
    // Without the record of the last build the stage runs, and every PDF comes from the cache.
    await rm(path.join(out('cache'), 'builds'), { recursive: true, force: true });
    const fromCache = await build('dist', 'cache');
    expect(fromCache.code, fromCache.stderr).toBe(0);
    expect(fromCache.stdout).toContain('5 PDFs, davon 1 nicht öffentlich: 0 neu, 5 aus dem Cache');
    // The Word files too come from the cache (a full build keeps what it used).
    expect(fromCache.stdout).toContain('Word-Arbeitskopien: 7, 0 neu');
    expect(fromCache.stdout).not.toContain('Browser:');
    expect(await hashTree(out('dist'))).toEqual(before);
  });

  it('writes the same manifest and uses the same cache when PUPPETEER_EXECUTABLE_PATH names the binary it found itself', async () => {
    const found = await findBrowser();
    const viaEnv = await runScript('build', ['--content', contentDir, '--out', out('dist-env'), '--private-out', out('dist-env-private'), '--cache-dir', out('cache'), '--skip', 'site'], {
      env: { PUPPETEER_EXECUTABLE_PATH: found.executablePath },
    });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);
    // The browser's label is in the cache key: the same binary, found another way, prints nothing anew.
    expect(viaEnv.stdout).toContain('0 neu, 5 aus dem Cache');
    expect(manifest.browser).toBe(found.label);
    expect(await readFile(out('dist-env/pdf/manifest.json'), 'utf8')).toBe(await readFile(out('dist/pdf/manifest.json'), 'utf8'));
  });

  it('gives the same bytes whether a PDF was printed on a fresh or on a reused page', async () => {
    // In the full build the 1.1 copies were printed on pages reused from earlier PDFs; here each on a fresh page.
    const single = await runScript('pdf', ['--content', contentDir, '--party', 'traeger-002', '--out', out('dist4'), '--private-out', out('dist4-private'), '--cache-dir', out('cache4')]);
    expect(single.code, single.stderr).toBe(0);
    expect(single.stdout).toContain('2 PDFs: 2 neu');
    for (const file of ['pdf/muster/1.0/traeger-002.pdf', 'pdf/muster/1.1/traeger-002.pdf']) {
      expect((await readFile(out(`dist4/${file}`))).equals(await readFile(out(`dist/${file}`))), file).toBe(true);
    }
  });

  it('splits into shards by party and merges their manifests into the full one', async () => {
    const shards = [];
    for (const shard of ['1/2', '2/2']) {
      const result = await runScript('pdf', ['--content', contentDir, '--shard', shard, '--out', out('shards'), '--private-out', out('shards-private'), '--cache-dir', out('cache')]);
      expect(result.code, result.stderr).toBe(0);
      shards.push(out(`shards/pdf/manifest-shard-${shard.replace('/', '-of-')}.json`));
    }
    const parts = await Promise.all(shards.map(async (f) => parseManifest(await readFile(f, 'utf8'), f).entries.map((e) => e.party)));
    // Parties in id order: ktp-001 | traeger-001, traeger-002 (the childminder's copy goes to the private shard manifest).
    expect(parts).toEqual([[], ['traeger-001', 'traeger-002', 'traeger-001', 'traeger-002']]);
    expect(parseManifest(await readFile(out('shards-private/pdf/manifest-shard-1-of-2.json'), 'utf8'), 'p').entries.map((e) => e.party)).toEqual(['ktp-001']);
    const merged = await runScript('pdf', ['merge-manifests', ...shards, '--out', out('merged.json')]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(await readFile(out('merged.json'), 'utf8')).toBe(await readFile(out('dist/pdf/manifest.json'), 'utf8'));
  });

  it('rebuilds only the PDFs of a provider whose data changed', async () => {
    const file = path.join(contentDir, 'parties/traeger/traeger-002.yaml');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('Kirchplatz 2,', 'Kirchplatz 3,'));
    try {
      const changed = await build('dist3', 'cache');
      expect(changed.code, changed.stderr).toBe(0);
      expect(changed.stdout).toContain('2 neu, 3 aus dem Cache');
    } finally {
      await writeFile(file, original);
    }
  });
});

/** Paths of the PDFs under `root/pdf/` and the paths `root/pdf/manifest.json` lists, both sorted. */
async function pdfsAndManifest(root: string): Promise<{ files: string[]; listed: string[] }> {
  const files = (await filesBelow(path.join(root, 'pdf'))).filter((f) => f.endsWith('.pdf')).map((f) => `pdf/${f.split(path.sep).join('/')}`);
  const listed = manifestPaths(parseManifest(await readFile(path.join(root, 'pdf/manifest.json'), 'utf8'), root)).sort();
  return { files, listed };
}

describe('the manifest lists every PDF in the output after each documented command', () => {
  const ALL_PUBLIC = [
    'pdf/dsfa/dsfa-1.0.pdf',
    'pdf/muster/1.0/traeger-001.pdf',
    'pdf/muster/1.0/traeger-002.pdf',
    'pdf/muster/1.1/traeger-001.pdf',
    'pdf/muster/1.1/traeger-002.pdf',
    'pdf/muster/synopse/synopse-1.0-1.1.pdf',
    'pdf/tagespflege/synopse/synopse-1.0-1.1.pdf',
  ];
  const ALL_PRIVATE = ['pdf/tagespflege/1.1/ktp-001.pdf'];
  const dist = () => out('seq');
  const distPrivate = () => out('seq-private');
  const pdf = (args: string[]) =>
    runScript('pdf', ['--content', contentDir, '--out', dist(), '--private-out', distPrivate(), '--cache-dir', out('cache'), ...args]);
  const expectComplete = async (publicPaths: string[], privatePaths: string[]) => {
    const pub = await pdfsAndManifest(dist());
    expect(pub.listed).toEqual(pub.files);
    expect(pub.files).toEqual(publicPaths);
    const priv = await pdfsAndManifest(distPrivate());
    expect(priv.listed).toEqual(priv.files);
    expect(priv.files).toEqual(privatePaths);
  };

  beforeAll(async () => {
    await cp(out('dist'), dist(), { recursive: true });
    await cp(out('dist-private'), distPrivate(), { recursive: true });
    await expectComplete(ALL_PUBLIC, ALL_PRIVATE);
  });

  it('npm run build -- --skip pdf keeps the PDFs, the manifest and the private copies, and the site shows their checksums', async () => {
    const before = await hashTree(path.join(dist(), 'pdf'));
    const privateBefore = await hashTree(distPrivate());
    const result = await runScript('build', ['--content', contentDir, '--out', dist(), '--private-out', distPrivate(), '--cache-dir', out('cache'), '--skip', 'pdf']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('– PDFs erzeugen: übersprungen; bisherige Ausgabe übernommen (17 Dateien); die Website zeigt die 7 PDFs aus dem bisherigen Verzeichnis');
    expect(await hashTree(path.join(dist(), 'pdf'))).toEqual(before);
    expect(await hashTree(distPrivate())).toEqual(privateBefore);
    await expectComplete(ALL_PUBLIC, ALL_PRIVATE);
    const page = await readFile(path.join(dist(), 'traeger/traeger-001/index.html'), 'utf8');
    const entry = manifest.entries.find((e) => e.path === 'pdf/muster/1.1/traeger-001.pdf')!;
    expect(page).toContain(entry.sha256);
  }, 120_000);

  it('npm run pdf -- --party adds to the full manifest instead of replacing it', async () => {
    const result = await pdf(['--party', 'traeger-002']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Verzeichnis aller PDFs:');
    expect(result.stdout).toContain('4 Einträge; die 2 aus diesem Lauf ergänzt oder erneuert');
    await expectComplete(ALL_PUBLIC, ALL_PRIVATE);
  });

  it('npm run pdf -- --shard K/N writes its own list and adds to the full manifest', async () => {
    for (const shard of ['1/2', '2/2']) {
      const result = await pdf(['--shard', shard]);
      expect(result.code, result.stderr).toBe(0);
      await expectComplete(ALL_PUBLIC, ALL_PRIVATE);
    }
    expect(parseManifest(await readFile(path.join(dist(), 'pdf/manifest-shard-2-of-2.json'), 'utf8'), 'shard').entries).toHaveLength(4);
  });

  it('npm run pdf -- --party into a new folder lists just that party', async () => {
    const result = await runScript('pdf', ['--content', contentDir, '--party', 'traeger-001', '--out', out('alone'), '--private-out', out('alone-private'), '--cache-dir', out('cache')]);
    expect(result.code, result.stderr).toBe(0);
    const alone = await pdfsAndManifest(out('alone'));
    expect(alone.listed).toEqual(alone.files);
    expect(alone.files).toEqual(['pdf/muster/1.0/traeger-001.pdf', 'pdf/muster/1.1/traeger-001.pdf']);
  });

  it('npm run pdf (all) removes a PDF the content no longer calls for, so none is published without an entry', async () => {
    await writeFile(path.join(dist(), 'pdf/muster/1.1/traeger-099.pdf'), '%PDF-1.7 left over');
    const result = await pdf([]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('1 PDF aus einem früheren Lauf entfernt');
    await expectComplete(ALL_PUBLIC, ALL_PRIVATE);
  });
});
