import type { AgreementEntry, Content, PartyEntry, PartyKindEntry, RegisterEntry } from '../content-model.ts';
import {
  adjective,
  capitalize,
  dativePlural,
  definiteArticle,
  genitiveSingular,
  inDative,
  indefiniteArticle,
  negativeArticle,
  negativePronoun,
  relativePronoun,
  type Gender,
  type GrammaticalCase,
  type Number_,
} from '../german/grammar.ts';
import { memo } from '../memo.ts';
import type { PartyWordsInput } from '../../schemas/party-kind.ts';

/**
 * Party kinds as the content declares them (`parties/<kind>.yaml`) and the German words every
 * sentence about their parties uses. Nothing here knows a kind: nouns, genders and clauses come
 * from the kind file; grammar from `german/`.
 */

export function kindOf(content: Content, id: string): PartyKindEntry | undefined {
  return memo(content, 'kinds-by-id', () => new Map(content.kinds.map((k) => [k.id, k]))).get(id);
}

export function registerOf(content: Content, id: string): RegisterEntry | undefined {
  return memo(content, 'registers-by-id', () => new Map(content.registers.map((r) => [r.id, r]))).get(id);
}

export function partyById(content: Content, id: string): PartyEntry | undefined {
  return memo(content, 'parties-by-id', () => new Map(content.parties.map((p) => [p.id, p]))).get(id);
}

/** The kinds an agreement is made with, in its order (undeclared ones are left out; rule `partnerarten` reports them). */
export function agreementKinds(content: Content, agreement: AgreementEntry): PartyKindEntry[] {
  return agreement.party_kinds.map((id) => kindOf(content, id)).filter((k): k is PartyKindEntry => k !== undefined);
}

/** Parties of the kinds an agreement is made with, in id order. */
export function partiesFor(content: Content, agreement: AgreementEntry): PartyEntry[] {
  return memo(content, `parties-for:${agreement.id}`, () => content.parties.filter((p) => agreement.party_kinds.includes(p.kind)));
}

/** Parties of one kind, in id order. */
export function partiesOfKind(content: Content, kindId: string): PartyEntry[] {
  return memo(content, `parties-of:${kindId}`, () => content.parties.filter((p) => p.kind === kindId));
}

/** The kinds with a public directory (never natural persons), in id order. */
export function directoryKinds(content: Content): PartyKindEntry[] {
  return content.kinds.filter((k) => k.directory && !k.natural_person);
}

/** The URL slug of a kind's directory. */
export function kindSlug(kind: PartyKindEntry): string {
  return kind.slug ?? kind.id;
}

/** A party's copies and letters hold personal data when its kind is one of natural persons. */
export function isNaturalPerson(content: Content, party: PartyEntry): boolean {
  return kindOf(content, party.kind)?.natural_person ?? false;
}

/** A register as a sentence names it: „Bedarfsplan 2021/2022“ and its gender for „im“/„in der“. */
export interface RegisterPhrase {
  /** „Bedarfsplan“ */
  name: string;
  /** „Bedarfsplan 2021/2022“, or the name alone when no plan applies. */
  label: string;
  gender: Gender;
}

/** „im Bedarfsplan 2021/2022“, „in der Mitgliederliste 2025“. */
export function inRegister(register: RegisterPhrase, withPlan = true): string {
  return `${inDative(register.gender)} ${withPlan ? register.label : register.name}`;
}

