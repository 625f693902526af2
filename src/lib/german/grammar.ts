/**
 * Generic German grammar for sentences built from content nouns: articles, pronouns and adjective
 * endings by gender, case and number. No noun of any body lives here; the nouns come from content
 * (party kinds, registers) with their gender.
 */

export type Gender = 'm' | 'f' | 'n';
export type GrammaticalCase = 'nom' | 'akk' | 'dat' | 'gen';
/** Singular of a gender, or plural (gender plays no part in the plural). */
export type Number_ = 'one' | 'many';

export const GENDERS = ['m', 'f', 'n'] as const;

type Row = Record<GrammaticalCase, string>;
type Table = { m: Row; f: Row; n: Row; many: Row };

function pick(table: Table, gender: Gender, kase: GrammaticalCase, number: Number_): string {
  return number === 'many' ? table.many[kase] : table[gender][kase];
}

const DEFINITE: Table = {
  m: { nom: 'der', akk: 'den', dat: 'dem', gen: 'des' },
  f: { nom: 'die', akk: 'die', dat: 'der', gen: 'der' },
  n: { nom: 'das', akk: 'das', dat: 'dem', gen: 'des' },
  many: { nom: 'die', akk: 'die', dat: 'den', gen: 'der' },
};

/** Endings of ein-words (ein, kein, sein, ihr, jed- differs: see `jeder`). */
const EIN_ENDINGS: Table = {
  m: { nom: '', akk: 'en', dat: 'em', gen: 'es' },
  f: { nom: 'e', akk: 'e', dat: 'er', gen: 'er' },
  n: { nom: '', akk: '', dat: 'em', gen: 'es' },
  many: { nom: 'e', akk: 'e', dat: 'en', gen: 'er' },
};

/** Endings of a der-word standing alone or of jed-/dies-/welch-: the strong pronoun endings. */
const DER_WORD_ENDINGS: Table = {
  m: { nom: 'er', akk: 'en', dat: 'em', gen: 'es' },
  f: { nom: 'e', akk: 'e', dat: 'er', gen: 'er' },
  n: { nom: 'es', akk: 'es', dat: 'em', gen: 'es' },
  many: { nom: 'e', akk: 'e', dat: 'en', gen: 'er' },
};

/** Adjective endings without an article (and after a numeral): „berechtigter Träger“, „weitere Träger“. */
const STRONG: Table = {
  m: { nom: 'er', akk: 'en', dat: 'em', gen: 'en' },
  f: { nom: 'e', akk: 'e', dat: 'er', gen: 'er' },
  n: { nom: 'es', akk: 'es', dat: 'em', gen: 'en' },
  many: { nom: 'e', akk: 'e', dat: 'en', gen: 'er' },
};

/** Adjective endings after der/die/das: „der unterzeichnende Träger“, „die unterzeichnenden Träger“. */
const WEAK: Table = {
  m: { nom: 'e', akk: 'en', dat: 'en', gen: 'en' },
  f: { nom: 'e', akk: 'e', dat: 'en', gen: 'en' },
  n: { nom: 'e', akk: 'e', dat: 'en', gen: 'en' },
  many: { nom: 'en', akk: 'en', dat: 'en', gen: 'en' },
};

/** Adjective endings after ein/kein/sein: „ein weiterer Träger“, „eine weitere Person“. */
const MIXED: Table = {
  m: { nom: 'er', akk: 'en', dat: 'en', gen: 'en' },
  f: { nom: 'e', akk: 'e', dat: 'en', gen: 'en' },
  n: { nom: 'es', akk: 'es', dat: 'en', gen: 'en' },
  many: { nom: 'en', akk: 'en', dat: 'en', gen: 'en' },
};

const RELATIVE: Table = {
  m: { nom: 'der', akk: 'den', dat: 'dem', gen: 'dessen' },
  f: { nom: 'die', akk: 'die', dat: 'der', gen: 'deren' },
  n: { nom: 'das', akk: 'das', dat: 'dem', gen: 'dessen' },
  many: { nom: 'die', akk: 'die', dat: 'denen', gen: 'deren' },
};

const PERSONAL: Table = {
  m: { nom: 'er', akk: 'ihn', dat: 'ihm', gen: 'seiner' },
  f: { nom: 'sie', akk: 'sie', dat: 'ihr', gen: 'ihrer' },
  n: { nom: 'es', akk: 'es', dat: 'ihm', gen: 'seiner' },
  many: { nom: 'sie', akk: 'sie', dat: 'ihnen', gen: 'ihrer' },
};

/** „der“, „den“, „dem“, „des“; „die“ in the plural. */
export function definiteArticle(gender: Gender, kase: GrammaticalCase, number: Number_ = 'one'): string {
  return pick(DEFINITE, gender, kase, number);
}

