import { RISK_LEVELS, type DskLevel, type RiskLevel, type RiskMatrix } from '../../schemas/dpia.ts';

export { RISK_LEVELS, type RiskLevel };
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { gering: 'gering', normal: 'normal', hoch: 'hoch' };

export interface Assessment {
  likelihood: DskLevel;
  severity: DskLevel;
}

/** Looks the assessment up in the DPIA version's matrix (row: severity, column: likelihood). No arithmetic. */
export function riskLevel(a: Assessment, matrix: RiskMatrix): RiskLevel {
  return matrix.rows[a.severity][a.likelihood];
}

/** Orders levels: gering < normal < hoch. */
export function compareLevels(a: RiskLevel, b: RiskLevel): number {
  return RISK_LEVELS.indexOf(a) - RISK_LEVELS.indexOf(b);
}
