import { versionRank } from '../agreement/versions.ts';
import type { AgreementEntry, Content } from '../content-model.ts';
import { formatDateDe } from '../dates.ts';
import { joinGerman } from '../format.ts';
import { endSentence } from '../typography.ts';
import { recordedVersionChecksum, versionChecksumOn } from '../version-text.ts';
import type { Regime } from '../../schemas/common.ts';

/** A PDF copy the public check page recognises, with what it can say about it. */
export interface KnownCopy {
  sha256: string;
  documentId?: string;
  party: string;
  /** The provider's name: providers are organisations listed in the public directory. */
  partyName: string;
  agreement: string;
  agreementTitle: string;
  version: string;
  /** „die aktuell veröffentlichte Ausfertigung“, „die Ausfertigung, die das Zeichnungsregister bei der Unterschrift vom … nennt“ … */
  what: string;
  /**
   * What „PDF prüfen“ says after „„datei.pdf“ ist “: what the copy is, its document id, agreement,
   * version and party, ended once (a name ending in „e. V.“ gets no second period); for a public
   * provider's current copy also what the ledger records of it.
   */
  sentence: string;
  /**
   * Set only when the text the party would sign today differs from this copy's text: another
   * version, another regime's wording or a corrected text. Other bytes of the same text (a new
   * template, another browser) are no newer copy.
   */
  newer?: NewerCopy;
  /** Site path of the current file, when this is it. */
  path?: string;
}

/** The copy with the text the party would sign today, and what differs, in words before the link „Version …“. */
export interface NewerCopy {
  version: string;
  path: string;
  /** „Es gibt eine neuere Ausfertigung für diesen Träger:“ (another version), „Der Text dieser Version wurde seither berichtigt; die aktuelle Ausfertigung:“ … */
  lead: string;
}

/** The minimum of a PDF manifest entry this needs. */
export interface PublishedCopy {
  path: string;
  party: string;
  agreement: string;
  version: string;
  sha256: string;
  documentId?: string;
  /** Absent in older callers: then the party's regime. */
  regime?: Regime;
}

/** Which text a copy holds: version, regime and the checksum of the version's text on the day. */
interface TextIdentity {
  version: string;
  regime: Regime;
  textSha256: string | undefined;
}

function sameText(a: TextIdentity, b: TextIdentity): boolean {
  return a.version === b.version && a.regime === b.regime && a.textSha256 === b.textSha256;
}

interface LedgerEvent {
  /** „beim Angebot vom 4. April 2022“, „bei der Erinnerung vom …“, „bei der Unterschrift vom …“ */
  text: string;
  date?: string;
}

/**
 * Every copy a provider may hold and check: the ones published now (manifest) and every copy
 * the ledger names for an offer, a reminder or a signature, current or superseded. Childminders'
 * copies are private and never listed. What the ledger says about a provider whose signing status
 * is not published is reduced to „im Zeichnungsregister vermerkt“, without event or date.
 */
