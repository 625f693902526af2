import { escapeHtml as x } from '../html.ts';
import type { SigningChartView } from './chart.ts';

/**
 * The step chart as inline SVG, for the site's status page and the council letter alike.
 * Styles are presentation attributes, so it looks right in the letter's own page and in print;
 * the class names let the site's stylesheet take over (colours, dark mode).
 */
export function renderChartSvg(chart: SigningChartView, id: string): string {
  const p = chart.plot;
  const bottom = p.y + p.height;
  const parts: string[] = [];
  parts.push(
    `<svg class="diagramm" viewBox="0 0 ${chart.width} ${chart.height}" width="${chart.width}" height="${chart.height}" role="img" aria-labelledby="${id}-titel ${id}-beschreibung" font-size="12">`,
    `<title id="${id}-titel">${x(chart.title)}</title>`,
    `<desc id="${id}-beschreibung">${x(chart.description)}</desc>`,
  );
  for (const t of chart.yTicks) {
    parts.push(
      `<line class="gitter" x1="${p.x}" x2="${p.x + p.width}" y1="${t.y}" y2="${t.y}" stroke="#d0d0d0" stroke-width="1"/>`,
      `<text x="${p.x - 8}" y="${t.y + 4}" text-anchor="end" fill="#333">${x(t.label)}</text>`,
    );
  }
  for (const t of chart.xTicks) {
    parts.push(
      `<line class="achse" x1="${t.x}" x2="${t.x}" y1="${bottom}" y2="${bottom + 5}" stroke="#333" stroke-width="1"/>`,
      `<text x="${t.x}" y="${bottom + 22}" text-anchor="middle" fill="#333">${x(t.label)}</text>`,
    );
  }
  parts.push(
    `<line class="achse" x1="${p.x}" x2="${p.x}" y1="${p.y}" y2="${bottom}" stroke="#333" stroke-width="1"/>`,
    `<line class="achse" x1="${p.x}" x2="${p.x + p.width}" y1="${bottom}" y2="${bottom}" stroke="#333" stroke-width="1"/>`,
    `<line class="maximum" x1="${p.x}" x2="${p.x + p.width}" y1="${chart.maxLine.y}" y2="${chart.maxLine.y}" stroke="#666" stroke-width="1" stroke-dasharray="2 3"/>`,
    `<text x="${p.x + p.width + 6}" y="${chart.maxLine.y + 4}" fill="#333">${x(chart.maxLine.label)}</text>`,
  );
  for (const m of chart.markers) {
    parts.push(
      `<line class="marke" x1="${m.x}" x2="${m.x}" y1="${p.y - 6}" y2="${bottom}" stroke="#666" stroke-width="1" stroke-dasharray="4 3"/>`,
      `<text x="${m.x}" y="${p.y - 10}" text-anchor="middle" fill="#333">${x(m.label)}</text>`,
    );
  }
  // The line style, not only the colour, tells the series apart (greyscale print).
  const styles = [
    'stroke="#1d4f91" stroke-width="2.5"',
    'stroke="#8a3b12" stroke-width="2.5" stroke-dasharray="7 4"',
    'stroke="#2f6b2f" stroke-width="2" stroke-dasharray="2 3"',
  ];
  chart.series.forEach((s, i) => {
    parts.push(
      `<path class="linie ${s.className}" d="${s.path}" fill="none" ${styles[i % styles.length]}/>`,
      `<text x="${s.end.x + 6}" y="${s.end.labelY}" fill="#111">${x(s.end.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
