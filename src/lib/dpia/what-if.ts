import { DSK_LEVELS, DSK_LEVEL_LABELS, type DskLevel, type RiskMatrix } from '../../schemas/dpia.ts';
import type { DpiaVersion, RiskEntry } from '../content-model.ts';
import { formatCount, joinGerman } from '../format.ts';
import { compareLevels, RISK_LEVEL_LABELS, RISK_LEVELS, riskLevel, type RiskLevel } from './risk.ts';

/**
 * What hangs on a cell of the risk matrix that is still to be checked against its source
 * (`matrix.contested`): the levels if that cell were one level higher. The site's DPIA page and
 * the DPIA PDF both render this one result.
 *
 * A raised cell drags along every cell with at least its severity and likelihood that stands
 * lower (the table must stay monotone, rule `dsfa-matrix`): if „groß × geringfügig“ were high,
 * „groß × überschaubar“ could not stay normal.
 */

export interface MatrixCellRef {
  severity: DskLevel;
  likelihood: DskLevel;
}

export interface RaisedCell extends MatrixCellRef {
  /** „Schwere groß × Wahrscheinlichkeit geringfügig“ */
  label: string;
  from: RiskLevel;
  to: RiskLevel;
}

export interface RiskRef {
  id: string;
  title: string;
}

/** One side (before or after the measures) of a what-if. */
export interface WhatIfSide {
  /** Risks that would be high and are not high now, in register order. */
  newlyHigh: RiskRef[];
  /** All risks that would be high. */
  highCount: number;
  /** „neu hoch: risk-06, risk-14 und risk-18 (zusammen 5 Risiken hoch)“ or „keine Änderung (hoch: 2 Risiken)“ */
  text: string;
}

export interface ContestedCellOutcome extends MatrixCellRef {
  /** „Schwere groß × Wahrscheinlichkeit geringfügig“ */
  label: string;
  /** Why the cell is contested, from the content. */
  note?: string;
  level: RiskLevel;
  levelLabel: string;
  /** One level higher; null when the cell is already „hoch“ (nothing can rise). */
  raisedLevel: RiskLevel | null;
  raisedLabel: string | null;
  /** The other cells that rise with it to keep the table monotone. */
  alsoRaised: RaisedCell[];
  /** „Damit die Tabelle monoton bleibt, stiege auch … auf „hoch“.“; null when none rises with it. */
  alsoRaisedText: string | null;
  /** Risks placed in the cell itself, before and after the measures. */
  inCell: { before: RiskRef[]; after: RiskRef[] };
  before: WhatIfSide;
  after: WhatIfSide;
  /** Residual high risks without a recorded consultation: for these Art. 36 GDPR would apply. */
  art36Risks: RiskRef[];
  art36: boolean;
  /** „ja, für risk-06, risk-14 und risk-18“ or „nein“ (or „wie bisher …“ when it applies already). */
  art36Text: string;
}

export interface MatrixWhatIf {
  /** Residual high risks without a recorded consultation under the table as entered. */
  art36RisksNow: RiskRef[];
  /** One sentence on the result as entered and how many cells are contested. */
  intro: string;
  cells: ContestedCellOutcome[];
}

/** „Schwere groß × Wahrscheinlichkeit geringfügig“ */
export function cellLabel(c: MatrixCellRef): string {
  return `Schwere ${DSK_LEVEL_LABELS[c.severity]} × Wahrscheinlichkeit ${DSK_LEVEL_LABELS[c.likelihood]}`;
}

function oneLevelHigher(level: RiskLevel): RiskLevel | null {
  return RISK_LEVELS[RISK_LEVELS.indexOf(level) + 1] ?? null;
}

/**
 * The table with `cell` raised to `to` and every cell of at least its severity and likelihood
 * raised to at least `to` (the smallest monotone table with that cell at `to`, for a monotone one).
 */
export function raiseCell(matrix: Pick<RiskMatrix, 'rows'>, cell: MatrixCellRef, to: RiskLevel): { rows: RiskMatrix['rows']; raised: RaisedCell[] } {
  const s0 = DSK_LEVELS.indexOf(cell.severity);
  const l0 = DSK_LEVELS.indexOf(cell.likelihood);
  const raised: RaisedCell[] = [];
  const rows = Object.fromEntries(
    DSK_LEVELS.map((severity, s) => [
      severity,
      Object.fromEntries(
        DSK_LEVELS.map((likelihood, l) => {
          const from = matrix.rows[severity][likelihood];
          const level = s >= s0 && l >= l0 && compareLevels(from, to) < 0 ? to : from;
          if (level !== from) raised.push({ severity, likelihood, label: cellLabel({ severity, likelihood }), from, to: level });
          return [likelihood, level];
        }),
      ),
    ]),
  ) as RiskMatrix['rows'];
  return { rows, raised };
}

