import { REGIMES, type Regime } from '../../schemas/common.ts';
import { adoptedVersions, currentVersionOn, isAdoptedOn } from '../agreement/versions.ts';
import type { AgreementEntry, Content, LedgerEntryLocated, PartyEntry } from '../content-model.ts';
import { bedarfsplanPlaces, eligibleParties, isEligible, partiesFor } from '../parties/eligibility.ts';
import { memo } from '../memo.ts';
import { partyStandingOn, terminationOf, type PartyStanding, type Termination } from './binding.ts';
import { isOpen, offerStateAmong } from './terms.ts';

/**
 * The signing figures of an agreement on a day: the one computation behind the home page, the
 * status page, the council letter, `npm run ledger -- status` and the open data. What „offen“,
 * „Absicht erklärt“, „keine Antwort“ and the other words mean is defined in terms.ts.
 *
 * Every eligible party is in exactly one of: bound (by some version), ended (terminated, notice
 * run out), open (not bound, newest offer open: intent declared or no answer), declined, or never
 * offered: eligible = bound + open + declined + ended + notOffered.
 */
export interface SigningFigures {
  agreementId: string;
  asOf: string;
  /** The version offered for signature on that day: the newest adopted by then. */
  currentVersion?: string;
  /** Parties in the Bedarfsplan the agreement names. */
  eligible: number;
  /** Bound by a version at the end of the day (including those under notice). */
  bound: number;
  /** Per adopted version (newest first): parties it binds that day. */
  boundByVersion: { version: string; bound: number }[];
  /** Bound, but notice of termination given: the agreement ends on `termination.endsOn`. */
  terminating: { party: string; termination: Termination }[];
  /** Terminated, notice period run out. */
  ended: { party: string; termination: Termination }[];
  /** Not bound, the newest offer open („Ohne Vereinbarung, Angebot offen“): intent + noAnswer. */
  open: number;
  /** Not bound, newest offer open with intent to sign declared („Absicht erklärt“, part of `open`). */
  intent: number;
  /** Not bound, newest offer open with nothing recorded („keine Antwort“, part of `open`). */
  noAnswer: number;
  /**
   * Open offers in total: every party whose newest offer is open – `open` (not bound), plus those bound
   * by an older version (`whileBound`) or terminated from one (`afterEnd`). Equals the sum of `open`
   * over `offers`.
   */
  openOffers: { total: number; unbound: number; whileBound: number; afterEnd: number };
  /** Not bound, the newest offer declined. */
  declined: number;
  /** Never received an offer. */
  notOffered: number;
  /** Eligible parties that received at least one offer. */
  offered: number;
  /** How each adopted version's own offer stands (oldest first): for renewals of a new version. */
  offers: VersionOffers[];
  placesEligible: number;
  placesBound: number;
  byRegime: Record<Regime, { eligible: number; bound: number }>;
  /** Standing per eligible party, in id order (internal: the public site shows only published ones). */
  parties: PartyStanding[];
}

/**
 * The answers to one version's offer on a day (terms.ts): offered = signed + open + declined + replaced.
 * A signature counts even if superseded or terminated later.
 */
export interface VersionOffers {
  version: string;
  adopted?: string;
  offered: number;
  signed: number;
  /** The party's newest offer, neither signed nor declined: intent + noAnswer. */
  open: number;
  intent: number;
  noAnswer: number;
  declined: number;
  /** Neither signed nor declined, but the party has been offered a newer version since. */
  replaced: number;
  /** Parties bound by an older version whose offer of this one is open: they stay bound by the older one. */
  openWhileBound: number;
}

/** Ledger entries of one agreement grouped by party (built once per content). */
export function ledgerByParty(content: Content, agreementId: string): Map<string, LedgerEntryLocated[]> {
  return memo(content, `ledger-by-party:${agreementId}`, () => {
    const map = new Map<string, LedgerEntryLocated[]>();
    for (const ledger of content.ledgers) {
      if (ledger.agreement !== agreementId) continue;
      for (const entry of ledger.entries) {
        const list = map.get(entry.party);
        if (list) list.push(entry);
        else map.set(entry.party, [entry]);
      }
    }
    return map;
  });
}

