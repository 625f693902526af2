import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Content } from '../lib/content-model.ts';
import { formatDiagnostic, summarizeDiagnostics } from '../lib/diagnostics.ts';
import { acquireLock, recoverInterruptedSwap, swapDirectory } from './atomic-dir.ts';
import { ContentError } from './cli.ts';
import { validateContentDirInWorker } from './validate-in-worker.ts';

export interface BuildOptions {
  contentDir: string;
  /** Public output (the website). */
  outDir: string;
  /** Non-public output (childminders' PDFs): never published. */
  privateOutDir: string;
  /** Cache for incremental work (PDFs), kept between builds. */
  cacheDir: string;
  asOf?: string;
  /** Skip stages by name, e.g. `pdf` for a quick site-only build. */
  skip: string[];
  log: (line: string) => void;
}

export interface BuildContext {
  options: BuildOptions;
  content: Content;
  /** Staging folders: stages write here; they replace the real ones only at the end. */
  stagingOut: string;
  stagingPrivate: string;
}

export interface BuildStage {
  name: string;
  /** German label for the progress line. */
  label: string;
  run(context: BuildContext): Promise<string | void>;
  /** Work that needs no content (loading modules), done while the content is validated. */
  prepare?(): Promise<unknown>;
}

/**
 * validate → stages into staging folders → swap. A failure anywhere leaves the previous
 * output exactly as it was.
 */
export async function runBuild(options: BuildOptions, stages: readonly BuildStage[]): Promise<void> {
  const outDir = path.resolve(options.outDir);
  const privateOutDir = path.resolve(options.privateOutDir);
  const release = await acquireLock(`${outDir}.lock`);
  const stagingOut = `${outDir}.staging-${process.pid}`;
  const stagingPrivate = `${privateOutDir}.staging-${process.pid}`;
  const cleanup = async () => {
    await rm(stagingOut, { recursive: true, force: true });
    await rm(stagingPrivate, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // Leave the previous output alone; remove only our half-built staging copy.
    void cleanup().finally(() => release().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143)));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await recoverInterruptedSwap(outDir);
    await recoverInterruptedSwap(privateOutDir);
    await removeStaleStaging(outDir);
    await removeStaleStaging(privateOutDir);

    const started = performance.now();
    const t0 = performance.now();
    const validating = validateContentDirInWorker(options.contentDir, { asOf: options.asOf }).then((result) => ({ result, took: seconds(t0) }));
    validating.catch(() => undefined); // awaited below, after the preparations
    // A failed preparation is not reported here: the stage's own run fails with the real error.
    await Promise.all(stages.filter((s) => s.prepare && !options.skip.includes(s.name)).map((s) => s.prepare!().catch(() => undefined)));
    const { result: validation, took } = await validating;
    for (const d of validation.diagnostics) options.log(formatDiagnostic(d));
    const summary = summarizeDiagnostics(validation.diagnostics, validation.content.files.length);
    if (validation.errors > 0) {
      throw new ContentError(`\n${summary}\nBuild abgebrochen; die bisherige Ausgabe in ${options.outDir} bleibt unverändert.`);
    }
    options.log(`✓ Inhalte prüfen (${took}): ${summary}`);

    await mkdir(stagingOut, { recursive: true });
    await mkdir(stagingPrivate, { recursive: true });
    const context: BuildContext = { options, content: validation.content, stagingOut, stagingPrivate };
    for (const stage of stages) {
      if (options.skip.includes(stage.name)) {
        options.log(`– ${stage.label}: übersprungen`);
        continue;
      }
      const t = performance.now();
      const note = await stage.run(context);
      options.log(`✓ ${stage.label} (${seconds(t)})${note ? `: ${note}` : ''}`);
    }
    await swapDirectory(stagingOut, outDir);
    await swapDirectory(stagingPrivate, privateOutDir);
    options.log(`Fertig in ${seconds(started)}: ${path.relative(process.cwd(), outDir) || outDir}/`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
    await release();
  }
}

async function removeStaleStaging(target: string): Promise<void> {
  const { readdir } = await import('node:fs/promises');
  const parent = path.dirname(target);
  const base = path.basename(target);
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (name.startsWith(`${base}.staging-`)) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
}
