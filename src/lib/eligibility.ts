import type { AgreementEntry, Content, PartyEntry } from './content-model.ts';

/** Parties that sign this kind of agreement (providers or childminders). */
export function partiesFor(content: Content, agreement: AgreementEntry): PartyEntry[] {
  return agreement.party_kind === 'traeger' ? content.providers : content.childminders;
}

/**
 * A party may sign when it (a provider: at least one of its facilities) is in the
 * Bedarfsplan the agreement names.
 */
export function isEligible(party: PartyEntry, agreement: AgreementEntry): boolean {
  if (party.kind !== agreement.party_kind) return false;
  if (party.kind === 'traeger') return party.facilities.some((f) => f.bedarfsplan?.plan === agreement.bedarfsplan);
  return party.bedarfsplan?.plan === agreement.bedarfsplan;
}

export function eligibleParties(content: Content, agreement: AgreementEntry): PartyEntry[] {
  return partiesFor(content, agreement).filter((party) => isEligible(party, agreement));
}

/** Places in the Bedarfsplan the agreement names: only facilities that are in it count. */
export function bedarfsplanPlaces(party: PartyEntry, agreement: AgreementEntry): number {
  if (party.kind === 'traeger') {
    return party.facilities
      .filter((f) => f.bedarfsplan?.plan === agreement.bedarfsplan)
      .reduce((sum, f) => sum + f.places, 0);
  }
  return party.bedarfsplan?.plan === agreement.bedarfsplan ? party.places : 0;
}
