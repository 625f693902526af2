import { copyFile, link, mkdir, readdir, readFile, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { AgreementView } from '../../lib/agreement-view.ts';
import type { Content } from '../../lib/content-model.ts';
import { CONFORMANCE_LEVEL } from '../../lib/pdf/conformance.ts';
import { headingTitles, type FinalizedPdf } from '../../lib/pdf/finalize-pdf.ts';
import {
  buildManifest,
  manifestFiles,
  mergeIntoManifest,
  parseManifest,
  renderManifestJson,
  type DocumentEntry,
  type ManifestEntry,
  type PdfManifest,
  type WorkingCopyEntry,
} from '../../lib/pdf/manifest.ts';
import { buildDpiaDocuments } from '../../lib/pdf/dpia-document.ts';
import { renderDpiaPrintJob } from '../../lib/pdf/dpia-html.ts';
import { buildSynopsisDocuments, type SynopsisDocument } from '../../lib/pdf/synopsis-document.ts';
import { renderSynopsisPrintJob } from '../../lib/pdf/synopsis-html.ts';
import {
  buildPartyDocument,
  planPdfJobs,
  sha256Hex,
  type AgreementViewCache,
  type PartyDocument,
  type PdfJob,
  type PdfMetadata,
  type ViewDigests,
} from '../../lib/pdf/party-document.ts';
import { PDFDocument } from 'pdf-lib';
import { regimeLabel } from '../../lib/vocabulary.ts';
import { renderPartyPrintJob, renderSplitPrintJobs, type SplitPrintJobs } from '../../lib/pdf/render-html.ts';
import { selectShard, type Shard } from '../../lib/pdf/shard.ts';
import { exists, waitForLock, writeFileAtomic } from '../atomic-dir.ts';
import { findBrowser, type BrowserExecutable } from '../browser.ts';
import { ContentError } from '../cli.ts';
import { allParties, findParty } from '../../lib/parties/lookup.ts';
import { organisationOf } from '../../lib/organisation/profile.ts';
import { loadPdfAssets, type PdfAssets } from './assets.ts';
import { createFinalizePool, type FinalizePool, type SharedPart } from './finalize-pool.ts';
import { openCopyMemo, type ContentFileDigests } from './copy-memo.ts';
import { createProgress } from './progress.ts';
import { partyWorkingCopy, synopsisWorkingCopy, writeWorkingCopies } from './build-docx.ts';
import { PdfPrinter, PrintTimeoutError, type PrintFn, type PrintJob } from './renderer.ts';

export interface PdfBuildOptions {
  content: Content;
  /** Public output root; PDFs go to `<outDir>/pdf/…`. */
  outDir: string;
  /** Non-public output root for childminders' PDFs. */
  privateOutDir: string;
  cacheDir: string;
  /** Its own templates (`<content>/templates/`) come before the bundled ones. */
  contentDir?: string;
  /** Only these parties (`--party`). */
  parties?: string[];
  shard?: Shard;
  /** Pages printing at the same time (default 2: measured best on 2 cores). */
  concurrency?: number;
  /** Per attempt (default 60 s). */
  timeoutMs?: number;
  log: (line: string) => void;
  /** For tests: print without a browser. */
  print?: PrintFn;
  /**
   * The content files the content was read from: copies whose files are unchanged since the last
   * run are planned from memory (cache key and document id) instead of building their documents.
   */
  contentFiles?: ContentFileDigests;
  /** Fingerprint of the program: a remembered plan holds only for the same code. */
  program?: string;
  /**
   * Print the parts every party of an agreement version and regime shares (agreement text with
   * Anlage 1, Anlage 3) once and assemble each PDF from them and the party's own print (default:
   * true with the browser; a stand-in printer prints whole documents unless this is true).
   */
  assemble?: boolean;
}

export interface PdfBuildResult {
  total: number;
  rendered: number;
  cached: number;
  seconds: number;
  publicManifest: PdfManifest;
  privateManifest: PdfManifest;
  publicManifestPath: string;
  privateManifestPath: string;
  /** After a partial run: the full `pdf/manifest.json` it updated, and how many entries it now lists. */
  fullManifest?: { path: string; entries: number };
  /** „@sparticuz/chromium 147.0.0 (…), HeadlessChrome/147…“ when a browser was started. */
  browser?: string;
  /** The DPIA PDFs (one per version; none in a `--party` run or a shard other than 1); `seconds`: printing these and the Synopsen. */
  dpia: { total: number; rendered: number; seconds: number };
  /** The Synopse PDFs (one per pair of versions; none in a `--party` run or a shard other than 1). */
  synopses: { total: number; rendered: number };
  /** The Word working copies beside the copies and Synopsen. */
  workingCopies: { total: number; made: number; seconds: number };
}

export class PdfBuildError extends Error {
  readonly exitCode = 1;
}

interface CacheMeta {
  bytes: number;
  pages: number;
  sha256: string;
}

interface Planned {
  job: PdfJob;
  /** Built on first use: a copy planned from memory needs it only when it must be printed. */
  readonly doc: PartyDocument;
  documentId: string;
  digest: string;
  key: string;
  cachePdf: string;
  cacheMeta: string;
}

/**
 * A published PDF that is not a copy – the DPIA of a version, the Synopse of two versions – to
 * place (and print when the cache lacks it). Printed in one piece; listed under `documents`.
 */
interface PlannedDocument {
  /** The manifest entry without what printing yields (bytes, pages, hash). */
  entry: Omit<DocumentEntry, 'bytes' | 'pages' | 'sha256' | 'browser'>;
  metadata: PdfMetadata;
  /** The page to print (rendered when needed: only missing documents are rendered). */
  printJob: () => PrintJob;
  /** How an error names it: „Das PDF … (Datenschutz-Folgenabschätzung, Version 1.1)“. */
  what: string;
  key: string;
  cachePdf: string;
  cacheMeta: string;
}


export function manifestFileName(shard: Shard | undefined): string {
  return shard ? `manifest-shard-${shard.index}-of-${shard.count}.json` : 'manifest.json';
}

/** Builds (or takes from the cache) every PDF the content calls for and writes the manifests. */
export async function buildPdfs(options: PdfBuildOptions): Promise<PdfBuildResult> {
  const started = performance.now();
  let jobs = planPdfJobs(options.content);
  if (options.parties && options.parties.length > 0) {
    const known = new Set(jobs.map((j) => j.partyId));
    const unknown = options.parties.filter((p) => !known.has(p));
    // An id the content does not have is a wrong call (exit 2); a party without a copy is a matter of its file (exit 1).
    for (const id of unknown) findParty(options.content, id);
    if (unknown.length > 0) {
      const files = unknown.map((id) => allParties(options.content).find((p) => p.id === id)!.source.file);
      throw new ContentError(
        `Für ${unknown.map((p) => `„${p}“`).join(', ')} gibt es keine PDFs (${files.join(', ')}): ${unknown.length === 1 ? 'Der Partner steht' : 'Die Partner stehen'} in keinem Register und Plan einer Vereinbarung, oder es ist noch keine Version beschlossen.\n` +
          '  → Ergänzen Sie den Registereintrag (register: { plan, entry }) beim Partner, falls er fehlt, oder lassen Sie die Kennung bei --party weg.',
      );
    }
    const wanted = new Set(options.parties);
    jobs = jobs.filter((j) => wanted.has(j.partyId));
  }
  if (options.shard) jobs = selectShard(jobs, options.shard);

  const assets = await loadPdfAssets({ contentDir: options.contentDir });
  const executable: BrowserExecutable | undefined = options.print ? undefined : await findBrowser();
  const assemble = options.assemble ?? !options.print;
  // The body's words print on every copy but are not part of its document id: they key the cache here.
  const orgKey = sha256Hex(JSON.stringify(organisationOf(options.content)));
  const keyPrefix = `${assets.hash}\0${orgKey}\0${CONFORMANCE_LEVEL}\0${executable?.label ?? 'test-printer'}\0${assemble ? 'assembled' : 'whole'}\0`;
  const views: AgreementViewCache = new Map();
  const viewDigests = new WeakMap<AgreementView, ViewDigests>();
  const pdfCache = path.join(options.cacheDir, 'pdf');
  const memo = options.contentFiles && options.program ? await openCopyMemo(options.cacheDir, options.content, options.contentFiles, `${options.program}\0${keyPrefix}`) : undefined;
  const planned: Planned[] = jobs.map((job) => {
    let doc: PartyDocument | undefined;
    const documentOf = () => (doc ??= buildPartyDocument(options.content, job.agreementId, job.version, job.partyId, { views, viewDigests }));
    const remembered = memo?.recall(job);
    const digest = remembered?.digest ?? documentOf().digest;
    const key = remembered?.key ?? sha256Hex(keyPrefix + digest);
    const documentId = remembered?.documentId ?? documentOf().documentId;
    if (!remembered) memo?.remember(job, { key, documentId, digest });
    const dir = path.join(pdfCache, key.slice(0, 2));
    return {
      job,
      get doc() {
        return documentOf();
      },
      documentId,
      digest,
      key,
      cachePdf: path.join(dir, `${key}.pdf`),
      cacheMeta: path.join(dir, `${key}.json`),
    };
  });

  const missing: Planned[] = [];
  for (const p of planned) if (!(await exists(p.cacheMeta)) || !(await exists(p.cachePdf))) missing.push(p);

  // The DPIA PDFs belong to the whole build, not to one party's run; of several shards the first
  // prints them, so that merged shard manifests list them once.
  // So are the Synopsen of the agreements' versions.
  const withDocuments = !options.parties?.length && (!options.shard || options.shard.index === 1);
  const planDocument = (kind: DocumentEntry['kind'], templatesHash: string, digest: string, rest: Omit<PlannedDocument, 'key' | 'cachePdf' | 'cacheMeta'>): PlannedDocument => {
    const key = sha256Hex(`${templatesHash}\0${orgKey}\0${CONFORMANCE_LEVEL}\0${executable?.label ?? 'test-printer'}\0${kind}\0${digest}`);
    const dir = path.join(pdfCache, key.slice(0, 2));
    return { ...rest, key, cachePdf: path.join(dir, `${key}.pdf`), cacheMeta: path.join(dir, `${key}.json`) };
  };
  const dpiaPlanned: PlannedDocument[] = (withDocuments ? buildDpiaDocuments(options.content) : []).map((doc) =>
    planDocument('dsfa', assets.dpia.hash, doc.digest, {
      entry: { kind: 'dsfa', path: doc.path, version: doc.version, status: doc.status ?? undefined, documentId: doc.documentId },
      metadata: doc.metadata,
      printJob: () => renderDpiaPrintJob(doc, assets.templates, assets.dpia),
      what: `Das PDF ${doc.path} (Datenschutz-Folgenabschätzung, Version ${doc.version})`,
    }),
  );
  const synopsisDocs: SynopsisDocument[] = withDocuments ? buildSynopsisDocuments(options.content) : [];
  const synopsisPlanned: PlannedDocument[] = synopsisDocs.map((doc) =>
    planDocument('synopse', assets.synopsis.hash, doc.digest, {
      entry: { kind: 'synopse', path: doc.path, agreement: doc.agreementId, from: doc.from, version: doc.to, status: doc.isDraft ? 'entwurf' : undefined, documentId: doc.documentId },
      metadata: doc.metadata,
      printJob: () => renderSynopsisPrintJob(doc, assets.templates, assets.synopsis),
      what: `Das PDF ${doc.path} (Synopse ${doc.agreementId}, Version ${doc.from} und ${doc.to})`,
    }),
  );
  const documentsPlanned = [...dpiaPlanned, ...synopsisPlanned];
  const documentsMissing: PlannedDocument[] = [];
  for (const p of documentsPlanned) if (!(await exists(p.cacheMeta)) || !(await exists(p.cachePdf))) documentsMissing.push(p);

  const sharedCache = path.join(options.cacheDir, 'pdf-shared');
  let browser: string | undefined;
  const documentsTime = { seconds: 0 };
  if (missing.length + documentsMissing.length > 0) {
    browser = await renderMissing(missing, assets, executable, options, { assemble, sharedCache, keyPrefix }, documentsMissing, documentsTime);
  }

  // Everything is in the cache now: place it in the outputs (hard links where possible).
  const publicEntries: ManifestEntry[] = [];
  const privateEntries: ManifestEntry[] = [];
  for (const p of planned) {
    const meta = JSON.parse(await readFile(p.cacheMeta, 'utf8')) as CacheMeta;
    const root = p.job.isPrivate ? options.privateOutDir : options.outDir;
    await placeFile(p.cachePdf, path.join(root, p.job.path));
    const entry: ManifestEntry = {
      path: p.job.path,
      party: p.job.partyId,
      agreement: p.job.agreementId,
      version: p.job.version,
      regime: p.job.regime,
      bytes: meta.bytes,
      pages: meta.pages,
      sha256: meta.sha256,
      documentId: p.documentId,
      // The cache key holds the browser, so a cached copy was printed by this one too.
      browser: executable?.label,
    };
    (p.job.isPrivate ? privateEntries : publicEntries).push(entry);
  }
  // DPIA and Synopse hold no personal data: public output, listed apart from the copies.
  const documentEntries: DocumentEntry[] = [];
  for (const p of documentsPlanned) {
    const meta = JSON.parse(await readFile(p.cacheMeta, 'utf8')) as CacheMeta;
    await placeFile(p.cachePdf, path.join(options.outDir, p.entry.path));
    documentEntries.push({ ...p.entry, bytes: meta.bytes, pages: meta.pages, sha256: meta.sha256, browser: executable?.label });
  }
  // The Word working copies, beside their PDFs (a private copy's privately). Made after printing:
  // made while the browser prints, they took its processor time and the build grew more (measured).
  const docxCache = path.join(options.cacheDir, 'docx');
  const words = await writeWorkingCopies(
    [...planned.map((p) => partyWorkingCopy(p, assets.templates, assets.hash)), ...synopsisDocs.map((doc) => synopsisWorkingCopy(doc, assets.templates, assets.synopsis))],
    { cacheDir: docxCache, outDir: options.outDir, privateOutDir: options.privateOutDir, place: placeFile },
  );
  // Every PDF was printed by this browser: its name and version are part of the cache key.
  const publicManifest = buildManifest(publicEntries, options.shard, executable?.label, documentEntries, words.publicEntries);
  const privateManifest = buildManifest(privateEntries, options.shard, executable?.label, [], words.privateEntries);
  const partial = Boolean(options.parties?.length || options.shard);
  const publicManifestPath = path.join(options.outDir, 'pdf', options.shard ? manifestFileName(options.shard) : 'manifest.json');
  const privateManifestPath = path.join(options.privateOutDir, 'pdf', options.shard ? manifestFileName(options.shard) : 'manifest.json');
  let fullManifest: PdfBuildResult['fullManifest'];
  if (options.shard) {
    // The shard's own list, for „merge-manifests“ when the shards ran on different machines.
    await writeFileAtomic(publicManifestPath, renderManifestJson(publicManifest));
    // Also when empty: merging the shards then knows every shard's private part arrived.
    await writeFileAtomic(privateManifestPath, renderManifestJson(privateManifest));
  }
  if (partial) {
    // A partial run never shrinks the published list: its entries join the full manifest.
    fullManifest = await mergeIntoFullManifest(options.outDir, publicEntries, documentEntries, words.publicEntries);
    if (privateEntries.length > 0 || (await exists(path.join(options.privateOutDir, 'pdf', 'manifest.json')))) {
      await mergeIntoFullManifest(options.privateOutDir, privateEntries, [], words.privateEntries);
    }
  } else {
    await writeFileAtomic(publicManifestPath, renderManifestJson(publicManifest));
    if (privateEntries.length > 0 || (await exists(privateManifestPath))) await writeFileAtomic(privateManifestPath, renderManifestJson(privateManifest));
    // PDFs of parties or versions the content no longer calls for would be published without an entry.
    const removed = [...(await removeUnlisted(options.outDir, publicManifest)), ...(await removeUnlisted(options.privateOutDir, privateManifest))];
    const pdfs = removed.filter((f) => f.endsWith('.pdf')).length;
    const docx = removed.length - pdfs;
    const what = [pdfs === 1 ? '1 PDF' : pdfs > 1 ? `${pdfs} PDFs` : '', docx === 1 ? '1 Word-Datei' : docx > 1 ? `${docx} Word-Dateien` : ''].filter(Boolean).join(' und ');
    if (removed.length > 0) options.log(`${what} aus einem früheren Lauf entfernt: die Inhalte sehen ${removed.length === 1 ? (pdfs === 1 ? 'es' : 'sie') : 'sie'} nicht mehr vor.`);
  }

  await memo?.save(!partial);

  if (!partial) {
    await pruneCache(pdfCache, new Set([...planned, ...documentsPlanned].map((p) => p.key)));
    await pruneCache(docxCache, words.keys);
    // Planned from memory, the shared parts are the ones the last run kept: their documents are
    // not built just to prune (the shared basis changed → every copy is planned afresh → pruned then).
    if (assemble && (memo?.stats.remembered ?? 0) === 0) {
      // The shared prints of one agreement version and regime are the same for all its parties:
      // one document of each group names the ones still in use.
      const groups = new Map<string, PartyDocument>();
      for (const p of planned) {
        const group = `${p.job.agreementId}\0${p.job.version}\0${p.job.regime}`;
        if (!groups.has(group)) groups.set(group, p.doc);
      }
      const keep = new Set<string>();
      for (const doc of groups.values()) for (const key of sharedKeys(renderSplitPrintJobs(doc, assets.templates), keyPrefix)) keep.add(key);
      await pruneCache(sharedCache, keep);
    }
  }

  return {
    total: planned.length,
    rendered: missing.length,
    cached: planned.length - missing.length,
    seconds: (performance.now() - started) / 1000,
    publicManifest,
    privateManifest,
    publicManifestPath,
    privateManifestPath,
    fullManifest,
    browser,
    dpia: { total: dpiaPlanned.length, rendered: dpiaPlanned.filter((p) => documentsMissing.includes(p)).length, seconds: documentsTime.seconds },
    synopses: { total: synopsisPlanned.length, rendered: synopsisPlanned.filter((p) => documentsMissing.includes(p)).length },
    workingCopies: { total: words.publicEntries.length + words.privateEntries.length, made: words.made, seconds: words.seconds },
  };
}

/**
 * Adds a partial run's entries to `<root>/pdf/manifest.json` (creating it when the output is new).
 * Shards running at the same time into one output take turns through a lock file.
 */
async function mergeIntoFullManifest(
  root: string,
  entries: ManifestEntry[],
  documents: DocumentEntry[] = [],
  workingCopies: WorkingCopyEntry[] = [],
): Promise<{ path: string; entries: number }> {
  const file = path.join(root, 'pdf', 'manifest.json');
  await mkdir(path.dirname(file), { recursive: true });
  const release = await waitForLock(`${file}.lock`, 120_000);
  try {
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    let existing: PdfManifest | undefined;
    try {
      existing = text === undefined ? undefined : parseManifest(text, file);
    } catch (error) {
      throw new PdfBuildError(
        `${(error as Error).message}\nDie neuen PDFs liegen in ${path.dirname(file)}, stehen aber nicht im Verzeichnis. Erzeugen Sie alle PDFs neu (npm run pdf ohne --party und --shard).`,
      );
    }
    const present = new Set<string>();
    for (const listed of existing ? manifestFiles(existing) : []) if (await exists(path.join(root, listed))) present.add(listed);
    const merged = mergeIntoManifest(existing, entries, (p) => present.has(p), documents, workingCopies);
    await writeFileAtomic(file, renderManifestJson(merged));
    return { path: file, entries: merged.entries.length };
  } finally {
    await release();
  }
}

/** Removes the PDFs and Word files under `<root>/pdf/` that `manifest` does not list; returns their paths. */
async function removeUnlisted(root: string, manifest: PdfManifest): Promise<string[]> {
  const listed = new Set(manifestFiles(manifest));
  const dir = path.join(root, 'pdf');
  const removed: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile() || !/\.(pdf|docx)$/.test(entry.name)) continue;
    const rel = path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (listed.has(rel)) continue;
    await rm(path.join(root, rel), { force: true });
    removed.push(rel);
  }
  return removed;
}

