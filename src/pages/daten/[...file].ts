import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../io/site-content.ts';
import { exportFiles } from '../../lib/exports/registry.ts';
import { urls } from '../../lib/site/urls.ts';

/** Every machine-readable export: the bytes the registry encoded once, written unchanged. */
export const getStaticPaths: GetStaticPaths = async () =>
  exportFiles(await getSiteContent()).map((f) => ({ params: { file: f.path.slice(urls.data().length) } }));

export const GET: APIRoute = async ({ params }) => {
  const file = exportFiles(await getSiteContent()).find((f) => f.path === urls.dataFile(params.file ?? ''));
  if (!file) return new Response('Nicht gefunden', { status: 404 });
  return new Response(file.bytes, { headers: { 'Content-Type': file.mediaType } });
};