const ref = (r: RiskEntry): RiskRef => ({ id: r.id, title: r.title });

function sideOf(risks: readonly RiskEntry[], side: 'before' | 'after', now: RiskMatrix['rows'], then: RiskMatrix['rows']): WhatIfSide {
  const high = risks.filter((r) => riskLevel(r[side], { rows: then } as RiskMatrix) === 'hoch');
  const newlyHigh = high.filter((r) => riskLevel(r[side], { rows: now } as RiskMatrix) !== 'hoch').map(ref);
  const total = formatCount(high.length, 'Risiko', 'Risiken');
  const text =
    newlyHigh.length === 0
      ? `keine Änderung (${high.length === 0 ? 'keines hoch' : `hoch: ${total}`})`
      : `neu hoch: ${joinGerman(newlyHigh.map((r) => r.id))} (zusammen ${total} hoch)`;
  return { newlyHigh, highCount: high.length, text };
}

/** Residual high risks under `rows` that have no recorded consultation (`art36`). */
function consultationNeeded(risks: readonly RiskEntry[], rows: RiskMatrix['rows']): RiskRef[] {
  return risks.filter((r) => !r.art36 && riskLevel(r.after, { rows } as RiskMatrix) === 'hoch').map(ref);
}

/** The what-if of every contested cell of a DPIA version; undefined when it lists none. Pure. */
export function matrixWhatIf(dpia: Pick<DpiaVersion, 'meta' | 'risks'>): MatrixWhatIf | undefined {
  const contested = dpia.meta.matrix.contested ?? [];
  if (contested.length === 0) return undefined;
  const rows = dpia.meta.matrix.rows;
  const risks = dpia.risks;
  const art36RisksNow = consultationNeeded(risks, rows);
  const cells = contested.map((c): ContestedCellOutcome => {
    const level = rows[c.severity][c.likelihood];
    const raisedLevel = oneLevelHigher(level);
    const then = raisedLevel ? raiseCell(dpia.meta.matrix, c, raisedLevel) : { rows, raised: [] };
    const alsoRaised = then.raised.filter((r) => r.severity !== c.severity || r.likelihood !== c.likelihood);
    const art36Risks = consultationNeeded(risks, then.rows);
    const added = art36Risks.filter((r) => !art36RisksNow.some((n) => n.id === r.id));
    const art36Text =
      art36Risks.length === 0
        ? 'nein'
        : art36RisksNow.length === 0
          ? `ja, für ${joinGerman(art36Risks.map((r) => r.id))}`
          : added.length === 0
            ? `wie bisher, für ${joinGerman(art36Risks.map((r) => r.id))}`
            : `ja, zusätzlich für ${joinGerman(added.map((r) => r.id))}`;
    const inCell = (side: 'before' | 'after') => risks.filter((r) => r[side].severity === c.severity && r[side].likelihood === c.likelihood).map(ref);
    return {
      severity: c.severity,
      likelihood: c.likelihood,
      label: cellLabel(c),
      note: c.note,
      level,
      levelLabel: RISK_LEVEL_LABELS[level],
      raisedLevel,
      raisedLabel: raisedLevel ? RISK_LEVEL_LABELS[raisedLevel] : null,
      alsoRaised,
      alsoRaisedText:
        alsoRaised.length === 0
          ? null
          : `Damit die Tabelle monoton bleibt, stiege auch ${joinGerman(alsoRaised.map((r) => `${r.label} (bisher „${RISK_LEVEL_LABELS[r.from]}“)`))} auf „${RISK_LEVEL_LABELS[raisedLevel!]}“.`,
      inCell: { before: inCell('before'), after: inCell('after') },
      before: sideOf(risks, 'before', rows, then.rows),
      after: sideOf(risks, 'after', rows, then.rows),
      art36Risks,
      art36: art36Risks.length > 0,
      art36Text,
    };
  });
  const now =
    art36RisksNow.length === 0
      ? 'Nach der eingetragenen Tabelle bleibt kein Risiko nach den Maßnahmen hoch, ohne dass eine Konsultation der Aufsichtsbehörde (Art.\u00a036 DSGVO) eingetragen ist.'
      : `Nach der eingetragenen Tabelle ist für ${joinGerman(art36RisksNow.map((r) => r.id))} die Aufsichtsbehörde zu konsultieren (Art.\u00a036 DSGVO).`;
  const count = contested.length === 1 ? 'Eine Zelle der Tabelle ist' : `${formatCount(contested.length, 'Zelle', 'Zellen')} der Tabelle sind`;
  return {
    art36RisksNow,
    intro: `${count} noch mit der Quelle abzugleichen („zu prüfen“). ${now} Für jede dieser Zellen steht hier, was sich änderte, wenn sie eine Stufe höher stünde.`,
    cells,
  };
}
