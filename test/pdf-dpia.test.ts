import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString, type PDFObject } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import { buildPdfs, type PdfBuildResult } from '../src/io/pdf/build-pdfs.ts';
import type { Content } from '../src/lib/content-model.ts';
import { parseManifest } from '../src/lib/pdf/manifest.ts';
import { personNames } from './support/person-names.ts';
import { addDraftDpia, tool } from './support/pdf-build-run.ts';
import { ROOT } from './support/run-cli.ts';

// The DPIA PDFs from a real browser: one per version (an adopted 1.0 and a draft 2.0), printed
// twice into separate caches – the bytes must not differ – then read back as a DPO's tools would.
let work: string;
let content: Content;
const runs: PdfBuildResult[] = [];
const out = (...p: string[]) => path.join(work, ...p);
const ADOPTED = 'pdf/dsfa/dsfa-1.0.pdf';
const DRAFT = 'pdf/dsfa/dsfa-2.0-entwurf.pdf';

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-dsfa-'));
  await cp(path.join(ROOT, 'test/fixtures/valid'), out('content'), { recursive: true });
  // A draft 2.0 in which risk-02 is likelier after the measures: its level rises from gering to normal.
  await addDraftDpia(out('content'));
  ({ content } = await loadContent(out('content')));
  expect(content.dpia.versions.map((v) => `${v.meta.version} ${v.meta.status}`)).toEqual(['1.0 beschlossen', '2.0 entwurf']);
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

/** Figure elements of the structure tree with their alternative text. */
function figures(pdf: PDFDocument): string[] {
  const alts: string[] = [];
  const seen = new Set<PDFObject>();
  const visit = (obj: PDFObject | undefined) => {
    const elem = obj instanceof PDFRef ? pdf.context.lookup(obj) : obj;
    if (!(elem instanceof PDFDict) || seen.has(elem)) return;
    seen.add(elem);
    const alt = elem.lookup(PDFName.of('Alt'));
    if (elem.get(PDFName.of('S'))?.toString() === '/Figure') alts.push(alt instanceof PDFString || alt instanceof PDFHexString ? alt.decodeText() : '');
    const kids = elem.lookup(PDFName.of('K'));
    if (kids instanceof PDFArray) for (const k of kids.asArray()) visit(k);
    else if (kids) visit(elem.get(PDFName.of('K')));
  };
  visit(pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict));
  return alts;
}

