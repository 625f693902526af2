import { describe, expect, it } from 'vitest';
import { parseContent } from '../src/lib/parse-content.ts';
import { buildSigningFigures, type SigningFigures } from '../src/lib/signing/figures.ts';
import { isOpen, offerStateAmong, offerStateOn, type OfferState } from '../src/lib/signing/terms.ts';
import type { LedgerEntryLocated } from '../src/lib/content-model.ts';
import { checkContent } from '../src/validate/index.ts';
import { applyEdits, replace, toContentFiles, validFixture } from './support/content-variants.ts';

const entry = (e: Partial<LedgerEntryLocated>): LedgerEntryLocated => ({ party: 'p', version: '1.0', offered: '2022-04-04', source: { file: 'x', path: [] }, ...e }) as LedgerEntryLocated;

describe('the answer to one offer (terms.ts)', () => {
  const offer = entry({ intent: '2022-04-20', signed: '2022-05-12' });
  it.each([
    ['2022-04-03', 'nicht-angeboten', false],
    ['2022-04-04', 'keine-antwort', true],
    ['2022-04-20', 'absicht', true],
    ['2022-05-12', 'unterzeichnet', false],
  ] as const)('%s: %s, open: %s', (day, state, open) => {
    expect(offerStateOn(offer, day)).toBe(state);
    expect(isOpen(offerStateOn(offer, day))).toBe(open);
  });

  it('a reminder is no answer; a refusal closes the offer', () => {
    expect(offerStateOn(entry({ reminders: [{ date: '2022-06-01' }] } as Partial<LedgerEntryLocated>), '2022-07-01')).toBe('keine-antwort');
    expect(offerStateOn(entry({ intent: '2022-04-20', declined: '2022-05-01' }), '2022-05-01')).toBe('abgelehnt');
  });

  it('an older offer without answer is replaced once a newer version is offered; a signed one stays signed', () => {
    const states: OfferState[] = [
      offerStateAmong(entry({ intent: '2022-04-20' }), '1.1', '2023-06-10'),
      offerStateAmong(entry({ signed: '2022-05-12' }), '1.1', '2023-06-10'),
      offerStateAmong(entry({ intent: '2022-04-20' }), '1.0', '2023-06-10'),
    ];
    expect(states).toEqual(['ersetzt', 'unterzeichnet', 'absicht']);
  });
});

describe('the figures count by these words', () => {
  // traeger-002 has an unanswered offer of 1.0 (intent declared) and is offered 1.1 as well on 5 June 2023;
  // traeger-001 is bound by 1.0 and was offered 1.1 the same day.
  const renewal = replace('ledger/muster.yaml', '    intent: 2022-04-20\n', '    intent: 2022-04-20\n  - party: traeger-002\n    version: "1.1"\n    offered: 2023-06-05\n');
  const content = parseContent(toContentFiles(applyEdits(validFixture(), [renewal])), 'content/');
  const muster = () => content.content.agreements.find((a) => a.id === 'muster')!;
  const summary = (f: SigningFigures) => ({
    parties: [f.eligible, f.bound, f.open, f.intent, f.noAnswer, f.declined, f.ended.length, f.notOffered],
    openOffers: f.openOffers,
    offers: f.offers.map((o) => `${o.version}: ${o.offered} = ${o.signed} + ${o.open} + ${o.declined} + ${o.replaced} (Absicht ${o.intent}, keine Antwort ${o.noAnswer}, gebunden ${o.openWhileBound})`),
  });

  it('the example is valid content', () => {
    expect(checkContent(content)).toEqual([]);
  });

  it('before the renewal: one bound, one open with intent; one open offer in total', () => {
    expect(summary(buildSigningFigures(content.content, muster(), '2023-06-01'))).toEqual({
      parties: [2, 1, 1, 1, 0, 0, 0, 0],
      openOffers: { total: 1, unbound: 1, whileBound: 0, afterEnd: 0 },
      offers: ['1.0: 2 = 1 + 1 + 0 + 0 (Absicht 1, keine Antwort 0, gebunden 0)', '1.1: 0 = 0 + 0 + 0 + 0 (Absicht 0, keine Antwort 0, gebunden 0)'],
    });
  });

  it('after the renewal: the old unanswered offer is replaced, the bound party is open for 1.1 only, the total is the sum over versions', () => {
    const f = buildSigningFigures(content.content, muster(), '2023-06-10');
    expect(summary(f)).toEqual({
      // traeger-002 is open without answer now: its intent was for the replaced offer of 1.0.
      parties: [2, 1, 1, 0, 1, 0, 0, 0],
      openOffers: { total: 2, unbound: 1, whileBound: 1, afterEnd: 0 },
      offers: ['1.0: 2 = 1 + 0 + 0 + 1 (Absicht 0, keine Antwort 0, gebunden 0)', '1.1: 2 = 0 + 2 + 0 + 0 (Absicht 0, keine Antwort 2, gebunden 1)'],
    });
    expect(f.offers.reduce((sum, o) => sum + o.open, 0)).toBe(f.openOffers.total);
  });
});