/** The ledger entry of one party for one version, if any. */
export function ledgerEntryOf(content: Content, agreementId: string, partyId: string, version: string): LedgerEntryLocated | undefined {
  return ledgerByParty(content, agreementId).get(partyId)?.find((e) => e.version === version);
}

export function partyStanding(content: Content, agreement: AgreementEntry, party: PartyEntry, asOf: string): PartyStanding {
  return partyStandingOn(party, ledgerByParty(content, agreement.id).get(party.id) ?? [], agreement, asOf);
}

export function buildSigningFigures(content: Content, agreement: AgreementEntry, asOf: string): SigningFigures {
  return memo(content, `signing-figures:${agreement.id}:${asOf}`, () => computeFigures(content, agreement, asOf));
}

function computeFigures(content: Content, agreement: AgreementEntry, asOf: string): SigningFigures {
  const eligible = eligibleParties(content, agreement, asOf);
  const parties = eligible.map((party) => partyStanding(content, agreement, party, asOf));
  const count = (state: PartyStanding['state']) => parties.filter((p) => p.state === state).length;
  const adopted = adoptedVersions(agreement).filter((v) => isAdoptedOn(v, asOf));
  const boundByVersion = [...adopted].reverse().map((v) => ({ version: v.version, bound: parties.filter((p) => p.binding?.version === v.version).length }));
  const isBound = (p: PartyStanding) => p.state === 'gebunden';
  const places = (p: PartyStanding) => bedarfsplanPlaces(p.party, agreement, asOf);
  const byRegime = Object.fromEntries(
    REGIMES.map((regime) => {
      const inRegime = parties.filter((p) => p.party.regime === regime);
      return [regime, { eligible: inRegime.length, bound: inRegime.filter(isBound).length }];
    }),
  ) as Record<Regime, { eligible: number; bound: number }>;
  const offers: VersionOffers[] = adopted.map((v) => {
    let offered = 0, signed = 0, open = 0, intent = 0, declined = 0, replaced = 0, openWhileBound = 0;
    for (const p of parties) {
      const state = offerStateAmong(ledgerEntryOf(content, agreement.id, p.party.id, v.version), p.latestOffer?.version, asOf);
      if (state === 'nicht-angeboten') continue;
      offered++;
      if (state === 'unterzeichnet') signed++;
      else if (state === 'abgelehnt') declined++;
      else if (state === 'ersetzt') replaced++;
      else {
        open++;
        if (state === 'absicht') intent++;
        if (p.binding && p.binding.version !== v.version) openWhileBound++;
      }
    }
    return { version: v.version, adopted: v.adopted, offered, signed, open, intent, noAnswer: open - intent, declined, replaced, openWhileBound };
  });
  const notOffered = count('nicht-angeboten');
  const newestOpen = (p: PartyStanding) => p.latestOffer !== undefined && isOpen(p.latestOffer.state);
  const openOf = (state: PartyStanding['state']) => parties.filter((p) => p.state === state && newestOpen(p)).length;
  const unbound = count('keine-antwort') + count('absicht');
  const whileBound = openOf('gebunden');
  const afterEnd = openOf('beendet');
  return {
    agreementId: agreement.id,
    asOf,
    currentVersion: currentVersionOn(agreement, asOf)?.version,
    eligible: parties.length,
    bound: parties.filter(isBound).length,
    boundByVersion,
    terminating: parties.filter((p) => p.binding?.termination).map((p) => ({ party: p.party.id, termination: p.binding!.termination! })),
    ended: parties.filter((p) => p.ended).map((p) => ({ party: p.party.id, termination: p.ended!.termination })),
    open: unbound,
    intent: count('absicht'),
    noAnswer: count('keine-antwort'),
    openOffers: { total: unbound + whileBound + afterEnd, unbound, whileBound, afterEnd },
    declined: count('abgelehnt'),
    notOffered,
    offered: parties.length - notOffered,
    offers,
    placesEligible: parties.reduce((sum, p) => sum + places(p), 0),
    placesBound: parties.filter(isBound).reduce((sum, p) => sum + places(p), 0),
    byRegime,
    parties,
  };
}

