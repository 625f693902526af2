import type { AgreementEntry, Content, Version } from '../content-model.ts';

/**
 * The one definition of which versions of an agreement count, and which one is current.
 * Every output (site, PDF, letter, ledger command) asks these functions.
 */

/** Versions that have been adopted, oldest first. Drafts are published but never bind anyone. */
export function adoptedVersions(agreement: AgreementEntry): Version[] {
  return agreement.versions.filter((v) => v.status !== 'entwurf');
}

/** Adopted on or before the end of `date`. */
export function isAdoptedOn(version: Version, date: string): boolean {
  return version.status !== 'entwurf' && version.adopted !== undefined && version.adopted <= date;
}

/**
 * The current version: the newest adopted one (the one offered for signature), else – for an
 * agreement that has only drafts – the newest draft.
 */
export function currentVersion(agreement: AgreementEntry): Version {
  const adopted = adoptedVersions(agreement);
  return adopted[adopted.length - 1] ?? agreement.versions[agreement.versions.length - 1]!;
}

/** The version that was current at the end of `date`: the newest one adopted by then. */
export function currentVersionOn(agreement: AgreementEntry, date: string): Version | undefined {
  const adopted = agreement.versions.filter((v) => isAdoptedOn(v, date));
  return adopted[adopted.length - 1];
}

export function findVersionOf(agreement: AgreementEntry, version: string): Version | undefined {
  return agreement.versions.find((v) => v.version === version);
}

export function previousVersion(agreement: AgreementEntry, version: string): Version | undefined {
  const index = agreement.versions.findIndex((v) => v.version === version);
  return index > 0 ? agreement.versions[index - 1] : undefined;
}

/** Consecutive pairs of versions (oldest first), for the changes pages. */
export function versionPairs(agreement: AgreementEntry): [Version, Version][] {
  const pairs: [Version, Version][] = [];
  for (let i = 1; i < agreement.versions.length; i++) pairs.push([agreement.versions[i - 1]!, agreement.versions[i]!]);
  return pairs;
}

/**
 * Every pair of versions a reader can ask to compare (changes page and Synopse), in chain order of
 * the newer one, the nearer older one first: each version with the one it supersedes, and every
 * adopted version with each later one – a party bound by 1.0 that is offered 1.2 reads 1.0 → 1.2,
 * as its change notice does. A draft that a later version replaced binds nobody: it is compared
 * with its successor only.
 */
export function comparisonPairs(agreement: AgreementEntry): [Version, Version][] {
  const pairs: [Version, Version][] = [];
  agreement.versions.forEach((to, i) => {
    for (let j = i - 1; j >= 0; j--) {
      const from = agreement.versions[j]!;
      if (j === i - 1 || from.status !== 'entwurf') pairs.push([from, to]);
    }
  });
  return pairs;
}

/** Position of a version in the agreement's chain (oldest 0); versions sort by this, not by text. */
export function versionRank(agreement: AgreementEntry, version: string): number {
  return agreement.versions.findIndex((v) => v.version === version);
}

/** The version a council paper's resolution is about: the one adopted on that paper, else the first adopted one. */
export function resolutionVersion(agreement: AgreementEntry, paper: string): Version {
  return agreement.versions.find((v) => v.paper === paper && v.status !== 'entwurf') ?? adoptedVersions(agreement)[0] ?? agreement.versions[0]!;
}

export function mainAgreement(content: Content): AgreementEntry | undefined {
  return content.agreements.find((a) => a.id === content.site?.main_agreement) ?? content.agreements[0];
}

/** Main agreement first, then the others in id order. */
export function agreementsInOrder(content: Content): AgreementEntry[] {
  const main = mainAgreement(content);
  return main ? [main, ...content.agreements.filter((a) => a !== main)] : content.agreements;
}

/** Printed at the top of every page of a draft's PDF: it is not for signing. */
export const DRAFT_MARK = 'Entwurf – nicht zur Unterzeichnung';

/**
 * The version that supersedes `version` at the end of `date`: the first newer one adopted by then.
 * Offers, signatures and reminders for a superseded version need a reason (ledger command and rule).
 */
export function supersedingVersionOn(agreement: AgreementEntry, version: string, date: string): Version | undefined {
  return agreement.versions.find((v) => isAdoptedOn(v, date) && versionRank(agreement, v.version) > versionRank(agreement, version));
}
