import { formatDiagnostic, summarizeDiagnostics } from '../src/lib/diagnostics.ts';
import { parseAsOf, parseCli, runCli } from '../src/io/cli.ts';
import { validateContentDir } from '../src/io/validate-content.ts';

const USAGE = `Aufruf: npm run validate -- [--content ORDNER] [--as-of JJJJ-MM-TT]

Prüft alle Inhaltsdateien und ihre Verweise. Exit-Code 0: in Ordnung, 1: Fehler im Inhalt, 2: falscher Aufruf.`;

await runCli(async () => {
  const { values } = parseCli(process.argv.slice(2), {
    content: { type: 'string', default: 'content' },
    'as-of': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, USAGE);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const asOf = parseAsOf(values['as-of']);
  const result = await validateContentDir(values.content, { asOf });
  for (const d of result.diagnostics) console.error(formatDiagnostic(d));
  const summary = summarizeDiagnostics(result.diagnostics, result.content.files.length);
  if (result.errors > 0) {
    console.error(`\n${summary}`);
    return 1;
  }
  console.log(summary);
  return 0;
});
