import { execFileSync } from 'node:child_process';
import { requireTools } from '../src/io/tools.ts';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import { loadReportFontCss } from '../src/io/report/fonts.ts';
import { loadValidContent, renderReport } from '../src/io/report/render-report.ts';
import { reportStage } from '../src/io/stages/report.ts';
import type { BuildContext } from '../src/io/build-pipeline.ts';
import { renderReportHtml, renderReportMarkdown } from '../src/lib/report/render.ts';
import { buildBeschlusskontrolleView } from '../src/lib/report/view.ts';
import { SIGNING_CSV_COLUMNS } from '../src/lib/exports/signing-figures.ts';
import { buildPageList } from '../src/lib/site/pages.ts';
import { buildSigningStatusView } from '../src/lib/site/signing.ts';
import { applyEdits, validFixture, VALID_DIR, writeTree } from './support/content-variants.ts';
import { ROOT, runScript } from './support/run-cli.ts';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vertragswerk-report-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run report', () => {
  it('prints the Markdown letter for the fixture, as the library renders it', async () => {
    const result = await runScript('report', ['--content', VALID_DIR]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { content } = await loadContent(VALID_DIR);
    expect(result.stdout).toBe(renderReportMarkdown(buildBeschlusskontrolleView(content)));
  });

  it('writes the HTML page with embedded fonts and says where', async () => {
    const out = path.join(tmp, 'bericht.html');
    const result = await runScript('report', ['--content', VALID_DIR, '--format', 'html', '--out', out, '--as-of', '2023-06-30']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`Bericht zur Beschlusskontrolle (Zwischenstand am 30.\u00a0Juni 2023) geschrieben: ${out}\n`);
    const { content } = await loadContent(VALID_DIR);
    const expected = renderReportHtml(buildBeschlusskontrolleView(content, { asOf: '2023-06-30' }), { fontCss: await loadReportFontCss() });
    expect(readFileSync(out, 'utf8')).toBe(expected);
    expect(expected).toContain("src:url(data:font/woff2;base64,");
  });

  it.each([
    [['--format', 'docx'], 2, '--format erwartet md, html, pdf oder csv, erhalten: „docx“.'],
    [['--as-of', '2022-02-30'], 2, '--as-of „2022-02-30“ ist kein gültiges Kalenderdatum. Prüfen Sie Tag und Monat: den 30.02.2022 gibt es nicht.'],
    [['--as-of', '30.06.2023'], 2, '--as-of erwartet ein Datum im Format JJJJ-MM-TT, erhalten: „30.06.2023“. Schreiben Sie 2023-06-30.'],
    [['--format', 'htm'], 2, '--format erwartet md, html, pdf oder csv, erhalten: „htm“. Meinten Sie „html“?'],
    [['--agreement', 'kita'], 2, 'Die Vereinbarung „kita“ gibt es nicht. Vorhandene Vereinbarungen: „muster“.'],
    // A date far ahead, so the case does not depend on the day the tests run.
    [['--as-of', '2999-01-01'], 2, expect.stringMatching(/^Der Stichtag 1\.\u00a0Januar 2999 \(--as-of\) liegt in der Zukunft \(heute ist der \d+\.\u00a0\S+ \d{4}\)\. Wählen Sie einen Stichtag bis heute oder lassen Sie --as-of weg\.$/)],
    [['--gibtsnicht'], 2, 'Unbekannte Option „--gibtsnicht“.'],
  ])('%j → exit %i', async (args, code, firstLine) => {
    const result = await runScript('report', ['--content', VALID_DIR, ...args]);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toEqual(firstLine);
  });

  it('refuses content with errors (the figures could be wrong)', async () => {
    const dir = path.join(tmp, 'broken');
    writeTree(dir, applyEdits(validFixture(), [{ file: 'ledger/muster.yaml', replace: '    form: schriftlich\n', with: '' }]));
    const result = await runScript('report', ['--content', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Bei einer Unterschrift fehlt die Form.');
    expect(result.stderr).toContain('erst dann stimmen die Zahlen des Berichts');
  });
});

describe('bundled content', () => {
  it('says 87 and 51 on the recorded Beschlusskontrolle date', async () => {
    const content = await loadValidContent(path.join(ROOT, 'content'));
    const view = buildBeschlusskontrolleView(content);
    expect(view.asOf).toBe('2022-08-24');
    expect([view.figures?.eligible, view.figures?.bound]).toEqual([87, 51]);
    const md = renderReportMarkdown(view);
    // The recorded letter: the record's own Betreff and sentence (content/council/council.yaml, record).
    expect(md).toContain('# Beschlusskontrolle zu A 0311/22 (Sitzungsnummer: JHA/036/2022)');
    expect(md).toContain('Von 87 Trägern, die Einrichtungen im Rahmen des städtischen Bedarfsplanes betreiben, haben bereits 51 Träger');
    expect(md).toContain('Sehr geehrte Fraktionen und Mitglieder des Stadtrates,');
  });

  it('writes the status of the report date as CSV, the same figures the letter says (87 eligible, 51 signed)', async () => {
    const result = await runScript('report', ['--format', 'csv', '--as-of', '2022-08-24']);
    expect(result.code).toBe(0);
    const [header, total, ...rest] = result.stdout.trim().split(/\r?\n/);
    expect(header).toBe(SIGNING_CSV_COLUMNS.map((c) => c.name).join(','));
    expect(total).toMatch(/^kita-planer-2,2022-08-24,alle,alle,87,51,/);
    expect(rest.some((row) => row.startsWith('kita-planer-2,2022-08-24,1.0,alle,,51,'))).toBe(true);
    const md = await runScript('report', ['--as-of', '2022-08-24']);
    expect(md.stdout).toContain('Von 87 Trägern, die Einrichtungen im Rahmen des städtischen Bedarfsplanes betreiben, haben bereits 51 Träger');
  });

  it('is worded as the seed letter records it: resolution points word for word, final state, signed by the Beigeordneter', async () => {
    const view = buildBeschlusskontrolleView(await loadValidContent(path.join(ROOT, 'content')));
    expect(view.final).toBe(true);
    expect(view.letter.statusSentence).toBe('folgender abschließender Stand kann zu oben genanntem Beschluss gegeben werden:');
    expect(view.letter.signature[0]).toBe('Beigeordneter für Bildung und Jugend');
    // Both council documents (../shared/seeds) word the points so; the reproduced letter nests „Kita-Planer 2“ as the record does.
    expect(view.points.map((p) => p.quote)).toEqual([
      '„Der Jugendhilfeausschuss beschließt die Rahmen-Kooperationsvereinbarung über die gemeinsame Nutzung der webbasierten Software „Kita-Planer 2“ der Firma netgo GmbH zwischen der Landeshauptstadt Dresden und den freien Trägern von Kindertageseinrichtungen laut Anlage 1 (zum Antrag).“',
      '„Der Oberbürgermeister wird beauftragt, auf Grundlage der Rahmen-Kooperationsvereinbarung individualrechtliche Vereinbarungen mit allen freien Träger von Kindertageseinrichtungen abzuschließen, die das Softwaresystem gemeinsam mit der Landeshauptstadt Dresden nutzen wollen und deren Einrichtungen im Bedarfsplan Kindertageseinrichtungen und Kindertagespflege 2021/2022 aufgenommen sind.“',
    ]);
    expect(renderReportMarkdown(view)).not.toContain('Über den weiteren Stand wird erneut berichtet.');
  });
});

describe('PDF and build stage', () => {
  it('prints a tagged PDF with the letter’s metadata, the same bytes twice', async () => {
    const { content } = await loadContent(VALID_DIR);
    const view = buildBeschlusskontrolleView(content);
    const first = (await renderReport(view, 'pdf')) as Uint8Array;
    const second = (await renderReport(view, 'pdf')) as Uint8Array;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const pdf = await PDFDocument.load(first, { updateMetadata: false });
    expect(pdf.getTitle()).toBe('Beschlusskontrolle zu A\u00a00001/22 (Sitzungsnummer: JHA/001/2022) – Stand 24.\u00a0August 2022');
    expect(pdf.getAuthor()).toBe('Landeshauptstadt Musterstadt, Geschäftsbereich Bildung und Jugend');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2022-08-24T00:00:00.000Z');
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    const file = path.join(tmp, 'bericht.pdf');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, first);
    requireTools('pdftotext');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Von 2 Trägern, die Einrichtungen im Bedarfsplan 2021/2022 betreiben, hat 1 Träger');
    expect(text).toContain('Mit freundlichen Grüßen');
  }, 120_000);

  it('puts HTML and Markdown under /beschlusskontrolle/bericht/ without names', async () => {
    const { content } = await loadContent(VALID_DIR);
    const stagingOut = path.join(tmp, 'dist');
    const context = { content, stagingOut, stagingPrivate: path.join(tmp, 'private'), options: { skip: [], log: () => {} } } as unknown as BuildContext;
    expect(await reportStage.run(context)).toBe('1 Bericht');
    const dir = path.join(stagingOut, 'beschlusskontrolle', 'bericht');
    const html = readFileSync(path.join(dir, 'muster', 'index.html'), 'utf8');
    const md = readFileSync(path.join(dir, 'muster', 'bericht.md'), 'utf8');
    expect(md).toBe(renderReportMarkdown(buildBeschlusskontrolleView(content)));
    expect(html).toContain('Von 2 Trägern');
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toContain('<a href="muster/">Beschlusskontrolle zu A\u00a00001/22');
    for (const text of [html, md]) for (const name of ['Erika Beispiel', 'Paul Probe', 'Maria Tagesmutter']) expect(text).not.toContain(name);
    // Reports on a later date than the build's --as-of are left out.
    const early = path.join(tmp, 'dist-early');
    const earlyContext = { ...context, stagingOut: early, options: { skip: [], log: () => {}, asOf: '2022-08-23' } } as unknown as BuildContext;
    expect(await reportStage.run(earlyContext)).toBe('0 Berichte');
    expect(existsSync(path.join(early, 'beschlusskontrolle', 'bericht', 'muster'))).toBe(false);
    // The sitemap and the status page's link agree with what the stage wrote.
    expect(buildPageList(content)).toContain('/beschlusskontrolle/bericht/muster/');
    expect(buildPageList(content, '2022-08-23')).not.toContain('/beschlusskontrolle/bericht/muster/');
    expect(buildSigningStatusView(content).agreements[0]!.report?.htmlHref).toBe('/beschlusskontrolle/bericht/muster/');
    expect(buildSigningStatusView(content, '2022-08-23').agreements[0]!.report).toBeUndefined();
  });
});
