import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { summarizeConformance } from '../src/lib/pdf/verapdf-report.ts';
import { parseCli, runCli, UsageError } from '../src/io/cli.ts';
import { ensureVeraPdf, runVeraPdf, VERAPDF_VERSION } from '../src/io/verapdf.ts';

const USAGE = `Aufruf: npm run check:pdf -- [PFAD…] [--install]

Prüft PDFs mit veraPDF ${VERAPDF_VERSION} gegen PDF/UA-1 (Barrierefreiheit) und PDF/A-2a (Archivierung)
und nennt je Datei die verletzten Regeln. PFAD ist eine PDF-Datei oder ein Ordner (alle PDFs darin);
ohne PFAD: dist/pdf und dist-private/pdf, also die Ausgabe von „npm run build“.
veraPDF wird beim ersten Aufruf mit Maven von Maven Central geladen (braucht Java und Maven).

  --install  nur veraPDF installieren, nichts prüfen
Exit-Code 0: alle PDFs erfüllen beide Normen; 1: mindestens eine Regel verletzt.`;

async function pdfsBelow(target: string): Promise<string[]> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.pdf')).map((e) => path.join(e.parentPath, e.name));
}

await runCli(async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), { install: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, USAGE);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const log = (line: string) => console.log(line);
  if (values.install) {
    console.log(`veraPDF ${VERAPDF_VERSION}: ${path.relative(process.cwd(), await ensureVeraPdf(log))}`);
    return 0;
  }
  const targets = positionals.length > 0 ? positionals : ['dist/pdf', 'dist-private/pdf'];
  const files = (await Promise.all(targets.map(pdfsBelow))).flat().sort();
  if (files.length === 0) {
    throw new UsageError(`Keine PDF-Dateien in ${targets.map((t) => `„${t}“`).join(', ')}. Erzeugen Sie sie zuerst (npm run build oder npm run pdf).`);
  }
  console.log(`Prüfe ${files.length.toLocaleString('de-DE')} PDFs mit veraPDF ${VERAPDF_VERSION} …`);
  const started = performance.now();
  const results = await runVeraPdf(files, { log });
  const summary = summarizeConformance(results, { display: (f) => path.relative(process.cwd(), f) });
  console.log(summary.text);
  console.log(`(${((performance.now() - started) / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1 })} s)`);
  return summary.failedFiles === 0 ? 0 : 1;
});
