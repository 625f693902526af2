import { describe, expect, it } from 'vitest';
import { endSentence, keepQuotesTogetherHtml, quoteGerman } from '../src/lib/typography.ts';

describe('quoteGerman', () => {
  it('uses „…“ outside and ‚…‘ for a quotation inside', () => {
    expect(quoteGerman('die Software „Kita-Planer 2“ nutzen')).toBe('„die Software ‚Kita-Planer 2‘ nutzen“');
  });
  it('leaves a text without quotes alone', () => {
    expect(quoteGerman('Der Ausschuss beschließt.')).toBe('„Der Ausschuss beschließt.“');
  });
});

describe('keepQuotesTogetherHtml', () => {
  it('keeps a short quoted name on one line and escapes the rest', () => {
    expect(keepQuotesTogetherHtml('Software „Kita-Planer 2“ & <mehr>')).toBe('Software <span class="nowrap">„Kita-Planer 2“</span> &amp; &lt;mehr&gt;');
  });
  it('leaves a long quotation breakable', () => {
    const long = `„${'sehr lange Bezeichnung '.repeat(3)}“`;
    expect(keepQuotesTogetherHtml(long)).toBe(long);
  });
});

describe('endSentence', () => {
  it.each([
    ['Beschlossen vom Jugendhilfeausschuss', 'Beschlossen vom Jugendhilfeausschuss.'],
    ['für Kinderwelt Friedrichstadt e. V.', 'für Kinderwelt Friedrichstadt e. V.'],
    ['Wirklich?', 'Wirklich?'],
    ['Sofort!', 'Sofort!'],
    ['die Fassung „Kita-Planer 2“', 'die Fassung „Kita-Planer 2“.'],
    ['', '.'],
  ])('%j → %j', (text, sentence) => {
    expect(endSentence(text)).toBe(sentence);
  });
});