interface SplitOptions {
  assemble: boolean;
  sharedCache: string;
  keyPrefix: string;
}

const SHARED_LABELS = ['Vertragstext und Anlage 1', 'Anlage 3'] as const;

function sharedKeys(split: SplitPrintJobs, keyPrefix: string): string[] {
  return split.shared.map((html) => sha256Hex(`${keyPrefix}shared\0${html}`));
}

type PersonalJobs = Pick<SplitPrintJobs, 'personal' | 'fontCss' | 'titles'>;

interface SharedPrint extends SharedPart {
  pages: number;
}

async function renderMissing(
  missing: Planned[],
  assets: PdfAssets,
  executable: BrowserExecutable | undefined,
  options: PdfBuildOptions,
  split: SplitOptions,
  documentsMissing: PlannedDocument[] = [],
  documentsTime: { seconds: number } = { seconds: 0 },
): Promise<string | undefined> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  let printer: PdfPrinter | undefined;
  let print = options.print;
  let description: string | undefined;
  if (!print) {
    printer = await PdfPrinter.start({ executable });
    print = printer.print;
    description = printer.description;
    options.log(`Browser: ${description}`);
    if (executable?.note) options.log(executable.note);
  }
  const pool = createFinalizePool();
  const concurrency = Math.max(1, options.concurrency ?? 2);
  /** Runs `work` on every item, `concurrency` at a time; stops at the first failure. */
  const runAll = async <T>(items: T[], work: (item: T) => Promise<void>) => {
    let next = 0;
    let failure: Error | undefined;
    const worker = async () => {
      while (!failure && next < items.length) {
        const item = items[next++]!;
        try {
          await work(item);
        } catch (error) {
          failure ??= error as Error;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
    if (failure) throw failure;
  };
  try {
    // The shared parts first, each once (from the cache when it has them).
    // Per document only what its own print needs (not the shared HTML: 1,000 copies of it would
    // cost hundreds of MB).
    const splits = new Map<Planned, { jobs: PersonalJobs; keys: string[] }>();
    const shared = new Map<string, SharedPrint>();
    if (split.assemble) {
      const toPrint = new Map<string, { html: string; label: string }>();
      for (const item of missing) {
        const jobs = renderSplitPrintJobs(item.doc, assets.templates);
        if (!jobs.splittable) continue;
        const keys = sharedKeys(jobs, split.keyPrefix);
        splits.set(item, { jobs: { personal: jobs.personal, fontCss: jobs.fontCss, titles: jobs.titles }, keys });
        for (const [i, key] of keys.entries()) {
          if (shared.has(key) || toPrint.has(key)) continue;
          const cached = await readFile(sharedPath(split.sharedCache, key)).catch(() => undefined);
          if (cached) shared.set(key, { key, bytes: new Uint8Array(cached), pages: await pageCount(cached) });
          else {
            const { agreementId, version, regime } = item.job;
            toPrint.set(key, { html: jobs.shared[i]!, label: `${SHARED_LABELS[i]} (${agreementId}, Version ${version}, ${regimeLabel(options.content, regime)})` });
          }
        }
      }
      if (shared.size + toPrint.size > 0) options.log(`Gemeinsame Teile: ${toPrint.size} zu drucken, ${shared.size} aus dem Cache.`);
      await runAll([...toPrint.entries()], async ([key, { html, label }]) => {
        const bytes = await printWithRetry({ html, fontCss: assets.templates.fontCss }, print!, timeoutMs, options.log, {
          warn: `Gemeinsamer Teil ${label}`,
          fail: `Der gemeinsame Teil ${label}`,
        });
        await writeFileAtomic(sharedPath(split.sharedCache, key), bytes);
        shared.set(key, { key, bytes, pages: await pageCount(bytes) });
      });
    }
    const progress = createProgress(missing.length, options.log);
    try {
      await runAll(missing, async (item) => {
        const planned = splits.get(item);
        const parts = planned?.keys.map((key) => shared.get(key)!);
        await renderOne(item, assets, print!, pool, timeoutMs, options.log, planned && parts ? { jobs: planned.jobs, parts } : undefined);
        progress.tick();
      });
    } finally {
      progress.finish();
    }
    const documentsStarted = performance.now();
    await runAll(documentsMissing, (item) => renderDocument(item, print!, pool, timeoutMs, options.log));
    documentsTime.seconds = (performance.now() - documentsStarted) / 1000;
  } finally {
    await printer?.close();
    await pool.close();
  }
  if (printer && printer.blockedRequests.length > 0) {
    options.log(`Hinweis: ${printer.blockedRequests.length} Netzanfragen aus den Druckvorlagen wurden blockiert (z. B. ${printer.blockedRequests[0]}).`);
  }
  return description;
}

function sharedPath(dir: string, key: string): string {
  return path.join(dir, key.slice(0, 2), `${key}.pdf`);
}

async function pageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Infinity })).getPageCount();
}

