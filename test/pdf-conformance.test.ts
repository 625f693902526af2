import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVeraPdf } from '../src/io/verapdf.ts';
import { fileProblems, REQUIRED_PROFILES, summarizeConformance, type FileConformance } from '../src/lib/pdf/verapdf-report.ts';
import { ROOT, runScript } from './support/run-cli.ts';
import { addChildmindersAgreement, addDraftAgreementVersion, addDraftDpia } from './support/pdf-build-run.ts';

// Every kind of PDF the project makes, checked by veraPDF against PDF/UA-1 and PDF/A-2a in one
// JVM start: the provider's copy under each regime (DSGVO, KDG, DSG-EKD; version 1.0 is not
// offered to the DSG-EKD provider) and version, the
// childminders' copy, the DPIA (adopted, and a draft compared with it), the council letter, the letters to the parties (offer, reminder,
// change notice) – and one PDF with known defects that must be refused.
let work: string;
let results: FileConformance[];
const out = (name: string) => path.join(work, name);
const DEFECT = 'defekt.pdf';

async function pdfsBelow(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && e.name.endsWith('.pdf'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** A finished PDF with two defects: no description on its links, no tab order on its pages. */
async function writeDefectivePdf(source: string, target: string): Promise<void> {
  const pdf = await PDFDocument.load(await readFile(source), { updateMetadata: false });
  for (const page of pdf.getPages()) {
    page.node.delete(PDFName.of('Tabs'));
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) annots.lookup(i, PDFDict).delete(PDFName.of('Contents'));
  }
  await writeFile(target, await pdf.save({ updateFieldAppearances: false }));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-conformance-'));
  const content = out('content');
  await cp(path.join(ROOT, 'test/fixtures/valid'), content, { recursive: true });
  // A Protestant provider (DSG-EKD) next to the fixture's DSGVO and KDG providers.
  const ekd = (await readFile(path.join(content, 'parties/traeger/traeger-001.yaml'), 'utf8'))
    .replace('id: traeger-001', 'id: traeger-004')
    .replace('name: Kinderhaus Elbaue e. V.', 'name: Evangelische Kita Am Markt e. V.')
    .replace('regime: dsgvo', 'regime: dsg-ekd')
    .replace('kita-001-01', 'kita-004-01')
    .replace('KT-0001', 'KT-0004')
    .replace('erika@elbaue.example', 'kita@am-markt.example');
  await writeFile(path.join(content, 'parties/traeger/traeger-004.yaml'), ekd);
  await addChildmindersAgreement(content);
  // A draft DPIA 2.0 that supersedes 1.0: its PDF adds the comparison of levels (a table) and
  // prints each measure as a block with a definition list.
  await addDraftDpia(content);
  // A draft 1.2 of the providers' agreement: its Synopsen have a rewritten Absatz, a new § over
  // more than a page, an inserted Absatz, a changed title and renumbered §§.
  await addDraftAgreementVersion(content);
  const pdfs = await runScript('pdf', ['--content', content, '--out', out('dist'), '--private-out', out('dist-private'), '--cache-dir', out('cache')]);
  expect(pdfs.code, pdfs.stdout + pdfs.stderr).toBe(0);
  const report = await runScript('report', ['--content', content, '--format', 'pdf', '--out', out('bericht/bericht.pdf')]);
  expect(report.code, report.stderr).toBe(0);
  // Offer and change notice on the day version 1.1 went out, a reminder two months after the first offers.
  for (const asOf of ['2023-06-05', '2022-06-01']) {
    // Into the records beside the content: akten/briefe/muster/<date>/.
    const letters = await runScript('letters', ['--content', content, '--as-of', asOf, '--manifest', out('dist/pdf/manifest.json')]);
    expect(letters.code, letters.stdout + letters.stderr).toBe(0);
  }
  await writeDefectivePdf(out('dist/pdf/muster/1.1/traeger-001.pdf'), out(DEFECT));
  const files = [...(await pdfsBelow(out('dist'))), ...(await pdfsBelow(out('dist-private'))), ...(await pdfsBelow(out('akten'))), out('bericht/bericht.pdf'), out(DEFECT)];
  results = await runVeraPdf(files);
}, 600_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const rel = (file: string) => path.relative(work, file);

describe('veraPDF: PDF/UA-1 and PDF/A-2a', () => {
  it('checked every kind of PDF the build and the report make', () => {
    expect(results.map((r) => rel(r.file)).sort()).toEqual([
      'akten/briefe/muster/2022-06-01/angebot-muster-1.0-traeger-004.pdf',
      'akten/briefe/muster/2022-06-01/erinnerung-muster-1.0-traeger-002.pdf',
      'akten/briefe/muster/2023-06-05/aenderung-muster-1.1-traeger-001.pdf',
      'akten/briefe/muster/2023-06-05/angebot-muster-1.1-traeger-002.pdf',
      'akten/briefe/muster/2023-06-05/angebot-muster-1.1-traeger-004.pdf',
      'bericht/bericht.pdf',
      DEFECT,
      'dist-private/pdf/tagespflege/1.1/ktp-001.pdf',
      'dist/pdf/dsfa/dsfa-1.0.pdf',
      'dist/pdf/dsfa/dsfa-2.0-entwurf.pdf',
      'dist/pdf/muster/1.0/traeger-001.pdf',
      'dist/pdf/muster/1.0/traeger-002.pdf',
      'dist/pdf/muster/1.1/traeger-001.pdf',
      'dist/pdf/muster/1.1/traeger-002.pdf',
      'dist/pdf/muster/1.1/traeger-004.pdf',
      'dist/pdf/muster/synopse/synopse-1.0-1.1.pdf',
      'dist/pdf/muster/synopse/synopse-1.0-1.2-entwurf.pdf',
      'dist/pdf/muster/synopse/synopse-1.1-1.2-entwurf.pdf',
      'dist/pdf/tagespflege/synopse/synopse-1.0-1.1.pdf',
    ]);
  });

  it('finds no failed rule in any of them, against both profiles', () => {
    const made = results.filter((r) => rel(r.file) !== DEFECT);
    for (const result of made) {
      expect(result.profiles.map((p) => p.profile).sort(), rel(result.file)).toEqual([...REQUIRED_PROFILES].sort());
      expect(fileProblems(result), rel(result.file)).toEqual([]);
      for (const profile of result.profiles) expect(profile.passedRules, `${rel(result.file)} ${profile.profile}`).toBeGreaterThan(100);
    }
    const summary = summarizeConformance(made, { display: rel });
    expect(summary.failedFiles).toBe(0);
    expect(summary.text).toMatch(/^18 PDFs geprüft \(PDF\/UA-1: \d+ Regeln, PDF\/A-2A: \d+ Regeln\): alle erfüllen PDF\/UA-1 und PDF\/A-2A\.$/m);
  });

  it('refuses a PDF with known defects and names the rules it breaks', () => {
    const defect = results.find((r) => rel(r.file) === DEFECT)!;
    const problems = fileProblems(defect);
    // Links without /Contents (7.18.1, 7.18.5), pages without tab order (7.18.3).
    expect(problems.map((p) => /^Regel (\S+ \S+)/.exec(p)?.[1]).sort()).toEqual(['PDF/UA-1 7.18.1-2', 'PDF/UA-1 7.18.3-1', 'PDF/UA-1 7.18.5-2']);
    const summary = summarizeConformance([defect], { display: rel });
    expect(summary.failedFiles).toBe(1);
    expect(summary.text).toContain(`✗ ${DEFECT}:\n    Regel PDF/UA-1 7.18.1-2 (ISO 14289-1:2014): `);
    expect(summary.text).toMatch(/Regel PDF\/UA-1 7\.18\.3-1 \(ISO 14289-1:2014\): 1 Verstoß – Every page on which there is an annotation/);
  });
});
