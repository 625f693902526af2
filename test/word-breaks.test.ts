import { describe, expect, it } from 'vitest';
import { collectWords, findMidWordBreaks } from './support/word-breaks.ts';

// The judge of the PDF tests (pdf-word-breaks, letters-layout): which line breaks split a word.
const words = collectWords(
  'Prüfsumme des Vertragstexts (SHA-256 des festgeschriebenen Textes, nicht der Datei) 3e52de8af7d6 · er erhält, was er hält. Dokumentkennung kita-planer-2-1.1-traeger-012',
);

describe('findMidWordBreaks', () => {
  it('finds „nicht der D|atei)“ as break-all set it on the signature page', () => {
    expect(findMidWordBreaks('festgeschriebenen Textes, nicht der D\natei) 3e52de8af7d6', words)).toEqual([expect.stringContaining('nicht der D|atei) 3e52')]);
  });

  it('finds a break inside a lower-case word, across a page break too', () => {
    expect(findMidWordBreaks('des festge\nschriebenen Textes', words)).toHaveLength(1);
    expect(findMidWordBreaks('des Vertrags\f\ntexts', words)).toHaveLength(1);
  });

  it.each([
    ['a break at a space', 'nicht der\nDatei) 3e52'],
    ['two words that also make a third one', 'was er\nhält'],
    ['a break after a hyphen', 'Vertrags-\ntexts'],
    ['a hash that wraps', 'nicht der Datei) 3e52de8a\nf7d6'],
    ['a hash that wraps after a letter', 'nicht der Datei) 3e52de8af\n7d6'],
    ['an id that wraps at a hyphen', 'Dokumentkennung kita-planer-2-1.1-trae\nger-012'],
    ['a word unknown to the source', 'der Zwischen\nzeile'],
  ])('lets %s pass', (_, text) => {
    expect(findMidWordBreaks(text, words)).toEqual([]);
  });

  it('collects only runs of letters, not pieces of hashes', () => {
    expect([...collectWords('3e52de8a Datei) kita-planer-2')].sort()).toEqual(['Datei', 'kita', 'planer']);
  });
});
