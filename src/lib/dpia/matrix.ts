import { DSK_LEVELS, DSK_LEVEL_LABELS, type DskLevel } from '../../schemas/dpia.ts';
import type { DpiaVersion, RiskEntry } from '../content-model.ts';
import { RISK_LEVEL_LABELS, type RiskLevel } from './risk.ts';
import { levelOf } from './versions.ts';

export type MatrixSide = 'before' | 'after';

export interface RiskMatrixCell {
  likelihood: DskLevel;
  severity: DskLevel;
  /** The cell's level in the version's own lookup table. */
  level: RiskLevel;
  levelLabel: string;
  /** The entry is still to be checked against the table's source (`matrix.contested`). */
  contested: boolean;
  /** The risks assessed at this likelihood and severity, in register order. */
  risks: RiskEntry[];
}

/**
 * A DPIA version's 4×4 risk matrix before or after the measures: likelihood across (lowest first),
 * severity down (highest first), every cell with its level and its risks. The site's DPIA page and
 * the DPIA PDF both render this one placement.
 */
export interface RiskMatrix {
  id: 'matrix-vorher' | 'matrix-nachher';
  side: MatrixSide;
  caption: string;
  /** Likelihood labels, lowest first. */
  columns: string[];
  rows: { severity: DskLevel; label: string; cells: RiskMatrixCell[] }[];
}

export function riskMatrix(dpia: Pick<DpiaVersion, 'meta' | 'risks'>, side: MatrixSide, risks: readonly RiskEntry[] = dpia.risks): RiskMatrix {
  const contested = dpia.meta.matrix.contested ?? [];
  const rows = [...DSK_LEVELS].reverse().map((severity) => ({
    severity,
    label: DSK_LEVEL_LABELS[severity],
    cells: DSK_LEVELS.map((likelihood): RiskMatrixCell => {
      const level = levelOf(dpia, { likelihood, severity });
      return {
        likelihood,
        severity,
        level,
        levelLabel: RISK_LEVEL_LABELS[level],
        contested: contested.some((c) => c.severity === severity && c.likelihood === likelihood),
        risks: risks.filter((r) => r[side].likelihood === likelihood && r[side].severity === severity),
      };
    }),
  }));
  return {
    id: side === 'before' ? 'matrix-vorher' : 'matrix-nachher',
    side,
    caption: side === 'before' ? 'Risikomatrix vor den Maßnahmen' : 'Risikomatrix nach den Maßnahmen (Restrisiko)',
    columns: DSK_LEVELS.map((l) => DSK_LEVEL_LABELS[l]),
    rows,
  };
}
