import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import { loadPdfAssets, type PdfAssets } from '../src/io/pdf/assets.ts';
import { PdfPrinter, type PrintFn } from '../src/io/pdf/renderer.ts';
import { AssembleError, assembleAndFinalize, assemblePdf, loadSharedPdf } from '../src/lib/pdf/assemble.ts';
import { finalizePdf, headingTitles } from '../src/lib/pdf/finalize-pdf.ts';
import { buildPartyDocument, type PartyDocument } from '../src/lib/pdf/party-document.ts';
import { renderPartyPrintJob, renderSplitPrintJobs } from '../src/lib/pdf/render-html.ts';
import type { Content } from '../src/lib/content-model.ts';
import { startPdfBuild, tool } from './support/pdf-build-run.ts';
import { checkStructure, linkTargets, outlineItems } from './support/pdf-checks.ts';
import { ROOT } from './support/run-cli.ts';

// The assembled PDF (shared parts printed once, the party's own print with frame pages) against
// the whole document printed in one piece, on the fixture content.
let content: Content;
let assets: PdfAssets;
let printer: PdfPrinter;
let work: string;

beforeAll(async () => {
  ({ content } = await loadContent(path.join(ROOT, 'test/fixtures/valid')));
  assets = await loadPdfAssets();
  printer = await PdfPrinter.start();
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-pdf-assemble-'));
}, 120_000);

afterAll(async () => {
  await printer?.close();
  await rm(work, { recursive: true, force: true });
});

/** The party's document; with `link`, the first § links to Anlage 2 (the fixture's text has no such link). */
function docFor(party: string, version: string, link = false): PartyDocument {
  const doc = buildPartyDocument(content, 'muster', version, party);
  if (!link) return doc;
  const agreement = structuredClone(doc.agreement);
  const first = agreement.parts[0]!.sections[0]!;
  first.html += '<p>Die Einrichtungen stehen in <a href="#anlage-2">Anlage 2</a>.</p>';
  return { ...doc, agreement };
}

async function whole(doc: PartyDocument): Promise<Uint8Array> {
  const job = renderPartyPrintJob(doc, assets.templates);
  return (await finalizePdf(await printer.print(job, 30_000), doc.metadata, headingTitles(job.html))).bytes;
}

async function assembled(doc: PartyDocument): Promise<Uint8Array> {
  const split = renderSplitPrintJobs(doc, assets.templates);
  expect(split.splittable).toBe(true);
  const shared = await Promise.all(split.shared.map(async (html) => loadSharedPdf(await printer.print({ html, fontCss: split.fontCss }, 30_000))));
  const personal = await printer.print({ html: split.personal([shared[0]!.getPageCount(), shared[1]!.getPageCount()]), fontCss: split.fontCss }, 30_000);
  return (await assembleAndFinalize(personal, shared, doc.metadata, split.titles)).bytes;
}


/** Text per page; blank lines dropped (pdftotext places them by text blocks, which the frame drawn as its own object shifts). */
function pageTexts(file: string): string[] {
  return tool('pdftotext', ['-layout', file, '-'])
    .stdout.split('\f')
    .map((page) => page.split('\n').map((l) => l.trimEnd()).filter(Boolean).join('\n'));
}

