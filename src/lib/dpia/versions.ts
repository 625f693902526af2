import type { Content, DpiaVersion, RiskEntry } from '../content-model.ts';
import { riskLevel, type Assessment, type RiskLevel } from './risk.ts';

/**
 * The one definition of which DPIA version is in force and which one belongs to an agreement
 * version. Every output (site, PDF, feed, validator) asks these functions.
 */

/** Adopted (or superseded) versions, oldest first; drafts never count as in force. */
export function adoptedDpias(content: Content): DpiaVersion[] {
  return content.dpia.versions.filter((v) => v.meta.status !== 'entwurf');
}

/**
 * The DPIA in force at the end of `asOf`: the newest adopted version dated on or before it.
 * Without a date: the newest adopted version. Undefined when none is adopted (by then).
 */
export function dpiaInForce(content: Content, asOf?: string): DpiaVersion | undefined {
  const adopted = adoptedDpias(content);
  const candidates = asOf === undefined ? adopted : adopted.filter((v) => v.meta.date <= asOf);
  return candidates.at(-1);
}

/** The DPIA version tied to agreement version `version` (newest if several are); undefined when none is. */
export function dpiaForAgreementVersion(content: Content, agreementId: string, version: string): DpiaVersion | undefined {
  const tied = content.dpia.versions.filter((d) => d.meta.agreements.some((t) => t.agreement === agreementId && t.versions.includes(version)));
  return tied.at(-1);
}

export function findDpiaVersion(content: Content, version: string): DpiaVersion | undefined {
  return content.dpia.versions.find((d) => d.meta.version === version);
}

/** The level of an assessment in its DPIA version: the one lookup every output uses. */
export function levelOf(dpia: Pick<DpiaVersion, 'meta'>, assessment: Assessment): RiskLevel {
  return riskLevel(assessment, dpia.meta.matrix);
}

export interface RiskLevels {
  before: RiskLevel;
  after: RiskLevel;
}

/** A risk's levels before and after the measures, in its DPIA version. */
export function riskLevelsOf(dpia: Pick<DpiaVersion, 'meta'>, risk: RiskEntry): RiskLevels {
  return { before: levelOf(dpia, risk.before), after: levelOf(dpia, risk.after) };
}

/** The review date, when it lies before `asOf` (the DPIA is overdue for review); else undefined. */
export function reviewOverdueSince(dpia: DpiaVersion, asOf: string | undefined): string | undefined {
  const due = dpia.meta.next_review;
  return due !== undefined && asOf !== undefined && due < asOf ? due : undefined;
}
