import { describe, expect, it } from 'vitest';
import { closestIds, closestWords, didYouMean, didYouMeanWord, editDistance } from '../src/lib/suggest.ts';

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

describe('„Meinten Sie …?“ for options, subcommands and names', () => {
  const options = ['--content', '--as-of', '--dry-run', '--print-checksums', '--party', '--help', '-h'];
  it.each([
    ['--contnet', ['--content']],
    ['--asof', ['--as-of']],
    ['--as_of', ['--as-of']],
    ['--dryRun', ['--dry-run']],
    ['--print-checksum', ['--print-checksums']],
    ['--print', ['--print-checksums']],
    ['--partei', []],
    ['--x', []],
    ['--bogus', []],
  ])('%s → %o', (typed, expected) => expect(closestWords(typed, options)).toEqual(expected));

  it('words with numbers are words: no id rule', () => {
    expect(closestWords('pdfs', ['pdf', 'site', 'report', 'search'])).toEqual(['pdf']);
    expect(didYouMeanWord('ofer', ['offer', 'remind', 'list'])).toBe(' Meinten Sie „offer“?');
    expect(didYouMeanWord('zzz', ['offer'])).toBe('');
  });
});
