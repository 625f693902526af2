import { REGIMES, REGIME_LABELS, type Regime } from '../../schemas/common.ts';
import type { Council } from '../../schemas/council.ts';
import { currentVersionOf } from '../agreement-view.ts';
import type { AgreementEntry, Content, Version } from '../content-model.ts';
import { memo } from './memo.ts';

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

/** Versions that have been adopted (drafts are published, but never „in force“). */
export function adoptedVersions(agreement: AgreementEntry): Version[] {
  return agreement.versions.filter((v) => v.status !== 'entwurf');
}

/** The version in force at the end of `date`: the newest adopted one with `adopted` on or before it. */
export function versionInForceOn(agreement: AgreementEntry, date: string): Version | undefined {
  const adopted = adoptedVersions(agreement).filter((v) => v.adopted !== undefined && v.adopted <= date);
  return adopted[adopted.length - 1];
}

/** Consecutive pairs of versions (oldest first), for the changes pages. */
export function versionPairs(agreement: AgreementEntry): [Version, Version][] {
  const pairs: [Version, Version][] = [];
  for (let i = 1; i < agreement.versions.length; i++) pairs.push([agreement.versions[i - 1]!, agreement.versions[i]!]);
  return pairs;
}

export function previousVersion(agreement: AgreementEntry, version: string): Version | undefined {
  const index = agreement.versions.findIndex((v) => v.version === version);
  return index > 0 ? agreement.versions[index - 1] : undefined;
}

export function mainAgreement(content: Content): AgreementEntry | undefined {
  return content.agreements.find((a) => a.id === content.site?.main_agreement) ?? content.agreements[0];
}

/** Main agreement first, then the others in id order. */
export function agreementsInOrder(content: Content): AgreementEntry[] {
  const main = mainAgreement(content);
  return main ? [main, ...content.agreements.filter((a) => a !== main)] : content.agreements;
}

export function currentVersion(agreement: AgreementEntry): Version {
  return currentVersionOf(agreement) ?? agreement.versions[agreement.versions.length - 1]!;
}

type BeschlusskontrolleEntry = Council['beschlusskontrolle'][number];

/**
 * The Beschlusskontrolle reports about an agreement: those on a paper whose resolutions
 * concern it (or the agreement's own paper), oldest first.
 */
export function beschlusskontrolleFor(content: Content, agreement: AgreementEntry): BeschlusskontrolleEntry[] {
  const council = content.council;
  if (!council) return [];
  const papers = new Set<string>([agreement.paper]);
  for (const r of council.resolutions) if (r.agreement === agreement.id) papers.add(r.paper);
  return council.beschlusskontrolle.filter((b) => papers.has(b.paper)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The latest date any ledger event of this agreement carries; undefined without entries. */
export function latestLedgerDateFor(content: Content, agreementId: string): string | undefined {
  return memo(content, `latest-ledger:${agreementId}`, () => {
    let latest: string | undefined;
    for (const ledger of content.ledgers) {
      if (ledger.agreement !== agreementId) continue;
      for (const e of ledger.entries) {
        for (const d of [e.offered, e.intent, e.signed, e.declined, e.withdrawn]) if (d && (!latest || d > latest)) latest = d;
      }
    }
    return latest;
  });
}

/** „Antrag A0311/22“ or „Vorlage V2216/23“, from the paper's kind in content/council. */
export function paperLabel(content: Content, paperId: string): string {
  const kind = content.council?.papers.find((p) => p.id === paperId)?.kind;
  return `${kind === 'antrag' ? 'Antrag' : 'Vorlage'} ${paperId}`;
}
