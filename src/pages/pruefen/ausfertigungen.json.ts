import type { APIRoute } from 'astro';
import { getSiteContent } from '../../io/site-content.ts';
import { loadPdfDocuments, loadPdfManifest, loadSentLetters } from '../../io/site-downloads.ts';
import { buildDocumentRegister } from '../../lib/site/downloads.ts';
import { buildCopyRegister, buildLetterRegister } from '../../lib/signing/copies.ts';

/**
 * The copies „PDF prüfen“ recognises, current and superseded (public providers' copies only),
 * apart from them the other published PDFs (the DPIA), which are no copies to sign, and the sent
 * letters of the records by checksum (day, kind, agreement, version – no addressee).
 */
export const GET: APIRoute = async () => {
  const content = await getSiteContent();
  const register = buildCopyRegister(content, await loadPdfManifest());
  const documents = buildDocumentRegister(content, await loadPdfDocuments());
  const letters = buildLetterRegister(content, await loadSentLetters(content));
  return new Response(`${JSON.stringify({ format: 1, copies: register, documents, letters }, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
