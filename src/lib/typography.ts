import { escapeHtml } from './html.ts';

/**
 * Puts German quotation marks around a text. Quotes inside it become single quotes (‚…‘), as
 * German typesetting wants for a quotation within a quotation.
 */
export function quoteGerman(text: string): string {
  return `„${text.replace(/„/g, '‚').replace(/“/g, '‘')}“`;
}

/**
 * Escaped HTML in which short „quoted names“ do not break across lines, so a title never splits
 * „Muster-|portal 2“ at its hyphen. Needs the `nowrap` class (site and print CSS have it).
 */
export function keepQuotesTogetherHtml(text: string): string {
  return escapeHtml(text).replace(/„[^“]{1,40}“/g, (quoted) => `<span class="nowrap">${quoted}</span>`);
}

/**
 * A sentence that ends with `text` (often a name): adds the full stop unless the text already ends
 * with one – „Kinderwelt Friedrichstadt e. V.“ gets no second period – or with „!“, „?“ or „…“.
 */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Escaped text in which the named ids never break at their hyphen (a list of ids in a narrow column). Needs the `nowrap` class (site and print CSS have it). */
export function keepIdsTogetherHtml(text: string, refs: readonly { id: string }[]): string {
  return refs.reduce((html, { id }) => {
    const escaped = escapeHtml(id);
    return html.replace(new RegExp(`(?<![\\w-])${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g'), `<span class="nowrap">${escaped}</span>`);
  }, escapeHtml(text));
}