describe('DPIA PDFs from the browser', () => {
  it('prints one per version into the public output, and a second build gives the same bytes', async () => {
    expect(runs.map((r) => [r.dpia.total, r.dpia.rendered])).toEqual([[2, 2], [2, 2]]);
    for (const file of [ADOPTED, DRAFT]) {
      const [a, b] = await Promise.all(['a', 'b'].map((run) => readFile(out(run, 'dist', file))));
      expect(sha256(a!), file).toBe(sha256(b!));
    }
  });

  it('lists each in the manifest with its size, pages and SHA-256, apart from the copies', async () => {
    const manifest = parseManifest(await readFile(out('a/dist/pdf/manifest.json'), 'utf8'), 'manifest.json');
    expect(manifest.entries.some((e) => e.path.startsWith('pdf/dsfa/'))).toBe(false);
    const dpia = manifest.documents!.filter((d) => d.kind === 'dsfa');
    expect(dpia.map((d) => `${d.kind} ${d.path} ${d.version} ${d.status}`)).toEqual([`dsfa ${ADOPTED} 1.0 beschlossen`, `dsfa ${DRAFT} 2.0 entwurf`]);
    for (const d of dpia) {
      const bytes = await readFile(out('a/dist', d.path));
      expect([d.bytes, d.sha256]).toEqual([bytes.length, sha256(bytes)]);
      expect(d.pages).toBe((await PDFDocument.load(bytes)).getPageCount());
    }
  });

  it('is tagged, German, with content dates and only the embedded project fonts', () => {
    const info = tool('pdfinfo', [out('a/dist', ADOPTED)]).stdout;
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Datenschutz-Folgenabschätzung Muster – Version 1\.0$/m);
    expect(info).toMatch(/^CreationDate:\s+Tue Feb 15 00:00:00 2022 UTC$/m);
    const fonts = tool('pdffonts', [out('a/dist', ADOPTED)]).stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) {
      expect(line).toMatch(/Source(Serif4|Sans3)/);
      expect(line).toMatch(/ yes yes yes /);
    }
  });

  it('shows both matrices as figures whose alternative text lists the cells’ risks', async () => {
    const pdf = await PDFDocument.load(await readFile(out('a/dist', ADOPTED)));
    const alts = figures(pdf).filter((a) => a.includes('Risikomatrix'));
    expect(alts.some((a) => a.startsWith('Risikomatrix vor den Maßnahmen') && a.includes('(Risiko hoch): risk-01'))).toBe(true);
    expect(alts.some((a) => a.startsWith('Risikomatrix nach den Maßnahmen') && a.includes('(Risiko normal): risk-01'))).toBe(true);
  });

  it('marks every page of a draft „Entwurf“ in the running header, and no page of an adopted version', () => {
    const draft = pagesOf(out('a/dist', DRAFT));
    expect(draft.length).toBeGreaterThan(1);
    // The mark stands alone at the top centre (on the cover, the only header field).
    const headerMark = (page: string) => /^(.*\S {3,})?Entwurf( {3,}\S.*)?$/.test(page.trimStart().split('\n')[0]!.trim());
    expect(draft.map(headerMark)).toEqual(draft.map(() => true));
    expect(pagesOf(out('a/dist', ADOPTED)).some(headerMark)).toBe(false);
  });

  it('describes each measure with its responsible body and the risks it reduces, and compares a draft’s levels with the version it supersedes', () => {
    for (const file of [ADOPTED, DRAFT]) {
      const text = pagesOf(out('a/dist', file)).join('\n');
      const measures = text.slice(text.indexOf('Maßnahmen\n'), text.indexOf('Beteiligung und Prüfvermerke'));
      expect(measures).toMatch(/Zwei-Faktor-Anmeldung\s+tom-vertraulichkeit-01/);
      expect(measures).toContain('Jede Anmeldung verlangt einen zweiten Faktor.');
      expect(measures).toMatch(/Verantwortlich\s+Eigenbetrieb IT-Dienstleistungen\s+Stand\s+umgesetzt/);
      expect(measures).toMatch(/Mindert\s+risk-02\s+Bezug\s+Art\. 32 Abs\. 1 lit\. a DSGVO/);
    }
    expect(pagesOf(out('a/dist', ADOPTED)).join('\n')).not.toContain('Risikostufe in Version');
    const page = pagesOf(out('a/dist', DRAFT)).find((p) => p.includes('Risikostufe in Version 1.0 und 2.0'))!;
    expect(page).toBeDefined();
    expect(page).toMatch(/vor den\s+Maßnahmen keine Stufe geändert; nach den Maßnahmen 1\s+Risiko höher eingestuft\./);
    expect(page).toMatch(/risk-01 Unbefugter Zugriff\s+hoch\s+hoch\s+normal\s+normal\n/);
    expect(page).toMatch(/risk-02 Abfangen von Daten\s+normal\s+normal\s+gering\s+normal\n\s+höher/);
  });

  it('names none of the signatories, contacts or childminders the content knows', () => {
    const names = personNames(content);
    expect(names).toContain('Erika Beispiel');
    for (const file of [ADOPTED, DRAFT]) {
      const text = pagesOf(out('a/dist', file)).join('\n');
      expect(text).toContain('Datenschutzbeauftragter der Landeshauptstadt Musterstadt');
      for (const name of names) expect(text, `${file}: ${name}`).not.toContain(name);
    }
  });
});
