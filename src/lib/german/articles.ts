/**
 * German articles and the prepositions that merge with them, by gender and case: enough to put
 * a noun phrase from content („Stadt Musterstadt“, f) into a sentence („der Stadt
 * Musterstadt“, „vom Hauptausschuss“). Generic grammar: no noun of any body lives here.
 *
 * The signatures follow the fuller grammar module of the party kinds (`german/grammar.ts`), so this
 * file can later re-export from it.
 */

export type Gender = 'm' | 'f' | 'n';
export type GrammaticalCase = 'nom' | 'akk' | 'dat' | 'gen';
/** Singular, or plural (gender plays no part in the plural). */
export type Number_ = 'one' | 'many';

export const GENDERS = ['m', 'f', 'n'] as const;

type Row = Record<GrammaticalCase, string>;
type Table = { m: Row; f: Row; n: Row; many: Row };

const DEFINITE: Table = {
  m: { nom: 'der', akk: 'den', dat: 'dem', gen: 'des' },
  f: { nom: 'die', akk: 'die', dat: 'der', gen: 'der' },
  n: { nom: 'das', akk: 'das', dat: 'dem', gen: 'des' },
  many: { nom: 'die', akk: 'die', dat: 'den', gen: 'der' },
};

/** Endings of ein-words (ein, kein, sein, ihr). */
const EIN_ENDINGS: Table = {
  m: { nom: '', akk: 'en', dat: 'em', gen: 'es' },
  f: { nom: 'e', akk: 'e', dat: 'er', gen: 'er' },
  n: { nom: '', akk: '', dat: 'em', gen: 'es' },
  many: { nom: 'e', akk: 'e', dat: 'en', gen: 'er' },
};

function pick(table: Table, gender: Gender, kase: GrammaticalCase, number: Number_): string {
  return number === 'many' ? table.many[kase] : table[gender][kase];
}

/** „der“, „den“, „dem“, „des“; „die“ in the plural. */
export function definiteArticle(gender: Gender, kase: GrammaticalCase, number: Number_ = 'one'): string {
  return pick(DEFINITE, gender, kase, number);
}

/**
 * The possessive of a third person before a noun: the owner's gender picks „sein“ or „ihr“, the
 * noun's gender, case and number the ending („durch ihren IT-Dienstleister“, „in seinem Auftrag“).
 */
export function possessive(owner: Gender, ownerNumber: Number_, noun: Gender, kase: GrammaticalCase, number: Number_ = 'one'): string {
  const stem = ownerNumber === 'many' || owner === 'f' ? 'ihr' : 'sein';
  return `${stem}${pick(EIN_ENDINGS, noun, kase, number)}`;
}

/** „von“ with a dative article, contracted as German writes it: „vom“ (m, n), „von der“ (f), „von den“. */
export function vonDative(gender: Gender, number: Number_ = 'one'): string {
  if (number === 'many') return 'von den';
  return gender === 'f' ? 'von der' : 'vom';
}

/** First letter upper case: the start of a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
