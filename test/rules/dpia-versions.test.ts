import { describe, expect, it } from 'vitest';
import { dpiaVersions as rule } from '../../src/validate/rules/dpia-versions.ts';
import { replace, validFixture, type FileEdit } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const D = 'dpia/1.0/dpia.yaml';
const text = new TextDecoder().decode(validFixture().get(D)!);
/** A version 2.0 next to 1.0: a copy of 1.0 with the given lines after `version`. */
const v2 = (extra: string, status = 'entwurf'): FileEdit => ({
  file: 'dpia/2.0/dpia.yaml',
  write: text.replace('version: "1.0"\nstatus: beschlossen', `version: "2.0"\nstatus: ${status}${extra}`),
});
const changes = '\nchanges:\n  - risks: [risk-02]\n    text: Neu bewertet.\n    reason: Weil.';

const ROWS: RuleCase[] = [
  ['a draft that supersedes the version before and says what changed', [v2(`\nsupersedes: "1.0"${changes}`)], []],
  ['version number differs from its folder', [replace(D, 'version: "1.0"', 'version: "1.1"')], ['content/dpia/1.0/dpia.yaml:2:1 version']],
  ['names no predecessor and no change', [v2('')], ['content/dpia/2.0/dpia.yaml:2:1 version', 'content/dpia/2.0/dpia.yaml:2:1 version']],
  ['a change names an unknown risk', [v2(`\nsupersedes: "1.0"${changes.replace('risk-02', 'risk-99')}`)], ['content/dpia/2.0/dpia.yaml:6:13 changes[0].risks[0]']],
  ['the first version supersedes something', [replace(D, 'status: beschlossen', 'status: beschlossen\nsupersedes: "0.9"')], ['content/dpia/1.0/dpia.yaml:4:1 supersedes']],
  ['adopted while a DPO’s advice is still awaited', [replace(D, 'reviews:', 'dpo_advice:\n  - { controller: stadt, role: Datenschutzbeauftragter, result: Steht aus. }\nreviews:')], ['content/dpia/1.0/dpia.yaml:17:5 dpo_advice[0]']],
  ['a draft may wait for advice', [replace(D, 'status: beschlossen', 'status: entwurf'), replace(D, 'reviews:', 'dpo_advice:\n  - { controller: stadt, role: Datenschutzbeauftragter, result: Steht aus. }\nreviews:')], []],
  ['a draft older than an adopted version', [replace(D, 'status: beschlossen', 'status: entwurf'), v2(`\nsupersedes: "1.0"${changes}`, 'beschlossen')], ['content/dpia/1.0/dpia.yaml:3:1 status']],
];

describe('rule dsfa-versionen (DPIA version chain)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# a draft that supersedes the version before and says what changed

      # version number differs from its folder
      Fehler: content/dpia/1.0/dpia.yaml:2:1 Feld „version“: Die Folgenabschätzung im Ordner „dpia/1.0“ trägt die Versionsnummer „1.1“.
        → Gleichen Sie Ordnername und „version“ an, z. B. version: "1.0".
      # names no predecessor and no change
      Fehler: content/dpia/2.0/dpia.yaml:2:1 Feld „version“: Die Folgenabschätzung 2.0 ersetzt 1.0, sagt aber nicht, was sich geändert hat.
        → Tragen Sie unter „changes“ jede Änderung mit „text“ und „reason“ ein.
      Fehler: content/dpia/2.0/dpia.yaml:2:1 Feld „version“: Die Folgenabschätzung 2.0 muss die vorige Version 1.0 ersetzen.
        → Tragen Sie supersedes: "1.0" ein.
      # a change names an unknown risk
      Fehler: content/dpia/2.0/dpia.yaml:6:13 Feld „changes[0].risks[0]“: Das Risiko „risk-99“ gibt es weder in dieser noch in der ersetzten Folgenabschätzung.
        → Vorhandene Risiken: „risk-01“ und „risk-02“.
      # the first version supersedes something
      Fehler: content/dpia/1.0/dpia.yaml:4:1 Feld „supersedes“: Die Folgenabschätzung 1.0 ersetzt „0.9“, aber eine ältere Version gibt es nicht.
        → Streichen Sie „supersedes“ oder legen Sie die ersetzte Version unter content/dpia/ an.
      # adopted while a DPO’s advice is still awaited
      Fehler: content/dpia/1.0/dpia.yaml:17:5 Feld „dpo_advice[0]“: Die Folgenabschätzung 1.0 ist als „beschlossen“ eingetragen, aber der Rat „Datenschutzbeauftragter“ steht noch aus (kein Datum).
        → Tragen Sie Datum und Ergebnis des Rates ein, oder setzen Sie die Fassung auf „entwurf“, bis jeder Rat vorliegt.
      # a draft may wait for advice

      # a draft older than an adopted version
      Fehler: content/dpia/1.0/dpia.yaml:3:1 Feld „status“: Die Folgenabschätzung 1.0 ist noch ein Entwurf, obwohl eine spätere Version beschlossen ist.
        → Beschließen Sie den Entwurf oder löschen Sie ihn."
    `);
  });
});
