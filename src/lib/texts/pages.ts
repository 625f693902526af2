import type { Content, PageEntry } from '../content-model.ts';
import { createHeadingSlugger, escapeMarkdown, renderProseMarkdown } from '../markdown.ts';
import { memo } from '../memo.ts';
import { organisationOf } from '../organisation/profile.ts';
import { asTemplateValue, compileTemplate, TemplateError, type TemplateData } from '../pdf/template.ts';

/**
 * Pages such as the Impressum: Markdown with placeholders from organisation.yaml and site.yaml,
 * the content's own `pages/<slug>.md` or the neutral default Vertragswerk bundles. A line
 * `{{> herkunft}}` marks where the site puts a block of its own (the content's provenance).
 */

/** Blocks a page can place on a line of their own: `{{> herkunft}}`. */
export const PAGE_BLOCKS = ['herkunft'] as const;
export type PageBlock = (typeof PAGE_BLOCKS)[number];

export type PagePart = { type: 'html'; html: string } | { type: 'block'; block: PageBlock };

const BLOCK_LINE = /^\{\{>\s*([^}\s]*)\s*\}\}[ \t]*$/;

/** What a page's placeholders can name: the organisation and the website. */
export function pageTemplateData(content: Content): TemplateData {
  const site = content.site;
  return {
    org: asTemplateValue(organisationOf(content)),
    site: { title: site?.title ?? 'Vertragswerk', baseUrl: site?.base_url ?? '' },
  };
}

export function pageBySlug(content: Content, slug: string): PageEntry | undefined {
  return content.pages.find((p) => p.slug === slug);
}

/**
 * A page as HTML parts and blocks, in order. Throws a TemplateError naming file and line for an
 * unknown placeholder or block (the validator reports it first, rule `seiten`).
 */
export function renderPageParts(content: Content, page: PageEntry): PagePart[] {
  return memo(content, `page:${page.source.file}`, () => {
    const data = pageTemplateData(content);
    const slugger = createHeadingSlugger();
    const parts: PagePart[] = [];
    const lines = page.body.split('\n');
    let start = 0;
    const flush = (end: number) => {
      const segment = lines.slice(start, end).join('\n');
      if (segment.trim() === '') return;
      const markdown = compileTemplate(page.source.file, segment, { escape: escapeMarkdown, label: 'Textvorlage', firstLine: page.bodyLine + start }).render(data);
      parts.push({ type: 'html', html: renderProseMarkdown(markdown, slugger) });
    };
    lines.forEach((line, index) => {
      const match = BLOCK_LINE.exec(line);
      if (!match) return;
      flush(index);
      start = index + 1;
      const block = match[1] as PageBlock;
      if (!PAGE_BLOCKS.includes(block)) {
        throw new TemplateError('Textvorlage', page.source.file, page.bodyLine + index, `den Baustein „${match[1]}“ gibt es nicht. Verfügbar ist: ${PAGE_BLOCKS.map((b) => `{{> ${b}}}`).join(', ')}.`);
      }
      parts.push({ type: 'block', block });
    });
    flush(lines.length);
    return parts;
  });
}
