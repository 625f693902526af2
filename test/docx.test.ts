import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import { loadPdfAssets, type PdfAssets } from '../src/io/pdf/assets.ts';
import { partyWorkingCopy, synopsisWorkingCopy } from '../src/io/pdf/build-docx.ts';
import { sectionsForRegime } from '../src/lib/agreement-view.ts';
import type { Content } from '../src/lib/content-model.ts';
import { renderWorkingCopyDocx, workingCopyHeader, type WorkingCopyParts } from '../src/lib/docx/working-copy.ts';
import { buildPartyDocument, sha256Hex } from '../src/lib/pdf/party-document.ts';
import { buildSynopsisDocument } from '../src/lib/pdf/synopsis-document.ts';
import { buildManifest, renderManifestJson } from '../src/lib/pdf/manifest.ts';
import { buildDocumentRegister, buildDownloadViews, parsePdfDocuments, parsePdfManifest, parseWorkingCopies } from '../src/lib/site/downloads.ts';
import { addDraftAgreementVersion } from './support/pdf-build-run.ts';
import { ROOT } from './support/run-cli.ts';

let work: string;
let content: Content;
let assets: PdfAssets;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-docx-'));
  await cp(path.join(ROOT, 'test/fixtures/valid'), path.join(work, 'content'), { recursive: true });
  await addDraftAgreementVersion(path.join(work, 'content'));
  ({ content } = await loadContent(path.join(work, 'content')));
  assets = await loadPdfAssets();
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The Word file's parts as text. */
function partsOf(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

/** The paragraphs of word/document.xml: style and text. */
function paragraphs(xml: string): { style: string; text: string }[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?(?<!\/)>(.*?)<\/w:p>/gs)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1]!)?.[1] ?? '',
    text: [...m[1]!.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
  }));
}

/** Every XML part parses, and its elements are balanced. */
function expectWellFormed(parts: Record<string, string>): void {
  for (const [name, xml] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    let depth = 0;
    for (const m of xml.matchAll(/<(\/?)[A-Za-z][\w:.-]*(?:\s[^>]*?)?(\/?)>/g)) depth += m[2] ? 0 : m[1] ? -1 : 1;
    expect(depth, name).toBe(0);
    expect(parseDocument(xml, { xmlMode: true }).children.length, name).toBeGreaterThan(0);
  }
}

const copyOf = (partyId: string, version = '1.1', agreementId = 'muster') => buildPartyDocument(content, agreementId, version, partyId);

