import type { Regime } from '../../schemas/common.ts';
import type { Content, Version } from '../content-model.ts';
import { defaultRegime, readerSegment, regimeIds } from '../vocabulary.ts';
import { urls } from './urls.ts';

/**
 * Regimes a version is published for: every regime of the vocabulary when any § reads
 * differently, else only the default reading (the regime with `reader: default`).
 */
export function publishedRegimes(content: Content, version: Version): Regime[] {
  return hasRegimeVariants(content, version) ? [...regimeIds(content)] : [defaultRegime(content)];
}

/**
 * The reader page of a version for readers under `regime`: the regime's own page when the version
 * is published for it, else the default page (the text is the same for everyone then).
 */
export function readerHref(content: Content, version: Version, regime: Regime): string {
  return urls.reader(version.agreementId, version.version, publishedRegimes(content, version).includes(regime) ? readerSegment(content, regime) : undefined);
}

/** The reading page of a regime (the default regime's page has no suffix). */
export function regimeReaderPath(content: Content, agreementId: string, version: string, regime: Regime): string {
  return urls.reader(agreementId, version, readerSegment(content, regime));
}

export function hasRegimeVariants(content: Content, version: Version): boolean {
  const all = regimeIds(content).length;
  return version.sections.some((s) => s.regimes.length < all);
}

/** Ids of §§ whose text differs between regimes (in § order, unique). */
export function variantSectionIds(content: Content, version: Version): string[] {
  const all = regimeIds(content).length;
  const ids: string[] = [];
  for (const s of version.sections) if (s.regimes.length < all && !ids.includes(s.id)) ids.push(s.id);
  return ids;
}

/** „Antrag A0311/22“ or „Vorlage V2216/23“, from the paper's kind in content/council. */
export function paperLabel(content: Content, paperId: string): string {
  const kind = content.council?.papers.find((p) => p.id === paperId)?.kind;
  return `${kind === 'antrag' ? 'Antrag' : 'Vorlage'} ${paperId}`;
}
