import { describe, expect, it } from 'vitest';
import { registers as rule } from '../../src/validate/rules/registers.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const REGISTER = 'registers/bedarfsplan.yaml';
const AGREEMENT = 'agreements/muster/agreement.yaml';

const ROWS: RuleCase[] = [
  ['two plan periods that overlap', [replace(REGISTER, '  - { plan: "2021/2022", from: 2021-08-01 }', '  - { plan: "2021/2022", from: 2021-08-01, until: 2023-07-31 }\n  - { plan: "2023/2024", from: 2023-07-01 }')], ['content/registers/bedarfsplan.yaml:7:26 periods[1].from']],
  ['a unit in a plan the register does not have', [replace('parties/traeger/traeger-001.yaml', 'register: { plan: "2021/2022"', 'register: { plan: "2020/2021"')], ['content/parties/traeger/traeger-001.yaml:11:17 units[0].register.plan']],
  ['a unit in a register that does not exist', [replace('parties/traeger/traeger-001.yaml', 'register: { plan: "2021/2022"', 'register: { register: schulnetzplan, plan: "2021/2022"')], ['content/parties/traeger/traeger-001.yaml:11:17 units[0].register.register']],
  ['an agreement naming an unknown register', [replace(AGREEMENT, 'eligibility: { register: bedarfsplan,', 'eligibility: { register: schulnetzplan,')], ['content/agreements/muster/agreement.yaml:5:16 eligibility.register']],
  ['a version naming a plan the register does not have', [replace('agreements/muster/1.1/version.yaml', 'version: "1.1"', 'version: "1.1"\neligibility: { register: bedarfsplan, plan: "2030/2031" }')], ['content/agreements/muster/1.1/version.yaml:2:39 eligibility.plan']],
  ['a kind naming an unknown register', [replace('parties/traeger.yaml', 'register: bedarfsplan', 'register: schulnetzplan')], ['content/parties/traeger.yaml:4:1 register']],
];

describe('rule register (registers and eligibility rules)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('accepts the plan in force on the day and periods that follow each other', () => {
    const edits = [
      replace(REGISTER, '  - { plan: "2021/2022", from: 2021-08-01 }', '  - { plan: "2021/2022", from: 2021-08-01 }\n  - { plan: "2023/2024", from: 2023-08-01 }'),
      replace('agreements/muster/1.1/version.yaml', 'version: "1.1"', 'version: "1.1"\neligibility: { register: bedarfsplan, plan: in-force }'),
    ];
    expect(wordedFindings(rule, [['in force', edits, []]])).toBe('# in force\n');
  });

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# two plan periods that overlap
      Fehler: content/registers/bedarfsplan.yaml:7:26 Feld „periods[1].from“: Der Planzeitraum „2023/2024“ ab 1. Juli 2023 überschneidet sich mit „2021/2022“ (ab 1. August 2021 bis 31. Juli 2023).
        → An jedem Tag gilt höchstens ein Plan: lassen Sie den früheren Zeitraum vor dem späteren enden („until“).
      # a unit in a plan the register does not have
      Fehler: content/parties/traeger/traeger-001.yaml:11:17 Feld „units[0].register.plan“: Der Plan „2020/2021“ steht nicht unter den Planzeiträumen von content/registers/bedarfsplan.yaml.
        → Vorhandene Pläne: „2021/2022“. Ergänzen Sie sonst den Zeitraum im Register.
      # a unit in a register that does not exist
      Fehler: content/parties/traeger/traeger-001.yaml:11:17 Feld „units[0].register.register“: Das Register „schulnetzplan“ gibt es nicht (registers/schulnetzplan.yaml fehlt).
        → Vorhandene Register: „bedarfsplan“.
      # an agreement naming an unknown register
      Fehler: content/agreements/muster/agreement.yaml:5:16 Feld „eligibility.register“: Das Register „schulnetzplan“ gibt es nicht (registers/schulnetzplan.yaml fehlt).
        → Vorhandene Register: „bedarfsplan“.
      # a version naming a plan the register does not have
      Fehler: content/agreements/muster/1.1/version.yaml:2:39 Feld „eligibility.plan“: Der Plan „2030/2031“ steht nicht unter den Planzeiträumen von content/registers/bedarfsplan.yaml.
        → Vorhandene Pläne: „2021/2022“ – oder „in-force“ für den am Tag geltenden Plan. Ergänzen Sie sonst den Zeitraum im Register.
      # a kind naming an unknown register
      Fehler: content/parties/traeger.yaml:4:1 Feld „register“: Das Register „schulnetzplan“ gibt es nicht (registers/schulnetzplan.yaml fehlt).
        → Vorhandene Register: „bedarfsplan“."
    `);
  });
});
