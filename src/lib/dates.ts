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

/**
 * Midnight at the start of an ISO day in a time zone, as an RFC 3339 date-time with that zone's
 * offset on that day („2022-03-31T00:00:00+02:00“ for Europe/Berlin in summer time). For formats
 * that want a date-time where the content records only a day; the offset comes from the time-zone
 * database Node ships, never from the machine's clock or zone.
 */
export function startOfDayIn(iso: string, timeZone: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const offsetAt = (utcMs: number) => {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(utcMs).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
    return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  };
  // The offset in force at local midnight: try the offset one hour before UTC midnight, then settle on the one that holds there.
  const utcMidnight = Date.UTC(y, m - 1, d);
  let offset = offsetAt(utcMidnight);
  offset = offsetAt(utcMidnight - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${iso}T00:00:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
