import { readFile } from 'node:fs/promises';
import siteContext from 'virtual:vertragswerk/site-context';
import { parsePdfManifest, type PdfManifestEntry } from '../lib/site/downloads.ts';

let cached: Promise<PdfManifestEntry[]> | undefined;

/**
 * The PDF directory the build hands the site (the one the pdf stage wrote, or the one carried
 * over from the previous build); empty when there is none. Read once per build.
 */
export function loadPdfManifest(): Promise<PdfManifestEntry[]> {
  cached ??= (async () => {
    const file = siteContext.pdfManifestPath;
    if (!file) return [];
    return parsePdfManifest(JSON.parse(await readFile(file, 'utf8')));
  })();
  return cached;
}
