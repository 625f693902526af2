import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseOptions, runCli, UsageError } from '../src/io/cli.ts';
import { findBrowser } from '../src/io/browser.ts';
import { INCREMENTAL_GOALS, measureIncrementalBuilds } from '../src/io/bench-incremental.ts';
import { OFFLINE_ENV } from '../src/io/offline.ts';
import { runMeasured, type Measured } from '../src/io/pdf/bench-tools.ts';
import { writeSyntheticContent } from '../src/io/pdf/synthetic.ts';
import { parseManifest } from '../src/lib/pdf/manifest.ts';

const USAGE = `Aufruf: npm run bench -- [--parties N] [--seed S] [--base ORDNER] [--concurrency N] [--skip-site] [--skip-pdf] [--keep]

Misst Website- und PDF-Erzeugung mit synthetischen Inhalten (die Texte aus --base, Standard
„content“, dazu N erzeugte Vertragspartner der ersten Art der Hauptvereinbarung, Standard 1000)
und gibt die Werte mit den Zielen aus; zuletzt „npm run build“ ganz: erster Build, erneut ohne
Änderung, nach der Änderung eines Vertragspartners.
Kein Test: die Zahlen hängen von der Maschine ab.`;

class BenchError extends Error {
  readonly exitCode = 1;
}

const ROOT = path.resolve(import.meta.dirname, '..');
/** Issue 24: the site of 1,000 parties, Pagefind included. */
const SITE_GOAL_SECONDS = 6;
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const de1 = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const de0 = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

