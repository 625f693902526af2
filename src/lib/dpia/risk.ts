import { DSK_LEVELS, type DskLevel } from '../../schemas/dpia.ts';

export type RiskLevel = 'gering' | 'normal' | 'hoch';
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { gering: 'gering', normal: 'normal', hoch: 'hoch' };

export interface Assessment {
  likelihood: DskLevel;
  severity: DskLevel;
}

/** 1..16: product of the 1-based level of likelihood and of severity. */
export function riskScore(a: Assessment): number {
  return (DSK_LEVELS.indexOf(a.likelihood) + 1) * (DSK_LEVELS.indexOf(a.severity) + 1);
}

/**
 * Places an assessment in the 4×4 matrix of the DSK short paper no. 18:
 * up to 3 low, 4–8 normal, 9 and above high.
 */
export function riskLevel(a: Assessment): RiskLevel {
  const score = riskScore(a);
  if (score <= 3) return 'gering';
  if (score <= 8) return 'normal';
  return 'hoch';
}
