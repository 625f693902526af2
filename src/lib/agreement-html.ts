import type { AgreementView } from './agreement-view.ts';
import { escapeHtml } from './html.ts';

export interface AgreementBodyOptions {
  /** Heading level of the part headings (the site page uses 2, the PDF too). */
  partLevel?: 2 | 3;
  /** Show the copy-link buttons (site only; the PDF has no script). */
  copyLinks?: boolean;
  /** Leave the §§ that read the same in every regime out of the site search (regime pages index only their own clauses). */
  searchOnlyVariants?: boolean;
}

/**
 * The agreement text as HTML: parts, §§ and Absätze with their stable anchors. The site's
 * reader and every PDF render this same markup, so they cannot disagree.
 */
export function renderAgreementBodyHtml(view: AgreementView, options: AgreementBodyOptions = {}): string {
  const partLevel = options.partLevel ?? 2;
  const sectionLevel = partLevel + 1;
  const out: string[] = [];
  for (const part of view.parts) {
    out.push(`<section class="teil" id="teil-${part.part.toLowerCase()}" aria-labelledby="teil-${part.part.toLowerCase()}-titel">`);
    out.push(`<h${partLevel} id="teil-${part.part.toLowerCase()}-titel">${escapeHtml(part.title)}</h${partLevel}>`);
    for (const s of part.sections) {
      const variant = s.isVariant ? ` data-variante="${escapeHtml(view.regime)}"` : options.searchOnlyVariants ? ' data-pagefind-ignore="all"' : '';
      out.push(`<section class="paragraph" id="${escapeHtml(s.anchor)}" aria-labelledby="${escapeHtml(s.anchor)}-titel"${variant}>`);
      const heading = `<h${sectionLevel} id="${escapeHtml(s.anchor)}-titel"><a class="anker" href="#${escapeHtml(s.anchor)}">${escapeHtml(s.label)}</a> ${escapeHtml(s.title)}</h${sectionLevel}>`;
      // The button sits next to the heading, not in it: the heading's name (outline, screen-reader
      // heading list, search) stays „§ 7 Löschung“ without „Link kopieren“.
      out.push(
        options.copyLinks
          ? `<div class="paragraph-kopf">${heading}<button type="button" class="link-kopieren" data-anker="${escapeHtml(s.anchor)}" hidden>Link kopieren<span class="visually-hidden"> zu ${escapeHtml(s.label)}</span></button></div>`
          : heading,
      );
      if (s.isVariant) {
        out.push(`<p class="variante-hinweis">${escapeHtml(view.variantNote)}</p>`);
      }
      out.push(s.html);
      out.push('</section>');
    }
    out.push('</section>');
  }
  return out.join('\n');
}