describe('the Word file of a party’s copy', () => {
  it('has real Word headings, every § of its version with its number, and the Absätze numbered as printed', async () => {
    const doc = copyOf('traeger-001');
    const parts = partsOf(await renderWorkingCopyDocx(partyWorkingCopy(doc, assets.templates, assets.hash).input()));
    expectWellFormed(parts);
    const paras = paragraphs(parts['word/document.xml']!);
    expect(paras.find((p) => p.style === 'Title')!.text).toBe(doc.cover.title);
    const sections = sectionsForRegime(content.agreements[0]!.versions.find((v) => v.version === '1.1')!, doc.party.regime);
    const heading2 = paras.filter((p) => p.style === 'Heading2').map((p) => p.text);
    for (const s of sections) expect(heading2, `§ ${s.number}`).toContain(`§\u00a0${s.number} ${s.title}`);
    expect(paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^Teil A/), expect.stringMatching(/^Anlage 1/), expect.stringMatching(/^Anlage 2/), 'Unterschriften']));
    // Each Absatz keeps its printed number as text: it survives redlining in Word.
    const absaetze = sections.flatMap((s) => [...s.body.matchAll(/^\((\d+)\)/gm)].map((m) => m[1]));
    expect(paras.filter((p) => /^\(\d+\)[ \u00a0]/.test(p.text) && p.style === '').length).toBe(absaetze.length);
  });

  it('names the party as the PDF’s cover and Anlage 2 do', async () => {
    const doc = copyOf('traeger-001');
    const text = paragraphs(partsOf(await renderWorkingCopyDocx(partyWorkingCopy(doc, assets.templates, assets.hash).input()))['word/document.xml']!).map((p) => p.text).join('\n');
    expect(text).toContain(doc.party.name);
    expect(text).toContain(`${doc.party.street}, ${doc.party.postalCode} ${doc.party.city}`);
    for (const f of doc.facilities) expect(text).toContain(f.name);
  });

  it('says on its first page and in every page’s header that it is a working copy, with the PDF’s document id and text checksum; page numbers in the footer', async () => {
    const doc = copyOf('traeger-001');
    expect(doc.textSha256).toMatch(/^[0-9a-f]{64}$/);
    const parts = partsOf(await renderWorkingCopyDocx(partyWorkingCopy(doc, assets.templates, assets.hash).input()));
    const [first] = paragraphs(parts['word/document.xml']!);
    expect(first!.text).toMatch(/^Arbeitskopie zum Bearbeiten – kein Dokument zum Unterzeichnen\./);
    expect(first!.text).toContain(doc.documentId);
    expect(first!.text).toContain(doc.textSha256);
    expect(first!.text).toContain('eine Word-Datei lässt sich dort nicht prüfen');
    const header = Object.entries(parts).find(([name]) => /^word\/header\d*\.xml$/.test(name))![1];
    expect(paragraphs(header).map((p) => p.text)).toEqual([workingCopyHeader({ documentId: doc.documentId, what: 'Ausfertigung' })]);
    const footer = Object.entries(parts).find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
    expect(footer).toContain(doc.documentId);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(parts['docProps/core.xml']).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${doc.metadata.creationDate}T00:00:00Z</dcterms:created>`);
  });

  it('gives the same bytes for the same content – in any time zone, with or without the shared parts of a build', async () => {
    const item = partyWorkingCopy(copyOf('traeger-002'), assets.templates, assets.hash);
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      const a = await renderWorkingCopyDocx(item.input());
      process.env.TZ = 'Asia/Tokyo';
      const b = await renderWorkingCopyDocx(item.input());
      const parts: WorkingCopyParts = new Map();
      await renderWorkingCopyDocx(partyWorkingCopy(copyOf('traeger-001'), assets.templates, assets.hash).input(), parts);
      const first = parts.size;
      const c = await renderWorkingCopyDocx(item.input(), parts);
      // The agreement text and the shared annexes came from the first copy: only the party's own parts are new.
      expect(parts.size - first).toBeGreaterThan(0);
      expect(parts.size - first).toBeLessThan(first);
      expect(sha256Hex(b)).toBe(sha256Hex(a));
      expect(sha256Hex(c)).toBe(sha256Hex(a));
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe('the Word file of a Synopse', () => {
  it('is landscape, repeats each table’s header row, marks changes by strike-through, underline and brackets', async () => {
    const doc = buildSynopsisDocument(content, 'muster', '1.1', '1.2');
    const parts = partsOf(await renderWorkingCopyDocx(synopsisWorkingCopy(doc, assets.templates, assets.synopsis).input()));
    expectWellFormed(parts);
    const xml = parts['word/document.xml']!;
    expect(xml).toMatch(/<w:pgSz w:w="16840" w:h="11907" w:orient="landscape"\/>/);
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBeGreaterThanOrEqual(3);
    expect(xml).toMatch(/<w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">\(2\) Ruhende Daten werden verschlüsselt gespeichert\.<\/w:t>/);
    const paras = paragraphs(xml);
    expect(paras.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual([
      '§\u00a01 Gegenstand – Geändert',
      '§\u00a02 Schulung – Neu',
      '§\u00a03 (bisher §\u00a02) Sicherheit der Verarbeitung und Verschlüsselung – Geändert',
    ]);
    expect(paras.some((p) => p.text === '[+(2) Ruhende Daten werden verschlüsselt gespeichert.]')).toBe(true);
    expect(paras[0]!.text).toMatch(/^Arbeitskopie zum Bearbeiten – kein Dokument zum Unterzeichnen\. Diese Word-Datei gibt die Synopse mit der Dokumentkennung synopse-muster-1\.1-1\.2-/);
  });
});

describe('on the site and in „PDF prüfen“', () => {
  const pdf = 'pdf/muster/1.1/traeger-001.pdf';
  const word = { path: 'pdf/muster/1.1/traeger-001.docx', of: pdf, bytes: 38_200, sha256: 'b'.repeat(64), documentId: 'muster-1.1-traeger-001-x' };
  const copy = { path: pdf, party: 'traeger-001', agreement: 'muster', version: '1.1', regime: 'dsgvo' as const, bytes: 84_000, pages: 11, sha256: 'a'.repeat(64), documentId: 'muster-1.1-traeger-001-x' };

  it('the party page links the Word file beside its PDF, called a working copy', () => {
    const [view] = buildDownloadViews(content, [copy], [word]);
    expect(view!.workingCopy).toEqual({ href: '/pdf/muster/1.1/traeger-001.docx', fileName: 'muster-1.1-traeger-001.docx', details: 'Word (DOCX), 38,2\u00a0kB', sha256: 'b'.repeat(64) });
    expect(buildDownloadViews(content, [copy])[0]!.workingCopy).toBeUndefined();
  });

  it('the copy register „PDF prüfen“ reads has the PDF only; a Synopse PDF is known as a document, its Word file is not', () => {
    const synopse = { kind: 'synopse' as const, path: 'pdf/muster/synopse/synopse-1.0-1.1.pdf', agreement: 'muster', from: '1.0', version: '1.1', bytes: 1, pages: 3, sha256: 'c'.repeat(64), documentId: 'synopse-muster-1.0-1.1-x' };
    const data = JSON.parse(renderManifestJson(buildManifest([copy], undefined, undefined, [synopse], [word, { ...word, path: 'pdf/muster/synopse/synopse-1.0-1.1.docx', of: synopse.path, sha256: 'd'.repeat(64) }])));
    expect(parsePdfManifest(data).map((e) => e.path)).toEqual([pdf]);
    expect(parseWorkingCopies(data).map((w) => w.path)).toEqual(['pdf/muster/1.1/traeger-001.docx', 'pdf/muster/synopse/synopse-1.0-1.1.docx']);
    const known = buildDocumentRegister(content, parsePdfDocuments(data));
    expect(known.map((k) => [k.sha256.slice(0, 1), k.page, k.pageLabel])).toEqual([['c', '/vereinbarung/muster/aenderungen/1.0-1.1/synopse/', 'Zur Synopse']]);
    expect(known[0]!.sentence).toBe('die veröffentlichte Synopse der Mustervereinbarung: Version 1.0 und Version 1.1. Sie ist keine Ausfertigung zum Unterzeichnen.');
  });
});
