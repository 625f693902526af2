import { describe, expect, it } from 'vitest';
import { buildFeedView, renderAtomFeed } from '../src/lib/site/feed.ts';
import { buildPageList, renderSitemapXml, staticPages } from '../src/lib/site/pages.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

describe('feed', () => {
  it('lists new versions, Beschlusskontrolle, offers and DPIA reviews, newest first, with dates from the content', async () => {
    const view = buildFeedView(await loadSiteFixture());
    expect(view.updated).toBe('2023-05-11');
    expect(view.entries.map((e) => `${e.date} ${e.title} → ${e.path}`)).toEqual([
      '2023-05-11 Mustervereinbarung: Version 1.1 beschlossen → /vereinbarung/muster/1.1/',
      '2022-08-24 Mustervereinbarung: Beschlusskontrolle zum 24.\u00a0August 2022 → /beschlusskontrolle/#muster-beschlusskontrolle-2022-08-24',
      '2022-04-04 Mustervereinbarung: Angebotsschreiben versandt → /beschlusskontrolle/#muster',
      '2022-03-31 Mustervereinbarung: Version 1.0 beschlossen → /vereinbarung/muster/1.0/',
      '2022-02-15 Datenschutz-Folgenabschätzung 1.0 geprüft: Datenschutzbeauftragter der Landeshauptstadt Musterstadt → /dsfa/1.0/#pruefvermerke',
    ]);
    expect(view.entries[0]!.id).toBe('tag:test.example,2023-05-11:vereinbarung/muster/1.1');
  });

  it('renders Atom with absolute links and escaped text, the same bytes every time', async () => {
    const content = await loadSiteFixture();
    const xml = renderAtomFeed(buildFeedView(content), 'https://test.example');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">')).toBe(true);
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://test.example/vereinbarung/muster/1.1/"/>');
    expect(xml).toContain('<updated>2023-05-11T00:00:00Z</updated>');
    expect(renderAtomFeed({ ...buildFeedView(content), title: 'A & B <C>' }, 'https://x.example')).toContain('<title>A &amp; B &lt;C&gt;</title>');
    expect(renderAtomFeed(buildFeedView(await loadSiteFixture()), 'https://test.example')).toBe(xml);
  });
});

describe('page list and sitemap', () => {
  it('lists every page of the site once', async () => {
    const content = await loadSiteFixture();
    const pages = buildPageList(content);
    const fixed = staticPages(content);
    expect(new Set(pages).size).toBe(pages.length);
    expect(fixed).toContain('/stadtrat/');
    expect(pages.slice(0, fixed.length)).toEqual(fixed);
    expect(pages.slice(fixed.length)).toEqual([
      '/vereinbarung/muster/',
      '/vereinbarung/muster/1.0/art-28/',
      '/vereinbarung/muster/1.1/art-28/',
      '/vereinbarung/muster/1.0/',
      '/vereinbarung/muster/1.0/kdg/',
      '/vereinbarung/muster/1.0/dsg-ekd/',
      '/vereinbarung/muster/1.1/',
      '/vereinbarung/muster/1.1/kdg/',
      '/vereinbarung/muster/1.1/dsg-ekd/',
      '/vereinbarung/muster/aenderungen/1.0-1.1/',
      '/vereinbarung/muster/aenderungen/1.0-1.1/synopse/',
      '/traeger/traeger-002/',
      '/traeger/traeger-001/',
      '/dsfa/1.0/',
      '/beschlusskontrolle/bericht/',
      '/beschlusskontrolle/bericht/muster/',
    ]);
  });

  it('writes sitemaps.org XML', () => {
    expect(renderSitemapXml('https://x.example/', ['/', '/toms/'])).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="utf-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://x.example/</loc></url>
        <url><loc>https://x.example/toms/</loc></url>
      </urlset>
      "
    `);
  });
});
