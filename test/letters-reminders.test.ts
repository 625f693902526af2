import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import type { AgreementEntry, Content } from '../src/lib/content-model.ts';
import { buildLetters, renderDryRun } from '../src/lib/letters/plan.ts';
import { buildSigningFigures } from '../src/lib/signing/figures.ts';
import { renderStatusText } from '../src/lib/report/ledger-list.ts';
import { ROOT } from './support/run-cli.ts';

let content: Content;
let agreement: AgreementEntry;

beforeAll(async () => {
  const loaded = await loadContent(path.join(ROOT, 'content'));
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  content = loaded.content;
  agreement = content.agreements.find((a) => a.id === 'kita-planer-2')!;
});

/** The bundled content with reminders recorded for (party, version); a fresh object, so nothing memoised leaks between cases. */
function withReminders(reminders: Record<string, string[]>, version = '1.0', base = content): Content {
  return {
    ...base,
    ledgers: base.ledgers.map((l) =>
      l.agreement !== 'kita-planer-2'
        ? l
        : { ...l, entries: l.entries.map((e) => (e.version === version && reminders[e.party] ? { ...e, reminders: reminders[e.party]!.map((date) => ({ date })) } : e)) },
    ),
  } as Content;
}

function withPeriods(letters: AgreementEntry['letters'], base = content): { content: Content; agreement: AgreementEntry } {
  const changed = { ...agreement, letters };
  return { content: { ...base, agreements: base.agreements.map((a) => (a.id === agreement.id ? changed : a)) } as Content, agreement: changed };
}

const reminded = (c: Content, a: AgreementEntry, asOf: string) =>
  buildLetters(c, a, { asOf, kinds: ['erinnerung'] }).map((l) => l.party.id);

describe('the next reminder waits for reminder_weeks after the last one, and stops after max_reminders', () => {
  // traeger-001 was offered 1.0 on 2022-04-04 and signed on 2022-08-24.
  it('without a recorded reminder, an open offer is reminded of on every run after 8 weeks (as before)', () => {
    expect(reminded(content, agreement, '2022-06-01')).toContain('traeger-001');
    expect(reminded(content, agreement, '2022-07-01')).toContain('traeger-001');
  });

  it('a reminder recorded on 2022-06-01: none on 2022-07-26, the second on 2022-07-27, naming the first', () => {
    const c = withReminders({ 'traeger-001': ['2022-06-01'] });
    expect(reminded(c, agreement, '2022-07-26')).not.toContain('traeger-001');
    // Parties without a recorded reminder are not held back.
    expect(reminded(c, agreement, '2022-07-26')).toContain('traeger-009');
    const [second] = buildLetters(c, agreement, { asOf: '2022-07-27', party: 'traeger-001' });
    expect(second!.kind).toBe('erinnerung');
    expect(second!.paragraphs[0]).toBe(
      'mit Schreiben vom 4.\u00a0April 2022 haben wir Ihnen den Abschluss der Kooperationsvereinbarung Kita-Planer 2 in Version 1.0 angeboten. Am 1.\u00a0Juni 2022 haben wir Sie daran erinnert.',
    );
    expect(renderDryRun([second!])).toContain('traeger-001\tErinnerung, Version 1.0\tAngebot vom 4.\u00a0April 2022 offen; letzte Erinnerung am 1.\u00a0Juni 2022, mindestens 8 Wochen her; 2. Erinnerung von höchstens 2');
  });

  it('the run of the day can be repeated after recording it: a reminder recorded on the day itself is that day’s letter', () => {
    const c = withReminders({ 'traeger-001': ['2022-06-01'] });
    const [again] = buildLetters(c, agreement, { asOf: '2022-06-01', party: 'traeger-001' });
    expect(again!.kind).toBe('erinnerung');
    expect(again!.paragraphs[0]).not.toContain('erinnert');
  });

  it('after two reminders (the default) none follows; max_reminders in agreement.yaml changes that', () => {
    const c = withReminders({ 'traeger-001': ['2022-06-01', '2022-07-27'] });
    expect(reminded(c, agreement, '2022-08-23')).not.toContain('traeger-001');
    const three = withPeriods({ answer_weeks: 6, reminder_weeks: 8, max_reminders: 3 }, c);
    expect(reminded(three.content, three.agreement, '2022-08-23')).not.toContain('traeger-001');
    // A third reminder would be due 8 weeks after the second (2022-09-21) – but 1.0 was signed on 2022-08-24.
    const open = withReminders({ 'traeger-009': ['2022-06-01', '2022-07-27'] }, '1.0', three.content);
    expect(reminded(open, three.agreement, '2022-09-21')).toContain('traeger-009');
    const one = withPeriods({ answer_weeks: 6, reminder_weeks: 8, max_reminders: 1 }, withReminders({ 'traeger-009': ['2022-06-01'] }));
    expect(reminded(one.content, one.agreement, '2023-01-01')).not.toContain('traeger-009');
    const none = withPeriods({ answer_weeks: 6, reminder_weeks: 8, max_reminders: 0 });
    expect(reminded(none.content, none.agreement, '2022-06-01')).toEqual([]);
  });

  it('a reminder recorded after the run’s date does not count (a dry run for an earlier day)', () => {
    const c = withReminders({ 'traeger-001': ['2022-06-01'] });
    expect(reminded(c, agreement, '2022-05-31')).toContain('traeger-001');
  });
});

describe('a reminder is no answer', () => {
  it('status figures and the status text (npm run ledger -- status) are the same with a reminder on every open offer, on every day from the first offer to the last event', () => {
    const open: Record<string, string[]> = {};
    const open11: Record<string, string[]> = {};
    for (const e of content.ledgers.find((l) => l.agreement === 'kita-planer-2')!.entries) {
      if (e.version === '1.0') open[e.party] = ['2022-06-01', '2022-07-27'];
      if (e.version === '1.1') open11[e.party] = ['2023-07-31'];
    }
    const reminded = withReminders(open11, '1.1', withReminders(open));
    const days = ['2022-04-04', '2022-06-01', '2022-07-27', '2022-12-31', '2023-06-05', '2023-07-31', '2023-08-01', '2024-06-30'];
    let informative = 0;
    for (const day of days) {
      const before = buildSigningFigures(content, agreement, day);
      const after = buildSigningFigures(reminded, agreement, day);
      // The figures carry the ledger entries they count; apart from the recorded reminders, everything is equal.
      const withoutReminders = (f: unknown) => JSON.parse(JSON.stringify(f, (key, value) => (key === 'reminders' ? undefined : value)));
      expect(JSON.stringify(after)).toContain('"reminders"');
      expect(withoutReminders(after), day).toEqual(withoutReminders(before));
      expect(renderStatusText(reminded, agreement, day), day).toBe(renderStatusText(content, agreement, day));
      if (before.bound > 0 && before.open > 0) informative++;
    }
    expect(informative).toBeGreaterThan(3);
  });
});
