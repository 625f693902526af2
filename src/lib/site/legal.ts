import type { Content } from '../content-model.ts';
import { pageBySlug, renderPageParts, type PagePart } from '../texts/pages.ts';

/** Where the content comes from (site.yaml `herkunft`): the note and the facts traced to a document. */
export interface ProvenanceView {
  heading: string;
  note: string;
  facts: { fact: string; source: string }[];
}

export function buildProvenanceView(content: Content): ProvenanceView | undefined {
  const herkunft = content.site?.herkunft;
  if (!herkunft) return undefined;
  return {
    heading: 'Herkunft der Inhalte',
    note: herkunft.hinweis,
    facts: herkunft.belege.map((b) => ({ fact: b.angabe, source: b.quelle })),
  };
}

/** A page from `pages/<slug>.md` (the content's own, else the bundled default), ready for the prose layout. */
export interface ProsePageView {
  slug: string;
  /** What the prose layout expects: title, description, the page's path. */
  frontmatter: { title: string; description?: string; path: string };
  /** HTML and the site's own blocks (`{{> herkunft}}`), in order; the page joins them with a line break. */
  parts: PagePart[];
}

/** The slugs of every page the site builds from pages/: /impressum/, /datenschutz/ … */
export function prosePageRoutes(content: Content): string[] {
  return content.pages.map((p) => p.slug);
}

export function buildProsePageView(content: Content, slug: string): ProsePageView {
  const page = pageBySlug(content, slug);
  if (!page) throw new Error(`Die Seite „${slug}“ gibt es nicht.`);
  return {
    slug,
    frontmatter: { title: page.title, ...(page.description ? { description: page.description } : {}), path: `/${slug}/` },
    parts: renderPageParts(content, page),
  };
}