function duration(seconds: number): string {
  if (seconds < 90) return `${de1.format(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return `${m}:${String(Math.round(seconds - m * 60)).padStart(2, '0')} min`;
}

function gigabytes(bytes: number): string {
  return `${de1.format(bytes / 1e9)} GB`;
}

await runCli(async () => {
  const values = parseOptions(
    process.argv.slice(2),
    {
      parties: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      base: { type: 'string', default: 'content' },
      concurrency: { type: 'string', default: '2' },
      'skip-site': { type: 'boolean', default: false },
      'skip-pdf': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (!values) return 0;
  const parties = Number(values.parties);
  if (!Number.isInteger(parties) || parties < 1) throw new UsageError(`--parties erwartet eine ganze Zahl ab 1, erhalten: „${values.parties}“.`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed erwartet eine ganze Zahl, erhalten: „${values.seed}“.`);

  const work = await mkdtemp(path.join(os.tmpdir(), 'vertragswerk-bench-'));
  const synth = path.join(work, 'content');
  const env = { ...process.env, ...OFFLINE_ENV, FORCE_COLOR: '0', PATH: `${path.join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}` };
  const script = (name: string, args: string[], echo = false) => runMeasured(NODE, [path.join(ROOT, 'scripts', `${name}.ts`), ...args], { cwd: ROOT, env, echo });
  const failed = (label: string, m: Measured): never => {
    throw new BenchError(`${label} ist fehlgeschlagen (Exit ${m.code}):\n${m.stdout.slice(-2000)}\n${m.stderr.slice(-2000)}`);
  };
  const rows: [string, string, string, boolean | undefined][] = [];
  let peak = 0;
  try {
    console.log(`Erzeuge synthetische Inhalte: ${de0.format(parties)} Vertragspartner (Seed ${seed}) aus ${values.base} …`);
    const { kind } = await writeSyntheticContent(values.base, synth, { parties, seed });
    const many = `${de0.format(parties)} ${kind.many}`;
    const browser = await findBrowser();

    if (!values['skip-site']) {
      for (const [label, content] of [
        ['Website, mitgelieferte Inhalte', values.base],
        [`Website, ${many}`, synth],
      ] as const) {
        console.log(`Messe: ${label} (--skip pdf) …`);
        const dist = path.join(work, `site-${rows.length}`);
        const m = await script('build', ['--content', content, '--out', dist, '--private-out', `${dist}-private`, '--cache-dir', path.join(work, 'site-cache'), '--skip', 'pdf']);
        if (m.code !== 0) failed(label, m);
        peak = Math.max(peak, m.peakRssBytes);
        // The target applies to the large synthetic site; the bundled one is for comparison.
        const isLarge = content === synth;
        rows.push([label, duration(m.seconds), isLarge ? `< ${SITE_GOAL_SECONDS} s` : '–', isLarge ? m.seconds < SITE_GOAL_SECONDS : undefined]);
      }
    }

    if (!values['skip-pdf']) {
      const dist = path.join(work, 'dist');
      const pdfArgs = ['--content', synth, '--out', dist, '--private-out', `${dist}-private`, '--cache-dir', path.join(work, 'cache'), '--concurrency', values.concurrency];
      console.log(`Messe: alle PDFs für ${many} …`);
      const full = await script('pdf', pdfArgs, true);
      if (full.code !== 0) failed('Der PDF-Lauf', full);
      peak = Math.max(peak, full.peakRssBytes);
      const manifest = parseManifest(await readFile(path.join(dist, 'pdf/manifest.json'), 'utf8'), 'manifest.json');
      const privateCount = await readFile(path.join(`${dist}-private`, 'pdf/manifest.json'), 'utf8').then(
        (t) => parseManifest(t, 'private').entries.length,
        () => 0,
      );
      const count = manifest.entries.length + privateCount;
      const pages = manifest.entries.reduce((s, e) => s + e.pages, 0) / Math.max(1, manifest.entries.length);
      const rate = count / full.seconds;

      console.log('Messe: erneut bauen ohne Änderung …');
      const again = await script('pdf', pdfArgs);
      if (again.code !== 0) failed('Der Lauf ohne Änderung', again);
      peak = Math.max(peak, again.peakRssBytes);

      const party = manifest.entries[0]?.party;
      let changed: Measured | undefined;
      if (party) {
        console.log(`Messe: ein Vertragspartner geändert (${party}) …`);
        const file = path.join(synth, 'parties', kind.id, `${party}.yaml`);
        const text = await readFile(file, 'utf8');
        await writeFile(file, text.replace(/street: (.*)/, 'street: $1a'));
        changed = await script('pdf', pdfArgs);
        if (changed.code !== 0) failed('Der Lauf mit einem geänderten Vertragspartner', changed);
        peak = Math.max(peak, changed.peakRssBytes);
      }
      const renderedAfterChange = /(\d+) neu/.exec(changed?.stdout ?? '')?.[1] ?? '?';

      rows.push(
        ['PDFs je Sekunde (ganzer Lauf inkl. Browserstart, PDF/UA und PDF/A)', de1.format(rate), '≥ 8', rate >= 8],
        [`Alle PDFs: ${de0.format(count)} Stück, Ø ${de0.format(pages)} Seiten`, duration(full.seconds), '< 4:00 min', full.seconds < 240],
        ['  umgerechnet auf 1.000 PDFs', duration((full.seconds * 1000) / count), '–', undefined],
        ['Erneut bauen ohne Änderung', duration(again.seconds), '< 15 s', again.seconds < 15],
        [`Ein Vertragspartner geändert (${renderedAfterChange} PDFs neu)`, changed ? duration(changed.seconds) : '–', '–', undefined],
        ['Höchster Speicherbedarf (Prozessbaum, PSS)', gigabytes(peak), '< 2 GB', peak < 2e9],
      );
    }
    // What a body's everyday build costs: `npm run build` end to end, after a first build.
    if (!values['skip-site']) {
      const withPdfs = !values['skip-pdf'];
      const dist = path.join(work, 'build');
      // With PDFs, the cache the PDF run filled: the first build prints none, as for a body that has its copies.
      const buildArgs = ['--content', synth, '--out', dist, '--private-out', `${dist}-private`, '--cache-dir', path.join(work, withPdfs ? 'cache' : 'build-cache'), ...(withPdfs ? [] : ['--skip', 'pdf'])];
      console.log(`Messe: npm run build${withPdfs ? '' : ' -- --skip pdf'} – erster Build, erneut ohne Änderung, ein Vertragspartner geändert …`);
      const builds = await measureIncrementalBuilds((args) => script('build', args), buildArgs, synth, dist, failed, kind.id);
      for (const m of [builds.first, builds.again, builds.changed]) peak = Math.max(peak, m.peakRssBytes);
      const scope = withPdfs ? 'mit PDFs und Website' : 'Website ohne PDFs';
      const { rebuildSeconds, oneChangedSeconds } = INCREMENTAL_GOALS;
      rows.push(
        [`Ganzer Build, erster Lauf (${withPdfs ? 'PDFs aus dem Cache des PDF-Laufs' : 'ohne PDFs'})`, duration(builds.first.seconds), '–', undefined],
        [`Erneut bauen ohne Änderung (npm run build, ${scope})`, duration(builds.again.seconds), `< ${rebuildSeconds} s`, builds.again.seconds < rebuildSeconds],
        [
          `Ein Vertragspartner geändert, ${scope} (${builds.printed} PDFs neu)`,
          duration(builds.changed.seconds),
          `< ${oneChangedSeconds} s`,
          builds.changed.seconds < oneChangedSeconds,
        ],
      );
    }
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`\nMessung auf ${os.cpus().length} Kernen, Node ${process.version}, ${browser.label} (${browser.source}), ${values.concurrency} Seiten gleichzeitig\n`);
    console.log(`${'Messgröße'.padEnd(width)}  ${'Wert'.padStart(12)}  Ziel`);
    for (const [label, value, target, ok] of rows) {
      console.log(`${label.padEnd(width)}  ${value.padStart(12)}  ${target}${ok === undefined ? '' : ok ? '  ✓' : '  ✗'}`);
    }
    return 0;
  } finally {
    if (values.keep) console.log(`\nArbeitsordner bleibt: ${work}`);
    else await rm(work, { recursive: true, force: true });
  }
});
