import type { APIRoute } from 'astro';
import { getSiteContent } from '../../io/site-content.ts';
import { loadPdfDocuments, loadPdfManifest } from '../../io/site-downloads.ts';
import { buildDocumentRegister } from '../../lib/site/downloads.ts';
import { buildCopyRegister } from '../../lib/signing/copies.ts';
import { copyKindWords } from '../../lib/site/directory.ts';

/**
 * The copies „PDF prüfen“ recognises, current and superseded (copies of parties in a public
 * directory only), how to name each kind, and apart from them the other published PDFs (the
 * DPIA), which are no copies to sign.
 */
export const GET: APIRoute = async () => {
  const content = await getSiteContent();
  const register = buildCopyRegister(content, await loadPdfManifest());
  const documents = buildDocumentRegister(content, await loadPdfDocuments());
  return new Response(`${JSON.stringify({ format: 1, copies: register, kinds: copyKindWords(content), documents }, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
