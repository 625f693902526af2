import { parseOptions, runCli } from '../src/io/cli.ts';
import { runPackageCommand } from '../src/io/node-tools.ts';

const USAGE = `Aufruf: npm run check

Prüft die Typen des ganzen Projekts, ohne etwas zu erzeugen: erst die Astro-Seiten und -Komponenten
(astro check), dann alle TypeScript-Dateien (tsc --noEmit). Dauert etwa eine Minute. Die Meldungen
der beiden Werkzeuge sind englisch; jede nennt Datei, Zeile und Spalte.

Exit-Code 0: keine Fehler; 1: Typfehler gefunden; 2: falscher Aufruf.`;

await runCli(async () => {
  const values = parseOptions(process.argv.slice(2), { help: { type: 'boolean', short: 'h' } }, USAGE);
  if (!values) return 0;
  const astro = await runPackageCommand('astro', 'astro', ['check']);
  if (astro !== 0) return astro > 128 ? astro : 1;
  const tsc = await runPackageCommand('typescript', 'tsc', ['--noEmit']);
  return tsc === 0 || tsc > 128 ? tsc : 1;
});
