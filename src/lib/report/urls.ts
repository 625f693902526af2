import type { AgreementEntry, Content } from '../content-model.ts';
import { beschlusskontrolleEntries } from './view.ts';

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
    .filter((a) => beschlusskontrolleEntries(content, a).length > 0)
    .sort((a, b) => Number(b.id === main) - Number(a.id === main));
}
