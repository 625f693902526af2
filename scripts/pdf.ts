import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatDiagnostic, summarizeDiagnostics } from '../src/lib/diagnostics.ts';
import { mergeManifests, parseManifest, renderManifestJson } from '../src/lib/pdf/manifest.ts';
import { parseShard } from '../src/lib/pdf/shard.ts';
import { didYouMeanWord } from '../src/lib/suggest.ts';
import { writeFileAtomic } from '../src/io/atomic-dir.ts';
import { ContentError, parseCli, runCli, UsageError } from '../src/io/cli.ts';
import { buildPdfs } from '../src/io/pdf/build-pdfs.ts';
import { mergeShardOutputs } from '../src/io/pdf/merge-shards.ts';
import { validateContentDir } from '../src/io/validate-content.ts';
import { displayPrefixFor } from '../src/io/load-content.ts';
import { programFingerprint } from '../src/io/program-fingerprint.ts';

const USAGE = `Aufruf: npm run pdf -- [--content ORDNER] [--out ORDNER] [--private-out ORDNER] [--cache-dir ORDNER]
                       [--party KENNUNG[,KENNUNG…]] [--shard K/N] [--concurrency N]
       npm run pdf -- merge-manifests DATEI… --out dist/pdf/manifest.json
       npm run pdf -- merge-shards [--out ORDNER] [--private-out ORDNER]

Erzeugt die persönlichen PDF-Ausfertigungen (ohne Website) nach ORDNER/pdf/ und das Verzeichnis
pdf/manifest.json. Ausfertigungen für natürliche Personen gehen nur in den nicht öffentlichen
Ordner (--private-out, Standard dist-private). Unveränderte PDFs kommen aus dem Cache.

  --party      nur die PDFs dieser Partner (ihre Kennungen)
  --shard K/N  nur den K-ten von N Teilen (nach Kennung), schreibt pdf/manifest-shard-K-of-N.json;
               die Teile verschiedener Rechner führt „merge-manifests“ zusammen

„merge-shards“ ist der letzte Schritt nach Läufen mit --shard auf mehreren Rechnern (CI): Liegen
deren Ordner pdf/ in --out und --private-out beisammen, schreibt er daraus pdf/manifest.json und
entfernt die Teilverzeichnisse – die Ausgabe ist dann dieselbe wie die eines einzigen Laufs.
Fehlt ein Teil oder ein PDF, bricht er ab, ohne etwas zu schreiben.

Mit --party oder --shard ergänzt der Lauf pdf/manifest.json um seine Einträge: die übrigen PDFs und
ihre Einträge bleiben, das Verzeichnis nennt immer jedes PDF im Ordner. Wer nur die neuen PDFs
sehen will, gibt mit --out einen eigenen Ordner an.
  --concurrency gleichzeitig druckende Seiten (Standard 2)`;

