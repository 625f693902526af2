import type { AgreementEntry } from '../content-model.ts';
import { formatDateDe } from '../dates.ts';
import { formatNumber, formatPercent, joinGerman } from '../format.ts';
import { accusativeCount, countAtSentenceStart, counted, countedWithArticle, has, is, PARTY_WORDS, type PartyWords } from '../parties/words.ts';
import type { SigningFigures, VersionOffers } from './figures.ts';

/**
 * The sentences that state the signing figures. The letter, `npm run ledger -- status` and the
 * site print these very sentences, so they cannot drift apart.
 */


/** How the figures count, in one sentence for readers of the letter and the site. */
export const BINDING_RULE =
  'Eine Unterschrift zählt ab dem Tag, an dem sie geleistet wurde; wer eine neuere Fassung unterzeichnet, zählt von da an bei dieser. Eine Kündigung zählt erst, wenn ihre Frist abgelaufen ist.';

/** „51 von 87 Trägern haben unterzeichnet.“ – bound parties of all eligible ones. */
export function signingHeadline(agreement: AgreementEntry, f: SigningFigures): string {
  const words = PARTY_WORDS[agreement.party_kind];
  return `${formatNumber(f.bound)} von ${formatNumber(f.eligible)} ${f.eligible === 1 ? words.dativeOne : words.dativeMany} ${has(f.bound)} unterzeichnet.`;
}

/** Versions that bind at least one party, newest first. */
export function bindingVersions(f: SigningFigures): { version: string; bound: number }[] {
  return f.boundByVersion.filter((v) => v.bound > 0);
}

