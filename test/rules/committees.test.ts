import { describe, expect, it } from 'vitest';
import { committees as rule } from '../../src/validate/rules/committees.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const COUNCIL = 'council/council.yaml';

const ROWS: RuleCase[] = [
  [
    'a consultation by an unlisted body',
    [replace(COUNCIL, 'resolutions:\n', '  - { paper: V0002/23, body: Finanzausschuss, date: 2023-05-02, public: true, role: beratend }\nresolutions:\n')],
    ['content/council/council.yaml:6:24 consultations[1].body'],
  ],
  ['a resolution adopted by a misspelt committee', [replace(COUNCIL, '    adopted_by: Jugendhilfeausschuss', '    adopted_by: Jugendhilfe-Ausschuss')], ['content/council/council.yaml:13:5 resolutions[0].adopted_by']],
  ['a version adopted by an unlisted body', [replace('agreements/muster/1.1/version.yaml', 'adopted_by: Jugendhilfeausschuss', 'adopted_by: Kreistag')], ['content/agreements/muster/1.1/version.yaml:3:1 adopted_by']],
  ['the council itself needs no entry', [replace('agreements/muster/1.1/version.yaml', 'adopted_by: Jugendhilfeausschuss', 'adopted_by: Stadtrat')], []],
];

describe('rule gremien (committees from organisation.yaml)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS.slice(0, 1))).toMatchInlineSnapshot(`
      "# a consultation by an unlisted body
      Fehler: content/council/council.yaml:6:24 Feld „consultations[1].body“: Das Gremium „Finanzausschuss“ steht nicht in organisation.yaml.
        → Tragen Sie es unter „council.committees“ ein (Name und Geschlecht: m, f oder n) oder schreiben Sie einen der Namen von dort: „Stadtrat“ und „Jugendhilfeausschuss“."
    `);
  });
});
