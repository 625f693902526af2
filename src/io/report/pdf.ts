import { finalizePdf, headingTitles } from '../../lib/pdf/finalize-pdf.ts';
import type { PdfMetadata } from '../../lib/pdf/party-document.ts';
import type { BeschlusskontrolleView } from '../../lib/report/view.ts';
import { PdfPrinter } from '../pdf/renderer.ts';

const PRINT_TIMEOUT_MS = 120_000;

export function reportPdfMetadata(view: BeschlusskontrolleView): PdfMetadata {
  return {
    title: view.metadata.title,
    author: view.metadata.author,
    subject: view.metadata.subject,
    keywords: view.metadata.keywords,
    creator: 'Vertragswerk – Bericht zur Beschlusskontrolle',
    producer: 'Vertragswerk (Chromium, pdf-lib)',
    creationDate: view.asOf,
    modDate: view.asOf,
    language: 'de',
  };
}

/**
 * Prints the report page with the project's PDF pipeline (browser discovery, request blocking,
 * tagged PDF with outline) and fixes the metadata, so the same content gives the same bytes.
 */
export async function renderReportPdf(html: string, view: BeschlusskontrolleView): Promise<Uint8Array> {
  const printer = await PdfPrinter.start();
  try {
    const raw = await printer.print({ html }, PRINT_TIMEOUT_MS);
    const { bytes } = await finalizePdf(raw, reportPdfMetadata(view), headingTitles(html));
    return bytes;
  } finally {
    await printer.close();
  }
}
