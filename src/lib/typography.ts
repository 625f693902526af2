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
 * „Kita-|Planer 2“ at its hyphen. Needs the `nowrap` class (site and print CSS have it).
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
