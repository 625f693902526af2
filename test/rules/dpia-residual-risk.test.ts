import { describe, expect, it } from 'vitest';
import { dpiaResidualRisk as rule } from '../../src/validate/rules/dpia-residual-risk.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const R = 'dpia/1.0/risks.yaml';

const ROWS: RuleCase[] = [
  ['a risk stays high after the measures', [replace(R, 'after: { likelihood: geringfuegig, severity: gross }', 'after: { likelihood: substanziell, severity: gross }')], ['content/dpia/1.0/risks.yaml:7:5 risks[0].after']],
  ['measures make a risk worse', [replace(R, 'after: { likelihood: geringfuegig, severity: substanziell }', 'after: { likelihood: ueberschaubar, severity: gross }')], ['content/dpia/1.0/risks.yaml:14:5 risks[1].after']],
  ['a normal risk names no measure', [replace(R, 'toms: [tom-vertraulichkeit-02]', 'toms: []')], ['content/dpia/1.0/risks.yaml:15:5 risks[1].toms']],
  [
    'a residual high risk with a recorded Art. 36 consultation',
    [replace(R, 'after: { likelihood: geringfuegig, severity: gross }', 'after: { likelihood: substanziell, severity: gross }\n    art36: { authority: Sächsische Datenschutz- und Transparenzbeauftragte, date: 2022-02-01, result: Keine Bedenken. }')],
    [],
  ],
  ['the level comes from the version’s table: a cell rated „hoch“ is high whatever the levels multiply to', [replace('dpia/1.0/dpia.yaml', 'gross: { geringfuegig: normal,', 'gross: { geringfuegig: hoch,')], ['content/dpia/1.0/risks.yaml:7:5 risks[0].after']],
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
      Fehler: content/dpia/1.0/risks.yaml:7:5 Feld „risks[0].after“: Das Risiko „risk-01“ bleibt nach den Maßnahmen hoch (Eintrittswahrscheinlichkeit substanziell, Schwere groß; Risikomatrix der Folgenabschätzung 1.0).
        → Ergänzen Sie wirksame Maßnahmen; sonst ist vor Beginn der Verarbeitung die Aufsichtsbehörde zu konsultieren (Art. 36 DSGVO) und die Konsultation unter „art36“ einzutragen.
      # measures make a risk worse
      Fehler: content/dpia/1.0/risks.yaml:14:5 Feld „risks[1].after“: Das Risiko „risk-02“ ist nach den Maßnahmen höher eingestuft als davor (vorher Eintrittswahrscheinlichkeit überschaubar, Schwere substanziell, nachher Eintrittswahrscheinlichkeit überschaubar, Schwere groß).
        → Prüfen Sie die Einstufung von Eintrittswahrscheinlichkeit und Schwere.
      # a normal risk names no measure
      Fehler: content/dpia/1.0/risks.yaml:15:5 Feld „risks[1].toms“: Das Risiko „risk-02“ ist normal, nennt aber keine Maßnahme.
        → Tragen Sie unter „toms“ die Maßnahmen ein, die das Risiko mindern.
      # a residual high risk with a recorded Art. 36 consultation

      # the level comes from the version’s table: a cell rated „hoch“ is high whatever the levels multiply to
      Fehler: content/dpia/1.0/risks.yaml:7:5 Feld „risks[0].after“: Das Risiko „risk-01“ bleibt nach den Maßnahmen hoch (Eintrittswahrscheinlichkeit geringfügig, Schwere groß; Risikomatrix der Folgenabschätzung 1.0).
        → Ergänzen Sie wirksame Maßnahmen; sonst ist vor Beginn der Verarbeitung die Aufsichtsbehörde zu konsultieren (Art. 36 DSGVO) und die Konsultation unter „art36“ einzutragen.
      # a low risk needs no measure
      "
    `);
  });
});
