import { REGIMES, REGIME_LABELS, type Regime } from '../../schemas/common.ts';
import type { Content, Version } from '../content-model.ts';

/** Regimes a version is published for: all three when any § reads differently, else DSGVO only. */
export function publishedRegimes(version: Version): Regime[] {
  return hasRegimeVariants(version) ? [...REGIMES] : ['dsgvo'];
}

export function hasRegimeVariants(version: Version): boolean {
  return version.sections.some((s) => s.regimes.length < REGIMES.length);
}

/** Ids of §§ whose text differs between regimes (in § order, unique). */
export function variantSectionIds(version: Version): string[] {
  const ids: string[] = [];
  for (const s of version.sections) if (s.regimes.length < REGIMES.length && !ids.includes(s.id)) ids.push(s.id);
  return ids;
}

export function regimeLabel(regime: Regime): string {
  return REGIME_LABELS[regime];
}

/** „Antrag A0311/22“ or „Vorlage V2216/23“, from the paper's kind in content/council. */
export function paperLabel(content: Content, paperId: string): string {
  const kind = content.council?.papers.find((p) => p.id === paperId)?.kind;
  return `${kind === 'antrag' ? 'Antrag' : 'Vorlage'} ${paperId}`;
}
