import type { AgreementEntry, Content, PartyEntry } from '../content-model.ts';

type PlanEntry = { plan: string; since?: string; until?: string } | undefined;

/** The entry is in the agreement's Bedarfsplan (on `date`, when given: between `since` and `until`). */
function inPlan(entry: PlanEntry, agreement: AgreementEntry, date: string | undefined): boolean {
  if (entry?.plan !== agreement.bedarfsplan) return false;
  if (date === undefined) return true;
  return (!entry.since || entry.since <= date) && (!entry.until || date <= entry.until);
}

/** Parties that sign this kind of agreement (providers or childminders). */
export function partiesFor(content: Content, agreement: AgreementEntry): PartyEntry[] {
  return agreement.party_kind === 'traeger' ? content.providers : content.childminders;
}

/**
 * A party may sign when it (a provider: at least one of its facilities) is in the Bedarfsplan
 * the agreement names – on `date`, when one is given, so that a provider added to the registry
 * today does not change a figure of 2022.
 */
export function isEligible(party: PartyEntry, agreement: AgreementEntry, date?: string): boolean {
  if (party.kind !== agreement.party_kind) return false;
  if (party.kind === 'traeger') return party.facilities.some((f) => inPlan(f.bedarfsplan, agreement, date));
  return inPlan(party.bedarfsplan, agreement, date);
}

export function eligibleParties(content: Content, agreement: AgreementEntry, date?: string): PartyEntry[] {
  return partiesFor(content, agreement).filter((party) => isEligible(party, agreement, date));
}

/** Places in the Bedarfsplan the agreement names (on `date`, when given): only facilities that are in it count. */
export function bedarfsplanPlaces(party: PartyEntry, agreement: AgreementEntry, date?: string): number {
  if (party.kind === 'traeger') {
    return party.facilities.filter((f) => inPlan(f.bedarfsplan, agreement, date)).reduce((sum, f) => sum + f.places, 0);
  }
  return inPlan(party.bedarfsplan, agreement, date) ? party.places : 0;
}
