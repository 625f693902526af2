import { expect, it } from 'vitest';
import type { Rule, RuleOptions } from '../../src/validate/rule.ts';
import { findings, formatAll, locations, type FileEdit } from './content-variants.ts';

/** One case of a rule test: a title, the edits to the valid fixture, the expected `file:line:column`s, options. */
export type RuleCase = [title: string, edits: FileEdit[], expected: string[], options?: RuleOptions];

/** The checks every rule test shares: silent on the valid fixture, and each case found exactly where expected. */
export function itFindsExactlyTheCases(rule: Rule, cases: readonly RuleCase[]): void {
  it('finds nothing in the valid fixture', () => {
    expect(findings(rule)).toEqual([]);
  });

  it.each(cases)('%s', (_title, edits, expected, options) => {
    expect(locations(findings(rule, edits, options))).toEqual(expected);
  });
}

/** Every case's messages as an author reads them, under its title: for the inline snapshot in each rule test. */
export function wordedFindings(rule: Rule, cases: readonly RuleCase[]): string {
  return cases.map(([title, edits, , options]) => `# ${title}\n${formatAll(findings(rule, edits, options))}`).join('\n');
}
