const ONE_DECIMAL = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** „1:05“ for 65 s, „0:07“ for 7 s. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** „PDFs: 120/240 (50 %) · 6,1/s · noch 0:20“ */
export function formatProgress(done: number, total: number, elapsedSeconds: number): string {
  const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const eta = rate > 0 ? formatDuration((total - done) / rate) : '–';
  return `PDFs: ${done}/${total} (${percent}\u00a0%) · ${ONE_DECIMAL.format(rate)}/s · noch ${eta}`;
}
