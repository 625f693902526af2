import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseManifest } from '../../lib/pdf/manifest.ts';
import type { BuildStage } from '../build-pipeline.ts';

/**
 * Personal PDFs into the staging folders: providers' copies and `pdf/manifest.json` into the
 * public output, childminders' copies (personal data) only into the private one. Runs before
 * the site, which reads the manifest (size, pages, SHA-256) from VERTRAGSWERK_PDF_MANIFEST.
 */
export const pdfStage: BuildStage = {
  name: 'pdf',
  label: 'PDFs erzeugen',
  outputs: { public: ['pdf'], private: true },
  prepare: () => import('../pdf/build-pdfs.ts'),
  async run({ options, content, stagingOut, stagingPrivate }) {
    // Loaded here (or in prepare, during validation): `--skip pdf` saves the 0.2 s.
    const { buildPdfs } = await import('../pdf/build-pdfs.ts');
    const result = await buildPdfs({
      content,
      outDir: stagingOut,
      privateOutDir: stagingPrivate,
      cacheDir: path.resolve(options.cacheDir),
      log: options.log,
    });
    process.env.VERTRAGSWERK_PDF_MANIFEST = result.publicManifestPath;
    const privateNote = result.privateManifest.entries.length > 0 ? `, davon ${result.privateManifest.entries.length} nicht öffentlich` : '';
    return `${result.total} PDFs${privateNote}: ${result.rendered} neu, ${result.cached} aus dem Cache`;
  },
  // The site shows the carried-over copies with their checksums, or none when there are none.
  async carriedOver({ stagingOut }) {
    const manifestPath = path.join(stagingOut, 'pdf', 'manifest.json');
    const text = await readFile(manifestPath, 'utf8').catch(() => undefined);
    if (text === undefined) {
      return 'die Website zeigt keine PDF-Ausfertigungen. Ein Build ohne --skip pdf erzeugt sie.';
    }
    process.env.VERTRAGSWERK_PDF_MANIFEST = manifestPath;
    const entries = parseManifest(text, manifestPath).entries.length;
    return `die Website zeigt ${entries === 1 ? 'das PDF' : `die ${entries} PDFs`} aus dem bisherigen Verzeichnis (Stand des letzten Builds mit PDFs)`;
  },
};
