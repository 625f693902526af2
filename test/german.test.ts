import { describe, expect, it } from 'vitest';
import {
  adjective,
  dativePlural,
  definiteArticle,
  dieser,
  genitiveSingular,
  inAccusative,
  inDative,
  indefiniteArticle,
  jeder,
  negativeArticle,
  negativePronoun,
  personalPronoun,
  possessive,
  relativePronoun,
  type Gender,
} from '../src/lib/german/grammar.ts';
import { countAtSentenceStart, counted, countedWithArticle } from '../src/lib/german/counting.ts';
import { buildPartyWords, the } from '../src/lib/parties/kinds.ts';

describe('articles and pronouns by gender, case and number', () => {
  it.each([
    ['m', ['der', 'den', 'dem', 'des'], ['ein', 'einen', 'einem', 'eines'], ['kein', 'keinen', 'keinem', 'keines'], ['keiner', 'keinen', 'keinem', 'keines']],
    ['f', ['die', 'die', 'der', 'der'], ['eine', 'eine', 'einer', 'einer'], ['keine', 'keine', 'keiner', 'keiner'], ['keine', 'keine', 'keiner', 'keiner']],
    ['n', ['das', 'das', 'dem', 'des'], ['ein', 'ein', 'einem', 'eines'], ['kein', 'kein', 'keinem', 'keines'], ['keines', 'keines', 'keinem', 'keines']],
  ] as const)('%s: der, ein, kein, keiner', (gender, definite, indefinite, negative, pronoun) => {
    const cases = ['nom', 'akk', 'dat', 'gen'] as const;
    expect(cases.map((c) => definiteArticle(gender, c))).toEqual(definite);
    expect(cases.map((c) => indefiniteArticle(gender, c))).toEqual(indefinite);
    expect(cases.map((c) => negativeArticle(gender, c))).toEqual(negative);
    expect(cases.map((c) => negativePronoun(gender, c))).toEqual(pronoun);
  });

  it('plural forms', () => {
    expect(['nom', 'akk', 'dat', 'gen'].map((c) => definiteArticle('m', c as 'nom', 'many'))).toEqual(['die', 'die', 'den', 'der']);
    expect(relativePronoun('f', 'gen', 'many')).toBe('deren');
    expect(relativePronoun('n', 'dat', 'many')).toBe('denen');
    expect(personalPronoun('m', 'akk', 'many')).toBe('sie');
  });

  it.each([
    ['m', 'jeder', 'jedem', 'diesen', 'er', 'ihn', 'der', 'dessen'],
    ['f', 'jede', 'jeder', 'diese', 'sie', 'sie', 'die', 'deren'],
    ['n', 'jedes', 'jedem', 'dieses', 'es', 'es', 'das', 'dessen'],
  ] as const)('%s: jeder, dieser, er, der', (gender, jederNom, jederDat, dieserAkk, pronounNom, pronounAkk, relativeNom, relativeGen) => {
    expect([jeder(gender, 'nom'), jeder(gender, 'dat'), dieser(gender, 'akk')]).toEqual([jederNom, jederDat, dieserAkk]);
    expect([personalPronoun(gender, 'nom'), personalPronoun(gender, 'akk')]).toEqual([pronounNom, pronounAkk]);
    expect([relativePronoun(gender, 'nom'), relativePronoun(gender, 'gen')]).toEqual([relativeNom, relativeGen]);
  });

  it('possessives: the owner picks sein or ihr, the noun the ending', () => {
    expect(possessive('m', 'one', 'm', 'dat')).toBe('seinem'); // in seinem Auftrag
    expect(possessive('f', 'one', 'm', 'dat')).toBe('ihrem');
    expect(possessive('n', 'one', 'f', 'akk', 'many')).toBe('seine'); // seine Ansprechstellen
    expect(possessive('m', 'many', 'f', 'dat')).toBe('ihrer'); // nach ihrer Kündigung
  });

  it('prepositions with the article', () => {
    expect([inDative('m'), inDative('f'), inDative('n'), inDative('f', 'many')]).toEqual(['im', 'in der', 'im', 'in den']);
    expect([inAccusative('m'), inAccusative('f'), inAccusative('n')]).toEqual(['in den', 'in die', 'in das']);
  });
});

describe('adjective endings', () => {
  it.each([
    ['strong', 'berechtigt', ['berechtigter', 'berechtigte', 'berechtigtes'], 'berechtigte'],
    ['weak', 'unterzeichnend', ['unterzeichnende', 'unterzeichnende', 'unterzeichnende'], 'unterzeichnenden'],
    ['mixed', 'weiter', ['weiterer', 'weitere', 'weiteres'], 'weiteren'],
  ] as const)('%s declension, nominative', (declension, stem, singular, plural) => {
    expect((['m', 'f', 'n'] as Gender[]).map((g) => adjective(stem, g, 'nom', 'one', declension))).toEqual(singular);
    expect(adjective(stem, 'm', 'nom', 'many', declension)).toBe(plural);
  });

  it('does not double an e', () => {
    expect(adjective('leise', 'm', 'nom', 'one', 'strong')).toBe('leiser');
    expect(adjective('frei', 'm', 'nom', 'many', 'weak')).toBe('freien');
  });
});

