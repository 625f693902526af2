import { adoptedVersions, currentVersionOn, isAdoptedOn } from '../agreement/versions.ts';
import type { AgreementEntry, Content, LedgerEntryLocated, PartyEntry, Version } from '../content-model.ts';
import { eligibilityChangeDays, isEligible, weightOf } from '../parties/eligibility.ts';
import { PLAN_IN_FORCE } from '../../schemas/register.ts';
import { partiesFor, registerOf } from '../parties/kinds.ts';
import { regimeIds } from '../vocabulary.ts';
import { memo } from '../memo.ts';
import { partyStandingOn, terminationOf, type PartyStanding, type Termination } from './binding.ts';
import { isOpen, offerStateAmong, type OfferState } from './terms.ts';

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
  /** Parties in the register and plan the agreement's eligibility rule names that day. */
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
  /** Sum of the weight (places, pupils …) of the eligible parties' units in the plan; 0 for a kind without weight. */
  weightEligible: number;
  weightBound: number;
  /** Per regime id of the vocabulary, in its order. */
  byRegime: Record<string, { eligible: number; bound: number }>;
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

/** The figures of a day without each party's standing: what `signingCountsOnDays` counts for many days at once. */
export type SigningCounts = Omit<SigningFigures, 'parties'>;

/** What one eligible party adds to the figures of a day. */
interface PartyShare {
  /** Position among the agreement's parties (id order): the order of `terminating` and `ended`. */
  index: number;
  standing: PartyStanding;
  /** Its weight (places, pupils …) in the plan; 0 for a kind without weight. */
  weight: number;
  /** Its answer to the offer of each adopted version (`adoptedVersions` order). */
  offers: OfferState[];
}

function shareOf(content: Content, agreement: AgreementEntry, versions: readonly Version[], party: PartyEntry, index: number, asOf: string): PartyShare | undefined {
  if (!isEligible(content, party, agreement, asOf)) return undefined;
  const standing = partyStanding(content, agreement, party, asOf);
  const offers = versions.map((v) => offerStateAmong(ledgerEntryOf(content, agreement.id, party.id, v.version), standing.latestOffer?.version, asOf));
  return { index, standing, weight: weightOf(content, party, agreement, asOf), offers };
}

type OfferTally = Omit<VersionOffers, 'version' | 'adopted' | 'noAnswer'>;

/**
 * The sums over the eligible parties, kept so that one party's share can be taken out and put
 * back: a day's figures from the previous day's and the few parties whose standing changed.
 */
class FigureTally {
  eligible = 0;
  readonly states: Record<PartyStanding['state'], number> = { gebunden: 0, beendet: 0, 'keine-antwort': 0, absicht: 0, abgelehnt: 0, 'nicht-angeboten': 0 };
  /** Bound or ended parties whose newest offer is open (a newer version not yet answered). */
  openWhileBound = 0;
  openAfterEnd = 0;
  weightEligible = 0;
  weightBound = 0;
  readonly boundBy = new Map<string, number>();
  readonly byRegime: Record<string, { eligible: number; bound: number }>;
  readonly offers: OfferTally[];
  readonly terminating = new Map<number, { party: string; termination: Termination }>();
  readonly ended = new Map<number, { party: string; termination: Termination }>();
  readonly versions: readonly Version[];
  /** The vocabulary's regime ids, in its order. */
  readonly regimes: readonly string[];

  constructor(versions: readonly Version[], regimes: readonly string[]) {
    this.versions = versions;
    this.regimes = regimes;
    this.byRegime = Object.fromEntries(regimes.map((r) => [r, { eligible: 0, bound: 0 }]));
    this.offers = versions.map(() => ({ offered: 0, signed: 0, open: 0, intent: 0, declined: 0, replaced: 0, openWhileBound: 0 }));
  }

