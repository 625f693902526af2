import { describe, expect, it } from 'vitest';
import { exampleInstance as rule } from '../../src/validate/rules/example-instance.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const S = 'site.yaml';
const exampleInstance = replace(S, 'main_agreement: muster\n', 'main_agreement: muster\nbeispiel: true\n');
const paperMark = replace('council/council.yaml', 'title: Änderung der Mustervereinbarung }', 'title: Änderung der Mustervereinbarung, beispiel: Datum erfunden }');
const riskMark = replace('dpia/1.0/risks.yaml', '    toms: [tom-vertraulichkeit-01]\n', '    toms: [tom-vertraulichkeit-01]\n    beispiel: true\n');
const provenance = replace(S, 'main_agreement: muster\n', 'main_agreement: muster\nherkunft:\n  hinweis: Ein Beispiel.\n');

const ROWS: RuleCase[] = [
  ['a real instance with a per-fact mark in council.yaml', [paperMark], ['content/council/council.yaml:3:94 papers[1].beispiel']],
  ['a real instance with a per-fact mark in a risk register', [riskMark], ['content/dpia/1.0/risks.yaml:9:5 risks[0].beispiel']],
  ['a real instance with the example’s provenance note', [provenance], ['content/site.yaml:4:1 herkunft']],
  ['an example instance may mark facts and say where they come from', [exampleInstance, paperMark, riskMark, provenance], []],
  ['an example instance with a note as its mark', [replace(S, 'main_agreement: muster\n', 'main_agreement: muster\nbeispiel: Übungsinhalte – nicht amtlich\n'), riskMark], []],
];

describe('rule beispiel-instanz (per-fact example marks only in an example instance)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# a real instance with a per-fact mark in council.yaml
      Fehler: content/council/council.yaml:3:94 Feld „papers[1].beispiel“: Ein Beispielvermerk („beispiel“) steht in Inhalten, die keine Beispielinhalte sind (site.yaml ohne „beispiel“).
        → Entfernen Sie den Vermerk, wenn die Angabe stimmt. Sind die Inhalte ein Beispiel, tragen Sie in site.yaml „beispiel: true“ ein; dann trägt jede Seite, jedes PDF und jedes Schreiben den Vermerk „Beispielinhalte“.
      # a real instance with a per-fact mark in a risk register
      Fehler: content/dpia/1.0/risks.yaml:9:5 Feld „risks[0].beispiel“: Ein Beispielvermerk („beispiel“) steht in Inhalten, die keine Beispielinhalte sind (site.yaml ohne „beispiel“).
        → Entfernen Sie den Vermerk, wenn die Angabe stimmt. Sind die Inhalte ein Beispiel, tragen Sie in site.yaml „beispiel: true“ ein; dann trägt jede Seite, jedes PDF und jedes Schreiben den Vermerk „Beispielinhalte“.
      # a real instance with the example’s provenance note
      Fehler: content/site.yaml:4:1 Feld „herkunft“: „herkunft“ beschreibt, woher Beispielinhalte stammen, aber site.yaml erklärt die Inhalte nicht als Beispiel.
        → Entfernen Sie „herkunft“ oder tragen Sie in site.yaml „beispiel: true“ ein.
      # an example instance may mark facts and say where they come from

      # an example instance with a note as its mark
      "
    `);
  });
});
