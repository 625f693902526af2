import { escapeHtml } from './html.ts';

/**
 * Puts German quotation marks around a text. Quotes inside it become single quotes (‚…‘), as
 * German typesetting wants for a quotation within a quotation.
 */
export function quoteGerman(text: string): string {
  return `„${text.replace(/„/g, '‚').replace(/“/g, '‘')}“`;
}

/**
 * Ends a sentence after a name or a quoted text: adds the period unless the text already ends
 * with one (or with „!“ or „?“), so a name like „Kinderwelt e. V.“ never gets a second one.
 */
export function endSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Escaped HTML in which short „quoted names“ do not break across lines, so a title never splits
 * „Kita-|Planer 2“ at its hyphen. Needs the `nowrap` class (site and print CSS have it).
 */
export function keepQuotesTogetherHtml(text: string): string {
  return escapeHtml(text).replace(/„[^“]{1,40}“/g, (quoted) => `<span class="nowrap">${quoted}</span>`);
}