/** The nouns and clauses a sentence about the parties of one agreement needs, singular and plural. */
export interface PartyWords {
  gender: Gender;
  /** Nominative: „Träger“ / „Träger“. */
  one: string;
  many: string;
  /** „(des) Trägers“ */
  genitiveOne: string;
  /** „(den) Träger“ */
  accusativeOne: string;
  /** Dative: „(von) einem Träger“ / „(von) 87 Trägern“. */
  dativeOne: string;
  dativeMany: string;
  /** „(der) Träger“ */
  genitiveMany: string;
  /** „frei“ for „die freien Träger“, or undefined. */
  adjective?: string;
  /** „Trägerverzeichnis“ */
  directoryTitle: string;
  /** „der Einrichtungen im Bedarfsplan 2021/2022 betreibt“ (relative clause, after a comma). */
  eligibleOne: (register: RegisterPhrase) => string;
  eligibleMany: (register: RegisterPhrase) => string;
  /** „hat keine Einrichtung im Bedarfsplan 2021/2022“ after a party's name; `on` is „am 7. Dezember 2026“ when a day is known. */
  notEligible: (register: RegisterPhrase, on?: string) => string;
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
  /** „Der unterzeichnende Träger“ / „Die unterzeichnenden Träger“. */
  signedSubjectOne: string;
  signedSubjectMany: string;
}

/** The words for a unit of a party: „Einrichtung“ / „Einrichtungen“. */
export interface UnitWords {
  gender: Gender;
  one: string;
  many: string;
  dativeMany: string;
  /** Short form for narrow columns: „Einr.“ (the full word when the kind names none). */
  short: string;
  /** Each party lists its units; `false`: the party is its one unit. */
  listed: boolean;
}

/** The words for the weight the figures add up: „Platz“ / „Plätze“ / „Plätzen“. */
export interface WeightWords {
  one: string;
  many: string;
  dativeMany: string;
  /** CSV column stem: `plaetze`. */
  column: string;
  verbOne: string;
  verbMany: string;
}

/** The noun with its definite article: `the(words, 'dat')` → „dem Träger“. */
export function the(words: PartyWords, kase: GrammaticalCase, number: Number_ = 'one', capital = false): string {
  const noun =
    number === 'many'
      ? kase === 'dat'
        ? words.dativeMany
        : kase === 'gen'
          ? words.genitiveMany
          : words.many
      : kase === 'dat'
        ? words.dativeOne
        : kase === 'gen'
          ? words.genitiveOne
          : kase === 'akk'
            ? words.accusativeOne
            : words.one;
  const text = `${definiteArticle(words.gender, kase, number)} ${noun}`;
  return capital ? capitalize(text) : text;
}

function fill(template: string, register: RegisterPhrase, on?: string): string {
  return template.replaceAll('{register}', register.label).replaceAll('{am}', on ? ` ${on}` : '');
}

/** Builds the words of a kind (or of an agreement's `party_words`) from its nouns; units shape the default clauses. */
export function buildPartyWords(input: PartyWordsInput & { eligible?: { one?: string; many?: string; not?: string } }, units?: UnitWords): PartyWords {
  const g = input.gender;
  const genitiveOne = input.genitive_one ?? genitiveSingular(input.one, g);
  const eligible = input.eligible ?? {};
  const defaults = units?.listed
    ? {
        one: (r: RegisterPhrase) => `${relativePronoun(g, 'nom')} ${units.many} ${inRegister(r)} hat`,
        many: (r: RegisterPhrase) => `die ${units.many} ${inRegister(r)} haben`,
        not: (r: RegisterPhrase, on?: string) => `hat${on ? ` ${on}` : ''} ${negativeArticle(units.gender, 'akk')} ${units.one} ${inRegister(r)}`,
      }
    : {
        one: (r: RegisterPhrase) => `${relativePronoun(g, 'nom')} ${inRegister(r)} steht`,
        many: (r: RegisterPhrase) => `die ${inRegister(r)} stehen`,
        not: (r: RegisterPhrase, on?: string) => `steht${on ? ` ${on}` : ''} nicht ${inRegister(r)}`,
      };
  return {
    gender: g,
    one: input.one,
    many: input.many,
    genitiveOne,
    accusativeOne: input.accusative_one ?? input.one,
    dativeOne: input.dative_one ?? input.one,
    dativeMany: input.dative_many ?? dativePlural(input.many),
    genitiveMany: input.genitive_many ?? input.many,
    adjective: input.adjective,
    directoryTitle: input.directory_title ?? `Verzeichnis der ${input.genitive_many ?? input.many}`,
    eligibleOne: (r) => (eligible.one ? fill(eligible.one, r) : defaults.one(r)),
    eligibleMany: (r) => (eligible.many ? fill(eligible.many, r) : defaults.many(r)),
    notEligible: (r, on) => (eligible.not ? fill(eligible.not, r, on) : defaults.not(r, on)),
    furtherOne: adjective('weiter', g, 'nom', 'one', 'mixed'),
    none: negativePronoun(g, 'nom'),
    articleOne: capitalize(indefiniteArticle(g, 'nom')),
    articleOneDative: capitalize(indefiniteArticle(g, 'dat')),
    articleOneAccusative: indefiniteArticle(g, 'akk'),
    relativeOne: relativePronoun(g, 'nom'),
    eligibleAdjectiveOne: adjective('berechtigt', g, 'nom', 'one', 'strong'),
    signedSubjectOne: `${capitalize(definiteArticle(g, 'nom'))} ${adjective('unterzeichnend', g, 'nom', 'one', 'weak')} ${input.one}`,
    signedSubjectMany: `Die ${adjective('unterzeichnend', g, 'nom', 'many', 'weak')} ${input.many}`,
  };
}

