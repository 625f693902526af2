import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { formatDateDe } from '../lib/dates.ts';
import type { LetterView } from '../lib/letters/plan.ts';
import { buildLetterRunRecord, LETTER_TEMPLATE_FILES, letterPdfMetadata, renderLetterCsv, renderLetterHtml, type LetterTemplates } from '../lib/letters/render.ts';
import { LetterRunError } from '../lib/letters/run-record.ts';
import { finalizePdf, headingTitles } from '../lib/pdf/finalize-pdf.ts';
import type { CopyRef } from '../schemas/ledger.ts';
import { acquireLock, isRunning, LockError, writeFileAtomic } from './atomic-dir.ts';
import { ContentError, UsageError } from './cli.ts';
import { copyOfManifestEntry, DEFAULT_MANIFESTS, readManifestEntries } from './ledger-file.ts';
import { PdfPrinter } from './pdf/renderer.ts';
import { loadLetterRuns, LETTER_CSV_FILE, LETTER_RUN_FILE } from './records.ts';
import { loadReportFontCss } from './report/fonts.ts';
import { loadTemplate, type TemplateDirs } from './templates.ts';

export { LETTER_CSV_FILE, LETTER_RUN_FILE } from './records.ts';

const PRINT_TIMEOUT_MS = 120_000;

/** The letter layout: the content folder's own `templates/letter.html` and `letter.css` first, the bundled ones otherwise. */
export async function loadLetterTemplates(dirs: TemplateDirs = {}): Promise<LetterTemplates> {
  const html = await loadTemplate(LETTER_TEMPLATE_FILES.html, dirs);
  const css = await loadTemplate(LETTER_TEMPLATE_FILES.css, dirs);
  return { html: html.text, css: css.text, fontCss: await loadReportFontCss(), file: html.file };
}

/**
 * The copy the build's PDF directory holds for a party and version, found as the ledger's
 * `findCopyInManifests` finds it.
 */
export async function loadCopyLookup(manifests: readonly string[] = DEFAULT_MANIFESTS): Promise<(agreement: string, version: string, party: string) => CopyRef | undefined> {
  const { entries } = await readManifestEntries(manifests);
  return (agreement, version, party) => {
    const entry = entries.find((e) => e.agreement === agreement && e.version === version && e.party === party);
    return entry ? copyOfManifestEntry(entry) : undefined;
  };
}

/**
 * Refuses a letters folder inside the build's outputs: the public site (letters carry addresses)
 * or any output a build replaces (`dist-private/` included) – sent letters are records.
 */
export function checkPrivateOut(out: string, outputs: readonly string[] = ['dist', 'dist-private']): void {
  for (const output of outputs) {
    const rel = path.relative(path.resolve(output), path.resolve(out));
    if (rel !== '' && (rel.startsWith('..') || path.isAbsolute(rel))) continue;
    const why =
      output === 'dist'
        ? `liegt im öffentlichen Ordner ${output}/. Schreiben enthalten Anschriften und gehören nicht auf die Website`
        : `liegt im Ausgabeordner ${output}/, den jeder Build ersetzt. Versandte Schreiben sind Akten und dürfen dort nicht verloren gehen`;
    throw new UsageError(`--out ${out} ${why}; lassen Sie --out weg (Standard: der Ordner „akten/briefe“ neben den Inhalten) oder wählen Sie einen Ordner außerhalb.`);
  }
}

export type PrintLetter = (html: string, view: LetterView) => Promise<Uint8Array>;

/** Prints through the project's PDF printer (browser discovery, request blocking, tagged PDF) and fixes the metadata. */
export async function startLetterPrinter(): Promise<{ print: PrintLetter; close: () => Promise<void> }> {
  const printer = await PdfPrinter.start();
  return {
    print: async (html, view) => {
      const raw = await printer.print({ html }, PRINT_TIMEOUT_MS);
      return (await finalizePdf(raw, letterPdfMetadata(view), headingTitles(html))).bytes;
    },
    close: () => printer.close(),
  };
}

/** Where an earlier run of the same day already wrote a letter to a party: party id → the run folder. */
export async function lettersAlreadyWritten(lettersDir: string, agreementId: string, date: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const { folder, record } of await loadLetterRuns(lettersDir, agreementId)) {
    if (record.date !== date) continue;
    for (const item of [...record.offers, ...(record.reminders ?? [])]) if (!out.has(item.party)) out.set(item.party, folder);
  }
  return out;
}

