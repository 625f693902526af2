import { formatDateDe } from '../dates.ts';
import { formatNumber } from '../format.ts';

/** Parties bound at the end of a day on which the count changed. */
export interface TimelinePoint {
  date: string;
  signed: number;
}

export interface ChartSeriesInput {
  label: string;
  points: TimelinePoint[];
}

export interface SigningChartInput {
  title: string;
  /** First and last day of the x axis (ISO dates). */
  start: string;
  end: string;
  /** Top of the y axis (the number of eligible parties). */
  max: number;
  maxLabel: string;
  series: ChartSeriesInput[];
  markers: { date: string; label: string }[];
}

export interface SigningChartView {
  width: number;
  height: number;
  title: string;
  /** The chart's text alternative in one paragraph. */
  description: string;
  plot: { x: number; y: number; width: number; height: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  maxLine: { y: number; label: string };
  series: { label: string; path: string; className: string; end: { x: number; y: number; labelY: number; label: string } }[];
  markers: { x: number; label: string }[];
  /** Legend entries (the line style is the distinction, not only the colour). */
  legend: { label: string; className: string }[];
}

const MONTHS_SHORT = ['Jan.', 'Feb.', 'März', 'Apr.', 'Mai', 'Juni', 'Juli', 'Aug.', 'Sept.', 'Okt.', 'Nov.', 'Dez.'];
const WIDTH = 720;
const HEIGHT = 320;
const MARGIN = { left: 52, right: 130, top: 28, bottom: 40 };

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A step chart of signatures in force over time, laid out at build time (no script). */
export function buildSigningChart(input: SigningChartInput): SigningChartView {
  const plot = { x: MARGIN.left, y: MARGIN.top, width: WIDTH - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };
  const startDay = dayNumber(input.start);
  const endDay = Math.max(dayNumber(input.end), startDay + 1);
  const max = Math.max(1, input.max, ...input.series.flatMap((s) => s.points.map((p) => p.signed)));
  const x = (iso: string) => round(plot.x + ((Math.min(Math.max(dayNumber(iso), startDay), endDay) - startDay) / (endDay - startDay)) * plot.width);
  const y = (value: number) => round(plot.y + plot.height - (value / max) * plot.height);

  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000].find((s) => max / s <= 5) ?? 10_000;
  const yTicks: SigningChartView['yTicks'] = [];
  for (let v = 0; v <= max; v += step) yTicks.push({ y: y(v), label: formatNumber(v) });

  const [sy, sm] = input.start.split('-').map(Number) as [number, number];
  const [ey, em] = input.end.split('-').map(Number) as [number, number];
  const months = (ey - sy) * 12 + (em - sm);
  const monthStep = [1, 2, 3, 6, 12, 24, 60].find((s) => months / s <= 6) ?? 120;
  const xTicks: SigningChartView['xTicks'] = [];
  for (let i = 1; i <= months; i++) {
    const index = sm - 1 + i;
    const year = sy + Math.floor(index / 12);
    const month = index % 12;
    const keep = monthStep >= 12 ? month === 0 && year % (monthStep / 12) === 0 : month % monthStep === 0;
    if (!keep) continue;
    const iso = `${year}-${String(month + 1).padStart(2, '0')}-01`;
    xTicks.push({ x: x(iso), label: monthStep >= 12 ? String(year) : `${MONTHS_SHORT[month]} ${year}` });
  }

  const series = input.series.map((s, i) => {
    let d = `M${x(input.start)} ${y(0)}`;
    let last = 0;
    for (const p of s.points) {
      d += ` H${x(p.date)} V${y(p.signed)}`;
      last = p.signed;
    }
    d += ` H${x(input.end)}`;
    return { label: s.label, path: d, className: `reihe-${i % 3}`, end: { x: x(input.end), y: y(last), labelY: y(last), label: `${s.label}: ${formatNumber(last)}` }, last };
  });
  // End labels must not overlap: keep 14 px between them, top to bottom.
  const byY = [...series].sort((a, b) => a.end.y - b.end.y);
  let previous = -Infinity;
  for (const s of byY) {
    s.end.labelY = round(Math.max(s.end.y + 4, previous + 14));
    previous = s.end.labelY;
  }

  const description = [
    `Schrittdiagramm der gültigen Unterschriften vom ${formatDateDe(input.start)} bis ${formatDateDe(input.end)}.`,
    ...series.map((s) => `${s.label}: ${formatNumber(s.last)} zum Ende des Zeitraums.`),
    `Obere Linie: ${input.maxLabel}.`,
    ...input.markers.map((m) => `Markiert: ${m.label} am ${formatDateDe(m.date)}.`),
  ].join(' ');

  return {
    width: WIDTH,
    height: HEIGHT,
    title: input.title,
    description,
    plot,
    xTicks,
    yTicks,
    maxLine: { y: y(input.max), label: input.maxLabel },
    series: series.map(({ last: _last, ...rest }) => rest),
    markers: input.markers.filter((m) => m.date >= input.start && m.date <= input.end).map((m) => ({ x: x(m.date), label: m.label })),
    legend: series.map((s) => ({ label: s.label, className: s.className })),
  };
}
