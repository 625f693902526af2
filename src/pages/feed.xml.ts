import type { APIRoute } from 'astro';
import { getSiteContent } from '../io/site-content.ts';
import { buildFeedView, renderAtomFeed } from '../lib/site/feed.ts';

export const GET: APIRoute = async () => {
  const content = await getSiteContent();
  const xml = renderAtomFeed(buildFeedView(content), content.site?.base_url ?? 'https://example.invalid');
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
