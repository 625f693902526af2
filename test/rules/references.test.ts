import { describe, expect, it } from 'vitest';
import { references as rule } from '../../src/validate/rules/references.ts';
import { findings, replace, validFixture, type FileEdit } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const C = 'council/council.yaml';
const L = 'ledger/muster.yaml';
const R = 'dpia/1.0/risks.yaml';

const ROWS: RuleCase[] = [
  ['a DPIA names an unknown agreement', [replace('dpia/1.0/dpia.yaml', '  - agreement: muster', '  - agreement: mustr')], ['content/dpia/1.0/dpia.yaml:6:5 agreements[0].agreement']],
  ['a DPIA names an unknown agreement version', [replace('dpia/1.0/dpia.yaml', 'versions: ["1.0", "1.1"]', 'versions: ["1.0", "1.2"]')], ['content/dpia/1.0/dpia.yaml:7:23 agreements[0].versions[1]']],
  ['a damage-limiting measure that does not exist', [replace(R, 'toms: [tom-vertraulichkeit-02]', 'toms: [tom-vertraulichkeit-02]\n    limits_damage: [tom-vertraulichkeit-77]')], ['content/dpia/1.0/risks.yaml:16:21 risks[1].limits_damage[0]']],
  ['risk names an unknown TOM', [replace(R, 'toms: [tom-vertraulichkeit-02]', 'toms: [tom-vertraulichkeit-02, tom-vertraulichkeit-09]')], ['content/dpia/1.0/risks.yaml:15:36 risks[1].toms[1]']],
  ['TOM valid since an unknown version', [replace('toms/vertraulichkeit.yaml', 'since_version: "1.1"', 'since_version: "2.0"')], ['content/toms/vertraulichkeit.yaml:17:5 measures[1].since_version']],
  ['consultation of an unknown paper', [replace(C, '  - { paper: A0001/22, body', '  - { paper: A0009/22, body')], ['content/council/council.yaml:5:7 consultations[0].paper']],
  ['resolution of an unknown paper and agreement', [replace(C, '  - paper: A0001/22\n    number: 2\n    kind: einzelvereinbarungen\n    agreement: muster', '  - paper: A0009/22\n    number: 2\n    kind: einzelvereinbarungen\n    agreement: kita')], ['content/council/council.yaml:14:5 resolutions[1].paper', 'content/council/council.yaml:17:5 resolutions[1].agreement']],
  ['offer letter for an unknown agreement', [replace(C, '  - { agreement: muster,', '  - { agreement: kita,')], ['content/council/council.yaml:20:7 offer_letters[0].agreement']],
  ['Beschlusskontrolle of an unknown paper', [replace(C, '  - paper: A0001/22\n    session', '  - paper: A0009/22\n    session')], ['content/council/council.yaml:22:5 beschlusskontrolle[0].paper']],
  ['agreement founded on an unknown paper', [replace('agreements/muster/agreement.yaml', 'paper: A0001/22', 'paper: A0009/22')], ['content/agreements/muster/agreement.yaml:6:1 paper']],
  ['version adopted by an unknown paper', [replace('agreements/muster/1.1/version.yaml', 'paper: V0002/23', 'paper: V0009/23')], ['content/agreements/muster/1.1/version.yaml:5:1 paper']],
  ['start page shows an unknown agreement', [replace('site.yaml', 'main_agreement: muster', 'main_agreement: kita')], ['content/site.yaml:3:1 main_agreement']],
  ['ledger of an unknown agreement', [replace(L, 'agreement: muster', 'agreement: kita')], ['content/ledger/muster.yaml:1:1 agreement']],
  ['ledger entry of an unknown party and version', [replace(L, '  - party: traeger-002\n    version: "1.0"', '  - party: traeger-020\n    version: "2.0"')], ['content/ledger/muster.yaml:13:5 entries[2].party', 'content/ledger/muster.yaml:14:5 entries[2].version']],
  // Consequences of an unreadable file are not reported again: its own error says what to fix.
  ['TOM file unreadable: its ids are not reported as missing', [replace('toms/vertraulichkeit.yaml', 'measures:', 'measures:\n\t- x')], []],
  ['one TOM invalid: only its id is spared', [replace('toms/vertraulichkeit.yaml', 'goal: vertraulichkeit\n    art32: [art32-1-a]', 'goal: geheim\n    art32: [art32-1-a]'), replace(R, 'toms: [tom-vertraulichkeit-02]', 'toms: [tom-vertraulichkeit-02, tom-vertraulichkeit-09]')], ['content/dpia/1.0/risks.yaml:15:36 risks[1].toms[1]']],
  ['party file unreadable: the ledger entry is not reported', [{ file: 'parties/traeger/traeger-002.yaml', write: 'id: traeger-002\nname: "offen\n' }], []],
  ['agreement file unreadable: references to it are not reported', [replace('agreements/muster/agreement.yaml', 'id: muster', 'id: [muster')], []],
  ['version file unreadable: the ledger entry for it is not reported', [replace('agreements/muster/1.1/version.yaml', 'status: beschlossen', 'status: [beschlossen')], []],
  ['version number differs from its folder: left to „versionen“', [replace('agreements/muster/1.1/version.yaml', 'version: "1.1"', 'version: "1.2"')], []],
];