  /** Adds a share (`sign` 1) or takes it out again (`sign` -1). */
  add(share: PartyShare, sign: 1 | -1): void {
    const { standing: p, weight } = share;
    const bound = p.state === 'gebunden';
    this.eligible += sign;
    this.states[p.state] += sign;
    if (p.latestOffer !== undefined && isOpen(p.latestOffer.state)) {
      if (bound) this.openWhileBound += sign;
      else if (p.state === 'beendet') this.openAfterEnd += sign;
    }
    this.weightEligible += sign * weight;
    if (bound) this.weightBound += sign * weight;
    if (p.binding) this.boundBy.set(p.binding.version, (this.boundBy.get(p.binding.version) ?? 0) + sign);
    const regime = this.byRegime[p.party.regime];
    if (regime) {
      regime.eligible += sign;
      if (bound) regime.bound += sign;
    }
    if (p.binding?.termination) {
      if (sign > 0) this.terminating.set(share.index, { party: p.party.id, termination: p.binding.termination });
      else this.terminating.delete(share.index);
    }
    if (p.ended) {
      if (sign > 0) this.ended.set(share.index, { party: p.party.id, termination: p.ended.termination });
      else this.ended.delete(share.index);
    }
    share.offers.forEach((state, i) => {
      if (state === 'nicht-angeboten') return;
      const o = this.offers[i]!;
      o.offered += sign;
      if (state === 'unterzeichnet') o.signed += sign;
      else if (state === 'abgelehnt') o.declined += sign;
      else if (state === 'ersetzt') o.replaced += sign;
      else {
        o.open += sign;
        if (state === 'absicht') o.intent += sign;
        if (p.binding && p.binding.version !== this.versions[i]!.version) o.openWhileBound += sign;
      }
    });
  }

  countsOn(agreement: AgreementEntry, asOf: string): SigningCounts {
    const adopted = this.versions.map((version, i) => ({ version, i })).filter(({ version }) => isAdoptedOn(version, asOf));
    const inOrder = <T>(map: Map<number, T>) => [...map].sort((a, b) => a[0] - b[0]).map(([, value]) => value);
    const unbound = this.states['keine-antwort'] + this.states.absicht;
    return {
      agreementId: agreement.id,
      asOf,
      currentVersion: currentVersionOn(agreement, asOf)?.version,
      eligible: this.eligible,
      bound: this.states.gebunden,
      boundByVersion: [...adopted].reverse().map(({ version }) => ({ version: version.version, bound: this.boundBy.get(version.version) ?? 0 })),
      terminating: inOrder(this.terminating),
      ended: inOrder(this.ended),
      open: unbound,
      intent: this.states.absicht,
      noAnswer: this.states['keine-antwort'],
      openOffers: { total: unbound + this.openWhileBound + this.openAfterEnd, unbound, whileBound: this.openWhileBound, afterEnd: this.openAfterEnd },
      declined: this.states.abgelehnt,
      notOffered: this.states['nicht-angeboten'],
      offered: this.eligible - this.states['nicht-angeboten'],
      offers: adopted.map(({ version, i }) => {
        const o = this.offers[i]!;
        return { version: version.version, adopted: version.adopted, offered: o.offered, signed: o.signed, open: o.open, intent: o.intent, noAnswer: o.open - o.intent, declined: o.declined, replaced: o.replaced, openWhileBound: o.openWhileBound };
      }),
      weightEligible: this.weightEligible,
      weightBound: this.weightBound,
      byRegime: Object.fromEntries(this.regimes.map((r) => [r, { ...this.byRegime[r]! }])),
    };
  }
}

function computeFigures(content: Content, agreement: AgreementEntry, asOf: string): SigningFigures {
  const tally = new FigureTally(adoptedVersions(agreement), regimeIds(content));
  const parties: PartyStanding[] = [];
  partiesFor(content, agreement).forEach((party, index) => {
    const share = shareOf(content, agreement, tally.versions, party, index, asOf);
    if (!share) return;
    tally.add(share, 1);
    parties.push(share.standing);
  });
  return { ...tally.countsOn(agreement, asOf), parties };
}

/**
 * The days on which a party's share of the figures can change: its ledger events, the day after a
 * termination runs out, and its entries entering or leaving the register. Between them (and the
 * days the rule itself changes, see eligibilityRuleChangeDays) every comparison
 * `buildSigningFigures` makes for it with the day comes out the same.
 */
function shareChangeDays(content: Content, party: PartyEntry, entries: readonly LedgerEntryLocated[], agreement: AgreementEntry): string[] {
  const days: string[] = [];
  for (const e of entries) {
    for (const d of [e.offered, e.intent, e.signed, e.declined, e.withdrawn]) if (d) days.push(d);
    if (e.withdrawn) days.push(dayAfter(terminationOf(e, agreement, e.withdrawn)!.endsOn));
  }
  days.push(...eligibilityChangeDays(content, party));
  return days;
}

