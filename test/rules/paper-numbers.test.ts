import { describe, expect, it } from 'vitest';
import { paperNumbers as rule } from '../../src/validate/rules/paper-numbers.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const COUNCIL = 'council/council.yaml';
const ORGANISATION = 'organisation.yaml';

const ROWS: RuleCase[] = [
  ['a paper number with a space', [replace(COUNCIL, 'id: V0002/23', 'id: V 2/23')], ['content/council/council.yaml:3:7 papers[1].id']],
  [
    'another council writes its numbers otherwise: the pattern comes from organisation.yaml',
    [
      replace(ORGANISATION, "paper_pattern: '[A-Z]\\d{4}/\\d{2}'", "paper_pattern: 'VV-\\d{4}-\\d{2}'"),
      replace(ORGANISATION, 'paper_example: A0311/22', 'paper_example: VV-2025-03'),
    ],
    ['content/council/council.yaml:2:7 papers[0].id', 'content/council/council.yaml:3:7 papers[1].id'],
  ],
  ['no pattern, no check', [replace(ORGANISATION, "  paper_pattern: '[A-Z]\\d{4}/\\d{2}'\n  paper_example: A0311/22\n", ''), replace(COUNCIL, 'id: V0002/23', 'id: V 2/23')], []],
];

describe('rule vorlagennummern (paper numbers in the council’s form)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors, with the example from organisation.yaml', () => {
    expect(wordedFindings(rule, ROWS.slice(0, 2))).toMatchInlineSnapshot(`
      "# a paper number with a space
      Fehler: content/council/council.yaml:3:7 Feld „papers[1].id“: Der Wert „V 2/23“ muss eine Vorlagennummer wie „A0311/22“ sein.
        → Schreiben Sie die Nummer so, wie der Stadtrat sie vergibt (Muster „council.paper_pattern“ in organisation.yaml).
      # another council writes its numbers otherwise: the pattern comes from organisation.yaml
      Fehler: content/council/council.yaml:2:7 Feld „papers[0].id“: Der Wert „A0001/22“ muss eine Vorlagennummer wie „VV-2025-03“ sein.
        → Schreiben Sie die Nummer so, wie der Stadtrat sie vergibt (Muster „council.paper_pattern“ in organisation.yaml).
      Fehler: content/council/council.yaml:3:7 Feld „papers[1].id“: Der Wert „V0002/23“ muss eine Vorlagennummer wie „VV-2025-03“ sein.
        → Schreiben Sie die Nummer so, wie der Stadtrat sie vergibt (Muster „council.paper_pattern“ in organisation.yaml)."
    `);
  });
});
