import { describe, expect, it } from 'vitest';
import { dpiaMatrix as rule } from '../../src/validate/rules/dpia-matrix.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const D = 'dpia/1.0/dpia.yaml';
const draft = replace(D, 'status: beschlossen', 'status: entwurf');
// The fixture's table (monotone): rows = severity, columns = likelihood.
const FIXTURE_ROWS = `    geringfuegig: { geringfuegig: gering, ueberschaubar: gering, substanziell: gering, gross: normal }
    ueberschaubar: { geringfuegig: gering, ueberschaubar: normal, substanziell: normal, gross: normal }
    substanziell: { geringfuegig: gering, ueberschaubar: normal, substanziell: hoch, gross: hoch }
    gross: { geringfuegig: normal, ueberschaubar: normal, substanziell: hoch, gross: hoch }`;
const row = (severity: string, cells: string) => replace(D, FIXTURE_ROWS.split('\n').find((l) => l.startsWith(`    ${severity}:`))!, `    ${severity}: { ${cells} }`);
const contested = (list: string) => replace(D, '    gross: { geringfuegig: normal, ueberschaubar: normal, substanziell: hoch, gross: hoch }\n', `    gross: { geringfuegig: normal, ueberschaubar: normal, substanziell: hoch, gross: hoch }\n  contested:\n${list}`);

const ROWS: RuleCase[] = [
  ['a higher likelihood gives a lower level (draft)', [draft, row('gross', 'geringfuegig: hoch, ueberschaubar: normal, substanziell: hoch, gross: hoch')], ['content/dpia/1.0/dpia.yaml:14:34 matrix.rows.gross.ueberschaubar']],
  ['a higher severity gives a lower level (draft)', [draft, row('ueberschaubar', 'geringfuegig: normal, ueberschaubar: normal, substanziell: normal, gross: normal')], ['content/dpia/1.0/dpia.yaml:13:21 matrix.rows.substanziell.geringfuegig']],
  ['one cell below both neighbours: one finding that names both', [draft, row('substanziell', 'geringfuegig: gering, ueberschaubar: normal, substanziell: gering, gross: hoch')], ['content/dpia/1.0/dpia.yaml:13:66 matrix.rows.substanziell.substanziell']],
  ['the newest adopted version: a warning (a record is corrected in its next version)', [row('gross', 'geringfuegig: hoch, ueberschaubar: normal, substanziell: hoch, gross: hoch')], ['Warnung content/dpia/1.0/dpia.yaml:14:34 matrix.rows.gross.ueberschaubar']],
  ['a cell listed twice as contested', [draft, contested('    - { severity: gross, likelihood: geringfuegig }\n    - { severity: gross, likelihood: geringfuegig, note: Abbildung unklar. }\n')], ['content/dpia/1.0/dpia.yaml:17:7 matrix.contested[1]']],
  ['contested cells in a monotone table', [draft, contested('    - { severity: gross, likelihood: geringfuegig, note: Abbildung unklar. }\n    - { severity: geringfuegig, likelihood: gross }\n')], []],
  ['a table that is the same everywhere', [draft, ...['geringfuegig', 'ueberschaubar', 'substanziell', 'gross'].map((s) => row(s, 'geringfuegig: normal, ueberschaubar: normal, substanziell: normal, gross: normal'))], []],
];

describe('rule dsfa-matrix (the risk matrix is monotone)', () => {
  it('the fixture rows are the ones the cases edit', async () => {
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(new URL('../fixtures/valid/dpia/1.0/dpia.yaml', import.meta.url), 'utf8')).toContain(FIXTURE_ROWS);
  });

  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# a higher likelihood gives a lower level (draft)
      Fehler: content/dpia/1.0/dpia.yaml:14:34 Feld „matrix.rows.gross.ueberschaubar“: Die Risikomatrix der Folgenabschätzung 1.0 ist nicht monoton: Die Zelle Schwere „groß“ × Wahrscheinlichkeit „überschaubar“ ergibt „normal“, bei geringerer Wahrscheinlichkeit („geringfügig“) aber „hoch“.
        → Eine höhere Eintrittswahrscheinlichkeit oder Schwere darf nie eine niedrigere Risikostufe ergeben. Gleichen Sie die Zellen mit der Quelle der Matrix ab („source“) und heben Sie diese Zelle an oder senken Sie die andere.
      # a higher severity gives a lower level (draft)
      Fehler: content/dpia/1.0/dpia.yaml:13:21 Feld „matrix.rows.substanziell.geringfuegig“: Die Risikomatrix der Folgenabschätzung 1.0 ist nicht monoton: Die Zelle Schwere „substanziell“ × Wahrscheinlichkeit „geringfügig“ ergibt „gering“, bei geringerer Schwere („überschaubar“) aber „normal“.
        → Eine höhere Eintrittswahrscheinlichkeit oder Schwere darf nie eine niedrigere Risikostufe ergeben. Gleichen Sie die Zellen mit der Quelle der Matrix ab („source“) und heben Sie diese Zelle an oder senken Sie die andere.
      # one cell below both neighbours: one finding that names both
      Fehler: content/dpia/1.0/dpia.yaml:13:66 Feld „matrix.rows.substanziell.substanziell“: Die Risikomatrix der Folgenabschätzung 1.0 ist nicht monoton: Die Zelle Schwere „substanziell“ × Wahrscheinlichkeit „substanziell“ ergibt „gering“, bei geringerer Wahrscheinlichkeit („überschaubar“) aber „normal“ und bei geringerer Schwere („überschaubar“) aber „normal“.
        → Eine höhere Eintrittswahrscheinlichkeit oder Schwere darf nie eine niedrigere Risikostufe ergeben. Gleichen Sie die Zellen mit der Quelle der Matrix ab („source“) und heben Sie diese Zelle an oder senken Sie die andere.
      # the newest adopted version: a warning (a record is corrected in its next version)
      Warnung: content/dpia/1.0/dpia.yaml:14:34 Feld „matrix.rows.gross.ueberschaubar“: Die Risikomatrix der Folgenabschätzung 1.0 ist nicht monoton: Die Zelle Schwere „groß“ × Wahrscheinlichkeit „überschaubar“ ergibt „normal“, bei geringerer Wahrscheinlichkeit („geringfügig“) aber „hoch“.
        → Eine höhere Eintrittswahrscheinlichkeit oder Schwere darf nie eine niedrigere Risikostufe ergeben. Gleichen Sie die Zellen mit der Quelle der Matrix ab („source“) und heben Sie diese Zelle an oder senken Sie die andere. Eine beschlossene Folgenabschätzung korrigieren Sie in ihrer nächsten Version.
      # a cell listed twice as contested
      Fehler: content/dpia/1.0/dpia.yaml:17:7 Feld „matrix.contested[1]“: Die Zelle Schwere „groß“ × Wahrscheinlichkeit „geringfügig“ steht zweimal unter „contested“.
        → Nennen Sie jede zu prüfende Zelle nur einmal; führen Sie die Hinweise zusammen.
      # contested cells in a monotone table

      # a table that is the same everywhere
      "
    `);
  });
});
