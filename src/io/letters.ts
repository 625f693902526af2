import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LetterView } from '../lib/letters/plan.ts';
import { buildLetterRunRecord, LETTER_TEMPLATE_FILES, letterPdfMetadata, renderLetterCsv, renderLetterHtml, type LetterTemplates } from '../lib/letters/render.ts';
import { finalizePdf, headingTitles } from '../lib/pdf/finalize-pdf.ts';
import type { CopyRef } from '../schemas/ledger.ts';
import { recoverInterruptedSwap, swapDirectory } from './atomic-dir.ts';
import { ContentError, UsageError } from './cli.ts';
import { copyOfManifestEntry, DEFAULT_MANIFESTS, readManifestEntries } from './ledger-file.ts';
import { defaultTemplatesDir } from './pdf/assets.ts';
import { PdfPrinter } from './pdf/renderer.ts';
import { loadReportFontCss } from './report/fonts.ts';

/** Letters are private: they go here, never under dist/ (the public site). */
export const DEFAULT_LETTERS_DIR = 'dist-private/briefe';
export const LETTER_CSV_FILE = 'serienbrief.csv';
export const LETTER_RUN_FILE = 'versand.json';

const PRINT_TIMEOUT_MS = 120_000;

export async function loadLetterTemplates(templatesDir = defaultTemplatesDir()): Promise<LetterTemplates> {
  const read = (file: string) =>
    readFile(path.join(templatesDir, file), 'utf8').catch(() => {
      throw new ContentError(`Die Briefvorlage ${path.join(templatesDir, file)} fehlt. Stellen Sie sie aus der Versionsverwaltung wieder her.`);
    });
  return { html: await read(LETTER_TEMPLATE_FILES.html), css: await read(LETTER_TEMPLATE_FILES.css), fontCss: await loadReportFontCss() };
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

/** Refuses an output folder inside the public site: letters carry addresses. */
export function checkPrivateOut(out: string, publicDir = 'dist'): void {
  const rel = path.relative(path.resolve(publicDir), path.resolve(out));
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw new UsageError(`--out ${out} liegt im öffentlichen Ordner ${publicDir}/. Schreiben enthalten Anschriften und gehören nicht auf die Website; wählen Sie einen Ordner außerhalb, z. B. ${DEFAULT_LETTERS_DIR}.`);
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

/**
 * Writes every letter (PDF), the mail-merge CSV and the run record into a staging folder next
 * to `out` and swaps it in at the end: a failed run leaves the previous letters untouched.
 */
export async function writeLetters(out: string, agreementId: string, date: string, letters: readonly LetterView[], templates: LetterTemplates, print: PrintLetter): Promise<void> {
  checkPrivateOut(out);
  await recoverInterruptedSwap(out);
  const staging = `${out}.tmp-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  try {
    const hashes = new Map<string, string>();
    for (const letter of letters) {
      const html = renderLetterHtml(letter, templates);
      const bytes = await print(html, letter);
      hashes.set(letter.fileStem, createHash('sha256').update(bytes).digest('hex'));
      await writeFile(path.join(staging, `${letter.fileStem}.pdf`), bytes);
    }
    await writeFile(path.join(staging, LETTER_CSV_FILE), renderLetterCsv(letters));
    await writeFile(path.join(staging, LETTER_RUN_FILE), `${JSON.stringify(buildLetterRunRecord(agreementId, date, letters, (stem) => hashes.get(stem)), null, 2)}\n`);
    await swapDirectory(staging, out);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

