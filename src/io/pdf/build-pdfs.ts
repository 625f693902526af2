import { copyFile, link, mkdir, readdir, readFile, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { AgreementView } from '../../lib/agreement-view.ts';
import type { Content } from '../../lib/content-model.ts';
import { headingTitles } from '../../lib/pdf/finalize-pdf.ts';
import { buildManifest, renderManifestJson, type ManifestEntry, type PdfManifest } from '../../lib/pdf/manifest.ts';
import {
  buildPartyDocument,
  planPdfJobs,
  sha256Hex,
  type AgreementViewCache,
  type PartyDocument,
  type PdfJob,
} from '../../lib/pdf/party-document.ts';
import { renderPartyPrintJob } from '../../lib/pdf/render-html.ts';
import { selectShard, type Shard } from '../../lib/pdf/shard.ts';
import { exists, writeFileAtomic } from '../atomic-dir.ts';
import { findBrowser, type BrowserExecutable } from '../browser.ts';
import { UsageError } from '../cli.ts';
import { loadPdfAssets, type PdfAssets } from './assets.ts';
import { createFinalizePool, type FinalizeFn } from './finalize-pool.ts';
import { createProgress } from './progress.ts';
import { PdfPrinter, PrintTimeoutError, type PrintFn } from './renderer.ts';

export interface PdfBuildOptions {
  content: Content;
  /** Public output root; PDFs go to `<outDir>/pdf/…`. */
  outDir: string;
  /** Non-public output root for childminders' PDFs. */
  privateOutDir: string;
  cacheDir: string;
  templatesDir?: string;
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
  /** „@sparticuz/chromium 147.0.0 (…), HeadlessChrome/147…“ when a browser was started. */
  browser?: string;
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
  doc: PartyDocument;
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
    if (unknown.length > 0) {
      throw new UsageError(
        `Für ${unknown.map((p) => `„${p}“`).join(', ')} gibt es keine PDFs: Kennung unbekannt oder der Partner steht nicht im Bedarfsplan der Vereinbarung.`,
      );
    }
    const wanted = new Set(options.parties);
    jobs = jobs.filter((j) => wanted.has(j.partyId));
  }
  if (options.shard) jobs = selectShard(jobs, options.shard);

  const assets = await loadPdfAssets(options.templatesDir);
  const executable: BrowserExecutable | undefined = options.print ? undefined : await findBrowser();
  const keyPrefix = `${assets.hash}\0${executable?.source ?? 'test-printer'}\0`;
  const views: AgreementViewCache = new Map();
  const textHashes = new Map<string, string>();
  const viewDigests = new WeakMap<AgreementView, string>();
  const pdfCache = path.join(options.cacheDir, 'pdf');
  const planned: Planned[] = jobs.map((job) => {
    const doc = buildPartyDocument(options.content, job.agreementId, job.version, job.partyId, { views, textHashes, viewDigests });
    const key = sha256Hex(keyPrefix + doc.digest);
    const dir = path.join(pdfCache, key.slice(0, 2));
    return { job, doc, key, cachePdf: path.join(dir, `${key}.pdf`), cacheMeta: path.join(dir, `${key}.json`) };
  });

  const missing: Planned[] = [];
  for (const p of planned) if (!(await exists(p.cacheMeta)) || !(await exists(p.cachePdf))) missing.push(p);

  let browser: string | undefined;
  if (missing.length > 0) {
    browser = await renderMissing(missing, assets, executable, options);
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
    };
    (p.job.isPrivate ? privateEntries : publicEntries).push(entry);
  }
  const publicManifest = buildManifest(publicEntries, options.shard);
  const privateManifest = buildManifest(privateEntries, options.shard);
  const publicManifestPath = path.join(options.outDir, 'pdf', manifestFileName(options.shard));
  const privateManifestPath = path.join(options.privateOutDir, 'pdf', manifestFileName(options.shard));
  await writeFileAtomic(publicManifestPath, renderManifestJson(publicManifest));
  if (privateEntries.length > 0) await writeFileAtomic(privateManifestPath, renderManifestJson(privateManifest));

  if (!options.parties?.length && !options.shard) await pruneCache(pdfCache, new Set(planned.map((p) => p.key)));

  return {
    total: planned.length,
    rendered: missing.length,
    cached: planned.length - missing.length,
    seconds: (performance.now() - started) / 1000,
    publicManifest,
    privateManifest,
    publicManifestPath,
    privateManifestPath,
    browser,
  };
}

