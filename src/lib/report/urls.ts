import type { AgreementEntry, Content } from '../content-model.ts';
import { ownBeschlusskontrolle } from '../council/resolutions.ts';

/** Where the build puts the reports on the public site (German paths, trailing slash). */
export const reportUrls = {
  index: () => '/beschlusskontrolle/bericht/',
  html: (agreementId: string) => `/beschlusskontrolle/bericht/${agreementId}/`,
  markdown: (agreementId: string) => `/beschlusskontrolle/bericht/${agreementId}/bericht.md`,
} as const;

/** Agreements that get a report (those with a Beschlusskontrolle in the council content), main agreement first. */
export function reportAgreements(content: Content): AgreementEntry[] {
  const main = content.site?.main_agreement;
  return content.agreements
    .filter((a) => ownBeschlusskontrolle(content, a).length > 0)
    .sort((a, b) => Number(b.id === main) - Number(a.id === main));
}

/**
 * The letters the build publishes: per agreement, its latest recorded Beschlusskontrolle on or
 * before `asOf` (all of them without it). A Beschlusskontrolle after `asOf` had not happened yet.
 */
export function publishedReports(content: Content, asOf?: string): { agreement: AgreementEntry; asOf: string }[] {
  const out: { agreement: AgreementEntry; asOf: string }[] = [];
  for (const agreement of reportAgreements(content)) {
    const entries = ownBeschlusskontrolle(content, agreement);
    const entry = [...entries].reverse().find((e) => !asOf || e.date <= asOf);
    if (entry) out.push({ agreement, asOf: entry.date });
  }
  return out;
}