await runCli(async () => {
  const argv = process.argv.slice(2);
  if (argv[0] === 'merge-manifests') return mergeCommand(argv.slice(1));
  if (argv[0] === 'merge-shards') return mergeShardsCommand(argv.slice(1));
  const { values, positionals } = parseCli(
    argv,
    {
      content: { type: 'string', default: 'content' },
      out: { type: 'string', default: 'dist' },
      'private-out': { type: 'string', default: 'dist-private' },
      'cache-dir': { type: 'string', default: '.cache' },
      party: { type: 'string', multiple: true },
      shard: { type: 'string' },
      concurrency: { type: 'string', default: '2' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`Unbekannter Befehl „${positionals[0]}“.${didYouMeanWord(positionals[0]!, ['merge-manifests', 'merge-shards'])}\n\n${USAGE}`);
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (values.shard !== undefined && !shard) {
    throw new UsageError(`--shard erwartet K/N mit 1 ≤ K ≤ N, z. B. „--shard 2/4“; erhalten: „${values.shard}“.`);
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) {
    throw new UsageError(`--concurrency erwartet eine ganze Zahl von 1 bis 16, erhalten: „${values.concurrency}“.`);
  }
  const validation = await validateContentDir(values.content, {}, { cacheDir: path.resolve(values['cache-dir']) });
  for (const d of validation.diagnostics) console.log(formatDiagnostic(d));
  if (validation.errors > 0) {
    throw new ContentError(`\n${summarizeDiagnostics(validation.diagnostics, validation.content.files.length)}\nKeine PDFs erzeugt.`);
  }
  const result = await buildPdfs({
    content: validation.content,
    contentDir: values.content,
    outDir: path.resolve(values.out),
    privateOutDir: path.resolve(values['private-out']),
    cacheDir: path.resolve(values['cache-dir']),
    parties: (values.party ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean),
    shard,
    concurrency,
    contentFiles: { digests: validation.fileDigests, displayPrefix: displayPrefixFor(path.resolve(values.content)) },
    program: await programFingerprint(),
    log: (line) => console.log(line),
  });
  const rate = result.rendered > 0 ? ` (${(result.rendered / result.seconds).toLocaleString('de-DE', { maximumFractionDigits: 1 })} PDFs/s)` : '';
  console.log(
    `✓ ${result.total} PDFs: ${result.rendered} neu, ${result.cached} aus dem Cache in ${result.seconds.toLocaleString('de-DE', { maximumFractionDigits: 1 })} s${rate}`,
  );
  if (result.dpia.total > 0) {
    const time = result.dpia.rendered > 0 ? ` in ${result.dpia.seconds.toLocaleString('de-DE', { maximumFractionDigits: 1 })} s` : '';
    console.log(`  Datenschutz-Folgenabschätzung: ${result.dpia.total === 1 ? '1 PDF' : `${result.dpia.total} PDFs`}, ${result.dpia.rendered} neu${time}`);
  }
  if (result.synopses.total > 0) console.log(`  Synopsen: ${result.synopses.total === 1 ? '1 PDF' : `${result.synopses.total} PDFs`}, ${result.synopses.rendered} neu`);
  if (result.workingCopies.total > 0) console.log(`  Word-Arbeitskopien: ${result.workingCopies.total}, ${result.workingCopies.made} neu in ${result.workingCopies.seconds.toLocaleString('de-DE', { maximumFractionDigits: 1 })} s`);
  if (result.fullManifest) {
    if (values.shard) console.log(`  Verzeichnis dieses Teils: ${path.relative(process.cwd(), result.publicManifestPath)}`);
    console.log(
      `  Verzeichnis aller PDFs: ${path.relative(process.cwd(), result.fullManifest.path)} – ${result.fullManifest.entries} Einträge; ${result.fullManifest.entries === result.publicManifest.entries.length ? 'alle aus diesem Lauf' : `die ${result.publicManifest.entries.length} aus diesem Lauf ergänzt oder erneuert, die übrigen unverändert`}`,
    );
    if (existsSync(path.join(values.out, 'index.html'))) {
      console.log(`  Hinweis: Die Website in ${values.out}/ zeigt Größe und SHA-256 neuer PDFs erst nach „npm run build -- --skip pdf“.`);
    }
  } else {
    console.log(`  Verzeichnis: ${path.relative(process.cwd(), result.publicManifestPath)}`);
  }
  if (result.privateManifest.entries.length > 0) {
    console.log(`  Nicht öffentlich: ${path.relative(process.cwd(), result.privateManifestPath)} (${result.privateManifest.entries.length} PDFs)`);
  }
  return 0;
});

async function mergeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(argv, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, USAGE);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out) throw new UsageError(`merge-manifests braucht --out DATEI.\n\n${USAGE}`);
  if (positionals.length === 0) throw new UsageError(`merge-manifests braucht mindestens eine Verzeichnisdatei.\n\n${USAGE}`);
  const inputs = [];
  for (const file of positionals) {
    const text = await readFile(file, 'utf8').catch(() => {
      throw new UsageError(`Die Datei „${file}“ gibt es nicht.`);
    });
    inputs.push({ manifest: parseManifest(text, file), source: file });
  }
  const merged = mergeManifests(inputs);
  await writeFileAtomic(values.out, renderManifestJson(merged));
  console.log(`✓ ${merged.entries.length} Einträge aus ${inputs.length} Dateien → ${values.out}`);
  return 0;
}

async function mergeShardsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(
    argv,
    { out: { type: 'string', default: 'dist' }, 'private-out': { type: 'string', default: 'dist-private' }, help: { type: 'boolean', short: 'h' } },
    USAGE,
  );
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`merge-shards nimmt keine Dateien, sondern --out und --private-out; erhalten: „${positionals[0]}“.\n\n${USAGE}`);
  const merged = await mergeShardOutputs(path.resolve(values.out), path.resolve(values['private-out']));
  const documents = merged.documents > 0 ? ` und ${merged.documents} weitere PDFs` : '';
  const hidden = merged.privateEntries > 0 ? `; nicht öffentlich: ${merged.privateEntries} → ${path.join(values['private-out'], 'pdf', 'manifest.json')}` : '';
  console.log(`✓ ${merged.shards} Teile zusammengeführt: ${merged.entries} Ausfertigungen${documents} → ${path.join(values.out, 'pdf', 'manifest.json')}${hidden}`);
  return 0;
}
