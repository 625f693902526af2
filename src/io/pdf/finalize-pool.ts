import { Worker } from 'node:worker_threads';
import { finalizePdf, type FinalizedPdf } from '../../lib/pdf/finalize-pdf.ts';
import type { PdfMetadata } from '../../lib/pdf/party-document.ts';

export type FinalizeFn = (input: Uint8Array, meta: PdfMetadata, titles: string[]) => Promise<FinalizedPdf>;

export interface FinalizePool {
  finalize: FinalizeFn;
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
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./finalize-worker.ts', import.meta.url));
    worker.unref();
  } catch {
    worker = undefined;
  }
  if (!worker) return { finalize: finalizePdf, usesWorker: false, close: async () => undefined };
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
  return {
    get usesWorker() {
      return broken === undefined;
    },
    finalize(input, meta, titles) {
      // A worker that failed to load its module: do the work here instead.
      if (broken) return finalizePdf(input, meta, titles);
      return new Promise<FinalizedPdf>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        w.ref();
        const copy = input.slice();
        w.postMessage({ id, input: copy, meta, titles }, [copy.buffer]);
      }).catch((error: Error) => (error === broken ? finalizePdf(input, meta, titles) : Promise.reject(error)))
        .finally(() => {
          if (pending.size === 0) w.unref();
        });
    },
    async close() {
      await w.terminate();
    },
  };
}
