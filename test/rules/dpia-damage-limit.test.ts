import { describe, expect, it } from 'vitest';
import { dpiaDamageLimit as rule } from '../../src/validate/rules/dpia-damage-limit.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const R = 'dpia/1.0/risks.yaml';
const D = 'dpia/1.0/dpia.yaml';
const draft = replace(D, 'status: beschlossen', 'status: entwurf');
const drop = replace(R, 'after: { likelihood: geringfuegig, severity: substanziell }', 'after: { likelihood: geringfuegig, severity: ueberschaubar }');

const ROWS: RuleCase[] = [
  ['a draft lowers the severity without a damage-limiting measure', [draft, drop], ['content/dpia/1.0/risks.yaml:14:40 risks[1].after.severity']],
  ['an adopted version that no later version corrects: a warning', [drop], ['Warnung content/dpia/1.0/risks.yaml:14:40 risks[1].after.severity']],
  [
    'the severity drops with a named measure and how it limits the damage',
    [draft, drop, replace(R, 'toms: [tom-vertraulichkeit-02]', 'toms: [tom-vertraulichkeit-02]\n    limits_damage: [tom-vertraulichkeit-02]\n    damage_note: Verschlüsselte Daten sind für Mitlesende unbrauchbar.')],
    [],
  ],
  ['a damage-limiting measure without a note', [draft, drop, replace(R, 'toms: [tom-vertraulichkeit-02]', 'toms: [tom-vertraulichkeit-02]\n    limits_damage: [tom-vertraulichkeit-02]')], ['content/dpia/1.0/risks.yaml:16:5 risks[1].limits_damage']],
  [
    'a damage-limiting measure that is not among the risk’s measures',
    [draft, drop, replace(R, 'toms: [tom-vertraulichkeit-02]', 'toms: [tom-vertraulichkeit-02]\n    limits_damage: [tom-vertraulichkeit-01]\n    damage_note: Zwei Faktoren begrenzen den Schaden.')],
    ['content/dpia/1.0/risks.yaml:16:5 risks[1].limits_damage'],
  ],
  ['the severity stays: likelihood alone may drop', [draft], []],
];

describe('rule dsfa-schwere (severity drops only with a damage-limiting measure)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# a draft lowers the severity without a damage-limiting measure
      Fehler: content/dpia/1.0/risks.yaml:14:40 Feld „risks[1].after.severity“: Beim Risiko „risk-02“ sinkt die Schwere durch die Maßnahmen von „substanziell“ auf „überschaubar“, aber keine Maßnahme ist genannt, die den Schaden selbst begrenzt.
        → Nennen Sie unter „limits_damage“ die Maßnahmen (TOM-Kennungen), die den Schaden begrenzen, und unter „damage_note“, wie sie das tun – oder lassen Sie die Schwere unverändert: die meisten Maßnahmen senken nur die Eintrittswahrscheinlichkeit.
      # an adopted version that no later version corrects: a warning
      Warnung: content/dpia/1.0/risks.yaml:14:40 Feld „risks[1].after.severity“: Beim Risiko „risk-02“ sinkt die Schwere durch die Maßnahmen von „substanziell“ auf „überschaubar“, aber keine Maßnahme ist genannt, die den Schaden selbst begrenzt.
        → Nennen Sie unter „limits_damage“ die Maßnahmen (TOM-Kennungen), die den Schaden begrenzen, und unter „damage_note“, wie sie das tun – oder lassen Sie die Schwere unverändert: die meisten Maßnahmen senken nur die Eintrittswahrscheinlichkeit. Eine beschlossene Folgenabschätzung korrigieren Sie in ihrer nächsten Version.
      # the severity drops with a named measure and how it limits the damage

      # a damage-limiting measure without a note
      Fehler: content/dpia/1.0/risks.yaml:16:5 Feld „risks[1].limits_damage“: Das Risiko „risk-02“ nennt Maßnahmen, die den Schaden begrenzen, aber nicht, wie sie das tun.
        → Beschreiben Sie unter „damage_note“ in ein bis zwei Sätzen, wie die Maßnahmen den Schaden selbst begrenzen.
      # a damage-limiting measure that is not among the risk’s measures
      Fehler: content/dpia/1.0/risks.yaml:16:5 Feld „risks[1].limits_damage“: Das Risiko „risk-02“ nennt unter „limits_damage“ „tom-vertraulichkeit-01“, aber nicht unter „toms“.
        → Tragen Sie jede Maßnahme, die den Schaden begrenzt, auch unter „toms“ ein.
      # the severity stays: likelihood alone may drop
      "
    `);
  });
});
