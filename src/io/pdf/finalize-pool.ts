import { Worker } from 'node:worker_threads';
import type { PDFDocument } from 'pdf-lib';
import { assembleAndFinalize, loadSharedPdf } from '../../lib/pdf/assemble.ts';
import { finalizePdf, type FinalizedPdf } from '../../lib/pdf/finalize-pdf.ts';
import type { PdfMetadata } from '../../lib/pdf/party-document.ts';

export type FinalizeFn = (input: Uint8Array, meta: PdfMetadata, titles: string[]) => Promise<FinalizedPdf>;

/** A shared print (agreement text, Anlage 3) by its cache key. */
export interface SharedPart {
  key: string;
  bytes: Uint8Array;
}

/** Assembles a party's PDF from its personal print and the shared prints, then finalizes it. */
export type AssembleFn = (personal: Uint8Array, shared: SharedPart[], meta: PdfMetadata, titles: string[]) => Promise<FinalizedPdf>;

export interface FinalizePool {
  finalize: FinalizeFn;
  assemble: AssembleFn;
  /** True while the work runs in the worker thread (false after a fallback). */
  readonly usesWorker: boolean;
  close(): Promise<void>;
}

/**
 * Re-saves PDFs with pdf-lib in a worker thread: about 70 ms of CPU per 27-page document that
 * would otherwise block the main thread while it streams the next PDF out of Chromium. Falls back
 * to the main thread when a worker cannot start (e.g. a runtime without TypeScript support).
 */
export function createFinalizePool(): FinalizePool {
  const parsed = new Map<string, Promise<PDFDocument>>();
  const assembleHere: AssembleFn = async (personal, shared, meta, titles) => {
    const docs = await Promise.all(
      shared.map((part) => {
        let hit = parsed.get(part.key);
        if (!hit) parsed.set(part.key, (hit = loadSharedPdf(part.bytes)));
        return hit;
      }),
    );
    return assembleAndFinalize(personal, docs, meta, titles);
  };
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./finalize-worker.ts', import.meta.url));
    worker.unref();
  } catch {
    worker = undefined;
  }
  if (!worker) return { finalize: finalizePdf, assemble: assembleHere, usesWorker: false, close: async () => undefined };
  const pending = new Map<number, { resolve: (r: FinalizedPdf) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let broken: Error | undefined;
  worker.on('message', (message: { id: number; result?: FinalizedPdf; error?: string }) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.error !== undefined || !message.result) waiting.reject(new Error(message.error ?? 'Kein Ergebnis vom Hilfsprozess.'));
    else waiting.resolve({ ...message.result, bytes: new Uint8Array(message.result.bytes) });
  });
  worker.on('error', (error) => {
    broken = error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });
  const w = worker;
  const sent = new Set<string>();
  const post = (message: object, transfer: ArrayBuffer[]) =>
    new Promise<FinalizedPdf>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      w.ref();
      w.postMessage({ id, ...message }, transfer);
    }).finally(() => {
      if (pending.size === 0) w.unref();
    });
  return {
    get usesWorker() {
      return broken === undefined;
    },
    finalize(input, meta, titles) {
      // A worker that failed to load its module: do the work here instead.
      if (broken) return finalizePdf(input, meta, titles);
      const copy = input.slice();
      return post({ kind: 'finalize', input: copy, meta, titles }, [copy.buffer]).catch((error: Error) =>
        error === broken ? finalizePdf(input, meta, titles) : Promise.reject(error),
      );
    },
    assemble(personal, shared, meta, titles) {
      if (broken) return assembleHere(personal, shared, meta, titles);
      const copy = personal.slice();
      // Each shared print crosses to the worker once; it keeps the parsed document.
      const parts = shared.map((part) => {
        if (sent.has(part.key)) return { key: part.key };
        sent.add(part.key);
        return { key: part.key, bytes: part.bytes };
      });
      return post({ kind: 'assemble', input: copy, shared: parts, meta, titles }, [copy.buffer]).catch((error: Error) =>
        error === broken ? assembleHere(personal, shared, meta, titles) : Promise.reject(error),
      );
    },
    async close() {
      await w.terminate();
    },
  };
}
