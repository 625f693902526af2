import { describe, expect, it } from 'vitest';
import { quoteGerman } from '../src/lib/typography.ts';

describe('quoteGerman', () => {
  it('uses „…“ outside and ‚…‘ for a quotation inside', () => {
    expect(quoteGerman('die Software „Kita-Planer 2“ nutzen')).toBe('„die Software ‚Kita-Planer 2‘ nutzen“');
  });
  it('leaves a text without quotes alone', () => {
    expect(quoteGerman('Der Ausschuss beschließt.')).toBe('„Der Ausschuss beschließt.“');
  });
});