export interface LetterRunResult {
  /** The new run's folder; absent when nothing was written. */
  folder?: string;
  written: LetterView[];
  /** Letters not written because the party already has one of that day (the folder of that run). */
  skipped: { letter: LetterView; folder: string }[];
}

/**
 * Writes a letter run as a record: `<lettersDir>/<agreement>/<date>/` with one PDF per letter,
 * the mail-merge CSV and the run record (versand.json). Never overwrites: a party that already has
 * a letter of that day for this agreement gets none (its letter stands; the ledger records one
 * event per day), and a second run of the same day goes to `<date>-2/`. Atomic: everything is
 * written into a hidden staging folder, flushed, and renamed into place at the end; a run that
 * fails or is killed leaves no folder behind (a stale staging folder is removed by the next run).
 */
export async function writeLetterRun(
  lettersDir: string,
  agreementId: string,
  date: string,
  letters: readonly LetterView[],
  templates: LetterTemplates,
  print: PrintLetter,
): Promise<LetterRunResult> {
  checkPrivateOut(lettersDir);
  const agreementDir = path.join(lettersDir, agreementId);
  await mkdir(agreementDir, { recursive: true });
  // Two runs at once would both miss each other's letters: one at a time per agreement.
  const release = await acquireLock(path.join(agreementDir, '.lock')).catch((error: unknown) => {
    if (error instanceof LockError) throw new LetterRunError(`Ein anderer Lauf von npm run letters schreibt gerade in ${agreementDir}. Warten Sie, bis er fertig ist.`);
    throw error;
  });
  try {
    await removeStaleStaging(agreementDir);
    const existing = await lettersAlreadyWritten(lettersDir, agreementId, date);
    const skipped = letters.filter((l) => existing.has(l.party.id)).map((letter) => ({ letter, folder: existing.get(letter.party.id)! }));
    const written = letters.filter((l) => !existing.has(l.party.id));
    if (written.length === 0) return { written, skipped };
    const staging = path.join(agreementDir, `.${date}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
    await mkdir(staging);
    try {
      const hashes = new Map<string, string>();
      for (const letter of written) {
        const html = renderLetterHtml(letter, templates);
        const bytes = await print(html, letter);
        hashes.set(letter.fileStem, createHash('sha256').update(bytes).digest('hex'));
        await writeFileAtomic(path.join(staging, `${letter.fileStem}.pdf`), bytes);
      }
      await writeFileAtomic(path.join(staging, LETTER_CSV_FILE), renderLetterCsv(written));
      await writeFileAtomic(path.join(staging, LETTER_RUN_FILE), `${JSON.stringify(buildLetterRunRecord(agreementId, date, written, (stem) => hashes.get(stem)), null, 2)}\n`);
      const folder = await renameIntoFreeFolder(staging, agreementDir, date);
      return { folder, written, skipped };
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
  } finally {
    await release();
  }
}

/** Renames the finished staging folder to `<date>`, or `<date>-2`, `-3` … when that exists: never onto a run. */
async function renameIntoFreeFolder(staging: string, agreementDir: string, date: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const folder = path.join(agreementDir, n === 1 ? date : `${date}-${n}`);
    try {
      // rename() replaces only an empty folder; a run's folder is never empty.
      await rename(staging, folder);
      return folder;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR') throw error;
    }
  }
  throw new LetterRunError(`In ${agreementDir} gibt es schon 999 Läufe vom ${formatDateDe(date)}.`);
}

/** Staging folders of runs that died (their process no longer runs) are removed; they were never a record. */
async function removeStaleStaging(agreementDir: string): Promise<void> {
  for (const name of await readdir(agreementDir)) {
    const pid = /^\.\d{4}-\d{2}-\d{2}\.tmp-(\d+)-/.exec(name)?.[1];
    if (pid && !isRunning(Number(pid))) await rm(path.join(agreementDir, name), { recursive: true, force: true });
  }
}

/** The folder a letters run writes to, as a path to show: relative to the working directory when inside it. */
export function displayPath(dir: string): string {
  const rel = path.relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? dir : rel;
}