describe('rule verweise (references)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('says which ids exist, or that none do', () => {
    expect(findings(rule, [replace('site.yaml', 'main_agreement: muster', 'main_agreement: kita')])[0]?.hint).toBe('Vorhandene Vereinbarungen: „muster“.');
    expect(findings(rule, [replace(L, 'version: "1.1"', 'version: "1.7"')])[0]?.hint).toBe('Vorhandene Versionen: „1.0“ und „1.1“.');
    const noAgreements: FileEdit[] = [...validFixture().keys()].filter((f) => f.startsWith('agreements/')).map((file) => ({ file, delete: true as const }));
    const hints = findings(rule, noAgreements).map((d) => `${d.field}: ${d.hint}`);
    expect(hints).toContain('main_agreement: Vorhandene Vereinbarungen: keine.');
    expect(hints).toContain('measures[0].since_version: Vorhandene Versionen: keine.');
  });

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# a DPIA names an unknown agreement
      Fehler: content/dpia/1.0/dpia.yaml:6:5 Feld „agreements[0].agreement“: Die Vereinbarung „mustr“ gibt es nicht.
        → Vorhandene Vereinbarungen: „muster“.
      # a DPIA names an unknown agreement version
      Fehler: content/dpia/1.0/dpia.yaml:7:23 Feld „agreements[0].versions[1]“: Die Vereinbarung „muster“ hat keine Version „1.2“.
        → Vorhandene Versionen: „1.0“ und „1.1“.
      # a damage-limiting measure that does not exist
      Fehler: content/dpia/1.0/risks.yaml:16:21 Feld „risks[1].limits_damage[0]“: Die Maßnahme „tom-vertraulichkeit-77“ gibt es im TOM-Katalog nicht.
        → Korrigieren Sie die Kennung oder legen Sie die Maßnahme in content/toms/ an.
      # risk names an unknown TOM
      Fehler: content/dpia/1.0/risks.yaml:15:36 Feld „risks[1].toms[1]“: Die Maßnahme „tom-vertraulichkeit-09“ gibt es im TOM-Katalog nicht.
        → Korrigieren Sie die Kennung oder legen Sie die Maßnahme in content/toms/ an.
      # TOM valid since an unknown version
      Fehler: content/toms/vertraulichkeit.yaml:17:5 Feld „measures[1].since_version“: Eine Version „2.0“ gibt es bei keiner Vereinbarung.
        → Vorhandene Versionen: „1.0“ und „1.1“.
      # consultation of an unknown paper
      Fehler: content/council/council.yaml:5:7 Feld „consultations[0].paper“: Die Vorlage „A0009/22“ steht nicht unter „papers“.
        → Ergänzen Sie die Vorlage unter „papers“ oder korrigieren Sie die Nummer.
      # resolution of an unknown paper and agreement
      Fehler: content/council/council.yaml:14:5 Feld „resolutions[1].paper“: Die Vorlage „A0009/22“ steht nicht unter „papers“.
        → Ergänzen Sie die Vorlage unter „papers“ oder korrigieren Sie die Nummer.
      Fehler: content/council/council.yaml:17:5 Feld „resolutions[1].agreement“: Die Vereinbarung „kita“ gibt es nicht.
        → Vorhandene Vereinbarungen: „muster“.
      # offer letter for an unknown agreement
      Fehler: content/council/council.yaml:20:7 Feld „offer_letters[0].agreement“: Die Vereinbarung „kita“ gibt es nicht.
        → Vorhandene Vereinbarungen: „muster“.
      # Beschlusskontrolle of an unknown paper
      Fehler: content/council/council.yaml:22:5 Feld „beschlusskontrolle[0].paper“: Die Vorlage „A0009/22“ steht nicht unter „papers“.
        → Ergänzen Sie die Vorlage unter „papers“ oder korrigieren Sie die Nummer.
      # agreement founded on an unknown paper
      Fehler: content/agreements/muster/agreement.yaml:6:1 Feld „paper“: Die Vorlage „A0009/22“ steht nicht in content/council/council.yaml.
        → Ergänzen Sie die Vorlage dort unter „papers“ oder korrigieren Sie die Nummer.
      # version adopted by an unknown paper
      Fehler: content/agreements/muster/1.1/version.yaml:5:1 Feld „paper“: Die Vorlage „V0009/23“ steht nicht in content/council/council.yaml.
        → Ergänzen Sie die Vorlage dort unter „papers“ oder korrigieren Sie die Nummer.
      # start page shows an unknown agreement
      Fehler: content/site.yaml:3:1 Feld „main_agreement“: Die Vereinbarung „kita“ gibt es nicht.
        → Vorhandene Vereinbarungen: „muster“.
      # ledger of an unknown agreement
      Fehler: content/ledger/muster.yaml:1:1 Feld „agreement“: Die Vereinbarung „kita“ gibt es nicht.
        → Vorhandene Vereinbarungen: „muster“.
      # ledger entry of an unknown party and version
      Fehler: content/ledger/muster.yaml:13:5 Feld „entries[2].party“: Den Vertragspartner „traeger-020“ gibt es nicht.
        → Korrigieren Sie die Kennung oder legen Sie den Partner in content/parties/ an.
      Fehler: content/ledger/muster.yaml:14:5 Feld „entries[2].version“: Die Vereinbarung „muster“ hat keine Version „2.0“.
        → Vorhandene Versionen: „1.0“ und „1.1“.
      # TOM file unreadable: its ids are not reported as missing

      # one TOM invalid: only its id is spared
      Fehler: content/dpia/1.0/risks.yaml:15:36 Feld „risks[1].toms[1]“: Die Maßnahme „tom-vertraulichkeit-09“ gibt es im TOM-Katalog nicht.
        → Korrigieren Sie die Kennung oder legen Sie die Maßnahme in content/toms/ an.
      # party file unreadable: the ledger entry is not reported

      # agreement file unreadable: references to it are not reported

      # version file unreadable: the ledger entry for it is not reported

      # version number differs from its folder: left to „versionen“
      "
    `);
  });
});
