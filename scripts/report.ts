import path from 'node:path';
import { localToday, parseAsOf, parseChoice, parseOptions, runCli } from '../src/io/cli.ts';
import { writeFileAtomic } from '../src/io/atomic-dir.ts';
import { loadValidContent, renderReport, REPORT_FORMATS, type ReportFormat } from '../src/io/report/render-report.ts';
import { renderSigningFiguresCsv, signingFigureRowsOn } from '../src/lib/exports/signing-figures.ts';
import { buildBeschlusskontrolleView, findAgreement } from '../src/lib/report/view.ts';

const USAGE = `Aufruf: npm run report -- [--as-of JJJJ-MM-TT] [--format md|html|pdf|csv] [--agreement KENNUNG] [--out DATEI] [--content ORDNER]

Erzeugt die Mitteilung zur Beschlusskontrolle mit dem Zeichnungsstand am Ende des Stichtags.
  --as-of      Stichtag, nicht in der Zukunft; ohne Angabe das Datum der Beschlusskontrolle in content/council/council.yaml
  --format     md (Standard, ohne --out auf die Standardausgabe), html, pdf oder csv (die Zahlen
               des Stichtags je Fassung und Datenschutzrecht, Spalten wie zeichnungsstand.csv der Seite „Daten“)
  --agreement  Vereinbarung; ohne Angabe main_agreement aus content/site.yaml
  --out        Zieldatei; für html und pdf ohne Angabe out/beschlusskontrolle-<Vereinbarung>-<Stichtag>.<Format>;
               csv ohne --out auf die Standardausgabe

In eine Datei schreiben: --out bericht.md (oder npm run -s report > bericht.md; ohne -s schreibt
npm seine eigenen Kopfzeilen mit in die Datei).`;

await runCli(async () => {
  const values = parseOptions(
    process.argv.slice(2),
    {
      content: { type: 'string', default: 'content' },
      'as-of': { type: 'string' },
      format: { type: 'string', default: 'md' },
      agreement: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (!values) return 0;
  const format = parseChoice<ReportFormat | 'csv'>('--format', values.format, [...REPORT_FORMATS, 'csv'], USAGE);
  const asOf = parseAsOf(values['as-of'], { notAfter: localToday() });
  const content = await loadValidContent(values.content);
  const view = buildBeschlusskontrolleView(content, { asOf, agreementId: values.agreement });
  const output =
    format === 'csv'
      ? renderSigningFiguresCsv(signingFigureRowsOn(content, findAgreement(content, view.agreementId), view.asOf))
      : await renderReport(view, format);
  if (!values.out && (format === 'md' || format === 'csv')) {
    process.stdout.write(output as string);
    return 0;
  }
  const out = values.out ?? path.join('out', `beschlusskontrolle-${view.agreementId}-${view.asOf}.${format}`);
  await writeFileAtomic(out, output);
  const kind = view.final ? 'abschließender Stand' : 'Zwischenstand';
  const what = format === 'csv' ? 'Zahlen zur Beschlusskontrolle' : 'Bericht zur Beschlusskontrolle';
  console.error(`${what} (${kind} am ${view.asOfText}) geschrieben: ${out}`);
  return 0;
});