export function buildCopyRegister(content: Content, published: readonly PublishedCopy[]): KnownCopy[] {
  const providers = new Map(content.providers.map((p) => [p.id, p]));
  const agreements = new Map(content.agreements.filter((a) => a.party_kind === 'traeger').map((a) => [a.id, a]));
  const publishedByParty = new Map<string, PublishedCopy[]>();
  for (const copy of published) {
    const key = `${copy.agreement}\u0000${copy.party}`;
    publishedByParty.set(key, [...(publishedByParty.get(key) ?? []), copy]);
  }
  const textToday = (agreement: AgreementEntry, version: string, regime: Regime): TextIdentity => {
    const v = agreement.versions.find((x) => x.version === version);
    return { version, regime, textSha256: v ? recordedVersionChecksum(v) : undefined };
  };
  /** The newest published copy of that party, when the text it holds differs from `mine`. */
  const newerThan = (agreement: AgreementEntry, party: string, mine: TextIdentity) => {
    const list = [...(publishedByParty.get(`${agreement.id}\u0000${party}`) ?? [])].sort((a, b) => versionRank(agreement, b.version) - versionRank(agreement, a.version));
    const newest = list[0];
    if (!newest || versionRank(agreement, newest.version) < versionRank(agreement, mine.version)) return undefined;
    const regime = newest.regime ?? providers.get(party)!.regime;
    const today = textToday(agreement, newest.version, regime);
    if (sameText(today, mine)) return undefined;
    const lead =
      today.version !== mine.version
        ? 'Es gibt eine neuere Ausfertigung für diesen Träger:'
        : today.regime !== mine.regime
          ? 'Für diesen Träger gilt inzwischen die Fassung eines anderen Datenschutzrechts:'
          : 'Der Text dieser Version wurde seither berichtigt; die aktuelle Ausfertigung:';
    return { version: newest.version, path: `/${newest.path}`, lead };
  };

  // What the ledger says of each copy it names, by the copy's checksum (one copy may be offered, enclosed again and signed).
  const events = new Map<string, { party: string; agreement: AgreementEntry; version: string; documentId: string; firstDate: string; list: LedgerEvent[] }>();
  for (const ledger of content.ledgers) {
    const agreement = agreements.get(ledger.agreement);
    if (!agreement) continue;
    for (const entry of ledger.entries) {
      if (!providers.has(entry.party)) continue;
      const named = [
        { copy: entry.offered_copy, text: `beim Angebot vom ${formatDateDe(entry.offered)}`, date: entry.offered },
        // A reminder may enclose a copy from a later build: the party may sign that one.
        ...(entry.reminders ?? []).map((r) => ({ copy: r.copy, text: `bei der Erinnerung vom ${formatDateDe(r.date)}`, date: r.date })),
        { copy: entry.signed_copy, text: entry.signed ? `bei der Unterschrift vom ${formatDateDe(entry.signed)}` : 'bei der Unterschrift', date: entry.signed },
      ];
      for (const { copy, text, date } of named) {
        if (!copy) continue;
        const known = events.get(copy.sha256);
        if (known) {
          if (!known.list.some((e) => e.text === text)) known.list.push({ text, date });
          continue;
        }
        events.set(copy.sha256, { party: entry.party, agreement, version: entry.version, documentId: copy.document_id, firstDate: date ?? entry.offered, list: [{ text, date }] });
      }
    }
  }
  const eventsText = (sha256: string, party: string) => {
    const known = events.get(sha256);
    if (!known || !providers.get(party)!.publish_signing_status) return undefined;
    return joinGerman(known.list.map((e) => e.text));
  };

  const out: KnownCopy[] = [];
  for (const copy of published) {
    const agreement = agreements.get(copy.agreement);
    const provider = providers.get(copy.party);
    if (!agreement || !provider) continue;
    const recorded = eventsText(copy.sha256, copy.party);
    out.push(known(agreement, provider.name, copy.party, copy.version, copy.sha256, copy.documentId, 'die aktuell veröffentlichte Ausfertigung', {
      newer: newerThan(agreement, copy.party, textToday(agreement, copy.version, copy.regime ?? provider.regime)),
      path: `/${copy.path}`,
      // The copy published now is, since copies no longer change with the ledger, often the one offered and signed.
      note: recorded ? `Das Zeichnungsregister nennt sie ${recorded}.` : undefined,
    }));
  }
  const seen = new Set(out.map((c) => c.sha256));
  for (const [sha256, known_] of events) {
    if (seen.has(sha256)) continue;
    const provider = providers.get(known_.party)!;
    const v = known_.agreement.versions.find((x) => x.version === known_.version);
    // The text the copy held on the day the ledger first names it (an erratum may have corrected it since).
    const mine: TextIdentity = { version: known_.version, regime: provider.regime, textSha256: v ? versionChecksumOn(v, known_.firstDate) : undefined };
    const recorded = eventsText(sha256, known_.party);
    const what = recorded ? `die Ausfertigung, die das Zeichnungsregister ${recorded} nennt` : 'eine im Zeichnungsregister vermerkte Ausfertigung';
    out.push(known(known_.agreement, provider.name, known_.party, known_.version, sha256, known_.documentId, what, { newer: newerThan(known_.agreement, known_.party, mine) }));
  }
  return out.sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
}

function known(
  agreement: AgreementEntry,
  partyName: string,
  party: string,
  version: string,
  sha256: string,
  documentId: string | undefined,
  what: string,
  rest: { newer?: KnownCopy['newer']; path?: string; note?: string },
): KnownCopy {
  const id = documentId ? ` (Dokumentkennung ${documentId})` : '';
  const main = endSentence(`${what}${id}: ${agreement.short_title}, Version ${version}, für ${partyName}`);
  return {
    sha256,
    documentId,
    party,
    partyName,
    agreement: agreement.id,
    agreementTitle: agreement.short_title,
    version,
    what,
    sentence: rest.note ? `${main} ${rest.note}` : main,
    ...(rest.newer ? { newer: rest.newer } : {}),
    ...(rest.path ? { path: rest.path } : {}),
  };
}

/** A letter of a run in the records (`versand.json`), as far as the public site may know it: no addressee. */
export interface SentLetter {
  sha256: string;
  kind: 'angebot' | 'erinnerung' | 'aenderung';
  /** The date the letter carries (the run's date). */
  date: string;
  agreement: string;
  version: string;
}

/** A sent letter „PDF prüfen“ recognises by its checksum. Only non-personal facts: no party, no address. */
export interface KnownLetter {
  sha256: string;
  date: string;
  agreement: string;
  version: string;
  /** What „PDF prüfen“ says after „„datei.pdf“ ist “. */
  sentence: string;
}

const LETTER_WHAT: Record<SentLetter['kind'], string> = {
  angebot: 'Angebot',
  erinnerung: 'Erinnerung',
  aenderung: '„Was ändert sich für Sie?“',
};

/**
 * The letters in the records, for the check page: the checksum, the day, the agreement and version
 * and what kind of letter it is – never to whom it went. One entry per checksum.
 */
export function buildLetterRegister(content: Content, letters: readonly SentLetter[]): KnownLetter[] {
  const bySha = new Map<string, KnownLetter>();
  for (const letter of letters) {
    if (bySha.has(letter.sha256)) continue;
    const agreement = content.agreements.find((a) => a.id === letter.agreement);
    const title = agreement?.short_title ?? letter.agreement;
    bySha.set(letter.sha256, {
      sha256: letter.sha256,
      date: letter.date,
      agreement: letter.agreement,
      version: letter.version,
      sentence: endSentence(`ein versandtes Schreiben vom ${formatDateDe(letter.date)} (${LETTER_WHAT[letter.kind]}: ${title}, Version ${letter.version})`),
    });
  }
  return [...bySha.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
}