describe('noun forms the content may leave out', () => {
  it.each([
    ['Träger', 'Trägern'],
    ['Gemeinden', 'Gemeinden'],
    ['Kinder', 'Kindern'],
    ['Autos', 'Autos'],
    ['Plätze', 'Plätzen'],
  ])('dative plural of %s is %s', (plural, dative) => {
    expect(dativePlural(plural)).toBe(dative);
  });

  it.each([
    ['Träger', 'm', 'Trägers'],
    ['Landkreis', 'm', 'Landkreises'],
    ['Gemeinde', 'f', 'Gemeinde'],
    ['Amt', 'n', 'Amts'],
  ] as const)('genitive of %s (%s) is %s', (noun, gender, genitive) => {
    expect(genitiveSingular(noun, gender)).toBe(genitive);
  });
});

describe('counting', () => {
  it('avoids a numeral at a sentence start up to twelve', () => {
    expect(countAtSentenceStart(1, 'Eine', 'Gemeinde', 'Gemeinden', 'weitere')).toBe('Eine weitere Gemeinde');
    expect(countAtSentenceStart(6, 'Ein', 'Träger', 'Träger', 'weitere')).toBe('Sechs weitere Träger');
    expect(countAtSentenceStart(13, 'Ein', 'Träger', 'Träger')).toBe('13 Träger');
    expect(counted(1200, 'Schule', 'Schulen')).toBe('1.200 Schulen');
    expect(countedWithArticle(1, 'einer', 'Schule', 'Schulen')).toBe('einer Schule');
  });
});

describe('party words from a kind’s nouns', () => {
  it('builds every form of a feminine kind without units', () => {
    const words = buildPartyWords({ gender: 'f', one: 'Gemeinde', many: 'Gemeinden' });
    expect(words).toMatchObject({
      genitiveOne: 'Gemeinde',
      dativeMany: 'Gemeinden',
      furtherOne: 'weitere',
      none: 'keine',
      articleOne: 'Eine',
      articleOneDative: 'Einer',
      articleOneAccusative: 'eine',
      relativeOne: 'die',
      eligibleAdjectiveOne: 'berechtigte',
      signedSubjectOne: 'Die unterzeichnende Gemeinde',
      signedSubjectMany: 'Die unterzeichnenden Gemeinden',
      directoryTitle: 'Verzeichnis der Gemeinden',
    });
    const register = { name: 'Mitgliederverzeichnis', label: 'Mitgliederverzeichnis 2025', gender: 'n' as const };
    expect(words.eligibleOne(register)).toBe('die im Mitgliederverzeichnis 2025 steht');
    expect(words.eligibleMany(register)).toBe('die im Mitgliederverzeichnis 2025 stehen');
    expect(words.notEligible(register, 'am 1. Januar 2026')).toBe('steht am 1. Januar 2026 nicht im Mitgliederverzeichnis 2025');
    expect(the(words, 'gen')).toBe('der Gemeinde');
  });

  it('builds the clauses of a neuter kind with units from the units', () => {
    const words = buildPartyWords({ gender: 'n', one: 'Klinikum', many: 'Kliniken' }, { gender: 'm', one: 'Standort', many: 'Standorte', dativeMany: 'Standorten', short: 'Standorte', listed: true });
    const register = { name: 'Krankenhausplan', label: 'Krankenhausplan 2026', gender: 'm' as const };
    expect(words.eligibleOne(register)).toBe('das Standorte im Krankenhausplan 2026 hat');
    expect(words.notEligible(register)).toBe('hat keinen Standort im Krankenhausplan 2026');
    expect(words.genitiveOne).toBe('Klinikums');
    expect(words.signedSubjectOne).toBe('Das unterzeichnende Klinikum');
    expect(words.furtherOne).toBe('weiteres');
    expect(the(words, 'nom', 'one', true)).toBe('Das Klinikum');
  });

  it('fills the kind’s own clauses, with the day where one is known', () => {
    const words = buildPartyWords({ gender: 'm', one: 'Träger', many: 'Träger', eligible: { not: 'hat{am} keine Einrichtung im {register}' } });
    const register = { name: 'Bedarfsplan', label: 'Bedarfsplan 2021/2022', gender: 'm' as const };
    expect(words.notEligible(register)).toBe('hat keine Einrichtung im Bedarfsplan 2021/2022');
    expect(words.notEligible(register, 'am 7. Dezember 2026')).toBe('hat am 7. Dezember 2026 keine Einrichtung im Bedarfsplan 2021/2022');
  });
});
