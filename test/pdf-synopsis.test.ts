import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import { loadPdfAssets } from '../src/io/pdf/assets.ts';
import { buildPdfs, type PdfBuildResult } from '../src/io/pdf/build-pdfs.ts';
import type { Content } from '../src/lib/content-model.ts';
import { parseManifest } from '../src/lib/pdf/manifest.ts';
import { buildSynopsisDocument, buildSynopsisDocuments } from '../src/lib/pdf/synopsis-document.ts';
import { renderSynopsisHtml } from '../src/lib/pdf/synopsis-html.ts';
import { personNames } from './support/person-names.ts';
import { addDraftAgreementVersion, tool } from './support/pdf-build-run.ts';
import { ROOT } from './support/run-cli.ts';

// The Synopse PDFs from a real browser for the fixture with a draft 1.2 (a rewritten Absatz, a
// new § longer than a page, an inserted Absatz, a changed title, renumbered §§): printed twice
// into separate caches – the bytes must not differ – then read back.
let work: string;
let content: Content;
const runs: PdfBuildResult[] = [];
const out = (...p: string[]) => path.join(work, ...p);
const DRAFT = 'pdf/muster/synopse/synopse-1.1-1.2-entwurf.pdf';
const ADOPTED = 'pdf/muster/synopse/synopse-1.0-1.1.pdf';

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-synopse-'));
  await cp(path.join(ROOT, 'test/fixtures/valid'), out('content'), { recursive: true });
  await addDraftAgreementVersion(out('content'));
  ({ content } = await loadContent(out('content')));
  for (const run of ['a', 'b']) {
    runs.push(await buildPdfs({ content, outDir: out(run, 'dist'), privateOutDir: out(run, 'priv'), cacheDir: out(run, 'cache'), log: () => undefined }));
  }
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const pagesOf = (file: string) =>
  tool('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])
    .stdout.split('\f')
    .filter((p) => p.trim() !== '');

/** Structure elements of one type with their alternative text, or the /Scope of table headers. */
function structure(pdf: PDFDocument): { figures: string[]; scopes: string[] } {
  const figures: string[] = [];
  const scopes: string[] = [];
  const seen = new Set<PDFObject>();
  const visit = (obj: PDFObject | undefined) => {
    const elem = obj instanceof PDFRef ? pdf.context.lookup(obj) : obj;
    if (!(elem instanceof PDFDict) || seen.has(elem)) return;
    seen.add(elem);
    const type = elem.get(PDFName.of('S'))?.toString();
    const alt = elem.lookup(PDFName.of('Alt'));
    if (type === '/Figure') figures.push(alt instanceof PDFString || alt instanceof PDFHexString ? alt.decodeText() : '');
    if (type === '/TH') {
      const attrs = elem.lookup(PDFName.of('A'));
      const list = attrs instanceof PDFArray ? attrs.asArray().map((a) => (a instanceof PDFRef ? pdf.context.lookup(a) : a)) : [attrs];
      for (const a of list) if (a instanceof PDFDict && a.get(PDFName.of('Scope'))) scopes.push(a.get(PDFName.of('Scope'))!.toString());
    }
    const kids = elem.lookup(PDFName.of('K'));
    if (kids instanceof PDFArray) for (const k of kids.asArray()) visit(k);
    else if (kids) visit(elem.get(PDFName.of('K')));
  };
  visit(pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict));
  return { figures, scopes };
}

describe('Synopse documents (pure)', () => {
  it('one per pair of versions a reader can compare, a draft named so in the file', () => {
    expect(buildSynopsisDocuments(content).map((d) => d.path)).toEqual([
      'pdf/muster/synopse/synopse-1.0-1.1.pdf',
      'pdf/muster/synopse/synopse-1.1-1.2-entwurf.pdf',
      'pdf/muster/synopse/synopse-1.0-1.2-entwurf.pdf',
    ]);
  });

  it('the same content gives the same document id; a changed text another', async () => {
    const doc = buildSynopsisDocument(content, 'muster', '1.1', '1.2');
    expect(doc.documentId).toMatch(/^synopse-muster-1\.1-1\.2-[0-9a-f]{8}$/);
    expect(buildSynopsisDocument((await loadContent(out('content'))).content, 'muster', '1.1', '1.2').documentId).toBe(doc.documentId);
    const changed = (await loadContent(out('content'))).content;
    const v12 = changed.agreements[0]!.versions.find((v) => v.version === '1.2')!;
    v12.sections = v12.sections.map((s) => (s.id === 'loeschung' ? { ...s, body: `${s.body}\n\n(3) Neu.` } : s));
    expect(buildSynopsisDocument(changed, 'muster', '1.1', '1.2').documentId).not.toBe(doc.documentId);
  });

  it('renders one table per §, two column headers with scope, changed words with brackets that carry words for screen readers', async () => {
    const assets = await loadPdfAssets();
    const html = renderSynopsisHtml(buildSynopsisDocument(content, 'muster', '1.1', '1.2'), assets.templates, assets.synopsis);
    const tables = html.match(/<table class="synopse">/g)!;
    expect(tables).toHaveLength(3);
    expect(html.match(/<thead><tr><th scope="col">Version 1\.1 \(bisher\)<\/th><th scope="col">Version 1\.2 \(neu, Entwurf\)<\/th><\/tr><\/thead>/g)).toHaveLength(3);
    expect(html).toContain('<ins><span class="diff-marke" role="img" aria-label="Eingefügt:">[+</span>(2) Ruhende Daten werden verschlüsselt gespeichert.<span class="diff-marke" role="img" aria-label="Ende der Einfügung">]</span></ins>');
    expect(html).toContain('<span class="leer" role="img" aria-label="In Version 1.1 nicht enthalten">–</span>');
    expect(html).toContain('<strong>Abs.\u00a02 neu gefasst</strong>');
    // Nothing the printer would leave out: no visually hidden text, no hidden brackets in the table.
    const main = html.slice(html.indexOf('<main'));
    expect(main).not.toContain('visually-hidden');
    expect(main).not.toContain('aria-hidden');
    expect(html).toContain('§§\u00a04 und 5 (bisher §§\u00a03 und 4) nur neu nummeriert, Wortlaut unverändert');
  });
});