/** Prints once more after a crash or hang; a second failure stops the build with `what.fail`. */
async function printWithRetry(
  job: PrintJob,
  print: PrintFn,
  timeoutMs: number,
  log: (line: string) => void,
  what: { warn: string; fail: string },
): Promise<Uint8Array> {
  let firstError: Error | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTimeout(print(job, timeoutMs), timeoutMs);
    } catch (error) {
      if (attempt === 1) {
        firstError = error as Error;
        log(`Warnung: ${what.warn} – ${firstError.message} Neuer Versuch …`);
      } else {
        throw new PdfBuildError(
          `${what.fail} konnte auch im zweiten Versuch nicht erzeugt werden: ${(error as Error).message}\n` +
            'Es wurde keine unvollständige Datei geschrieben; die bisherige Ausgabe bleibt unverändert. Prüfen Sie die Druckvorlagen in templates/ und ob der Browser startet, und bauen Sie dann erneut.',
        );
      }
    }
  }
}

/**
 * Prints one PDF: with `split`, the party's own print, assembled with the shared prints; else (or
 * when the prints do not fit together) the whole document. A crashed or hung page is tried once
 * more, then the build stops.
 */
async function renderOne(
  item: Planned,
  assets: PdfAssets,
  print: PrintFn,
  pool: FinalizePool,
  timeoutMs: number,
  log: (line: string) => void,
  split?: { jobs: PersonalJobs; parts: SharedPrint[] },
): Promise<void> {
  const { doc, job } = item;
  const what = { warn: job.path, fail: `Das PDF ${job.path} (${job.agreementId}, Version ${job.version}, ${job.partyId})` };
  let finalized: FinalizedPdf | undefined;
  let titles: string[] | undefined;
  if (split) {
    const { jobs, parts } = split;
    const personal = await printWithRetry({ html: jobs.personal([parts[0]!.pages, parts[1]!.pages]), fontCss: jobs.fontCss }, print, timeoutMs, log, what);
    titles = jobs.titles;
    finalized = await pool.assemble(personal, parts, doc.metadata, titles).catch((error: Error) => {
      log(`Hinweis: ${job.path} – ließ sich nicht zusammensetzen (${error.message}); es wird im Ganzen gedruckt.`);
      return undefined;
    });
  }
  if (!finalized) {
    const printJob = renderPartyPrintJob(doc, assets.templates);
    const raw = await printWithRetry(printJob, print, timeoutMs, log, what);
    titles = headingTitles(printJob.html);
    finalized = await pool.finalize(raw, doc.metadata, titles);
  }
  if (!finalized.outlineFixed) log(`Hinweis: ${job.path} – die Lesezeichen passen nicht zu den Überschriften; Chromiums Titel bleiben.`);
  const meta: CacheMeta = { bytes: finalized.bytes.length, pages: finalized.pages, sha256: sha256Hex(finalized.bytes) };
  await writeFileAtomic(item.cachePdf, finalized.bytes);
  // The metadata file is written last: its presence marks a complete cache entry.
  await writeFileAtomic(item.cacheMeta, `${JSON.stringify(meta)}\n`);
}

