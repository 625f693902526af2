
// One number format for site and letter: „8.240“, „58,6 %“ (non-breaking space), „–“ for an empty whole.
export { formatNumber, formatPercent, joinGerman } from '../format.ts';
import { counted } from '../german/counting.ts';
import type { PartyWords } from './kinds.ts';

/** „A0311/22“ → „A 0311/22“, as council letters write a paper number in running text. */
export function formatPaperNumber(paperId: string): string {
  return paperId.replace(/^([A-Z])(\d)/, '$1\u00a0$2');
}

/** After „für“: „einen Träger“, „15 Träger“, „eine Kindertagespflegeperson“. */
export function accusativeCount(n: number, words: PartyWords): string {
  return n === 1 ? `${words.articleOneAccusative} ${words.accusativeOne}` : counted(n, words.one, words.many);
}
