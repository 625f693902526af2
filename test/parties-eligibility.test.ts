import { describe, expect, it } from 'vitest';
import { parseContent } from '../src/lib/parse-content.ts';
import { eligibilityOn, eligibleParties, isEligible, planOn, weightOf } from '../src/lib/parties/eligibility.ts';
import { bindingTimeline, buildSigningFigures } from '../src/lib/signing/figures.ts';
import { figureSentences } from '../src/lib/signing/sentences.ts';
import { runRules } from '../src/validate/index.ts';
import { applyEdits, refreeze, replace, toContentFiles, validFixture } from './support/content-variants.ts';

/**
 * The fixture's register gets a second plan period from 1 August 2023; version 1.1 (adopted
 * 11 May 2023) ties eligibility to the plan in force on the day, 1.0 keeps the fixed plan
 * 2021/2022. traeger-003's unit enters the new plan only.
 */
function content() {
  const edits = [
    replace('registers/bedarfsplan.yaml', '  - { plan: "2021/2022", from: 2021-08-01 }', '  - { plan: "2021/2022", from: 2021-08-01 }\n  - { plan: "2023/2024", from: 2023-08-01 }'),
    replace('agreements/muster/1.1/version.yaml', 'version: "1.1"', 'version: "1.1"\neligibility: { register: bedarfsplan, plan: in-force }'),
    refreeze('agreements/muster/1.1/version.yaml'),
    replace('parties/traeger/traeger-003.yaml', '    weight: 20', '    register: { plan: "2023/2024", entry: "KT-0003" }\n    weight: 20'),
  ];
  const parsed = parseContent(toContentFiles(applyEdits(validFixture(), edits)), 'content/');
  expect([...parsed.diagnostics, ...runRules(parsed.content)].filter((d) => d.severity === 'error')).toEqual([]);
  return parsed.content;
}

describe('eligibility on a day', () => {
  it('finds the plan in force: an open period ends where the next begins', () => {
    const c = content();
    const register = c.registers[0]!;
    expect([planOn(register, '2021-07-31'), planOn(register, '2021-08-01'), planOn(register, '2023-07-31'), planOn(register, '2023-08-01'), planOn(register)]).toEqual([
      undefined,
      '2021/2022',
      '2021/2022',
      '2023/2024',
      '2023/2024',
    ]);
  });

  it('uses the rule of the version in force that day', () => {
    const c = content();
    const muster = c.agreements[0]!;
    const party = (id: string) => c.parties.find((p) => p.id === id)!;
    // 1.0 in force: the fixed plan 2021/2022.
    expect(eligibilityOn(c, muster, '2022-08-24').label).toBe('Bedarfsplan 2021/2022');
    expect(isEligible(c, party('traeger-003'), muster, '2022-08-24')).toBe(false);
    // 1.1 in force, plan 2021/2022 still in force.
    expect(eligibilityOn(c, muster, '2023-06-01').label).toBe('Bedarfsplan 2021/2022');
    // 1.1 in force, the new plan: traeger-003 joins, traeger-001 (only in 2021/2022) leaves.
    expect(eligibilityOn(c, muster, '2023-09-01').label).toBe('Bedarfsplan 2023/2024');
    expect(eligibleParties(c, muster, '2023-09-01').map((p) => p.id)).toEqual(['traeger-003']);
    expect(weightOf(c, party('traeger-003'), muster, '2023-09-01')).toBe(20);
    expect(eligibleParties(c, muster, '2023-07-31').map((p) => p.id)).toEqual(['traeger-001', 'traeger-002']);
  });

  it('counts and words the figures of each day by that day’s register plan, and the timeline changes on the first day of the new plan', () => {
    const c = content();
    const muster = c.agreements[0]!;
    const before = buildSigningFigures(c, muster, '2023-07-31');
    const after = buildSigningFigures(c, muster, '2023-08-01');
    expect([before.eligible, before.bound, after.eligible, after.bound]).toEqual([2, 1, 1, 0]);
    expect(figureSentences(c, muster, after)[0]).toBe('Von einem Träger, der Einrichtungen im Bedarfsplan 2023/2024 betreibt, hat bisher keiner die Vereinbarung unterzeichnet.');
    const timeline = bindingTimeline(c, muster, '2023-12-31');
    expect(timeline.find((p) => p.date === '2023-08-01')?.byVersion).toEqual({ '1.1': 0, '1.0': 0 });
  });
});