/** Prints one DPIA or Synopse PDF in one piece (nothing in it is shared with another document) and caches it. */
async function renderDocument(item: PlannedDocument, print: PrintFn, pool: FinalizePool, timeoutMs: number, log: (line: string) => void): Promise<void> {
  const job = item.printJob();
  const raw = await printWithRetry(job, print, timeoutMs, log, { warn: item.entry.path, fail: item.what });
  const finalized = await pool.finalize(raw, item.metadata, headingTitles(job.html));
  if (!finalized.outlineFixed) log(`Hinweis: ${item.entry.path} – die Lesezeichen passen nicht zu den Überschriften; Chromiums Titel bleiben.`);
  await writeFileAtomic(item.cachePdf, finalized.bytes);
  await writeFileAtomic(item.cacheMeta, `${JSON.stringify({ bytes: finalized.bytes.length, pages: finalized.pages, sha256: sha256Hex(finalized.bytes) } satisfies CacheMeta)}\n`);
}

/** Bounds any printer, also one that never answers; the browser printer has its own limit too. */
function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PrintTimeoutError(`Zeitüberschreitung nach ${(timeoutMs / 1000).toLocaleString('de-DE')} s.`)), timeoutMs + 1000);
  });
  work.catch(() => undefined);
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

async function placeFile(source: string, target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  await unlink(target).catch(() => undefined);
  try {
    await link(source, target);
  } catch {
    await copyFile(source, target);
  }
}

/** After a full build, cache entries (PDF or Word file and their metadata) no document uses any more are removed. */
async function pruneCache(cache: string, keep: Set<string>): Promise<void> {
  for (const dir of await readdir(cache).catch(() => [] as string[])) {
    const full = path.join(cache, dir);
    for (const name of await readdir(full).catch(() => [] as string[])) {
      if (name.endsWith('.tmp')) continue;
      const key = name.replace(/\.(pdf|docx|json)$/, '');
      if (!keep.has(key)) await rm(path.join(full, name), { force: true });
    }
  }
}
