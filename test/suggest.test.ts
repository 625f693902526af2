import { describe, expect, it } from 'vitest';
import { closestIds, didYouMean, editDistance } from '../src/lib/suggest.ts';

describe('„Meinten Sie …?“', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['treager', 'traeger', 1],
    ['', 'abc', 3],
    ['traeger', 'traeger', 0],
  ])('editDistance(%s, %s) = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  const ids = ['traeger-001', 'traeger-002', 'traeger-092', 'traeger-091', 'ktp-001'];
  it.each([
    ['traeger-92', ['traeger-092']],
    ['treager-001', ['traeger-001']],
    ['kita-planer-3', []],
    // Another number is another party, not a typo.
    ['traeger-099', []],
    ['traeger-0092', ['traeger-092']],
  ])('%s → %o', (typed, expected) => expect(closestIds(typed, ids)).toEqual(expected));

  it('says it as a German question', () => {
    expect(didYouMean('traeger-0001', ids)).toBe(' Meinten Sie „traeger-001“?');
    expect(didYouMean('kita-planer-2x', ['kita-planer-2', 'kindertagespflege'])).toBe(' Meinten Sie „kita-planer-2“?');
    expect(didYouMean('zzz', ids)).toBe('');
  });
});
