import { readFile } from 'node:fs/promises';
import { parsePdfManifest, type PdfManifestEntry } from '../lib/site/downloads.ts';

let cached: Promise<PdfManifestEntry[]> | undefined;

/**
 * The PDF manifest the PDF stage wrote before the site stage (path in
 * `VERTRAGSWERK_PDF_MANIFEST`); empty when PDFs were skipped. Read once per build.
 */
export function loadPdfManifest(): Promise<PdfManifestEntry[]> {
  cached ??= (async () => {
    const file = process.env.VERTRAGSWERK_PDF_MANIFEST;
    if (!file) return [];
    return parsePdfManifest(JSON.parse(await readFile(file, 'utf8')));
  })();
  return cached;
}
