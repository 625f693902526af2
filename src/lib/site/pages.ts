import { publishedReports, reportUrls } from '../report/urls.ts';
import { organisationOf } from '../organisation/profile.ts';
import type { Content } from '../content-model.ts';
import { escapeHtml } from '../html.ts';
import { changesRoutes } from './changes.ts';
import { dpiaRoutes } from './dpia.ts';
import { providerRoutes } from './providers.ts';
import { readerRoutes } from './reader.ts';
import { absoluteUrl, urls } from './urls.ts';

/** Pages every site has; the council page's address comes from organisation.yaml. */
export function staticPages(content: Content): string[] {
  return [
  urls.home(),
  urls.toms(),
  urls.dpia(),
  urls.providers(),
  urls.check(),
  urls.signing(),
  urls.council(organisationOf(content).council.slug),
  urls.search(),
  urls.imprint(),
  urls.privacy(),
  urls.accessibility(),
  urls.easyLanguage(),
  urls.data(),
  ];
}

/** Every HTML page the site builds (except the 404 page), in a fixed order. */
/** Every page of the site; `asOf` is the build's --as-of (it decides which reports exist). */
export function buildPageList(content: Content, asOf?: string): string[] {
  const pages: string[] = staticPages(content);
  for (const a of content.agreements) {
    pages.push(urls.agreement(a.id));
    for (const v of a.versions) pages.push(urls.coverage(a.id, v.version));
  }
  for (const r of readerRoutes(content)) pages.push(urls.reader(r.agreement, r.version, r.regime));
  for (const r of changesRoutes(content)) pages.push(urls.changes(r.agreement, r.from, r.to), urls.synopsis(r.agreement, r.from, r.to));
  for (const r of providerRoutes(content)) pages.push(urls.provider(r.id));
  for (const r of dpiaRoutes(content)) pages.push(urls.dpiaVersion(r.version));
  // Written by the report stage, not by Astro; listed here so the sitemap is complete.
  pages.push(reportUrls.index());
  for (const r of publishedReports(content, asOf)) pages.push(reportUrls.html(r.agreement.id));
  return pages;
}

/** sitemaps.org XML of the given site paths; no dates, so it only changes when pages do. */
export function renderSitemapXml(baseUrl: string, paths: readonly string[]): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const p of paths) lines.push(`  <url><loc>${escapeHtml(absoluteUrl(baseUrl, p))}</loc></url>`);
  lines.push('</urlset>', '');
  return lines.join('\n');
}
