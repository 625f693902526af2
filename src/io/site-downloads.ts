import { readFile } from 'node:fs/promises';
import siteContext from 'virtual:vertragswerk/site-context';
import { parsePdfDocuments, parsePdfManifest, parseWorkingCopies, type PdfManifestEntry } from '../lib/site/downloads.ts';
import type { DocumentEntry, WorkingCopyEntry } from '../schemas/manifest.ts';
import type { Content } from '../lib/content-model.ts';
import { sentLettersOfRun } from '../lib/letters/run-record.ts';
import type { SentLetter } from '../lib/signing/copies.ts';
import { lettersDirOf, loadLetterRuns } from './records.ts';

let cached: Promise<PdfManifestEntry[]> | undefined;
let raw: Promise<unknown> | undefined;

/** The manifest JSON the build hands over, read once; undefined when there is none. */
function readManifestData(): Promise<unknown> {
  raw ??= (async () => {
    const file = siteContext.pdfManifestPath;
    return file ? JSON.parse(await readFile(file, 'utf8')) : undefined;
  })();
  return raw;
}

/**
 * The PDF directory the build hands the site (the one the pdf stage wrote, or the one carried
 * over from the previous build); empty when there is none. Read once per build.
 */
export function loadPdfManifest(): Promise<PdfManifestEntry[]> {
  cached ??= (async () => {
    const data = await readManifestData();
    return data === undefined ? [] : parsePdfManifest(data);
  })();
  return cached;
}

/** The published PDFs that are not copies (the DPIA of each version), from the same manifest. */
export async function loadPdfDocuments(): Promise<DocumentEntry[]> {
  const data = await readManifestData();
  return data === undefined ? [] : parsePdfDocuments(data);
}

/**
 * The letters in the content's records (`<akten>/briefe/…/versand.json`), for „PDF prüfen“: only
 * checksums and non-personal facts leave the records, never an addressee. None without records.
 */
export async function loadSentLetters(content: Content): Promise<SentLetter[]> {
  const runs = await loadLetterRuns(lettersDirOf(siteContext.contentDir, content.site));
  return runs.flatMap((run) => sentLettersOfRun(run.record));
}

let workingCopies: Promise<WorkingCopyEntry[]> | undefined;

/**
 * The Word working copies beside the public PDFs, from the same manifest; read once per build, so
 * every provider page gets the same list (and the views built from it once).
 */
export function loadWorkingCopies(): Promise<WorkingCopyEntry[]> {
  workingCopies ??= (async () => {
    const data = await readManifestData();
    return data === undefined ? [] : parseWorkingCopies(data);
  })();
  return workingCopies;
}