export function unitWordsOf(kind: PartyKindEntry): UnitWords | undefined {
  const u = kind.units;
  if (!u) return undefined;
  return { gender: u.gender, one: u.one, many: u.many, dativeMany: u.dative_many ?? dativePlural(u.many), short: u.short ?? u.many, listed: u.listed };
}

export function weightWordsOf(kind: PartyKindEntry): WeightWords | undefined {
  const w = kind.weight;
  if (!w) return undefined;
  return { one: w.one, many: w.many, dativeMany: w.dative_many ?? dativePlural(w.many), column: w.column, verbOne: w.verb_one, verbMany: w.verb_many };
}

/** The words of one kind. */
export function partyWords(kind: PartyKindEntry): PartyWords {
  return buildPartyWords({ ...kind.words, eligible: kind.eligible }, unitWordsOf(kind));
}

/** Words used when a kind is not declared (the content is invalid; rule `partnerarten` says so). */
const FALLBACK_WORDS = buildPartyWords({ gender: 'm', one: 'Vertragspartner', many: 'Vertragspartner' });

/** The words of a party's kind. */
export function kindWords(content: Content, kindId: string): PartyWords {
  return memo(content, `kind-words:${kindId}`, () => {
    const kind = kindOf(content, kindId);
    return kind ? partyWords(kind) : FALLBACK_WORDS;
  });
}

/**
 * The words for the parties of an agreement: its own `party_words` (required with several kinds),
 * else those of its one kind.
 */
export function agreementWords(content: Content, agreement: AgreementEntry): PartyWords {
  return memo(content, `agreement-words:${agreement.id}`, () => {
    if (agreement.party_words) return buildPartyWords(agreement.party_words);
    const [first] = agreementKinds(content, agreement);
    return first ? partyWords(first) : FALLBACK_WORDS;
  });
}

/**
 * The weight an agreement's figures add up: that of its kinds when they all count the same
 * (same column), else none.
 */
export function agreementWeight(content: Content, agreement: AgreementEntry): WeightWords | undefined {
  return memo(content, `agreement-weight:${agreement.id}`, () => {
    const weights = agreementKinds(content, agreement).map(weightWordsOf);
    const first = weights[0];
    if (!first || weights.some((w) => w?.column !== first.column)) return undefined;
    return first;
  });
}

/** The unit words of an agreement: its kind's, when it is made with one kind that lists units. */
export function agreementUnits(content: Content, agreement: AgreementEntry): UnitWords | undefined {
  const kinds = agreementKinds(content, agreement);
  return kinds.length === 1 ? unitWordsOf(kinds[0]!) : undefined;
}
