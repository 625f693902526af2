import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ManifestError, manifestPaths, parseManifest } from '../../lib/pdf/manifest.ts';
import { findBrowser } from '../browser.ts';
import type { BuildStage } from '../build-pipeline.ts';
import { digestOfFiles, fingerprint, sha256Of } from '../build-record.ts';
import { displayPrefixFor } from '../load-content.ts';

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
  /**
   * A copy is made of the content without the ledger (a record: signatures and reminders never
   * change its bytes, test/copy-independent-of-ledger.test.ts), the templates and the browser;
   * the ledger decides only which copies exist, and the list of them stands in for it here.
   */
  async inputs({ content, fileDigests, program, options }) {
    const executable = await findBrowser().catch(() => undefined);
    // Without a browser the stage runs and says what is missing.
    if (!executable) return undefined;
    const { planPdfJobs } = await import('../../lib/pdf/party-document.ts');
    const prefix = displayPrefixFor(path.resolve(options.contentDir));
    const ledgers = new Set(content.ledgers.map((l) => l.source.file.slice(prefix.length)));
    return fingerprint({
      program,
      browser: executable.label,
      content: digestOfFiles(fileDigests, (file) => !ledgers.has(file)),
      copies: sha256Of(JSON.stringify(planPdfJobs(content))),
    });
  },
  async run({ options, content, stagingOut, stagingPrivate, handover, fileDigests, program }) {
    // Loaded here (or in prepare, during validation): `--skip pdf` saves the 0.2 s.
    const { buildPdfs } = await import('../pdf/build-pdfs.ts');
    const result = await buildPdfs({
      content,
      contentDir: options.contentDir,
      outDir: stagingOut,
      privateOutDir: stagingPrivate,
      cacheDir: path.resolve(options.cacheDir),
      contentFiles: { digests: fileDigests, displayPrefix: displayPrefixFor(path.resolve(options.contentDir)) },
      program,
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
  async carriedOver({ stagingOut, outDir, handover }, _files, why) {
    const manifestPath = path.join(stagingOut, 'pdf', 'manifest.json');
    if (why === 'unchanged') {
      handover.pdfManifestPath = manifestPath;
      return;
    }
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
