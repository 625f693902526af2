import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ManifestError, manifestPaths, parseManifest } from '../../lib/pdf/manifest.ts';
import type { BuildStage } from '../build-pipeline.ts';

/**
 * Personal PDFs into the staging folders: providers' copies and `pdf/manifest.json` into the
 * public output, childminders' copies (personal data) only into the private one. Runs before
 * the site, which reads the manifest (size, pages, SHA-256) the stage hands over.
 */
export const pdfStage: BuildStage = {
  name: 'pdf',
  label: 'PDFs erzeugen',
  outputs: { public: ['pdf'], private: true },
  prepare: () => import('../pdf/build-pdfs.ts'),
  async run({ options, content, stagingOut, stagingPrivate, handover }) {
    // Loaded here (or in prepare, during validation): `--skip pdf` saves the 0.2 s.
    const { buildPdfs } = await import('../pdf/build-pdfs.ts');
    const result = await buildPdfs({
      content,
      contentDir: options.contentDir,
      outDir: stagingOut,
      privateOutDir: stagingPrivate,
      cacheDir: path.resolve(options.cacheDir),
      log: options.log,
    });
    handover.pdfManifestPath = result.publicManifestPath;
    const privateNote = result.privateManifest.entries.length > 0 ? `, davon ${result.privateManifest.entries.length} nicht öffentlich` : '';
    const dpiaNote = result.dpia.total > 0 ? `; Datenschutz-Folgenabschätzung: ${result.dpia.total === 1 ? '1 PDF' : `${result.dpia.total} PDFs`}, ${result.dpia.rendered} neu` : '';
    const synopsisNote = result.synopses.total > 0 ? `; Synopsen: ${result.synopses.total === 1 ? '1 PDF' : `${result.synopses.total} PDFs`}, ${result.synopses.rendered} neu` : '';
    const words = result.workingCopies;
    const wordNote = words.total > 0 ? `; Word-Arbeitskopien: ${words.total}, ${words.made} neu${words.made > 0 ? ` (${words.seconds.toLocaleString('de-DE', { maximumFractionDigits: 1 })} s)` : ''}` : '';
    return `${result.total} PDFs${privateNote}: ${result.rendered} neu, ${result.cached} aus dem Cache${dpiaNote}${synopsisNote}${wordNote}`;
  },
  // The site shows the carried-over copies with their checksums, or none when there are none.
  async carriedOver({ stagingOut, outDir, handover }) {
    const manifestPath = path.join(stagingOut, 'pdf', 'manifest.json');
    const text = await readFile(manifestPath, 'utf8').catch(() => undefined);
    if (text === undefined) {
      return 'die Website zeigt keine PDF-Ausfertigungen. Ein Build ohne --skip pdf erzeugt sie.';
    }
    let entries: number;
    try {
      // Named by its published path: the staging copy is gone once the build stops.
      entries = manifestPaths(parseManifest(text, path.join(outDir, 'pdf', 'manifest.json'))).length;
    } catch (error) {
      throw new ManifestError(`${(error as Error).message}\nDie bisherigen PDFs lassen sich so nicht übernehmen; erzeugen Sie sie neu (Build ohne --skip pdf).`);
    }
    handover.pdfManifestPath = manifestPath;
    return `die Website zeigt ${entries === 1 ? 'das PDF' : `die ${entries} PDFs`} aus dem bisherigen Verzeichnis (Stand des letzten Builds mit PDFs)`;
  },
};
