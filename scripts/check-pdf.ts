import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatCount } from '../src/lib/format.ts';
import { summarizeConformance } from '../src/lib/pdf/verapdf-report.ts';
import { parseCli, runCli, UsageError } from '../src/io/cli.ts';
import { ensureVeraPdf, runVeraPdf, VERAPDF_VERSION } from '../src/io/verapdf.ts';

const USAGE = `Aufruf: npm run check:pdf -- [PFAD…] [--install]

Prüft PDFs mit veraPDF ${VERAPDF_VERSION} gegen PDF/UA-1 (Barrierefreiheit) und PDF/A-2a (Archivierung)
und nennt je Datei die verletzten Regeln. PFAD ist eine PDF-Datei oder ein Ordner (alle PDFs darin);
ohne PFAD: dist/pdf und dist-private/pdf, also die Ausgabe von „npm run build“.
veraPDF wird beim ersten Aufruf mit Maven von Maven Central geladen (braucht Java und Maven).

  --install  nur veraPDF installieren, nichts prüfen
Exit-Code 0: alle PDFs erfüllen beide Normen; 1: mindestens eine Regel verletzt; 2: falscher Aufruf
(etwa ein Pfad, den es nicht gibt).`;

/** The PDFs a path names: the file itself, or every PDF below a folder; undefined when the path does not exist. */
async function pdfsBelow(target: string): Promise<string[] | undefined> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return undefined;
  if (info.isFile()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.pdf')).map((e) => path.join(e.parentPath, e.name));
}

const quoted = (paths: readonly string[]) => paths.map((p) => `„${p}“`).join(', ');

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
  const given = positionals.length > 0;
  const targets = given ? positionals : ['dist/pdf', 'dist-private/pdf'];
  const found = await Promise.all(targets.map(pdfsBelow));
  // A path the caller named must exist: a typo would otherwise pass as „alle erfüllen“. Of the two
  // default folders, one may be missing (no private copies).
  const missing = targets.filter((_, i) => found[i] === undefined);
  const empty = targets.filter((_, i) => found[i]?.length === 0);
  if (given && missing.length + empty.length > 0) {
    const problems = [
      ...(missing.length > 0 ? [`${missing.length === 1 ? 'Den Pfad' : 'Die Pfade'} ${quoted(missing)} gibt es nicht.`] : []),
      ...(empty.length > 0 ? [`In ${quoted(empty)} ${empty.length === 1 ? 'liegt' : 'liegen'} keine PDF-Datei.`] : []),
    ];
    throw new UsageError(`${problems.join(' ')} Geben Sie PDF-Dateien oder Ordner mit PDFs an; es wurde nichts geprüft.\n\n${USAGE}`);
  }
  const files = found.flatMap((f) => f ?? []).sort();
  if (files.length === 0) {
    throw new UsageError(`Keine PDF-Dateien in ${quoted(targets)}. Erzeugen Sie sie zuerst (npm run build oder npm run pdf).`);
  }
  console.log(`Prüfe ${formatCount(files.length, 'PDF', 'PDFs')} mit veraPDF ${VERAPDF_VERSION} …`);
  const started = performance.now();
  const results = await runVeraPdf(files, { log });
  const summary = summarizeConformance(results, { display: (f) => path.relative(process.cwd(), f) });
  console.log(summary.text);
  console.log(`(${((performance.now() - started) / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1 })} s)`);
  return summary.failedFiles === 0 ? 0 : 1;
});
