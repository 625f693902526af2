/** Number and size formatting for the site, German conventions, no locale surprises. */
const INTEGER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** „1.234“ */
export function formatNumber(value: number): string {
  return INTEGER.format(value);
}

/** „58,6 %“ (with a non-breaking space); „–“ when the whole is zero. */
export function formatPercent(part: number, whole: number): string {
  if (whole <= 0) return '–';
  return `${ONE_DECIMAL.format((part / whole) * 100)}\u00a0%`;
}

/** „84,2 kB“, „1,3 MB“, „812 Byte“: decimal units as file managers show them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${formatNumber(bytes)}\u00a0Byte`;
  if (bytes < 1_000_000) return `${ONE_DECIMAL.format(bytes / 1000)}\u00a0kB`;
  return `${ONE_DECIMAL.format(bytes / 1_000_000)}\u00a0MB`;
}

/** „1 Einrichtung“, „3 Einrichtungen“ */
export function formatCount(value: number, singular: string, plural: string): string {
  return `${formatNumber(value)}\u00a0${value === 1 ? singular : plural}`;
}

/** „§ 3, § 13 und § 14“ */
export function joinGerman(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}

const GERMAN = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** German collation for names shown in lists (one collator: localeCompare builds one per call). */
export function compareGerman(a: string, b: string): number {
  return GERMAN.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Non-breaking spaces in legal references: „Art. 32 Abs. 1 lit. b“, „§ 5“. */
export function legalSpaces(text: string): string {
  return text.replace(/(Art\.|Abs\.|lit\.|Nr\.|§§?) (?=[\dA-Za-z])/g, '$1\u00a0');
}
