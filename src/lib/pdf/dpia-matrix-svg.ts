import type { RiskLevel } from '../dpia/risk.ts';
import { escapeHtml as x } from '../html.ts';
import type { DpiaMatrixDoc } from './dpia-document.ts';

/** Cell fills: light enough for the ids to read in greyscale; the level is also written in every cell. */
const FILL: Record<RiskLevel, string> = { gering: '#dcefdc', normal: '#fbeec2', hoch: '#f3cccc' };

const AXIS = 28;
const ROW_LABEL = 92;
const CELL_W = 124;
const LINE = 14;
const TOP = 4;
const BOTTOM = 44;
const COLUMNS_OF_IDS = 2;

/**
 * One risk matrix as inline SVG inside a <figure>: the figure's accessible name (title and the
 * description that lists every cell's risks) becomes the Figure's alternative text in the tagged
 * PDF, as with the signing chart (src/lib/signing/chart-svg.ts). Styles are presentation
 * attributes: the PDF has no other stylesheet for it.
 */
export function renderRiskMatrixSvg(matrix: DpiaMatrixDoc): string {
  const id = matrix.id;
  const rowHeights = matrix.rows.map((row) => Math.max(58, 24 + Math.ceil(Math.max(...row.cells.map((c) => c.riskIds.length)) / COLUMNS_OF_IDS) * LINE));
  const gridX = AXIS + ROW_LABEL;
  const gridW = CELL_W * matrix.columns.length;
  const gridH = rowHeights.reduce((a, b) => a + b, 0);
  const width = gridX + gridW + 4;
  const height = TOP + gridH + BOTTOM;
  const parts: string[] = [
    `<figure class="dsfa-matrix" id="${id}" aria-labelledby="${id}-titel ${id}-beschreibung">`,
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-titel ${id}-beschreibung" font-family="'Source Sans 3', sans-serif" font-size="11">`,
    `<title id="${id}-titel">${x(matrix.caption)}</title>`,
    `<desc id="${id}-beschreibung">${x(matrix.description)}</desc>`,
  ];
  let y = TOP;
  matrix.rows.forEach((row, r) => {
    const h = rowHeights[r]!;
    parts.push(`<text x="${gridX - 8}" y="${y + h / 2 + 4}" text-anchor="end" fill="#1a1a1a">${x(row.label)}</text>`);
    row.cells.forEach((cell, c) => {
      const cx = gridX + c * CELL_W;
      parts.push(
        `<rect x="${cx}" y="${y}" width="${CELL_W}" height="${h}" fill="${FILL[cell.level]}" stroke="#ffffff" stroke-width="2"/>`,
        `<text x="${cx + 6}" y="${y + 14}" fill="#555" font-size="9.5" font-style="italic">${x(cell.levelLabel)}${cell.contested ? ' · zu prüfen' : ''}</text>`,
      );
      // A contested cell: dashed frame inside the cell (the what-if table says what hangs on it).
      if (cell.contested) parts.push(`<rect x="${cx + 3}" y="${y + 3}" width="${CELL_W - 6}" height="${h - 6}" fill="none" stroke="#1a1a1a" stroke-width="1.2" stroke-dasharray="4 3"/>`);
      cell.riskIds.forEach((riskId, i) => {
        const col = i % COLUMNS_OF_IDS;
        const line = Math.floor(i / COLUMNS_OF_IDS);
        parts.push(`<text x="${cx + 6 + col * 58}" y="${y + 30 + line * LINE}" fill="#111" font-weight="600">${x(riskId)}</text>`);
      });
    });
    y += h;
  });
  const bottom = TOP + gridH;
  matrix.columns.forEach((label, c) => {
    parts.push(`<text x="${gridX + c * CELL_W + CELL_W / 2}" y="${bottom + 15}" text-anchor="middle" fill="#1a1a1a">${x(label)}</text>`);
  });
  // Axis titles with drawn arrows: the embedded fonts have no arrow glyph (a fallback font would be embedded).
  const midX = gridX + gridW / 2;
  const midY = TOP + gridH / 2;
  parts.push(
    `<text x="${midX}" y="${bottom + 36}" text-anchor="middle" fill="#444" font-size="10.5">Eintrittswahrscheinlichkeit</text>`,
    `<path d="M ${midX + 72} ${bottom + 32} h 22 m -5 -4 l 5 4 l -5 4" fill="none" stroke="#444" stroke-width="1.2"/>`,
    `<text x="0" y="0" transform="translate(${AXIS - 12} ${midY}) rotate(-90)" text-anchor="middle" fill="#444" font-size="10.5">Schwere des Schadens</text>`,
    `<path d="M ${AXIS - 16} ${midY - 58} v -22 m -4 5 l 4 -5 l 4 5" fill="none" stroke="#444" stroke-width="1.2"/>`,
    '</svg>',
    `<figcaption>Jede Zelle nennt ihre Risikostufe und die Risiken, die dort stehen; dieselben Angaben enthält die Tabelle „Risiken im Überblick“.${matrix.rows.some((r) => r.cells.some((c) => c.contested)) ? ' Gestrichelt umrandete Zellen sind noch mit der Quelle abzugleichen; was an ihnen hängt, steht unter „Was an der Lesart der Matrix hängt“.' : ''}</figcaption>`,
    '</figure>',
  );
  return parts.join('\n');
}
