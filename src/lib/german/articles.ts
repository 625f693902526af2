/**
 * German articles and the prepositions that merge with them, by gender and case: enough to put
 * a noun phrase from content („Stadt Musterstadt“, f) into a sentence („der Stadt
 * Musterstadt“, „vom Hauptausschuss“). Generic grammar: no noun of any body lives here.
 *
 * Articles, possessives and the types come from the fuller grammar module (`german/grammar.ts`);
 * this file adds the contracted preposition.
 */
import type { Gender, Number_ } from './grammar.ts';

export { capitalize, definiteArticle, GENDERS, possessive, type Gender, type GrammaticalCase, type Number_ } from './grammar.ts';

/** „von“ with a dative article, contracted as German writes it: „vom“ (m, n), „von der“ (f), „von den“. */
export function vonDative(gender: Gender, number: Number_ = 'one'): string {
  if (number === 'many') return 'von den';
  return gender === 'f' ? 'von der' : 'vom';
}
