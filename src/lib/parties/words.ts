import type { Agreement } from '../../schemas/agreement.ts';

// One number format for site and letter: „8.240“, „58,6 %“ (non-breaking space), „–“ for an empty whole.
export { formatNumber, formatPercent, joinGerman } from '../format.ts';
import { formatNumber } from '../format.ts';

/** „A0311/22“ → „A 0311/22“, as council letters write a paper number in running text. */
export function formatPaperNumber(paperId: string): string {
  return paperId.replace(/^([A-Z])(\d)/, '$1\u00a0$2');
}

/** The nouns and clauses a sentence about the parties of one agreement needs, singular and plural. */
export interface PartyWords {
  /** Nominative: „Träger“ / „Träger“. */
  one: string;
  many: string;
  /** Dative: „(von) einem Träger“ / „(von) 87 Trägern“. */
  dativeOne: string;
  dativeMany: string;
  /** „der Einrichtungen im Bedarfsplan 2021/2022 betreibt“ (relative clause, after a comma). */
  eligibleOne: (plan: string) => string;
  eligibleMany: (plan: string) => string;
  /** „weiterer“ / „weitere“ (nominative, singular of the noun's gender). */
  furtherOne: string;
  /** „keiner“ / „keine“. */
  none: string;
  /** Indefinite article for one party at a sentence start: „Ein“ / „Eine“ (nominative), „Einem“ / „Einer“ (dative). */
  articleOne: string;
  articleOneDative: string;
  /** Accusative article for one party, lower case: „(für) einen Träger“ / „eine Kindertagespflegeperson“. */
  articleOneAccusative: string;
  /** Relative pronoun for one party, nominative: „der“ (Träger) / „die“ (Kindertagespflegeperson). */
  relativeOne: string;
  /** „berechtigter“ (Träger) / „berechtigte“ (Kindertagespflegeperson), nominative singular. */
  eligibleAdjectiveOne: string;
  /** Verb for places: a provider „betreibt“ places, a childminder „bietet“ them. */
  placesVerbOne: string;
  placesVerbMany: string;
  /** „Der unterzeichnende Träger“ / „Die unterzeichnenden Träger“. */
  signedSubjectOne: string;
  signedSubjectMany: string;
}

export const PARTY_WORDS: Record<Agreement['party_kind'], PartyWords> = {
  traeger: {
    one: 'Träger',
    many: 'Träger',
    dativeOne: 'Träger',
    dativeMany: 'Trägern',
    eligibleOne: (plan) => `der Einrichtungen im Bedarfsplan ${plan} betreibt`,
    eligibleMany: (plan) => `die Einrichtungen im Bedarfsplan ${plan} betreiben`,
    furtherOne: 'weiterer',
    none: 'keiner',
    articleOne: 'Ein',
    articleOneDative: 'Einem',
    relativeOne: 'der',
    articleOneAccusative: 'einen',
    eligibleAdjectiveOne: 'berechtigter',
    placesVerbOne: 'betreibt',
    placesVerbMany: 'betreiben',
    signedSubjectOne: 'Der unterzeichnende Träger',
    signedSubjectMany: 'Die unterzeichnenden Träger',
  },
  kindertagespflege: {
    one: 'Kindertagespflegeperson',
    many: 'Kindertagespflegepersonen',
    dativeOne: 'Kindertagespflegeperson',
    dativeMany: 'Kindertagespflegepersonen',
    eligibleOne: (plan) => `die in den Bedarfsplan ${plan} aufgenommen ist`,
    eligibleMany: (plan) => `die in den Bedarfsplan ${plan} aufgenommen sind`,
    furtherOne: 'weitere',
    none: 'keine',
    articleOne: 'Eine',
    articleOneDative: 'Einer',
    relativeOne: 'die',
    articleOneAccusative: 'eine',
    eligibleAdjectiveOne: 'berechtigte',
    placesVerbOne: 'bietet',
    placesVerbMany: 'bieten',
    signedSubjectOne: 'Die unterzeichnende Kindertagespflegeperson',
    signedSubjectMany: 'Die unterzeichnenden Kindertagespflegepersonen',
  },
};

const SMALL_NUMBERS = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'];

/**
 * A count that opens a sentence: German style avoids a numeral there. „Ein Träger“,
 * „Einem Träger“, „Sechs weitere Träger“; from 13 on the numeral stays („35 Träger“).
 * `article` is the word for one („Ein“, „Einem“); `adjective` goes between count and noun.
 */
export function countAtSentenceStart(n: number, article: string, one: string, many: string, adjective = ''): string {
  const middle = adjective ? `${adjective} ` : '';
  if (n === 1) return `${article} ${middle}${one}`;
  if (n > 1 && n <= 12) {
    const word = SMALL_NUMBERS[n]!;
    return `${word.charAt(0).toUpperCase()}${word.slice(1)} ${middle}${many}`;
  }
  return `${formatNumber(n)} ${middle}${n === 1 ? one : many}`;
}

/** Like `counted`, but one is „einem Träger“, not „1 Träger“ (`article` in the sentence's case, lower case). */
export function countedWithArticle(n: number, article: string, one: string, many: string): string {
  return n === 1 ? `${article} ${one}` : counted(n, one, many);
}

/** After „für“: „einen Träger“, „15 Träger“, „eine Kindertagespflegeperson“. */
export function accusativeCount(n: number, words: PartyWords): string {
  return n === 1 ? `${words.articleOneAccusative} ${words.one}` : counted(n, words.one, words.many);
}

/** „1 Träger“, „51 Träger“; the noun follows the number. */
export function counted(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

/** „hat“ / „haben“ for a subject of `n`. */
export function has(n: number): string {
  return n === 1 ? 'hat' : 'haben';
}

/** „ist“ / „sind“. */
export function is(n: number): string {
  return n === 1 ? 'ist' : 'sind';
}
