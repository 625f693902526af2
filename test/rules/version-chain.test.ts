import { describe, expect, it } from 'vitest';
import { versionChain as rule } from '../../src/validate/rules/version-chain.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const V10 = 'agreements/muster/1.0/version.yaml';
const V11 = 'agreements/muster/1.1/version.yaml';

const ROWS: RuleCase[] = [
  ['agreement id differs from its folder', [replace('agreements/muster/agreement.yaml', 'id: muster', 'id: muster-2')], ['content/agreements/muster/agreement.yaml:1:1 id']],
  ['version number differs from its folder', [replace(V11, 'version: "1.1"', 'version: "1.2"')], [`content/${V11}:1:1 version`]],
  ['an older version still „beschlossen“ after a newer one was adopted: its record needs no edit', [replace(V10, 'status: abgeloest', 'status: beschlossen')], []],
  ['superseded without successor', [replace(V11, 'status: beschlossen', 'status: abgeloest')], [`content/${V11}:2:1 status`]],
  ['supersedes an unknown version', [replace(V11, 'supersedes: "1.0"', 'supersedes: "0.9"')], [`content/${V10}:2:1 status`, `content/${V11}:8:1 supersedes`]],
  ['supersedes itself', [replace(V11, 'supersedes: "1.0"', 'supersedes: "1.1"')], [`content/${V10}:2:1 status`, `content/${V11}:8:1 supersedes`]],
  ['names no predecessor', [replace(V11, 'supersedes: "1.0"\n', '')], [`content/${V10}:2:1 status`, `content/${V11}:1:1 supersedes`]],
  ['in force before it was adopted', [replace(V11, 'effective: 2023-06-01', 'effective: 2023-05-01')], [`content/${V11}:7:1 effective`]],
  ['adopted before its predecessor', [replace(V11, 'adopted: 2023-05-11', 'adopted: 2022-03-01')], [`content/${V11}:4:1 adopted`]],
  ['a version file that cannot be read: links to it are not checked', [replace(V11, 'status: beschlossen', 'status: "beschlossen')], []],
];

describe('rule versionen (version chain)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# agreement id differs from its folder
      Fehler: content/agreements/muster/agreement.yaml:1:1 Feld „id“: Die Kennung „muster-2“ passt nicht zum Ordnernamen „muster“.
        → Kennung und Ordnername müssen gleich sein: schreiben Sie „id: muster“ oder benennen Sie den Ordner um.
      # version number differs from its folder
      Fehler: content/agreements/muster/1.1/version.yaml:1:1 Feld „version“: Die Versionsnummer „1.2“ passt nicht zum Ordnernamen „1.1“.
        → Versionsnummer und Ordnername müssen gleich sein: schreiben Sie „version: "1.1"“ oder benennen Sie den Ordner um.
      # an older version still „beschlossen“ after a newer one was adopted: its record needs no edit

      # superseded without successor
      Fehler: content/agreements/muster/1.1/version.yaml:2:1 Feld „status“: Version 1.1 ist „abgeloest“, aber keine Version löst sie ab.
        → Setzen Sie den Status zurück oder nennen Sie sie in der neuen Version unter „supersedes“.
      # supersedes an unknown version
      Fehler: content/agreements/muster/1.0/version.yaml:2:1 Feld „status“: Version 1.0 ist „abgeloest“, aber keine Version löst sie ab.
        → Setzen Sie den Status zurück oder nennen Sie sie in der neuen Version unter „supersedes“.
      Fehler: content/agreements/muster/1.1/version.yaml:8:1 Feld „supersedes“: Die Vorgängerversion „0.9“ gibt es nicht.
        → Vorhandene Versionen: „1.0“ und „1.1“.
      # supersedes itself
      Fehler: content/agreements/muster/1.0/version.yaml:2:1 Feld „status“: Version 1.0 ist „abgeloest“, aber keine Version löst sie ab.
        → Setzen Sie den Status zurück oder nennen Sie sie in der neuen Version unter „supersedes“.
      Fehler: content/agreements/muster/1.1/version.yaml:8:1 Feld „supersedes“: Version 1.1 kann nicht Version 1.1 ablösen: die Vorgängerversion muss älter sein.
        → Tragen Sie „supersedes: "1.0"“ ein.
      # names no predecessor
      Fehler: content/agreements/muster/1.0/version.yaml:2:1 Feld „status“: Version 1.0 ist „abgeloest“, aber keine Version löst sie ab.
        → Setzen Sie den Status zurück oder nennen Sie sie in der neuen Version unter „supersedes“.
      Fehler: content/agreements/muster/1.1/version.yaml:1:1 Feld „supersedes“: Version 1.1 nennt keine Vorgängerversion.
        → Tragen Sie „supersedes: "1.0"“ ein.
      # in force before it was adopted
      Fehler: content/agreements/muster/1.1/version.yaml:7:1 Feld „effective“: Das Inkrafttreten am 1. Mai 2023 liegt vor dem Beschluss am 11. Mai 2023.
        → Prüfen Sie beide Daten.
      # adopted before its predecessor
      Fehler: content/agreements/muster/1.1/version.yaml:4:1 Feld „adopted“: Version 1.1 ist am 1. März 2022 beschlossen, vor ihrer Vorgängerversion 1.0 (31. März 2022).
        → Prüfen Sie die Beschlussdaten.
      # a version file that cannot be read: links to it are not checked
      "
    `);
  });
});
