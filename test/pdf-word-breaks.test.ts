import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import { buildPdfs } from '../src/io/pdf/build-pdfs.ts';
import { renderReport } from '../src/io/report/render-report.ts';
import type { Content } from '../src/lib/content-model.ts';
import { planPdfJobs } from '../src/lib/pdf/party-document.ts';
import { publishedReports } from '../src/lib/report/urls.ts';
import { buildBeschlusskontrolleView } from '../src/lib/report/view.ts';
import { tool } from './support/pdf-build-run.ts';
import { ROOT } from './support/run-cli.ts';
import { loadSourceWords, midWordBreaksInPdf } from './support/word-breaks.ts';

// Words never break mid-word in a PDF (issue 21: `word-break: break-all` set „nicht der D“ /
// „atei)“ on the signature page of 119 of 174 copies). Printed from the bundled content: for each
// agreement, version and Fassung the first party (so every shared text is printed once) and
// traeger-012, the example; the DPIA PDFs; the Beschlusskontrolle report of each agreement.
// Letters: test/letters-layout.test.ts.

let work: string;
let content: Content;
let words: Set<string>;
const pdfs: string[] = [];
const out = (...p: string[]) => path.join(work, ...p);

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-words-'));
  ({ content } = await loadContent(path.join(ROOT, 'content')));
  words = await loadSourceWords(['content', 'templates', 'src'].map((d) => path.join(ROOT, d)));
  const sample = new Set(['traeger-012']);
  const seen = new Set<string>();
  for (const job of planPdfJobs(content)) {
    const key = `${job.agreementId} ${job.version} ${job.regime}`;
    if (!seen.has(key)) sample.add(job.partyId);
    seen.add(key);
  }
  // Only the sampled parties, but no `parties` option: a whole build also prints the DPIA PDFs.
  const sampled: Content = { ...content, providers: content.providers.filter((p) => sample.has(p.id)), childminders: content.childminders.filter((p) => sample.has(p.id)) };
  await buildPdfs({ content: sampled, outDir: out('dist'), privateOutDir: out('private'), cacheDir: out('cache'), log: () => undefined });
  for (const { agreement, asOf } of publishedReports(content)) {
    const file = out(`bericht-${agreement.id}.pdf`);
    await writeFile(file, (await renderReport(buildBeschlusskontrolleView(content, { agreementId: agreement.id, asOf }), 'pdf')) as Uint8Array);
  }
  for (const dir of [out('dist'), out('private'), work]) {
    for (const e of await readdir(dir, { recursive: dir !== work, withFileTypes: true })) if (e.isFile() && e.name.endsWith('.pdf')) pdfs.push(path.join(e.parentPath, e.name));
  }
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('no word breaks mid-word in any PDF of the bundled content', () => {
  it('printed every kind: copies of every Fassung, public and private, DPIA and report', () => {
    const names = pdfs.map((f) => path.relative(work, f));
    expect(names).toContain('dist/pdf/kita-planer-2/1.1/traeger-012.pdf');
    expect(names.some((n) => n.startsWith('private/pdf/'))).toBe(true);
    expect(names.filter((n) => n.startsWith('dist/pdf/dsfa/')).length).toBeGreaterThan(0);
    expect(names.filter((n) => n.startsWith('bericht-'))).toHaveLength(publishedReports(content).length);
    const regimes = new Set(planPdfJobs(content).map((j) => j.regime));
    expect(regimes.size).toBeGreaterThan(1);
  });

  it('breaks lines only at spaces and hyphens (hashes and ids may wrap anywhere)', () => {
    const found = pdfs.flatMap((file) => midWordBreaksInPdf(file, words).map((b) => `${path.relative(work, file)}: ${b}`));
    expect(found).toEqual([]);
  });

  it('keeps the signature page’s note whole: „nicht der Datei)“, the document id and the hash', () => {
    const pages = tool('pdftotext', ['-enc', 'UTF-8', out('dist/pdf/kita-planer-2/1.1/traeger-012.pdf'), '-']).stdout.split('\f').filter((p) => p.trim() !== '');
    const signaturePage = pages.at(-1)!.replace(/\s+/g, ' ');
    expect(signaturePage).toContain('Unterschriften');
    expect(signaturePage).toMatch(/Dokumentkennung kita-planer-2-1\.1-traeger-012-[0-9a-f]{8} · Prüfsumme des Vertragstexts \(SHA-256 des festgeschriebenen Textes, nicht der Datei\) [0-9a-f]{64}/);
  });
});
