import { parentPort } from 'node:worker_threads';
import { finalizePdf } from '../../lib/pdf/finalize-pdf.ts';
import type { PdfMetadata } from '../../lib/pdf/party-document.ts';

/** Worker side of the finalize pool: pdf-lib off the main thread, which keeps talking to Chromium. */
parentPort!.on('message', (message: { id: number; input: Uint8Array; meta: PdfMetadata; titles: string[] }) => {
  finalizePdf(message.input, message.meta, message.titles).then(
    (result) => parentPort!.postMessage({ id: message.id, result }, [result.bytes.buffer as ArrayBuffer]),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
