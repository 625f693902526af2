import { describe, expect, it } from 'vitest';
import { reportedFigures as rule } from '../../src/validate/rules/reported-figures.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const C = 'council/council.yaml';
const T3 = 'parties/traeger/traeger-003.yaml';
const reported = (eligible: number, signed: number) => replace(C, '    subject: Mustervereinbarung\n', `    subject: Mustervereinbarung\n    reported: { eligible: ${eligible}, signed: ${signed} }\n`);
// traeger-003 joins the Bedarfsplan: with no date it counts for 2022 too.
const joins = (extra = '') => replace(T3, '    weight: 20', `    register: { plan: "2021/2022", entry: "KT-0003"${extra} }\n    weight: 20`);

const ROWS: RuleCase[] = [
  ['the recorded figures agree', [reported(2, 1)], []],
  ['fewer signed than recorded', [reported(2, 2)], ['content/council/council.yaml:28:5 beschlusskontrolle[0].reported']],
  ['a provider added later, without a date in the Bedarfsplan', [reported(2, 1), joins()], ['content/council/council.yaml:28:5 beschlusskontrolle[0].reported']],
  ['the same provider with the date it joined the plan', [reported(2, 1), joins(', since: 2023-01-01')], []],
  ['no figures recorded: nothing to compare', [joins()], []],
];

describe('rule berichtete-zahlen (reported figures stay true)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors, naming the file that causes it', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# the recorded figures agree

      # fewer signed than recorded
      Fehler: content/council/council.yaml:28:5 Feld „beschlusskontrolle[0].reported“: Die Beschlusskontrolle vom 24. August 2022 hat dem Stadtrat „2 von 2“ berichtet; aus den heutigen Inhalten ergibt sich für diesen Tag „1 von 2“.
        → Prüfen Sie die Einträge im Zeichnungsregister mit Datum bis zum 24. August 2022 und die Registereinträge der Vertragspartner; der berichtete Stand ist ein Protokoll und wird nicht geändert.
      # a provider added later, without a date in the Bedarfsplan
      Fehler: content/council/council.yaml:28:5 Feld „beschlusskontrolle[0].reported“: Die Beschlusskontrolle vom 24. August 2022 hat dem Stadtrat „1 von 2“ berichtet; aus den heutigen Inhalten ergibt sich für diesen Tag „1 von 3“.
        → Am 24. August 2022 zählen als berechtigt, ohne bis dahin ein Angebot erhalten zu haben: content/parties/traeger/traeger-003.yaml. Tragen Sie beim Registereintrag (register:) ein, seit wann sie im Plan stehen („since: JJJJ-MM-TT“).
      # the same provider with the date it joined the plan

      # no figures recorded: nothing to compare
      "
    `);
  });
});
