import type { TerminationEnd } from '../../schemas/agreement.ts';
import { versionRank } from '../agreement/versions.ts';
import type { AgreementEntry, LedgerEntryLocated, PartyEntry } from '../content-model.ts';
import { offerStateOn, type OfferState } from './terms.ts';

/**
 * Which agreement version binds a party on a day, from the ledger alone.
 *
 * - A signature binds the party from its date (inclusive).
 * - Signing a newer version supersedes the older one for that party only.
 * - A withdrawal in the ledger is a termination: it is declared on its date and ends the
 *   agreement after the notice period that agreement.yaml sets (`termination_notice`). Until
 *   then the party is still bound, „gekündigt zum …“.
 */


export interface Termination {
  /** Day the party declared it (the ledger's `withdrawn`). */
  declared: string;
  /** Last day the agreement binds the party. */
  endsOn: string;
}

export interface Binding {
  version: string;
  /** Day of the signature that binds. */
  since: string;
  entry: LedgerEntryLocated;
  /** Notice given, agreement still binding until `termination.endsOn`. */
  termination?: Termination;
}

/**
 * Where a party stands on a day: one of these, and nothing else, is what every output shows (the
 * words are defined in terms.ts).
 */
export type PartyState =
  /** Bound by a version; `termination` set when notice has been given. */
  | 'gebunden'
  /** Was bound, and the notice period has run out. */
  | 'beendet'
  /** Not bound; the newest offer is open („offen“): no answer yet, or intent declared. */
  | 'keine-antwort'
  | 'absicht'
  /** Not bound; the newest offer was declined. */
  | 'abgelehnt'
  /** Never received an offer. */
  | 'nicht-angeboten';

export interface PartyStanding {
  party: PartyEntry;
  state: PartyState;
  binding?: Binding;
  /** The agreement that ended by termination (state `beendet`). */
  ended?: { version: string; termination: Termination };
  /**
   * The newest offer the party received by that day, and its answer. For a bound party this
   * is the offer of a newer version it has not (yet) signed, or the offer it signed.
   */
  latestOffer?: { version: string; state: OfferState; entry: LedgerEntryLocated };
}

/** Last day a termination declared on `declared` leaves the party bound. */
export function terminationEndsOn(declared: string, notice: { months: number; to: TerminationEnd }): string {
  const [y, m, d] = declared.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + notice.months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const clampedDay = Math.min(d, daysInMonth(year, month));
  switch (notice.to) {
    case 'tag':
      return iso(year, month, clampedDay);
    case 'monatsende':
      return iso(year, month, daysInMonth(year, month));
    case 'quartalsende': {
      const quarterEnd = Math.ceil(month / 3) * 3;
      return iso(year, quarterEnd, daysInMonth(year, quarterEnd));
    }
    case 'jahresende':
      return iso(year, 12, 31);
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The termination an entry records, if declared by `asOf`. Without a notice period in
 * agreement.yaml it takes effect on the day it is declared (the party is no longer bound that day).
 */
export function terminationOf(entry: LedgerEntryLocated, agreement: AgreementEntry, asOf: string): Termination | undefined {
  if (!entry.withdrawn || entry.withdrawn > asOf) return undefined;
  const notice = agreement.termination_notice;
  return { declared: entry.withdrawn, endsOn: notice ? terminationEndsOn(entry.withdrawn, notice) : dayBefore(entry.withdrawn) };
}

function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Where one party stands at the end of `asOf`, given its ledger entries for the agreement
 * (any order, adopted versions only – the validator refuses entries for drafts).
 */
export function partyStandingOn(party: PartyEntry, entries: readonly LedgerEntryLocated[], agreement: AgreementEntry, asOf: string): PartyStanding {
  const rank = (e: LedgerEntryLocated) => versionRank(agreement, e.version);
  const known = entries.filter((e) => e.offered <= asOf).sort((a, b) => rank(a) - rank(b));
  const latest = known[known.length - 1];
  const latestOffer = latest ? { version: latest.version, state: offerStateOn(latest, asOf), entry: latest } : undefined;

  // The newest signed version supersedes every older one for this party.
  const signed = known.filter((e) => e.signed !== undefined && e.signed <= asOf);
  const newestSigned = signed[signed.length - 1];
  if (newestSigned) {
    const termination = terminationOf(newestSigned, agreement, asOf);
    if (termination && termination.endsOn < asOf) {
      return { party, state: 'beendet', ended: { version: newestSigned.version, termination }, latestOffer };
    }
    return {
      party,
      state: 'gebunden',
      binding: { version: newestSigned.version, since: newestSigned.signed!, entry: newestSigned, termination },
      latestOffer,
    };
  }
  if (!latestOffer) return { party, state: 'nicht-angeboten' };
  const state: PartyState = latestOffer.state === 'abgelehnt' ? 'abgelehnt' : latestOffer.state === 'absicht' ? 'absicht' : 'keine-antwort';
  return { party, state, latestOffer };
}
