import { createHash } from 'node:crypto';
import type { Content } from '../content-model.ts';
import { organisationOf } from '../organisation/profile.ts';
import { mainAgreement } from '../agreement/versions.ts';
import { instanceExampleMark } from '../example-data.ts';
import { absoluteUrl, urls } from './urls.ts';
import { directoryKinds, kindSlug, kindWords } from '../parties/kinds.ts';

export interface NavItem {
  href: string;
  label: string;
  /** This is the page shown. */
  current: boolean;
  /** The page shown lies in this part of the site. */
  active: boolean;
}

export interface LayoutView {
  lang: 'de';
  siteTitle: string;
  /** Contents of <title>: page title and site title. */
  documentTitle: string;
  description: string;
  canonicalUrl: string;
  feedHref: string;
  publisher: string;
  department: string;
  nav: NavItem[];
  footer: { href: string; label: string }[];
  /** In an example instance: the mark every page shows at its top, and where the provenance is explained. */
  example?: { text: string; provenanceHref?: string };
}

export interface PageMeta {
  /** Site path of the page, with trailing slash. */
  path: string;
  title: string;
  description?: string;
}

/** Header, navigation and footer of every page. */
export function buildLayoutView(content: Content, page: PageMeta): LayoutView {
  const site = content.site;
  const org = organisationOf(content);
  const siteTitle = site?.title ?? 'Vertragswerk';
  const main = mainAgreement(content);
  const sections: { href: string; label: string; prefixes: string[] }[] = [
    { href: urls.home(), label: 'Start', prefixes: [] },
    ...(main ? [{ href: urls.agreement(main.id), label: 'Vereinbarung', prefixes: ['/vereinbarung/'] }] : []),
    { href: urls.toms(), label: 'Maßnahmen', prefixes: ['/toms/'] },
    { href: urls.dpia(), label: 'Folgenabschätzung', prefixes: ['/dsfa/'] },
    // The kinds' directories; the first one also holds the check page („PDF prüfen“) in the navigation.
    ...directoryKinds(content).map((kind, i) => ({
      href: urls.directory(kindSlug(kind)),
      label: kindWords(content, kind.id).many,
      prefixes: [urls.directory(kindSlug(kind)), ...(i === 0 ? [urls.check()] : [])],
    })),
    { href: urls.signing(), label: 'Zeichnungsstand', prefixes: ['/beschlusskontrolle/'] },
    { href: urls.council(org.council.slug), label: org.council.name, prefixes: [urls.council(org.council.slug)] },
    { href: urls.search(), label: 'Suche', prefixes: ['/suche/'] },
  ];
  const nav = sections.map((s) => {
    const current = s.href === page.path;
    return { href: s.href, label: s.label, current, active: current || s.prefixes.some((p) => page.path.startsWith(p)) };
  });
  const isHome = page.path === urls.home();
  const exampleText = instanceExampleMark(content);
  return {
    example: exampleText ? { text: exampleText, provenanceHref: site?.herkunft ? `${urls.imprint()}#herkunft` : undefined } : undefined,
    lang: 'de',
    siteTitle,
    documentTitle: isHome ? siteTitle : `${page.title} – ${siteTitle}`,
    description: page.description ?? main?.summary ?? siteTitle,
    canonicalUrl: absoluteUrl(site?.base_url ?? 'https://example.invalid', page.path),
    feedHref: urls.feed(),
    publisher: org.name,
    department: org.department.name,
    nav,
    footer: [
      { href: urls.imprint(), label: 'Impressum' },
      { href: urls.privacy(), label: 'Datenschutz' },
      { href: urls.accessibility(), label: 'Barrierefreiheit' },
      { href: urls.easyLanguage(), label: 'Leichte Sprache' },
      { href: urls.check(), label: 'PDF prüfen' },
      { href: urls.data(), label: 'Maschinenlesbare Daten' },
      { href: urls.feed(), label: 'Neuigkeiten (Atom-Feed)' },
      { href: urls.sitemap(), label: 'Sitemap' },
    ],
  };
}

/**
 * A key of everything a page shows: its own view and the layout around it (header, navigation,
 * footer, example mark). Pages that render only these get the same HTML for the same key, so an
 * incremental build can keep the HTML of an unchanged key (its code is tracked by Astro).
 */
export function pageCacheKey(content: Content, page: PageMeta, view: unknown): string {
  return createHash('sha256').update(JSON.stringify({ layout: buildLayoutView(content, page), view })).digest('base64url');
}
