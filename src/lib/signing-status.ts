import { REGIMES, type Regime } from '../schemas/common.ts';
import type { AgreementEntry, Content, LedgerEntryLocated, PartyEntry } from './content-model.ts';
import { bedarfsplanPlaces, eligibleParties } from './eligibility.ts';

export type PartyStatus = 'nicht-angeboten' | 'offen' | 'absicht' | 'unterzeichnet' | 'abgelehnt' | 'widerrufen';

export const PARTY_STATUS_LABELS: Record<PartyStatus, string> = {
  'nicht-angeboten': 'nicht angeboten',
  offen: 'offen',
  absicht: 'Absicht erklärt',
  unterzeichnet: 'unterzeichnet',
  abgelehnt: 'abgelehnt',
  widerrufen: 'widerrufen',
};

/**
 * Status of one ledger entry at the end of day `asOf`: an event counts from its own date
 * (inclusive); a withdrawal cancels a signature from the withdrawal date on.
 */
export function statusAsOf(entry: LedgerEntryLocated | undefined, asOf: string): PartyStatus {
  if (!entry || entry.offered > asOf) return 'nicht-angeboten';
  if (entry.withdrawn && entry.withdrawn <= asOf) return 'widerrufen';
  if (entry.signed && entry.signed <= asOf) return 'unterzeichnet';
  if (entry.declined && entry.declined <= asOf) return 'abgelehnt';
  if (entry.intent && entry.intent <= asOf) return 'absicht';
  return 'offen';
}

export interface RegimeFigures {
  eligible: number;
  signed: number;
}

export interface SigningFigures {
  agreementId: string;
  version: string;
  asOf: string;
  /** Parties in the Bedarfsplan the agreement names. */
  eligible: number;
  offered: number;
  signed: number;
  /** Signalled intent, not yet signed (a subset of `open`). */
  intent: number;
  declined: number;
  withdrawn: number;
  /** Offered and not yet answered: neither signed, declined nor withdrawn. */
  open: number;
  notOffered: number;
  placesEligible: number;
  placesSigned: number;
  byRegime: Record<Regime, RegimeFigures>;
  /** Status per eligible party, in id order (for internal use; the public site shows only published ones). */
  parties: { party: PartyEntry; status: PartyStatus; entry?: LedgerEntryLocated }[];
}

export function ledgerEntriesFor(content: Content, agreementId: string, version: string): Map<string, LedgerEntryLocated> {
  const ledger = content.ledgers.find((l) => l.agreement === agreementId);
  const map = new Map<string, LedgerEntryLocated>();
  for (const entry of ledger?.entries ?? []) if (entry.version === version) map.set(entry.party, entry);
  return map;
}

export function computeSigningFigures(content: Content, agreement: AgreementEntry, version: string, asOf: string): SigningFigures {
  const entries = ledgerEntriesFor(content, agreement.id, version);
  const parties = eligibleParties(content, agreement).map((party) => {
    const entry = entries.get(party.id);
    return { party, entry, status: statusAsOf(entry, asOf) };
  });
  const count = (s: PartyStatus) => parties.filter((p) => p.status === s).length;
  const byRegime = Object.fromEntries(
    REGIMES.map((regime) => {
      const inRegime = parties.filter((p) => p.party.regime === regime);
      return [regime, { eligible: inRegime.length, signed: inRegime.filter((p) => p.status === 'unterzeichnet').length }];
    }),
  ) as Record<Regime, RegimeFigures>;
  const signed = count('unterzeichnet');
  const notOffered = count('nicht-angeboten');
  return {
    agreementId: agreement.id,
    version,
    asOf,
    eligible: parties.length,
    offered: parties.length - notOffered,
    signed,
    intent: count('absicht'),
    declined: count('abgelehnt'),
    withdrawn: count('widerrufen'),
    open: count('offen') + count('absicht'),
    notOffered,
    placesEligible: parties.reduce((sum, p) => sum + bedarfsplanPlaces(p.party, agreement), 0),
    placesSigned: parties.filter((p) => p.status === 'unterzeichnet').reduce((sum, p) => sum + bedarfsplanPlaces(p.party, agreement), 0),
    byRegime,
    parties,
  };
}

export interface TimelinePoint {
  date: string;
  /** Signatures in force at the end of that day. */
  signed: number;
}

/** Cumulative signatures in force after each day on which something changed. */
export function signingTimeline(content: Content, agreement: AgreementEntry, version: string): TimelinePoint[] {
  const entries = [...ledgerEntriesFor(content, agreement.id, version).values()];
  const eligible = new Set(eligibleParties(content, agreement).map((p) => p.id));
  const deltas = new Map<string, number>();
  for (const e of entries) {
    if (!eligible.has(e.party) || !e.signed) continue;
    deltas.set(e.signed, (deltas.get(e.signed) ?? 0) + 1);
    if (e.withdrawn) deltas.set(e.withdrawn, (deltas.get(e.withdrawn) ?? 0) - 1);
  }
  let running = 0;
  return [...deltas.keys()].sort().map((date) => {
    running += deltas.get(date)!;
    return { date, signed: running };
  });
}

/** The latest date any ledger event of the content carries: „today“ as far as the content knows. */
export function latestLedgerDate(content: Content): string | undefined {
  let latest: string | undefined;
  for (const ledger of content.ledgers) {
    for (const e of ledger.entries) {
      for (const d of [e.offered, e.intent, e.signed, e.declined, e.withdrawn]) if (d && (!latest || d > latest)) latest = d;
    }
  }
  return latest;
}
