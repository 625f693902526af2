import type { APIRoute } from 'astro';
import { getSiteContent } from '../../io/site-content.ts';
import { loadPdfManifest } from '../../io/site-downloads.ts';
import { buildCopyRegister } from '../../lib/signing/copies.ts';

/** The copies „PDF prüfen“ recognises, current and superseded (public providers' copies only). */
export const GET: APIRoute = async () => {
  const register = buildCopyRegister(await getSiteContent(), await loadPdfManifest());
  return new Response(`${JSON.stringify({ format: 1, copies: register }, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
