import { statSync } from 'node:fs';
import { formatDiagnostic, summarizeDiagnostics } from '../src/lib/diagnostics.ts';
import { parseAsOf, parseCli, runCli, UsageError } from '../src/io/cli.ts';
import { validateContentDir } from '../src/io/validate-content.ts';

const USAGE = `Aufruf: npm run validate -- [--content ORDNER] [--as-of JJJJ-MM-TT]

Prüft alle Inhaltsdateien und ihre Verweise. Exit-Code 0: in Ordnung, 1: Fehler im Inhalt, 2: falscher Aufruf.`;

await runCli(async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), {
    content: { type: 'string', default: 'content' },
    'as-of': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  }, USAGE);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 0) {
    throw new UsageError(`Unerwartetes Argument „${positionals[0]}“. Einen Inhaltsordner geben Sie mit --content ${positionals[0]} an.\n\n${USAGE}`);
  }
  const asOf = parseAsOf(values['as-of']);
  if (!statSync(values.content, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`Der Inhaltsordner „${values.content}“ existiert nicht. Geben Sie mit --content einen vorhandenen Ordner an.`);
  }
  const result = await validateContentDir(values.content, { asOf });
  const diagnostics = result.diagnostics;
  for (const d of diagnostics) console.error(formatDiagnostic(d));
  const summary = summarizeDiagnostics(diagnostics, result.content.files.length);
  if (result.errors > 0) {
    console.error(`\n${summary}`);
    return 1;
  }
  console.log(summary);
  return 0;
});
