import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Content } from '../lib/content-model.ts';
import { formatDiagnostic, summarizeDiagnostics } from '../lib/diagnostics.ts';
import { acquireLock, recoverInterruptedSwap, swapDirectory } from './atomic-dir.ts';
import { buildRecordPath, digestOfFiles, fingerprint, outputFiles, readBuildRecord, sameFiles, writeBuildRecord, type BuildRecord } from './build-record.ts';
import { carryOverFiles } from './carry-over.ts';
import { ContentError, UsageError } from './cli.ts';
import { programFingerprint } from './program-fingerprint.ts';
import { displayPrefixFor } from './load-content.ts';
import { validateContentDirInWorker } from './validate-in-worker.ts';
import { recallValidation, rememberValidation } from './validation-memo.ts';

export interface BuildOptions {
  contentDir: string;
  /** Public output (the website). */
  outDir: string;
  /** Non-public output (childminders' PDFs): never published. */
  privateOutDir: string;
  /** Cache for incremental work (parsed content, PDFs, what the last build made), kept between builds. */
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
  /** The previous (published) output, which a skipped stage's files are taken from. */
  outDir: string;
  privateOutDir: string;
  /** What one stage hands the next, said out loud: the PDF directory the site shows. */
  handover: { pdfManifestPath?: string };
  /** SHA-256 of every content file (path relative to the content folder): what a stage's inputs are made of. */
  fileDigests: Record<string, string>;
  /** Fingerprint of the program itself (code, templates, locked dependencies, Node). */
  program: string;
}

/**
 * What a stage writes: paths inside the public output ('rest' = everything no other stage
 * claims) and whether it writes the private output. A skipped stage keeps these from the
 * previous build, so a partial build never removes published files.
 */
export interface StageOutputs {
  public: readonly string[] | 'rest';
  private?: boolean;
}

export interface BuildStage {
  name: string;
  /** German label for the progress line. */
  label: string;
  run(context: BuildContext): Promise<string | void>;
  outputs: StageOutputs;
  /**
   * Called after the stage's previous output was carried over (`files` = how many files; 0 when
   * there was none): because it was skipped (`--skip`), or because its inputs are unchanged.
   * Returns what the log line should add.
   */
  carriedOver?(context: BuildContext, files: number, why: 'skipped' | 'unchanged'): Promise<string | void>;
  /**
   * A fingerprint of everything the stage's output depends on (content, program, what earlier
   * stages handed over), or undefined when it cannot tell. When it equals the last build's and
   * that build's output of the stage is untouched, the stage does not run: its output is carried
   * over, byte for byte what running it would write.
   */
  inputs?(context: BuildContext): Promise<string | undefined>;
  /** Work that needs no content (loading modules), done while the content is validated. */
  prepare?(): Promise<unknown>;
}

/**
 * validate → stages into staging folders → swap. A failure anywhere leaves the previous
 * output exactly as it was.
 */