async function renderMissing(
  missing: Planned[],
  assets: PdfAssets,
  executable: BrowserExecutable | undefined,
  options: PdfBuildOptions,
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
  }
  const progress = createProgress(missing.length, options.log);
  const pool = createFinalizePool();
  let next = 0;
  let failure: Error | undefined;
  const worker = async () => {
    while (!failure && next < missing.length) {
      const item = missing[next++]!;
      try {
        await renderOne(item, assets, print!, pool.finalize, timeoutMs, options.log);
        progress.tick();
      } catch (error) {
        failure ??= error as Error;
      }
    }
  };
  try {
    const concurrency = Math.max(1, options.concurrency ?? 2);
    await Promise.all(Array.from({ length: Math.min(concurrency, missing.length) }, worker));
  } finally {
    progress.finish();
    await printer?.close();
    await pool.close();
  }
  if (failure) throw failure;
  if (printer && printer.blockedRequests.length > 0) {
    options.log(`Hinweis: ${printer.blockedRequests.length} Netzanfragen aus den Druckvorlagen wurden blockiert (z. B. ${printer.blockedRequests[0]}).`);
  }
  return description;
}

/** Prints one PDF; a crashed or hung page is tried once more, then the build stops. */
async function renderOne(
  item: Planned,
  assets: PdfAssets,
  print: PrintFn,
  finalize: FinalizeFn,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<void> {
  const { doc, job } = item;
  const printJob = renderPartyPrintJob(doc, assets.templates);
  let raw: Uint8Array | undefined;
  let firstError: Error | undefined;
  for (let attempt = 1; attempt <= 2 && !raw; attempt++) {
    try {
      raw = await withTimeout(print(printJob, timeoutMs), timeoutMs);
    } catch (error) {
      if (attempt === 1) {
        firstError = error as Error;
        log(`Warnung: ${job.path} – ${firstError.message} Neuer Versuch …`);
      } else {
        throw new PdfBuildError(
          `Das PDF ${job.path} (${job.agreementId}, Version ${job.version}, ${job.partyId}) konnte auch im zweiten Versuch nicht erzeugt werden: ${(error as Error).message}\n` +
            'Es wurde keine unvollständige Datei geschrieben; die bisherige Ausgabe bleibt unverändert. Prüfen Sie die Druckvorlagen in templates/ und ob der Browser startet, und bauen Sie dann erneut.',
        );
      }
    }
  }
  const finalized = await finalize(raw!, doc.metadata, headingTitles(printJob.html));
  if (!finalized.outlineFixed) log(`Hinweis: ${job.path} – die Lesezeichen passen nicht zu den Überschriften; Chromiums Titel bleiben.`);
  const meta: CacheMeta = { bytes: finalized.bytes.length, pages: finalized.pages, sha256: sha256Hex(finalized.bytes) };
  await writeFileAtomic(item.cachePdf, finalized.bytes);
  // The metadata file is written last: its presence marks a complete cache entry.
  await writeFileAtomic(item.cacheMeta, `${JSON.stringify(meta)}\n`);
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

/** After a full build, cache entries no document uses any more are removed. */
async function pruneCache(pdfCache: string, keep: Set<string>): Promise<void> {
  for (const dir of await readdir(pdfCache).catch(() => [] as string[])) {
    const full = path.join(pdfCache, dir);
    for (const name of await readdir(full).catch(() => [] as string[])) {
      if (name.endsWith('.tmp')) continue;
      const key = name.replace(/\.(pdf|json)$/, '');
      if (!keep.has(key)) await rm(path.join(full, name), { force: true });
    }
  }
}
