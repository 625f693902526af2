import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLetterTemplates, startLetterPrinter } from '../src/io/letters.ts';
import { loadContent } from '../src/io/load-content.ts';
import { currentVersionOn } from '../src/lib/agreement/versions.ts';
import type { Content } from '../src/lib/content-model.ts';
import { buildLetters, LETTER_KINDS, type LetterView } from '../src/lib/letters/plan.ts';
import { renderLetterHtml } from '../src/lib/letters/render.ts';
import { buildPartyDocument, sha256Hex } from '../src/lib/pdf/party-document.ts';
import { tool } from './support/pdf-build-run.ts';
import { ROOT } from './support/run-cli.ts';
import { loadSourceWords, midWordBreaksInPdf } from './support/word-breaks.ts';

// The letters as printed from the bundled content: every kind of every agreement, one letter per
// layout (kind, Fassung, number of paragraphs, example marks, changes). Issue 21: in the offer
// letters „Mit freundlichen Grüßen“ and the enclosure stood alone on page 2.

// Days on which the bundled ledgers call for each kind of letter.
const DAYS = ['2022-06-01', '2023-06-05', '2023-12-10'];

let work: string;
let content: Content;
const printed: { view: LetterView; file: string; pages: string[] }[] = [];

/** The copy a letter encloses: the real document id; a stand-in checksum of the same length (no PDF is printed here). */
function copyOf(agreementId: string, version: string, partyId: string) {
  const doc = buildPartyDocument(content, agreementId, version, partyId);
  return { document_id: doc.documentId, sha256: sha256Hex(doc.digest) };
}

function layoutKey(view: LetterView): string {
  return [view.agreementId, view.kind, view.party.regime, view.paragraphs.length, view.exampleNotes.length, view.changes.length, view.changeNotes.length].join(' ');
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-letters-layout-'));
  ({ content } = await loadContent(path.join(ROOT, 'content')));
  const sample = new Map<string, LetterView>();
  for (const agreement of content.agreements) {
    for (const asOf of DAYS) {
      if (!currentVersionOn(agreement, asOf)) continue;
      for (const view of buildLetters(content, agreement, { asOf, copyOf })) if (!sample.has(layoutKey(view))) sample.set(layoutKey(view), view);
    }
  }
  const templates = await loadLetterTemplates();
  const printer = await startLetterPrinter();
  try {
    for (const view of sample.values()) {
      const file = path.join(work, `${view.date}-${view.fileStem}.pdf`);
      await writeFile(file, await printer.print(renderLetterHtml(view, templates), view));
      const pages = tool('pdftotext', ['-enc', 'UTF-8', file, '-']).stdout.split('\f').filter((p) => p.trim() !== '');
      printed.push({ view, file, pages });
    }
  } finally {
    await printer.close();
  }
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

// Whitespace as one space, no hyphens: pdftotext joins „DSG-“ / „EKD“ at a line end to „DSGEKD“.
const squash = (text: string) => text.replace(/-/g, '').replace(/\s+/g, ' ').trim();

/** What a page holds besides the closing (greeting, signature, enclosures, copy) and the running footer. */
function besidesClosing(page: string, view: LetterView): string {
  let rest = squash(page);
  for (const text of [view.closing, `Im Auftrag ${view.sender.department}`, 'Anlage', ...view.enclosures, 'Beispieldaten – nicht zum Versand bestimmt']) rest = rest.replace(squash(text), ' ');
  return squash(rest.replace(/(Dokumentkennung|SHA256 der PDFDatei): \S+/g, ' ').replace(/Seite \d+ von \d+/g, ' '));
}

describe('letters of every kind, as printed', () => {
  it('printed every kind, and some letters run onto a second page', () => {
    expect(new Set(printed.map((p) => p.view.kind))).toEqual(new Set(LETTER_KINDS));
    expect(printed.some((p) => p.view.agreementId !== content.site?.main_agreement)).toBe(true);
    expect(printed.filter((p) => p.pages.length > 1).map((p) => p.view.kind)).toContain('angebot');
  });

  it('never leaves the closing alone on the last page: the body goes with it', () => {
    const alone = printed
      .filter(({ pages }) => pages.length > 1)
      .filter(({ view, pages }) => besidesClosing(pages.at(-1)!, view) === '')
      .map(({ view }) => `${view.date} ${view.fileStem}`);
    expect(alone).toEqual([]);
  });

  it('keeps greeting, signature and enclosure on one page', () => {
    for (const { view, pages } of printed) {
      const page = pages.map(squash).find((p) => p.includes(view.closing))!;
      expect(page, view.fileStem).toBeDefined();
      for (const text of ['Im Auftrag', 'Anlage', ...view.enclosures, view.copy!.document_id]) expect(page, `${view.fileStem}: ${text}`).toContain(squash(text));
    }
  });

  it('breaks no word mid-word', async () => {
    const words = await loadSourceWords(['content', 'templates', 'src'].map((d) => path.join(ROOT, d)));
    expect(printed.flatMap(({ file }) => midWordBreaksInPdf(file, words).map((b) => `${path.basename(file)}: ${b}`))).toEqual([]);
  });
});