/**
 * The figures of many days at once (`buildSigningFigures` without `parties`, one per day, in the
 * order given). Swept over the days: each day starts from the previous day's sums and counts again
 * only the parties with a change since, instead of every party every day – the open data's rows for
 * every day of a large ledger.
 */
export function signingCountsOnDays(content: Content, agreement: AgreementEntry, days: readonly string[]): SigningCounts[] {
  const sorted = [...new Set(days)].sort();
  if (sorted.length === 0) return [];
  const parties = partiesFor(content, agreement);
  const byParty = ledgerByParty(content, agreement.id);
  // For each day, the parties whose share may differ from the day before; on a day the rule or
  // its plan changes (eligibilityRuleChangeDays), every party.
  const recount: number[][] = sorted.map(() => []);
  parties.forEach((party, index) => {
    for (const day of shareChangeDays(content, party, byParty.get(party.id) ?? [], agreement)) {
      const at = firstIndexFrom(sorted, day);
      if (at > 0 && at < sorted.length) recount[at]!.push(index);
    }
  });
  const recountAll = new Set(eligibilityRuleChangeDays(content, agreement).map((day) => firstIndexFrom(sorted, day)));
  const tally = new FigureTally(adoptedVersions(agreement), regimeIds(content));
  const shares: (PartyShare | undefined)[] = [];
  const counts = new Map<string, SigningCounts>();
  sorted.forEach((day, at) => {
    const changed = at === 0 || recountAll.has(at) ? parties.map((_, index) => index) : new Set(recount[at]);
    for (const index of changed) {
      const previous = shares[index];
      if (previous) tally.add(previous, -1);
      const share = shareOf(content, agreement, tally.versions, parties[index]!, index, day);
      shares[index] = share;
      if (share) tally.add(share, 1);
    }
    counts.set(day, tally.countsOn(agreement, day));
  });
  return days.map((day) => counts.get(day)!);
}

/** Index of the first of the sorted `days` on or after `day` (`days.length` when none). */
function firstIndexFrom(days: readonly string[], day: string): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (days[mid]! < day) low = mid + 1;
    else high = mid;
  }
  return low;
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
 * termination, entering or leaving the register, a new plan or eligibility rule), instead of
 * recounting everyone each day.
 */
export function bindingTimeline(content: Content, agreement: AgreementEntry, until: string): BoundPoint[] {
  return memo(content, `binding-timeline:${agreement.id}:${until}`, () => {
    const byParty = ledgerByParty(content, agreement.id);
    const changes: { date: string; from?: string; to?: string }[] = [];
    const ruleDays = eligibilityRuleChangeDays(content, agreement);
    for (const party of partiesFor(content, agreement)) {
      const entries = byParty.get(party.id) ?? [];
      const days = new Set<string>();
      for (const e of entries) {
        if (e.signed) days.add(e.signed);
        if (e.withdrawn) days.add(dayAfter(terminationOf(e, agreement, e.withdrawn)!.endsOn));
      }
      for (const day of eligibilityChangeDays(content, party)) days.add(day);
      for (const day of ruleDays) days.add(day);
      let previous: string | undefined;
      for (const day of [...days].sort()) {
        if (day > until) break;
        const version = isEligible(content, party, agreement, day) ? partyStandingOn(party, entries, agreement, day).binding?.version : undefined;
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

/**
 * Days on which who is eligible can change for the whole agreement: a version adopted (it may
 * bring its own rule) and the start of each plan period of the registers its rules name.
 */
function eligibilityRuleChangeDays(content: Content, agreement: AgreementEntry): string[] {
  const days = new Set<string>();
  const registers = new Set([agreement.eligibility.register]);
  for (const v of adoptedVersions(agreement)) {
    if (v.eligibility) registers.add(v.eligibility.register);
    if (v.adopted && (v.eligibility || agreement.versions.some((o) => o.eligibility))) days.add(v.adopted);
  }
  for (const id of registers) {
    const register = registerOf(content, id);
    if (!register) continue;
    // Only a rule that follows the plan in force changes with the periods.
    const followsPlan = [agreement.eligibility, ...agreement.versions.map((v) => v.eligibility)].some((r) => r?.register === id && r.plan === PLAN_IN_FORCE);
    if (!followsPlan) continue;
    for (const p of register.periods) {
      days.add(p.from);
      if (p.until) days.add(dayAfter(p.until));
    }
  }
  return [...days];
}

export function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