/** „ein“, „einen“, „einem“, „eines“ / „eine“, „einer“ (singular only). */
export function indefiniteArticle(gender: Gender, kase: GrammaticalCase): string {
  return `ein${pick(EIN_ENDINGS, gender, kase, 'one')}`;
}

/** The article „kein“ before a noun: „kein Träger“, „keine Person“, „keinem Träger“. */
export function negativeArticle(gender: Gender, kase: GrammaticalCase, number: Number_ = 'one'): string {
  return `kein${pick(EIN_ENDINGS, gender, kase, number)}`;
}

/** „keiner“ standing for a noun: „hat bisher keiner unterzeichnet“, „keine“, „keines“. */
export function negativePronoun(gender: Gender, kase: GrammaticalCase, number: Number_ = 'one'): string {
  return `kein${pick(DER_WORD_ENDINGS, gender, kase, number)}`;
}

/** „jeder“, „jedem“, „jede“, „jedes“ (singular). */
export function jeder(gender: Gender, kase: GrammaticalCase): string {
  return `jed${pick(DER_WORD_ENDINGS, gender, kase, 'one')}`;
}

/** „dieser“, „diesen“, „diese“, „dieses“. */
export function dieser(gender: Gender, kase: GrammaticalCase, number: Number_ = 'one'): string {
  return `dies${pick(DER_WORD_ENDINGS, gender, kase, number)}`;
}

/** Relative pronoun: „der“ (Träger), „die“ (Person), „das“ (Amt); „deren“, „dessen“ in the genitive. */
export function relativePronoun(gender: Gender, kase: GrammaticalCase, number: Number_ = 'one'): string {
  return pick(RELATIVE, gender, kase, number);
}

/** „er“, „ihn“, „ihm“ / „sie“ / „es“; „sie“ in the plural. */
export function personalPronoun(gender: Gender, kase: GrammaticalCase, number: Number_ = 'one'): string {
  return pick(PERSONAL, gender, kase, number);
}

/**
 * The possessive of a third person before a noun: the owner's gender picks „sein“ or „ihr“, the
 * noun's gender, case and number the ending („in seinem Auftrag“, „ihre Ansprechstellen“).
 */
export function possessive(owner: Gender, owner_number: Number_, noun: Gender, kase: GrammaticalCase, number: Number_ = 'one'): string {
  const stem = owner_number === 'many' || owner === 'f' ? 'ihr' : 'sein';
  return `${stem}${pick(EIN_ENDINGS, noun, kase, number)}`;
}

export type Declension = 'strong' | 'weak' | 'mixed';

/** An adjective with its ending: `adjective('berechtigt', 'm', 'nom', 'one', 'strong')` → „berechtigter“. */
export function adjective(stem: string, gender: Gender, kase: GrammaticalCase, number: Number_, declension: Declension): string {
  const table = declension === 'strong' ? STRONG : declension === 'weak' ? WEAK : MIXED;
  // Stems ending in -e (e.g. „weise“) take the ending without a second e.
  const ending = pick(table, gender, kase, number);
  return stem.endsWith('e') && ending.startsWith('e') ? `${stem}${ending.slice(1)}` : `${stem}${ending}`;
}

/**
 * „in“ with a dative noun phrase, contracted as German writes it: „im Bedarfsplan“ (m, n),
 * „in der Mitgliederliste“ (f), „in den Listen“ (plural).
 */
export function inDative(gender: Gender, number: Number_ = 'one'): string {
  if (number === 'many') return 'in den';
  return gender === 'f' ? 'in der' : 'im';
}

/** „in“ with an accusative (direction): „in den Bedarfsplan“, „in die Liste“, „in das Verzeichnis“. */
export function inAccusative(gender: Gender, number: Number_ = 'one'): string {
  return `in ${definiteArticle(gender, 'akk', number)}`;
}

/** First letter upper case: the start of a sentence. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Default dative plural of a noun: German adds -n unless the plural ends in -n or -s
 * („Träger“ → „Trägern“, „Gemeinden“, „Autos“ unchanged).
 */
export function dativePlural(plural: string): string {
  return /[ns]$/.test(plural) ? plural : `${plural}n`;
}

/**
 * Default genitive singular: feminine nouns do not change; masculine and neuter nouns add -s, or
 * -es after s, ß, x, z („des Trägers“, „des Landkreises“). Irregular nouns name their form in content.
 */
export function genitiveSingular(noun: string, gender: Gender): string {
  if (gender === 'f') return noun;
  return /(s|ß|x|z)$/.test(noun) ? `${noun}es` : `${noun}s`;
}
