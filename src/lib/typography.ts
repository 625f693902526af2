/**
 * Puts German quotation marks around a text. Quotes inside it become single quotes (‚…‘), as
 * German typesetting wants for a quotation within a quotation.
 */
export function quoteGerman(text: string): string {
  return `„${text.replace(/„/g, '‚').replace(/“/g, '‘')}“`;
}
