const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** „31. März 2022“, for prose. Input is an ISO date from the content. */
export function formatDateDe(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d}.\u00a0${MONTHS[m - 1]} ${y}`;
}

/** „31.03.2022“, for tables. */
export function formatDateShort(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
