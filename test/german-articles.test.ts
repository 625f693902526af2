import { describe, expect, it } from 'vitest';
import { capitalize, definiteArticle, possessive, vonDative, type Gender, type GrammaticalCase } from '../src/lib/german/articles.ts';

describe('german/articles', () => {
  it.each([
    ['m', ['der', 'den', 'dem', 'des']],
    ['f', ['die', 'die', 'der', 'der']],
    ['n', ['das', 'das', 'dem', 'des']],
  ] as const)('definite article, %s: nominative, accusative, dative, genitive', (gender, forms) => {
    const cases: GrammaticalCase[] = ['nom', 'akk', 'dat', 'gen'];
    expect(cases.map((c) => definiteArticle(gender as Gender, c))).toEqual(forms);
  });

  it('plural articles do not depend on gender', () => {
    expect((['m', 'f', 'n'] as const).map((g) => definiteArticle(g, 'dat', 'many'))).toEqual(['den', 'den', 'den']);
  });

  it.each([
    // „die Landeshauptstadt … durch ihren Eigenbetrieb“, „der Landkreis … durch seinen Eigenbetrieb“
    ['f', 'm', 'akk', 'ihren'],
    ['m', 'm', 'akk', 'seinen'],
    ['n', 'f', 'akk', 'seine'],
    ['f', 'n', 'dat', 'ihrem'],
  ] as const)('possessive: owner %s, noun %s, %s → %s', (owner, noun, kase, expected) => {
    expect(possessive(owner, 'one', noun, kase)).toBe(expected);
  });

  it('„von“ with a dative article merges where German merges it', () => {
    expect([vonDative('m'), vonDative('n'), vonDative('f'), vonDative('f', 'many')]).toEqual(['vom', 'vom', 'von der', 'von den']);
    expect(capitalize('die Verbandsversammlung')).toBe('Die Verbandsversammlung');
  });
});