/** „Für 57 von ihnen gilt die Fassung 1.1, für 15 noch die Fassung 1.0.“ – only when more than one version binds. */
export function versionSplitSentence(agreement: AgreementEntry, f: SigningFigures): string | undefined {
  const binding = bindingVersions(f);
  if (binding.length < 2) return undefined;
  const newest = f.boundByVersion[0]?.version;
  const one = PARTY_WORDS[agreement.party_kind].articleOneAccusative;
  const parts = binding.map(
    (v, i) => `für ${v.bound === 1 ? one : formatNumber(v.bound)}${i === 0 ? ' von ihnen gilt' : ''} ${v.version === newest ? '' : 'noch '}die Fassung ${v.version}`,
  );
  const sentence = `${joinGerman(parts)}.`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** „Ein Träger hat die Vereinbarung zum 28. Februar 2023 gekündigt; bis dahin gilt sie weiter.“ and the ended ones. */
export function terminationSentences(words: PartyWords, f: SigningFigures): string[] {
  const out: string[] = [];
  const byEnd = new Map<string, number>();
  for (const t of f.terminating) byEnd.set(t.termination.endsOn, (byEnd.get(t.termination.endsOn) ?? 0) + 1);
  for (const [endsOn, n] of [...byEnd].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.push(`${countAtSentenceStart(n, words.articleOne, words.one, words.many)} ${has(n)} die Vereinbarung zum ${formatDateDe(endsOn)} gekündigt; bis dahin gilt sie weiter.`);
  }
  if (f.ended.length > 0) {
    const n = f.ended.length;
    const ends = [...new Set(f.ended.map((e) => e.termination.endsOn))].sort().map(formatDateDe);
    // „nach seiner Kündigung“ (ein Träger), „nach ihrer“ (eine Kindertagespflegeperson, mehrere)
    const pronoun = n === 1 && words.articleOne === 'Ein' ? 'seiner' : 'ihrer';
    const when = ends.length === 1 ? `am ${ends[0]}` : `zum ${joinGerman(ends)}`;
    out.push(`Für ${accusativeCount(n, words)} ist die Vereinbarung nach ${pronoun} Kündigung ${when} ausgelaufen.`);
  }
  return out;
}

/** „Von 87 Trägern, die …, haben 51 Träger (58,6 %) die Vereinbarung unterzeichnet.“ and what follows. */
export function figureSentences(agreement: AgreementEntry, f: SigningFigures): string[] {
  const words = PARTY_WORDS[agreement.party_kind];
  const plan = agreement.bedarfsplan;
  const out: string[] = [];
  if (f.eligible === 0) {
    out.push(`Im Bedarfsplan ${plan} ist ${words.none === 'keiner' ? 'kein' : 'keine'} ${words.one} verzeichnet.`);
    return out;
  }
  const of = `Von ${countedWithArticle(f.eligible, words.articleOneDative.toLowerCase(), words.dativeOne, words.dativeMany)}, ${f.eligible === 1 ? words.eligibleOne(plan) : words.eligibleMany(plan)},`;
  if (f.bound === 0) out.push(`${of} hat bisher ${words.none} die Vereinbarung unterzeichnet.`);
  else out.push(`${of} ${has(f.bound)} ${counted(f.bound, words.one, words.many)} (${formatPercent(f.bound, f.eligible)}) die Vereinbarung unterzeichnet.`);
  const split = versionSplitSentence(agreement, f);
  if (split) out.push(split);

  const noAnswer = f.noAnswer;
  const openParts: string[] = [];
  if (f.intent > 0) {
    openParts.push(
      // „weitere“ only when some have signed already.
      `${countAtSentenceStart(f.intent, words.articleOne, words.one, words.many, f.bound === 0 ? '' : f.intent === 1 ? words.furtherOne : 'weitere')} ${has(f.intent)} signalisiert, die Vereinbarung abschließen zu wollen`,
    );
  }
  if (noAnswer > 0) openParts.push(`von ${countedWithArticle(noAnswer, words.articleOneDative.toLowerCase(), words.dativeOne, words.dativeMany)} liegt noch keine Antwort vor`);
  if (openParts.length > 0) {
    const sentence = openParts.join('; ');
    out.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
  }
  if (f.declined > 0) out.push(`${countAtSentenceStart(f.declined, words.articleOne, words.one, words.many)} ${has(f.declined)} den Abschluss abgelehnt.`);
  out.push(...terminationSentences(words, f));
  if (f.notOffered > 0) {
    out.push(`${countAtSentenceStart(f.notOffered, words.articleOneDative, words.dativeOne, words.dativeMany)} wurde die Vereinbarung noch nicht angeboten.`);
  }
  const total = openOffersSentence(words, f);
  if (total) out.push(total);
  return out;
}

/**
 * „Insgesamt sind 27 Angebote noch offen: 12 an Träger ohne Vereinbarung und 15 an Träger, die noch an
 * eine ältere Fassung gebunden sind.“ – every open offer (terms.ts), so no figure of a single version
 * can exceed it. „Damit ist kein Angebot mehr offen.“ once everyone has been offered and answered.
 */
export function openOffersSentence(words: PartyWords, f: SigningFigures): string | undefined {
  const { total, unbound, whileBound, afterEnd } = f.openOffers;
  if (total === 0) return f.notOffered === 0 ? 'Damit ist kein Angebot mehr offen.' : undefined;
  const head = `Insgesamt ${is(total)} ${counted(total, 'Angebot', 'Angebote')} noch offen`;
  if (total === unbound) return `${head}.`;
  const to = (n: number, rest: (one: boolean) => string) =>
    `${n === 1 ? 'eines' : formatNumber(n)} an ${n === 1 ? `${words.articleOneAccusative} ${words.one}` : words.many}${rest(n === 1)}`;
  const parts = [
    unbound > 0 ? to(unbound, () => ' ohne Vereinbarung') : '',
    whileBound > 0 ? to(whileBound, (one) => `, ${one ? `${words.relativeOne} noch an eine ältere Fassung gebunden ist` : 'die noch an eine ältere Fassung gebunden sind'}`) : '',
    afterEnd > 0 ? to(afterEnd, (one) => `, ${one ? (words.relativeOne === 'der' ? 'dessen' : 'deren') : 'deren'} Vereinbarung nach einer Kündigung ausgelaufen ist`) : '',
  ].filter(Boolean);
  return `${head}: ${joinGerman(parts)}.`;
}

/** „Die unterzeichnenden Träger betreiben 14.450 von 16.184 Plätzen …“ – undefined when nothing to say. */
export function placesSentence(agreement: AgreementEntry, f: SigningFigures): string | undefined {
  const words = PARTY_WORDS[agreement.party_kind];
  if (f.bound === 0 || f.placesEligible === 0) return undefined;
  const subject = f.bound === 1 ? words.signedSubjectOne : words.signedSubjectMany;
  const verb = f.bound === 1 ? words.placesVerbOne : words.placesVerbMany;
  return `${subject} ${verb} ${formatNumber(f.placesBound)} von ${counted(f.placesEligible, 'Platz', 'Plätzen')} im Bedarfsplan ${agreement.bedarfsplan}; das ist ein Anteil von ${formatPercent(f.placesBound, f.placesEligible)}.`;
}

/**
 * How the offer of a later version stands: „Zur erneuten Unterzeichnung angeboten wurde sie 72
 * von 87 Trägern; 57 Träger haben sie unterzeichnet. …“ (without the sentence on its adoption).
 */
export function renewalSentences(agreement: AgreementEntry, f: SigningFigures, offers: VersionOffers): string[] {
  const words = PARTY_WORDS[agreement.party_kind];
  const parts: string[] = [];
  if (offers.offered === 0) {
    parts.push(`Bis zum ${formatDateDe(f.asOf)} wurde sie noch ${words.none === 'keiner' ? 'keinem' : 'keiner'} ${words.dativeOne} zur erneuten Unterzeichnung angeboten.`);
    return parts;
  }
  const offeredTo = `Zur erneuten Unterzeichnung angeboten wurde sie ${formatNumber(offers.offered)} von ${counted(f.eligible, words.dativeOne, words.dativeMany)}`;
  const signed = offers.signed === 0 ? `unterzeichnet hat sie noch ${words.none}` : `${counted(offers.signed, words.one, words.many)} ${has(offers.signed)} sie unterzeichnet`;
  parts.push(`${offeredTo}; ${signed}.`);
  if (offers.open > 0) {
    const intent = offers.intent > 0 ? `, darunter ${offers.intent === 1 ? 'eines' : formatNumber(offers.intent)} mit erklärter Absicht zur Unterzeichnung` : '';
    parts.push(`${countAtSentenceStart(offers.open, 'Ein', 'Angebot', 'Angebote')} ${is(offers.open)} noch offen${intent}.`);
  }
  if (offers.openWhileBound > 0) {
    const n = offers.openWhileBound;
    parts.push(
      `Für ${accusativeCount(n, words)} mit offenem Angebot gilt bis zur Unterzeichnung die bisher unterzeichnete Fassung weiter.`,
    );
  }
  if (offers.declined > 0) parts.push(`${countAtSentenceStart(offers.declined, words.articleOne, words.one, words.many)} ${has(offers.declined)} die geänderte Fassung abgelehnt.`);
  return parts;
}
