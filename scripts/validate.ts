import { statSync } from 'node:fs';
import { formatDiagnostic, summarizeDiagnostics } from '../src/lib/diagnostics.ts';
import { parseAsOf, parseCli, runCli, UsageError } from '../src/io/cli.ts';
import { validateContentDir } from '../src/io/validate-content.ts';
import type { Content } from '../src/lib/content-model.ts';
import { currentVersionChecksum, recordedVersionChecksum } from '../src/lib/version-text.ts';

/** One line per version: folder, the checksum its § files give now, and how it compares with version.yaml. */
function renderChecksumList(content: Content, folderHasErrors: (folder: string) => boolean): string {
  const lines: string[] = [];
  for (const agreement of content.agreements) {
    for (const version of agreement.versions) {
      const folder = version.source.file.replace(/version\.ya?ml$/, '');
      const recorded = recordedVersionChecksum(version);
      const actual = currentVersionChecksum(version);
      const state = folderHasErrors(folder)
        ? 'nicht sicher: Dateien dieser Version enthalten Fehler (siehe unten)'
        : version.status === 'entwurf'
          ? 'Entwurf, noch nicht festgeschrieben'
          : recorded === undefined
            ? 'fehlt in version.yaml'
            : recorded === actual
              ? 'wie festgeschrieben'
              : `ABWEICHEND, festgeschrieben ist ${recorded}`;
      lines.push(`${folder}  text_sha256: ${actual}  (${state})`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : 'Keine Versionen gefunden.\n';
}

const USAGE = `Aufruf: npm run validate -- [--content ORDNER] [--as-of JJJJ-MM-TT] [--print-checksums]

Prüft alle Inhaltsdateien und ihre Verweise. Exit-Code 0: in Ordnung, 1: Fehler im Inhalt, 2: falscher Aufruf.

  --print-checksums  zeigt zuerst für jede Version die Prüfsumme ihres Vertragstexts (text_sha256 in
                     version.yaml; beim Beschluss einzutragen, danach ist der Text festgeschrieben)`;

await runCli(async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), {
    content: { type: 'string', default: 'content' },
    'as-of': { type: 'string' },
    'print-checksums': { type: 'boolean', default: false },
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
  if (values['print-checksums']) {
    // Errors of the freeze rule itself do not make the computed value uncertain.
    const uncertain = (folder: string) => result.diagnostics.some((d) => d.severity === 'error' && d.rule !== 'festgeschrieben' && d.file.startsWith(folder));
    process.stdout.write(renderChecksumList(result.content, uncertain));
  }
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
