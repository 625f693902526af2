import type { APIRoute } from 'astro';
import { getSiteContent, siteBuildAsOf } from '../io/site-content.ts';
import { buildPageList, renderSitemapXml } from '../lib/site/pages.ts';

export const GET: APIRoute = async () => {
  const content = await getSiteContent();
  const xml = renderSitemapXml(content.site?.base_url ?? 'https://example.invalid', buildPageList(content, siteBuildAsOf()));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
