import { parseAsOf, parseOptions, parseStageList, runCli } from '../src/io/cli.ts';
import { runBuild, type BuildStage } from '../src/io/build-pipeline.ts';
import { siteStage } from '../src/io/stages/site.ts';
import { reportStage } from '../src/io/stages/report.ts';
import { pdfStage } from '../src/io/stages/pdf.ts';
import { searchStage } from '../src/io/stages/search.ts';

/** Build stages in order. pdf runs before site: the site shows size, pages and SHA-256 from the PDF manifest. */
const STAGES: BuildStage[] = [pdfStage, siteStage, reportStage, searchStage];

const USAGE = `Aufruf: npm run build -- [--content ORDNER] [--out ORDNER] [--private-out ORDNER] [--as-of JJJJ-MM-TT] [--skip STUFE,…]

Prüft die Inhalte und erzeugt Website, PDFs und Bericht. Die bisherige Ausgabe wird erst ersetzt,
wenn alles gelungen ist. Stufen: ${STAGES.map((s) => s.name).join(', ')}. Eine übersprungene Stufe
übernimmt ihre Ausgabe aus dem bisherigen Build (z. B. behält --skip pdf die bisherigen PDFs).`;

await runCli(async () => {
  const values = parseOptions(process.argv.slice(2), {
    content: { type: 'string', default: 'content' },
    out: { type: 'string', default: 'dist' },
    'private-out': { type: 'string', default: 'dist-private' },
    'cache-dir': { type: 'string', default: '.cache' },
    'as-of': { type: 'string' },
    skip: { type: 'string', default: '' },
    help: { type: 'boolean', short: 'h' },
  }, USAGE);
  if (!values) return 0;
  const skip = parseStageList(values.skip, STAGES.map((s) => s.name), USAGE);
  await runBuild(
    {
      contentDir: values.content,
      outDir: values.out,
      privateOutDir: values['private-out'],
      cacheDir: values['cache-dir'],
      asOf: parseAsOf(values['as-of']),
      skip,
      log: (line) => console.log(line),
    },
    STAGES,
  );
  return 0;
});
