import type { LedgerEntryLocated } from '../content-model.ts';

/**
 * What the words of the signing figures mean: the one definition behind the council letter, the
 * status page, `npm run ledger -- status|list`, the reminders of `npm run letters` and the open
 * data. `buildSigningFigures` (figures.ts) counts by these definitions, the outputs take their
 * labels from here; none counts or relabels on its own.
 *
 * An offer is one ledger entry: one version offered to one party. At the end of a day its answer is
 * exactly one of
 * - „unterzeichnet“: signed by then – also when a newer version or a termination followed;
 * - „abgelehnt“: declined by then;
 * - „Absicht erklärt“: the party declared it intends to sign; neither signed nor declined;
 * - „keine Antwort“: none of these recorded (a reminder is no answer).
 *
 * „offen“ = „Absicht erklärt“ + „keine Antwort“: neither signed nor declined. A declared intent does
 * not close an offer; the signature does. Only a party's newest offer can be open: once a newer
 * version is offered to it, an older offer without signature or refusal is „ersetzt“.
 *
 * The parties: on a day every eligible party is in exactly one of
 * - „Unterzeichnet, Vereinbarung gilt“: a signed version binds it (a notice may be running);
 * - „Ohne Vereinbarung, Angebot offen“: no version binds it and its newest offer is open – split
 *   into „Absicht erklärt“ and „keine Antwort“;
 * - „Abgelehnt“: no version binds it and its newest offer was declined;
 * - „Gekündigt, Vereinbarung ausgelaufen“: terminated, the notice has run out;
 * - „Noch kein Angebot“.
 *
 * „unterzeichnet“ about parties („72 von 87 Trägern haben unterzeichnet“) means bound that day: a party
 * whose agreement ran out after a termination no longer counts. The column „Unterzeichnet“ of one
 * version's offers counts every signature under that version.
 *
 * A party bound by 1.0 that was offered 1.1 and has not answered counts as „unterzeichnet“ among the
 * parties (1.0 binds it) and as „offen“ among the offers of 1.1. The open offers in total are
 * therefore the parties whose newest offer is open – those without an agreement plus those bound by
 * (or terminated from) an older version – which is the sum of the open offers of every version and
 * never less than any of them.
 */
export type OfferState = 'nicht-angeboten' | 'keine-antwort' | 'absicht' | 'unterzeichnet' | 'abgelehnt' | 'ersetzt';

export const OFFER_STATE_LABELS: Record<OfferState, string> = {
  'nicht-angeboten': 'nicht angeboten',
  'keine-antwort': 'keine Antwort',
  absicht: 'Absicht erklärt',
  unterzeichnet: 'unterzeichnet',
  abgelehnt: 'abgelehnt',
  ersetzt: 'durch neueres Angebot ersetzt',
};

/** „offen“: neither signed nor declined (with or without declared intent). */
export function isOpen(state: OfferState): boolean {
  return state === 'keine-antwort' || state === 'absicht';
}

/** The answer to one offer at the end of `asOf`, on its own (see `offerStateAmong` for „ersetzt“). */
export function offerStateOn(entry: LedgerEntryLocated | undefined, asOf: string): OfferState {
  if (!entry || entry.offered > asOf) return 'nicht-angeboten';
  if (entry.signed && entry.signed <= asOf) return 'unterzeichnet';
  if (entry.declined && entry.declined <= asOf) return 'abgelehnt';
  if (entry.intent && entry.intent <= asOf) return 'absicht';
  return 'keine-antwort';
}

/** The answer to one offer when the party's newest offer that day is of `newestVersion`: an older open offer is „ersetzt“. */
export function offerStateAmong(entry: LedgerEntryLocated | undefined, newestVersion: string | undefined, asOf: string): OfferState {
  const state = offerStateOn(entry, asOf);
  return isOpen(state) && newestVersion !== undefined && entry!.version !== newestVersion ? 'ersetzt' : state;
}

/**
 * Labels of the figures about parties, each for exactly one number of `SigningFigures` – the rows of
 * the letter's table and the status page, and the titles of the open data's columns.
 */
export const PARTY_FIGURE_LABELS = {
  eligible: (many: string, plan: string) => `Berechtigte ${many} (Bedarfsplan ${plan})`,
  offered: 'Angebot erhalten',
  bound: 'Unterzeichnet, Vereinbarung gilt',
  boundBy: (version: string) => `davon Fassung ${version}`,
  terminating: 'darunter gekündigt, Frist läuft noch',
  open: 'Ohne Vereinbarung, Angebot offen',
  intent: 'davon Absicht erklärt',
  noAnswer: 'davon keine Antwort',
  declined: 'Abgelehnt',
  ended: 'Gekündigt, Vereinbarung ausgelaufen',
  notOffered: 'Noch kein Angebot',
} as const;

/** Labels of the figures about the offers of one version (`VersionOffers`): the columns of „Stand je Fassung“. */
export const OFFER_FIGURE_LABELS = {
  offered: 'Angeboten',
  signed: 'Unterzeichnet',
  open: 'Offen',
  declined: 'Abgelehnt',
  replaced: 'Ersetzt',
  /** Not an answer but whom the version binds: `boundByVersion`. */
  bound: 'Gilt für',
} as const;

/** How „offen“ counts, in one sentence for readers of the status page and the open data. */
export const OPEN_RULE =
  'Offen ist ein Angebot, solange es weder unterzeichnet noch abgelehnt ist, auch nach einer erklärten Absicht; wer an eine ältere Fassung gebunden ist, zählt bei den Vertragspartnern als unterzeichnet und beim Angebot der neueren Fassung als offen.';
