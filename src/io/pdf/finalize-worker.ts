import { parentPort } from 'node:worker_threads';
import type { PDFDocument } from 'pdf-lib';
import { assembleAndFinalize, loadSharedPdf } from '../../lib/pdf/assemble.ts';
import { finalizePdf } from '../../lib/pdf/finalize-pdf.ts';
import type { PdfMetadata } from '../../lib/pdf/party-document.ts';

/** Parsed shared prints, by key: parsed once, read by every party's assembly (one per agreement version and regime, plus Anlage 3). */
const shared = new Map<string, Promise<PDFDocument>>();

type Message =
  | { id: number; kind: 'finalize'; input: Uint8Array; meta: PdfMetadata; titles: string[] }
  | { id: number; kind: 'assemble'; input: Uint8Array; shared: { key: string; bytes?: Uint8Array }[]; meta: PdfMetadata; titles: string[] };

function sharedDoc(part: { key: string; bytes?: Uint8Array }): Promise<PDFDocument> {
  let hit = shared.get(part.key);
  if (!hit) {
    if (!part.bytes) throw new Error(`Gemeinsamer Teil ${part.key} fehlt im Hilfsprozess.`);
    hit = loadSharedPdf(part.bytes);
    shared.set(part.key, hit);
  }
  return hit;
}

/** Worker side of the finalize pool: pdf-lib off the main thread, which keeps talking to Chromium. */
parentPort!.on('message', (message: Message) => {
  const work =
    message.kind === 'assemble'
      ? Promise.all(message.shared.map(sharedDoc)).then((docs) => assembleAndFinalize(message.input, docs, message.meta, message.titles))
      : finalizePdf(message.input, message.meta, message.titles);
  work.then(
    (result) => parentPort!.postMessage({ id: message.id, result }, [result.bytes.buffer as ArrayBuffer]),
    (error: unknown) => parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
