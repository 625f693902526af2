/**
 * RFC 4180 CSV: CRLF after every record, fields quoted only when they hold a comma, a quote
 * or a line break, quotes doubled. Line breaks inside a field become CRLF as well.
 */
export function renderCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const record = (fields: readonly string[]) => {
    if (fields.length !== header.length) throw new Error(`CSV record has ${fields.length} fields, header has ${header.length}`);
    return fields.map(csvField).join(',');
  };
  return [header, ...rows].map((r) => `${record(r)}\r\n`).join('');
}

function csvField(value: string): string {
  const text = value.replace(/\r\n|\r|\n/g, '\r\n');
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
