import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { DOCX_PIPELINE_VERSION, renderWorkingCopyDocx, type WorkingCopyInput, type WorkingCopyParts } from '../../lib/docx/working-copy.ts';
import { sha256Hex, type PartyDocument } from '../../lib/pdf/party-document.ts';
import { renderPartyPrintJob, type PdfTemplates } from '../../lib/pdf/render-html.ts';
import type { SynopsisDocument } from '../../lib/pdf/synopsis-document.ts';
import { renderSynopsisPrintJob, type SynopsisTemplates } from '../../lib/pdf/synopsis-html.ts';
import type { WorkingCopyEntry } from '../../schemas/manifest.ts';
import { writeFileAtomic } from '../atomic-dir.ts';

/**
 * The Word working copies beside the PDFs: a party's copy (private where its PDF is) and each
 * Synopse. Made from the HTML the PDF prints, cached under the hash of everything they show like
 * the PDFs, so a build without a change writes none again.
 */

/** One Word file to place (and make when the cache lacks it). */
export interface PlannedWorkingCopy {
  /** The PDF it belongs to (manifest path); the Word file gets the same name with `.docx`. */
  pdfPath: string;
  isPrivate: boolean;
  documentId: string;
  /** What the PDF shows (its cache digest) and the templates it is printed with. */
  digest: string;
  templatesHash: string;
  /** The input, built only when the file must be made. */
  input: () => WorkingCopyInput;
}

/**
 * A party's Word file: from its document, or from a copy planned from memory (build-pdfs.ts), whose
 * document is built (`copy.doc`) only when the file must be made.
 */
export function partyWorkingCopy(
  copy: PartyDocument | (Pick<PartyDocument, 'job' | 'documentId' | 'digest'> & { readonly doc: PartyDocument }),
  templates: PdfTemplates,
  templatesHash: string,
): PlannedWorkingCopy {
  const documentOf = (): PartyDocument => ('doc' in copy ? copy.doc : copy);
  return {
    pdfPath: copy.job.path,
    isPrivate: copy.job.isPrivate,
    documentId: copy.documentId,
    digest: copy.digest,
    templatesHash,
    input: () => {
      const doc = documentOf();
      return {
        html: renderPartyPrintJob(doc, templates).html,
        orientation: 'portrait',
        documentId: doc.documentId,
        ...(doc.textSha256 ? { textSha256: doc.textSha256 } : {}),
        checkUrl: doc.publisher.checkUrl,
        what: 'Ausfertigung',
        metadata: doc.metadata,
      };
    },
  };
}

export function synopsisWorkingCopy(doc: SynopsisDocument, templates: PdfTemplates, synopsis: SynopsisTemplates & { hash: string }): PlannedWorkingCopy {
  return {
    pdfPath: doc.path,
    isPrivate: false,
    documentId: doc.documentId,
    digest: doc.digest,
    templatesHash: synopsis.hash,
    input: () => ({
      html: renderSynopsisPrintJob(doc, templates, synopsis).html,
      orientation: 'landscape',
      documentId: doc.documentId,
      what: 'Synopse',
      metadata: doc.metadata,
    }),
  };
}

/** The docx library's version: a new one may write other bytes, so it is part of the cache key. */
let docxVersion: Promise<string> | undefined;
function docxLibraryVersion(): Promise<string> {
  docxVersion ??= (async () => {
    // The package hides its package.json from `exports`: read it beside the entry point.
    let dir = path.dirname(createRequire(import.meta.url).resolve('docx'));
    for (let i = 0; i < 4; i++, dir = path.dirname(dir)) {
      const text = await readFile(path.join(dir, 'package.json'), 'utf8').catch(() => undefined);
      if (text && (JSON.parse(text) as { name?: string }).name === 'docx') return (JSON.parse(text) as { version: string }).version;
    }
    return 'unbekannt';
  })();
  return docxVersion;
}

export interface WorkingCopyRun {
  publicEntries: WorkingCopyEntry[];
  privateEntries: WorkingCopyEntry[];
  /** Cache keys in use (the rest may be pruned after a full build). */
  keys: Set<string>;
  made: number;
  seconds: number;
}

/** Makes (or takes from the cache) and places every planned Word file. `place` links a cached file into the output. */
export async function writeWorkingCopies(
  planned: readonly PlannedWorkingCopy[],
  options: { cacheDir: string; outDir: string; privateOutDir: string; place: (source: string, target: string) => Promise<void> },
): Promise<WorkingCopyRun> {
  const started = performance.now();
  const version = await docxLibraryVersion();
  // The agreement text and annexes every copy of a version shares are converted once per build.
  const parts: WorkingCopyParts = new Map();
  const run: WorkingCopyRun = { publicEntries: [], privateEntries: [], keys: new Set(), made: 0, seconds: 0 };
  // Size and SHA-256 of each cached file by its key, so an unchanged file is placed without being read.
  const indexFile = path.join(options.cacheDir, 'index.bin');
  const index = await readFile(indexFile).then(
    (b) => {
      try {
        return deserialize(b) as Map<string, { bytes: number; sha256: string }>;
      } catch {
        return new Map<string, { bytes: number; sha256: string }>();
      }
    },
    () => new Map<string, { bytes: number; sha256: string }>(),
  );
  const nextIndex = new Map<string, { bytes: number; sha256: string }>();
  // Writes run while the next file is made (each waits for the disk); at most this many at once.
  const pending = new Set<Promise<void>>();
  let failure: unknown;
  const settle = async (limit: number) => {
    while (pending.size > limit) await Promise.race(pending);
    if (failure !== undefined) throw failure;
  };
  for (const item of planned) {
    const key = sha256Hex(`${DOCX_PIPELINE_VERSION}\0docx ${version}\0${item.templatesHash}\0${item.digest}`);
    run.keys.add(key);
    // One file per entry: written atomically, so a present file is a complete one.
    const cached = path.join(options.cacheDir, key.slice(0, 2), `${key}.docx`);
    const docxPath = item.pdfPath.replace(/\.pdf$/, '.docx');
    const target = path.join(item.isPrivate ? options.privateOutDir : options.outDir, docxPath);
    const indexed = index.get(key);
    const listed = indexed && (await stat(cached).then((info) => info.size === indexed.bytes, () => false)) ? indexed : undefined;
    const known = listed ? undefined : await readFile(cached).catch(() => undefined);
    const bytes = listed ? undefined : (known ?? (await renderWorkingCopyDocx(item.input(), parts)));
    if (!listed && !known) run.made++;
    const meta = listed ?? { bytes: bytes!.length, sha256: sha256Hex(bytes!) };
    nextIndex.set(key, meta);
    (item.isPrivate ? run.privateEntries : run.publicEntries).push({ path: docxPath, of: item.pdfPath, bytes: meta.bytes, sha256: meta.sha256, documentId: item.documentId });
    const write = (listed || known ? Promise.resolve() : writeFileAtomic(cached, bytes!)).then(() => options.place(cached, target));
    const tracked: Promise<void> = write
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => pending.delete(tracked));
    pending.add(tracked);
    await settle(16);
  }
  await settle(0);
  // Entries of this run join those of others (a --party run plans a few); an index that cannot be
  // written costs reading next time, nothing else.
  const changed = [...nextIndex].some(([key, meta]) => index.get(key)?.sha256 !== meta.sha256);
  if (changed) await writeFileAtomic(indexFile, serialize(new Map([...index, ...nextIndex]))).catch(() => undefined);
  run.seconds = (performance.now() - started) / 1000;
  return run;
}