describe('a PDF assembled from shared and personal prints', () => {
  let oldFile: string;
  let newFile: string;
  let oldPdf: PDFDocument;
  let newPdf: PDFDocument;
  beforeAll(async () => {
    const doc = docFor('traeger-001', '1.1', true);
    oldFile = path.join(work, 'whole.pdf');
    newFile = path.join(work, 'assembled.pdf');
    await writeFile(oldFile, await whole(doc));
    await writeFile(newFile, await assembled(doc));
    oldPdf = await PDFDocument.load(await readFile(oldFile));
    newPdf = await PDFDocument.load(await readFile(newFile));
  }, 120_000);

  it('has the pages and the text of the whole print, footer page numbers and header on the shared pages included', () => {
    expect(newPdf.getPageCount()).toBe(oldPdf.getPageCount());
    const [before, after] = [pageTexts(oldFile), pageTexts(newFile)];
    expect(after).toEqual(before);
    const total = newPdf.getPageCount();
    // Page 2 is the first page of the shared agreement text: its header and footer come from the frame.
    expect(after[1]).toMatch(new RegExp(`traeger-001[\\s\\S]*Seite 2 von ${total}`));
    expect(after[1]).toContain('§ 1');
  });

  it('passes qpdf --check, is tagged and embeds every font', () => {
    const check = tool('qpdf', ['--check', newFile]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(tool('pdfinfo', [newFile]).stdout).toMatch(/Tagged:\s+yes/);
    const fonts = tool('pdffonts', [newFile]).stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe('yes');
    // Each print names its subsets AAAAAA+ …; together they must not share a name.
    const names = fonts.map((line) => line.split(/\s+/)[0]!);
    expect(names.length).toBeGreaterThan(5);
    expect(new Set(names).size).toBe(names.length);
  });

  it('has the outline of the whole print: titles, nesting, target pages', () => {
    expect(outlineItems(newPdf)).toEqual(outlineItems(oldPdf));
  });

  it('keeps every link, also the one from the agreement text to Anlage 2 in the personal print', () => {
    const links = linkTargets(newPdf);
    expect(links).toEqual(linkTargets(oldPdf));
    expect(links.every((l) => l.to >= 0)).toBe(true);
    const toAnnex = links.filter((l) => l.name === 'anlage-2');
    expect(toAnnex).toHaveLength(1);
    const annexPage = pageTexts(newFile).findIndex((t) => /^Anlage 2 – /m.test(t));
    expect(toAnnex[0]!.to).toBe(annexPage);
  });

  it('has a sound structure tree in reading order, like the whole print but for the empty marks Chromium leaves before a page break', () => {
    const [before, after] = [checkStructure(oldPdf), checkStructure(newPdf)];
    expect(after.problems).toEqual([]);
    expect(after.top).toEqual(before.top);
    // The whole print marks an empty piece of the heading after a forced page break on the page before; the assembly drops it.
    const strip = (tree: string[]) => tree.filter((t) => !/^\s*(mcid|\/MCR)$/.test(t));
    expect(strip(after.tree)).toEqual(strip(before.tree));
    expect(before.tree.length - after.tree.length).toBeLessThanOrEqual(4);
  });

  it('gives the same bytes when assembled again', async () => {
    const again = await assembled(docFor('traeger-001', '1.1', true));
    expect(Buffer.from(again).equals(await readFile(newFile))).toBe(true);
  });
});

describe('the split HTML', () => {
  it('gives parties of one version and regime the same shared parts, without their data', () => {
    const doc = docFor('traeger-001', '1.1');
    const other: PartyDocument = {
      ...doc,
      documentId: 'muster-1.1-traeger-999-00000000',
      party: { ...doc.party, id: 'traeger-999', name: 'Anderer Träger e. V.' },
      units: { ...doc.units, rows: [] },
      metadata: { ...doc.metadata, title: 'Anderer Titel' },
    };
    const [a, b] = [doc, other].map((d) => renderSplitPrintJobs(d, assets.templates));
    expect(a!.shared).toEqual(b!.shared);
    for (const html of a!.shared) for (const personal of [doc.party.id, doc.party.name, doc.documentId]) expect(html).not.toContain(personal);
    expect(a!.personal([3, 1]).match(/class="vw-rahmen"/g)).toHaveLength(4);
  });

  it('prints the whole document when the text links into another shared part', () => {
    const doc = docFor('traeger-001', '1.1');
    const agreement = structuredClone(doc.agreement);
    agreement.parts[0]!.sections[0]!.html += '<p><a href="#anlage-3">Anlage 3</a></p>';
    expect(renderSplitPrintJobs({ ...doc, agreement }, assets.templates).splittable).toBe(false);
  });
});

describe('assembling prints that do not fit', () => {
  it('refuses with a German message when the frame pages do not match the shared prints', async () => {
    const one = await PDFDocument.create();
    one.addPage();
    const personal = await PDFDocument.load(await one.save());
    const shared = await PDFDocument.load(await one.save());
    await expect(assemblePdf(personal, [shared, shared])).rejects.toThrowError(AssembleError);
    await expect(assemblePdf(personal, [shared, shared])).rejects.toThrowError(/passen nicht zu den gemeinsamen Teilen/);
  });
});

describe('the build with assembly', () => {
  function build(name: string, print: PrintFn) {
    return startPdfBuild(path.join(work, name), content, print, { assemble: true, timeoutMs: 30_000 });
  }

  it('tries a crashed shared print once more and goes on', async () => {
    let calls = 0;
    const { result, log } = await build('shared-once', (job, timeout) => {
      if (calls++ === 0) return Promise.reject(new Error('Die Seite ist abgestürzt (Target closed).'));
      return printer.print(job, timeout);
    });
    const done = await result;
    expect(done.rendered).toBe(done.total);
    expect(log.filter((l) => l.startsWith('Warnung:'))).toEqual([
      expect.stringMatching(/^Warnung: Gemeinsamer Teil (Vertragstext und Anlage 1|Anlage 3) \(muster, Version 1\.[01], (DSGVO|KDG|DSG-EKD)\) – Die Seite ist abgestürzt \(Target closed\)\. Neuer Versuch …$/),
    ]);
    expect(log.some((l) => l.includes('zusammensetzen'))).toBe(false);
  }, 120_000);

  it('stops with a German message when a shared print fails twice, and writes no PDF', async () => {
    const { result, dir } = await build('shared-twice', (job, timeout) =>
      job.html.includes('vw-rahmen') || job.html.includes('class="deckblatt"') ? printer.print(job, timeout) : Promise.reject(new Error('Die Seite ist abgestürzt (Target closed).')),
    );
    await expect(result).rejects.toThrowError(
      /^Der gemeinsame Teil (Vertragstext und Anlage 1|Anlage 3) \(muster, Version 1\.[01], (DSGVO|KDG|DSG-EKD)\) konnte auch im zweiten Versuch nicht erzeugt werden: Die Seite ist abgestürzt \(Target closed\)\./,
    );
    const written = await import('node:fs/promises').then((fs) => fs.readdir(dir, { recursive: true }).catch(() => [] as string[]));
    expect(written.filter((f) => f.endsWith('.pdf') && f.startsWith('dist'))).toEqual([]);
  }, 120_000);

  it('prints a document whole when its prints do not fit together', async () => {
    // A personal print with one frame page too few (the second frame left out).
    const oneFewer = (html: string) => {
      const frame = '<div class="vw-rahmen" aria-hidden="true"></div>\n';
      const second = html.indexOf(frame, html.indexOf(frame) + 1);
      return second < 0 ? html : html.slice(0, second) + html.slice(second + frame.length);
    };
    const { result, log } = await build('misfit', (job, timeout) => printer.print(job.html.includes('vw-rahmen') ? { ...job, html: oneFewer(job.html) } : job, timeout));
    const done = await result;
    expect(done.rendered).toBe(done.total);
    expect(log.filter((l) => l.includes('ließ sich nicht zusammensetzen')).length).toBe(done.total);
    expect(log.find((l) => l.startsWith('Hinweis:'))).toMatch(/Rahmenseiten der persönlichen Ausfertigung .* passen nicht zu den gemeinsamen Teilen/);
  }, 120_000);
});
