import { REGIMES, REGIME_LABELS, type Regime } from '../../schemas/common.ts';
import type { Content, Version } from '../content-model.ts';
import { urls } from './urls.ts';

/** Regimes a version is published for: all three when any § reads differently, else DSGVO only. */
export function publishedRegimes(version: Version): Regime[] {
  return hasRegimeVariants(version) ? [...REGIMES] : ['dsgvo'];
}

/**
 * The reader page of a version for readers under `regime`: the regime's own page when the version
 * is published for it, else the DSGVO page (the text is the same for everyone then).
 */
export function readerHref(version: Version, regime: Regime): string {
  return urls.reader(version.agreementId, version.version, publishedRegimes(version).includes(regime) ? regime : 'dsgvo');
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
