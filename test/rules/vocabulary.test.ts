import { describe, expect, it } from 'vitest';
import { vocabulary as rule } from '../../src/validate/rules/vocabulary.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const ROWS: RuleCase[] = [
  ['a party under a regime the vocabulary lacks', [replace('parties/traeger/traeger-002.yaml', 'regime: kdg', 'regime: katholisch')], ['content/parties/traeger/traeger-002.yaml:4:1 regime']],
  ['a § for a regime the vocabulary lacks', [replace('agreements/muster/1.1/04-aufsicht-kirchlich.mdx', 'regimes: [kdg, dsg-ekd]', 'regimes: [kdg, ekd]')], ['content/agreements/muster/1.1/04-aufsicht-kirchlich.mdx:6:16 regimes[1]']],
  ['a risk concerning an undeclared group', [replace('dpia/1.0/risks.yaml', 'groups: [eltern]', 'groups: [eltern, schueler]')], ['content/dpia/1.0/risks.yaml:12:22 risks[1].groups[1]']],
  ['a kind whose default regime is undeclared', [replace('parties/kindertagespflege.yaml', 'default_regime: dsgvo', 'default_regime: gdpr')], ['content/parties/kindertagespflege.yaml:5:1 default_regime']],
  ['an id twice in a list', [replace('vocabularies.yaml', '  - { id: eltern, label: Eltern und Sorgeberechtigte }', '  - { id: eltern, label: Eltern und Sorgeberechtigte }\n  - { id: kinder, label: Kinder und Jugendliche }')], ['content/vocabularies.yaml:21:7 affected_groups[2].id']],
  ['two default readings', [replace('vocabularies.yaml', '    dpo_label: Betrieblicher Datenschutzbeauftragter nach dem KDG\n', '    dpo_label: Betrieblicher Datenschutzbeauftragter nach dem KDG\n    reader: default\n')], ['content/vocabularies.yaml:12:5 regimes[1].reader']],
];

describe('rule vokabular (vocabularies)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('accepts a regime added in content alone', () => {
    const added = [
      replace('vocabularies.yaml', 'regimes_note:', '  - { id: nak, label: DSG-NAK }\nregimes_note:'),
      replace('parties/traeger/traeger-003.yaml', 'regime: dsgvo', 'regime: nak'),
    ];
    expect(wordedFindings(rule, [['added', added, []]])).toBe('# added\n');
  });

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# a party under a regime the vocabulary lacks
      Fehler: content/parties/traeger/traeger-002.yaml:4:1 Feld „regime“: „katholisch“ steht nicht im Vokabular (content/vocabularies.yaml, Liste „regimes“).
        → Erlaubt für das Datenschutzrecht: „dsgvo“, „kdg“ und „dsg-ekd“. Korrigieren Sie die Kennung oder ergänzen Sie sie unter „regimes“.
      # a § for a regime the vocabulary lacks
      Fehler: content/agreements/muster/1.1/04-aufsicht-kirchlich.mdx:6:16 Feld „regimes[1]“: „ekd“ steht nicht im Vokabular (content/vocabularies.yaml, Liste „regimes“).
        → Erlaubt für das Datenschutzrecht: „dsgvo“, „kdg“ und „dsg-ekd“. Korrigieren Sie die Kennung oder ergänzen Sie sie unter „regimes“.
      # a risk concerning an undeclared group
      Fehler: content/dpia/1.0/risks.yaml:12:22 Feld „risks[1].groups[1]“: „schueler“ steht nicht im Vokabular (content/vocabularies.yaml, Liste „affected_groups“).
        → Erlaubt für die betroffene Gruppe: „kinder“, „eltern“ und „personal“. Korrigieren Sie die Kennung oder ergänzen Sie sie unter „affected_groups“.
      # a kind whose default regime is undeclared
      Fehler: content/parties/kindertagespflege.yaml:5:1 Feld „default_regime“: „gdpr“ steht nicht im Vokabular (content/vocabularies.yaml, Liste „regimes“).
        → Erlaubt für das Datenschutzrecht: „dsgvo“, „kdg“ und „dsg-ekd“. Korrigieren Sie die Kennung oder ergänzen Sie sie unter „regimes“.
      # an id twice in a list
      Fehler: content/vocabularies.yaml:21:7 Feld „affected_groups[2].id“: Die Kennung „kinder“ steht zweimal in „affected_groups“.
        → Jede Kennung steht einmal in ihrer Liste.
      # two default readings
      Fehler: content/vocabularies.yaml:12:5 Feld „regimes[1].reader“: Auch „kdg“ ist als Standard-Lesefassung markiert (reader: default), wie schon „dsgvo“.
        → Nur ein Datenschutzrecht hat die Leseseite ohne Zusatz in der Adresse: markieren Sie die übrigen mit „reader: own“ oder lassen Sie das Feld weg."
    `);
  });
});
