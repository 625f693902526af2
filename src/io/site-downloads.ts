import { readFile } from 'node:fs/promises';
import siteContext from 'virtual:vertragswerk/site-context';
import { parsePdfDocuments, parsePdfManifest, type PdfManifestEntry } from '../lib/site/downloads.ts';
import type { DocumentEntry } from '../schemas/manifest.ts';

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