describe('Synopse PDFs from the browser', () => {
  it('prints one per pair into the public output, and a second build gives the same bytes', async () => {
    expect(runs.map((r) => [r.synopses.total, r.synopses.rendered])).toEqual([[3, 3], [3, 3]]);
    for (const file of [ADOPTED, DRAFT]) {
      const [a, b] = await Promise.all(['a', 'b'].map((run) => readFile(out(run, 'dist', file))));
      expect(sha256(a!), file).toBe(sha256(b!));
    }
  });

  it('lists each under „documents“ with agreement, both versions, size, pages and SHA-256 – never as a copy', async () => {
    const manifest = parseManifest(await readFile(out('a/dist/pdf/manifest.json'), 'utf8'), 'manifest.json');
    expect(manifest.entries.some((e) => e.path.includes('/synopse/'))).toBe(false);
    const synopses = manifest.documents!.filter((d) => d.kind === 'synopse');
    expect(synopses.map((d) => `${d.path} ${d.agreement} ${d.from}→${d.version} ${d.status ?? '–'}`)).toEqual([
      `${ADOPTED} muster 1.0→1.1 –`,
      'pdf/muster/synopse/synopse-1.0-1.2-entwurf.pdf muster 1.0→1.2 entwurf',
      `${DRAFT} muster 1.1→1.2 entwurf`,
    ]);
    for (const d of synopses) {
      const bytes = await readFile(out('a/dist', d.path));
      expect([d.bytes, d.sha256]).toEqual([bytes.length, sha256(bytes)]);
      expect(d.pages).toBe((await PDFDocument.load(bytes)).getPageCount());
    }
  });

  it('is tagged, German, landscape A4, with content dates', () => {
    const info = tool('pdfinfo', [out('a/dist', DRAFT)]).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:\s+841\.9\d? x 59[45]\.\d+ pts \(A4\)$/m);
    expect(info).toMatch(/^Title:\s+Synopse Mustervereinbarung: Version 1\.1 und Version 1\.2 \(Entwurf\)$/m);
    expect(info).toMatch(/^CreationDate:\s+Thu Feb {2}1 00:00:00 2024 UTC$/m);
  });

  it('repeats the header row on a page a table runs onto, and marks every page of a comparison with a draft', () => {
    const pages = pagesOf(out('a/dist', DRAFT));
    const schulung = pages.map((p, i) => [p, i] as const).filter(([p]) => p.includes('Schulungsinhalt'));
    expect(schulung.length).toBeGreaterThan(1);
    for (const [page, i] of schulung) expect(page, `page ${i + 1}`).toMatch(/Version 1\.1 \(bisher\)\s+Version 1\.2 \(neu, Entwurf\)/);
    expect(pages.every((p) => p.includes('Vergleich mit dem Entwurf der Version 1.2'))).toBe(true);
    expect(pagesOf(out('a/dist', ADOPTED)).some((p) => p.includes('Entwurf der Version'))).toBe(false);
  });

  it('shows the changed words in print with brackets and strike-through or underline; a screen reader hears „Gestrichen“ and „Eingefügt“', async () => {
    const text = pagesOf(out('a/dist', DRAFT)).join('\n');
    expect(text).toContain('[+(2) Ruhende Daten werden verschlüsselt gespeichert.]');
    expect(text).toMatch(/Überschrift geändert\s*\n\s*Sicherheit der Verarbeitung\s+Sicherheit der Verarbeitung \[\+und Verschlüsselung\]/);
    const { figures, scopes } = structure(await PDFDocument.load(await readFile(out('a/dist', DRAFT))));
    expect(new Set(figures)).toEqual(new Set(['Eingefügt:', 'Ende der Einfügung', 'Gestrichen:', 'Ende der Streichung', 'In Version 1.1 nicht enthalten']));
    expect(scopes.filter((s) => s === '/Column').length).toBeGreaterThanOrEqual(6);
  });

  it('names none of the signatories, contacts or childminders the content knows', () => {
    const names = personNames(content);
    for (const file of [ADOPTED, DRAFT]) {
      const text = pagesOf(out('a/dist', file)).join('\n');
      for (const name of names) expect(text, `${file}: ${name}`).not.toContain(name);
    }
  });
});
