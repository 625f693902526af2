import { describe, expect, it } from 'vitest';
import { dpiaResidualRisk as rule } from '../../src/validate/rules/dpia-residual-risk.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const R = 'dpia/risks.yaml';

const ROWS: RuleCase[] = [
  ['a risk stays high after the measures', [replace(R, 'after: { likelihood: geringfuegig, severity: gross }', 'after: { likelihood: substanziell, severity: gross }')], ['content/dpia/risks.yaml:7:5 risks[0].after']],
  ['measures make a risk worse', [replace(R, 'after: { likelihood: geringfuegig, severity: substanziell }', 'after: { likelihood: ueberschaubar, severity: gross }')], ['content/dpia/risks.yaml:14:5 risks[1].after']],
  ['a normal risk names no measure', [replace(R, 'toms: [tom-vertraulichkeit-02]', 'toms: []')], ['content/dpia/risks.yaml:15:5 risks[1].toms']],
  [
    'a low risk needs no measure',
    [replace(R, 'before: { likelihood: ueberschaubar, severity: substanziell }', 'before: { likelihood: geringfuegig, severity: ueberschaubar }'), replace(R, 'after: { likelihood: geringfuegig, severity: substanziell }', 'after: { likelihood: geringfuegig, severity: ueberschaubar }'), replace(R, 'toms: [tom-vertraulichkeit-02]', 'toms: []')],
    [],
  ],
];

describe('rule dsfa-restrisiko (DPIA residual risk)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# a risk stays high after the measures
      Fehler: content/dpia/risks.yaml:7:5 Feld „risks[0].after“: Das Risiko „risk-01“ bleibt nach den Maßnahmen hoch (Eintrittswahrscheinlichkeit × Schwere: substanziell × groß).
        → Ergänzen Sie wirksame Maßnahmen; sonst ist vor Beginn der Verarbeitung die Aufsichtsbehörde zu konsultieren (Art. 36 DSGVO).
      # measures make a risk worse
      Fehler: content/dpia/risks.yaml:14:5 Feld „risks[1].after“: Das Risiko „risk-02“ ist nach den Maßnahmen höher eingestuft als davor (vorher überschaubar × substanziell, nachher überschaubar × groß).
        → Prüfen Sie die Einstufung von Eintrittswahrscheinlichkeit und Schwere.
      # a normal risk names no measure
      Fehler: content/dpia/risks.yaml:15:5 Feld „risks[1].toms“: Das Risiko „risk-02“ ist normal, nennt aber keine Maßnahme.
        → Tragen Sie unter „toms“ die Maßnahmen ein, die das Risiko mindern.
      # a low risk needs no measure
      "
    `);
  });
});