/** The latest date any ledger event of the content carries: „today“ as far as the content knows. */
export function latestLedgerDate(content: Content, agreementId?: string): string | undefined {
  return memo(content, `latest-ledger:${agreementId ?? '*'}`, () => {
    let latest: string | undefined;
    for (const ledger of content.ledgers) {
      if (agreementId !== undefined && ledger.agreement !== agreementId) continue;
      for (const e of ledger.entries) {
        for (const d of [e.offered, e.intent, e.signed, e.declined, e.withdrawn]) if (d && (!latest || d > latest)) latest = d;
      }
    }
    return latest;
  });
}

/** The day the status is told for when none is given: the latest ledger event of the content. */
export function statusDate(content: Content, asOf?: string): string | undefined {
  return asOf ?? latestLedgerDate(content);
}

/** The first offer of an agreement in the ledger. */
export function firstOfferDate(content: Content, agreementId: string): string | undefined {
  let first: string | undefined;
  for (const entries of ledgerByParty(content, agreementId).values()) for (const e of entries) if (!first || e.offered < first) first = e.offered;
  return first;
}

export interface BoundPoint {
  date: string;
  /** Parties bound at the end of that day, per version (versions adopted by then). */
  byVersion: Record<string, number>;
}

/**
 * Bound parties per version after each day on which the count changes, up to `until`. Swept
 * party by party over the days its own standing can change (signatures, the end of a
 * termination, entering or leaving the Bedarfsplan), instead of recounting everyone each day.
 */
export function bindingTimeline(content: Content, agreement: AgreementEntry, until: string): BoundPoint[] {
  return memo(content, `binding-timeline:${agreement.id}:${until}`, () => {
    const byParty = ledgerByParty(content, agreement.id);
    const changes: { date: string; from?: string; to?: string }[] = [];
    for (const party of partiesFor(content, agreement)) {
      const entries = byParty.get(party.id) ?? [];
      const days = new Set<string>();
      for (const e of entries) {
        if (e.signed) days.add(e.signed);
        if (e.withdrawn) days.add(dayAfter(terminationOf(e, agreement, e.withdrawn)!.endsOn));
      }
      const plans = party.kind === 'traeger' ? party.facilities.map((f) => f.bedarfsplan) : [party.bedarfsplan];
      for (const plan of plans) {
        if (plan?.since) days.add(plan.since);
        if (plan?.until) days.add(dayAfter(plan.until));
      }
      let previous: string | undefined;
      for (const day of [...days].sort()) {
        if (day > until) break;
        const version = isEligible(party, agreement, day) ? partyStandingOn(party, entries, agreement, day).binding?.version : undefined;
        if (version !== previous) changes.push({ date: day, from: previous, to: version });
        previous = version;
      }
    }
    changes.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const counts = new Map<string, number>();
    const points: BoundPoint[] = [];
    let previousKey = '';
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i]!;
      if (change.from) counts.set(change.from, (counts.get(change.from) ?? 0) - 1);
      if (change.to) counts.set(change.to, (counts.get(change.to) ?? 0) + 1);
      if (changes[i + 1]?.date === change.date) continue;
      const byVersion = Object.fromEntries(
        adoptedVersions(agreement)
          .filter((v) => isAdoptedOn(v, change.date))
          .reverse()
          .map((v) => [v.version, counts.get(v.version) ?? 0]),
      );
      const key = JSON.stringify(byVersion);
      if (key !== previousKey) points.push({ date: change.date, byVersion });
      previousKey = key;
    }
    return points;
  });
}

export function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
