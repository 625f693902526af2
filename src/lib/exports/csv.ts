/** How a CSV file is written: the field separator and whether it starts with a byte-order mark. */
export interface CsvDialect {
  delimiter: ',' | ';';
  /** UTF-8 byte-order mark (U+FEFF) before the header: how spreadsheet programs recognise UTF-8. */
  bom: boolean;
}

/** RFC 4180: comma, no byte-order mark – for programs and data portals. */
export const RFC4180_DIALECT: CsvDialect = { delimiter: ',', bom: false };

/**
 * For spreadsheets set to German: Excel (and LibreOffice with its defaults) separates by „;“ where
 * the decimal mark is a comma, and reads a CSV as UTF-8 only after a byte-order mark; without
 * both it shows one column with broken umlauts.
 */
export const SPREADSHEET_DIALECT: CsvDialect = { delimiter: ';', bom: true };

/**
 * RFC 4180 CSV (or the spreadsheet dialect): CRLF after every record, fields quoted only when they
 * hold the separator, a quote or a line break, quotes doubled. Line breaks inside a field become
 * CRLF as well.
 */
export function renderCsv(header: readonly string[], rows: readonly (readonly string[])[], dialect: CsvDialect = RFC4180_DIALECT): string {
  const record = (fields: readonly string[]) => {
    if (fields.length !== header.length) throw new Error(`CSV record has ${fields.length} fields, header has ${header.length}`);
    return fields.map((f) => csvField(f, dialect.delimiter)).join(dialect.delimiter);
  };
  return `${dialect.bom ? '\uFEFF' : ''}${[header, ...rows].map((r) => `${record(r)}\r\n`).join('')}`;
}

function csvField(value: string, delimiter: string): string {
  const text = value.replace(/\r\n|\r|\n/g, '\r\n');
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
