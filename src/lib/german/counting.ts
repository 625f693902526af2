import { formatNumber } from '../format.ts';

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
