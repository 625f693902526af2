import { describe, expect, it } from 'vitest';
import type { AgreementEntry, LedgerEntryLocated, PartyEntry } from '../src/lib/content-model.ts';
import { partyStandingOn, terminationEndsOn } from '../src/lib/signing/binding.ts';

describe('terminationEndsOn: the last day a termination leaves the party bound', () => {
  it.each([
    // § 17 Abs. 2 of the providers' agreement: three months to the end of a calendar month.
    ['2022-11-15', 3, 'monatsende', '2023-02-28'],
    ['2023-11-30', 3, 'monatsende', '2024-02-29'],
    ['2022-12-31', 1, 'monatsende', '2023-01-31'],
    ['2022-11-30', 3, 'tag', '2023-02-28'],
    ['2022-05-10', 3, 'tag', '2022-08-10'],
    ['2022-02-10', 1, 'quartalsende', '2022-03-31'],
    ['2022-03-10', 1, 'quartalsende', '2022-06-30'],
    ['2022-08-01', 6, 'jahresende', '2023-12-31'],
  ] as const)('declared %s, %i months to %s → %s', (declared, months, to, expected) => {
    expect(terminationEndsOn(declared, { months, to })).toBe(expected);
  });
});

const agreement = {
  id: 'muster',
  versions: [{ version: '1.0' }, { version: '1.1' }, { version: '1.2' }],
  termination_notice: { months: 3, to: 'monatsende', section: 'laufzeit' },
} as unknown as AgreementEntry;
const party = { id: 'traeger-001', kind: 'traeger' } as PartyEntry;
const entry = (e: Partial<LedgerEntryLocated> & { version: string; offered: string }) => ({ party: party.id, ...e }) as LedgerEntryLocated;

describe('partyStandingOn: which version binds a party on a day', () => {
  const history = [
    entry({ version: '1.0', offered: '2022-04-04', signed: '2022-05-02' }),
    entry({ version: '1.1', offered: '2023-06-05', intent: '2023-06-20', signed: '2023-07-10', withdrawn: '2023-11-15' }),
  ];
  it.each([
    ['2022-04-03', 'nicht-angeboten', undefined, undefined],
    ['2022-04-04', 'keine-antwort', undefined, '1.0 keine-antwort'],
    ['2022-05-01', 'keine-antwort', undefined, '1.0 keine-antwort'],
    ['2022-05-02', 'gebunden', '1.0', '1.0 unterzeichnet'],
    // A new version offered: the old one still binds until the party signs the new one.
    ['2023-06-05', 'gebunden', '1.0', '1.1 keine-antwort'],
    ['2023-06-20', 'gebunden', '1.0', '1.1 absicht'],
    ['2023-07-10', 'gebunden', '1.1', '1.1 unterzeichnet'],
    // Terminated on 15 November: bound until the end of February, then ended.
    ['2023-11-15', 'gebunden', '1.1 gekündigt zum 2024-02-29', '1.1 unterzeichnet'],
    ['2024-02-29', 'gebunden', '1.1 gekündigt zum 2024-02-29', '1.1 unterzeichnet'],
    ['2024-03-01', 'beendet', undefined, '1.1 unterzeichnet'],
  ])('%s → %s %s (latest offer: %s)', (asOf, state, binding, offer) => {
    const standing = partyStandingOn(party, history, agreement, asOf);
    expect(standing.state).toBe(state);
    const b = standing.binding;
    expect(b ? `${b.version}${b.termination ? ` gekündigt zum ${b.termination.endsOn}` : ''}` : undefined).toBe(binding);
    const o = standing.latestOffer;
    expect(o ? `${o.version} ${o.state}` : undefined).toBe(offer);
  });

  it('a declined renewal leaves the signed version binding', () => {
    const standing = partyStandingOn(
      party,
      [entry({ version: '1.0', offered: '2022-04-04', signed: '2022-05-02' }), entry({ version: '1.1', offered: '2023-06-05', declined: '2023-06-30' })],
      agreement,
      '2023-07-01',
    );
    expect([standing.state, standing.binding?.version, standing.latestOffer?.state]).toEqual(['gebunden', '1.0', 'abgelehnt']);
  });

  it('an unbound party whose newest offer was declined is „abgelehnt“, an older open one does not count', () => {
    const standing = partyStandingOn(party, [entry({ version: '1.0', offered: '2022-04-04' }), entry({ version: '1.1', offered: '2023-06-05', declined: '2023-06-30' })], agreement, '2023-07-01');
    expect(standing.state).toBe('abgelehnt');
  });

  it('without a notice period in the content a termination takes effect on the day declared', () => {
    const noNotice = { ...agreement, termination_notice: undefined } as AgreementEntry;
    const history = [entry({ version: '1.0', offered: '2022-04-04', signed: '2022-05-02', withdrawn: '2022-09-01' })];
    expect(partyStandingOn(party, history, noNotice, '2022-08-31').state).toBe('gebunden');
    expect(partyStandingOn(party, history, noNotice, '2022-09-01').state).toBe('beendet');
  });
});