export async function runBuild(options: BuildOptions, stages: readonly BuildStage[]): Promise<void> {
  const unknown = options.skip.filter((name) => !stages.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new UsageError(`Unbekannte Stufe ${unknown.map((n) => `„${n}“`).join(', ')}. Bekannte Stufen: ${stages.map((s) => s.name).join(', ')}.`);
  }
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
    // What the last build into this output made, and whether its files are still as it left them.
    const cacheDir = path.resolve(options.cacheDir);
    const recordFile = buildRecordPath(cacheDir, outDir, privateOutDir);
    const [previous, program, digest] = await Promise.all([readBuildRecord(recordFile), programFingerprint(), contentDigest(options.contentDir)]);
    // Unchanged content validates as before: its last result is taken instead of checking again.
    const validationKey = digest && fingerprint({ program, asOf: options.asOf, content: digest, shownAs: displayPrefixFor(path.resolve(options.contentDir)) });
    const remembered = validationKey ? await recallValidation(cacheDir, validationKey) : undefined;
    const validating = (remembered ? Promise.resolve(remembered) : validateContentDirInWorker(options.contentDir, { asOf: options.asOf }, { cacheDir })).then((result) => ({
      result,
      took: seconds(t0),
    }));
    validating.catch(() => undefined); // awaited below, after the preparations
    // Loading modules pays off only for stages that will run: when the content and program are as
    // the last build left them, most likely none does (a stage that runs after all loads them itself).
    const asBefore = previous !== undefined && previous.program === program && previous.asOf === (options.asOf ?? null) && previous.content === digest;
    // A failed preparation is not reported here: the stage's own run fails with the real error.
    if (!asBefore) await Promise.all(stages.filter((s) => s.prepare && !options.skip.includes(s.name)).map((s) => s.prepare!().catch(() => undefined)));
    const { result: validation, took } = await validating;
    for (const d of validation.diagnostics) options.log(formatDiagnostic(d));
    const summary = summarizeDiagnostics(validation.diagnostics, validation.content.files.length);
    if (validation.errors > 0) {
      throw new ContentError(`\n${summary}\nBuild abgebrochen; die bisherige Ausgabe in ${options.outDir} bleibt unverändert.`);
    }
    options.log(`✓ Inhalte prüfen (${took}): ${remembered ? 'unverändert seit dem letzten Build, ' : ''}${summary}`);
    if (!remembered && validationKey) await rememberValidation(cacheDir, validationKey, validation);

    await mkdir(stagingOut, { recursive: true });
    await mkdir(stagingPrivate, { recursive: true });
    const before = previous ? await outputFiles(outDir, privateOutDir, owners(stages)) : undefined;
    const untouched = (stage: BuildStage) => previous?.stages[stage.name] !== undefined && sameFiles(previous.stages[stage.name]!.files, before?.get(stage.name));
    const next: Record<string, string> = {};
    const context: BuildContext = {
      options,
      content: validation.content,
      stagingOut,
      stagingPrivate,
      outDir,
      privateOutDir,
      handover: {},
      fileDigests: validation.fileDigests,
      program,
    };
    for (const stage of stages) {
      if (options.skip.includes(stage.name)) {
        options.log(`– ${stage.label}: übersprungen; ${await carryOver(stage, stages, context, 'skipped')}`);
        // The carried-over output is still what its recorded inputs made.
        if (untouched(stage)) next[stage.name] = previous!.stages[stage.name]!.inputs;
        continue;
      }
      const t = performance.now();
      const inputs = await stage.inputs?.(context);
      if (inputs !== undefined && previous?.stages[stage.name]?.inputs === inputs && untouched(stage)) {
        options.log(`✓ ${stage.label} (${seconds(t)}): unverändert, ${await carryOver(stage, stages, context, 'unchanged')}`);
        next[stage.name] = inputs;
        continue;
      }
      const note = await stage.run(context);
      if (inputs !== undefined) next[stage.name] = inputs;
      options.log(`✓ ${stage.label} (${seconds(t)})${note ? `: ${note}` : ''}`);
    }
    await swapDirectory(stagingOut, outDir);
    await swapDirectory(stagingPrivate, privateOutDir);
    await recordBuild(recordFile, { program, asOf: options.asOf ?? null, content: digestOfFiles(validation.fileDigests) }, next, stages, outDir, privateOutDir);
    options.log(`Fertig in ${seconds(started)}: ${path.relative(process.cwd(), outDir) || outDir}/`);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
    await release();
  }
}

/** Takes a stage's files from the previous output into the staging folders; says what it did. */
async function carryOver(stage: BuildStage, stages: readonly BuildStage[], context: BuildContext, why: 'skipped' | 'unchanged'): Promise<string> {
  const { outputs } = stage;
  const claimed = stages.flatMap((s) => (s === stage || s.outputs.public === 'rest' ? [] : s.outputs.public));
  let files = await carryOverFiles(context.outDir, context.stagingOut, outputs.public === 'rest' ? [''] : outputs.public, outputs.public === 'rest' ? claimed : []);
  if (outputs.private) files += await carryOverFiles(context.privateOutDir, context.stagingPrivate, ['']);
  const note = await stage.carriedOver?.(context, files, why);
  const where = path.relative(process.cwd(), context.outDir) || context.outDir;
  const count = files === 1 ? '1 Datei' : `${files.toLocaleString('de-DE')} Dateien`;
  const what =
    why === 'unchanged'
      ? `aus dem letzten Build übernommen (${count})`
      : files === 0
        ? `keine bisherige Ausgabe in ${where}/ vorhanden, der neue Build enthält also keine`
        : `bisherige Ausgabe übernommen (${count})`;
  return note ? `${what}; ${note}` : what;
}

function owners(stages: readonly BuildStage[]) {
  return stages.map((s) => ({ name: s.name, ...s.outputs }));
}

/**
 * Notes what this build made of what, for the next one: the stages' input fingerprints and the
 * files now in the output. A stage without a fingerprint is left out (it always runs).
 */
async function recordBuild(
  file: string,
  made: Pick<BuildRecord, 'program' | 'asOf' | 'content'>,
  inputs: Record<string, string>,
  stages: readonly BuildStage[],
  outDir: string,
  privateOutDir: string,
): Promise<void> {
  const files = await outputFiles(outDir, privateOutDir, owners(stages));
  const record: BuildRecord = { version: 2, ...made, stages: {} };
  for (const [name, fingerprint] of Object.entries(inputs)) record.stages[name] = { inputs: fingerprint, files: files.get(name) ?? {} };
  // Without the record the next build runs every stage: slower, never wrong.
  await writeBuildRecord(file, record).catch(() => undefined);
}

/** The digest of every content file, as validation computes it, for a first guess before validation ends. */
async function contentDigest(contentDir: string): Promise<string | undefined> {
  const { readContentFiles } = await import('./load-content.ts');
  const { createHash } = await import('node:crypto');
  const files = await readContentFiles(path.resolve(contentDir)).catch(() => undefined);
  return files && digestOfFiles(Object.fromEntries(files.map((f) => [f.path, createHash('sha256').update(f.bytes).digest('hex')])));
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
