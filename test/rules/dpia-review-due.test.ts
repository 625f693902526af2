import { describe, expect, it } from 'vitest';
import { dpiaReviewDue as rule } from '../../src/validate/rules/dpia-review-due.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const D = 'dpia/1.0/dpia.yaml';
const due = replace(D, 'result: Nach den Maßnahmen', 'next_review: 2025-04-30\nresult: Nach den Maßnahmen');

const ROWS: RuleCase[] = [
  ['past the review date on the --as-of date: a warning', [due], ['Warnung content/dpia/1.0/dpia.yaml:15:1 next_review'], { asOf: '2025-05-01' }],
  ['on the review date itself: not yet overdue', [due], [], { asOf: '2025-04-30' }],
  ['without --as-of, the newest ledger date is the status date', [due], []],
  ['a draft’s review date does not count', [due, replace(D, 'status: beschlossen', 'status: entwurf')], [], { asOf: '2026-01-01' }],
];

describe('rule dsfa-ueberpruefung (review of the DPIA in force is due)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# past the review date on the --as-of date: a warning
      Warnung: content/dpia/1.0/dpia.yaml:15:1 Feld „next_review“: Die geltende Folgenabschätzung (Version 1.0) hätte bis zum 30. April 2025 überprüft werden sollen; zum Stichtag 1. Mai 2025 ist die Überprüfung überfällig.
        → Überprüfen Sie die Folgenabschätzung (Art. 35 Abs. 11 DSGVO) und tragen Sie das Ergebnis ein, oder beschließen Sie die Fortschreibung; danach gilt deren „next_review“.
      # on the review date itself: not yet overdue

      # without --as-of, the newest ledger date is the status date

      # a draft’s review date does not count
      "
    `);
  });
});
