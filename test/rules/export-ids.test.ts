import { describe, expect, it } from 'vitest';
import { exportIds as rule } from '../../src/validate/rules/export-ids.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const ROWS: RuleCase[] = [
  [
    'two spellings of one responsible body (one OSCAL role)',
    [replace('toms/vertraulichkeit.yaml', 'responsible: Eigenbetrieb IT-Dienstleistungen\n    status: in-umsetzung', 'responsible: Eigenbetrieb IT Dienstleistungen\n    status: in-umsetzung')],
    ['content/toms/vertraulichkeit.yaml:15:5 measures[1].responsible'],
  ],
  ['a responsible body without a letter', [replace('toms/vertraulichkeit.yaml', 'responsible: Eigenbetrieb IT-Dienstleistungen\n    status: umgesetzt', 'responsible: "–"\n    status: umgesetzt')], ['content/toms/vertraulichkeit.yaml:7:5 measures[0].responsible']],
  ['a TOM named like a protection goal', [replace('toms/vertraulichkeit.yaml', 'id: tom-vertraulichkeit-02', 'id: integritaet')], ['content/toms/vertraulichkeit.yaml:10:5 measures[1].id']],
  [
    'two spellings of one committee (one OParl organization)',
    [replace('council/council.yaml', 'resolutions:\n', '  - { paper: V0002/23, body: JugendhilfeAusschuss, date: 2023-05-11, public: true, role: beschließend }\nresolutions:\n')],
    ['content/council/council.yaml:6:24 consultations[1].body'],
  ],
  [
    'one paper twice on one agenda (one OParl agenda item)',
    [replace('council/council.yaml', 'resolutions:\n', '  - { paper: A0001/22, body: Jugendhilfeausschuss, date: 2022-03-31, public: false, role: beratend }\nresolutions:\n')],
    ['content/council/council.yaml:6:7 consultations[1].paper'],
  ],
];

describe('rule export-kennungen (identifiers in the exports)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# two spellings of one responsible body (one OSCAL role)
      Fehler: content/toms/vertraulichkeit.yaml:15:5 Feld „measures[1].responsible“: „Eigenbetrieb IT Dienstleistungen“ und „Eigenbetrieb IT-Dienstleistungen“ (content/toms/vertraulichkeit.yaml:7) ergeben in den OSCAL-Daten dieselbe Kennung „eigenbetrieb-it-dienstleistungen“ für die verantwortliche Stelle.
        → Schreiben Sie den Namen überall gleich, z. B. „Eigenbetrieb IT-Dienstleistungen“.
      # a responsible body without a letter
      Fehler: content/toms/vertraulichkeit.yaml:7:5 Feld „measures[0].responsible“: „–“ ergibt keine Kennung für die verantwortliche Stelle in den OSCAL-Daten.
        → Die Angabe braucht mindestens einen Buchstaben oder eine Ziffer.
      # a TOM named like a protection goal
      Fehler: content/toms/vertraulichkeit.yaml:10:5 Feld „measures[1].id“: Die Kennung „integritaet“ ist schon die Kennung des Gewährleistungsziels im OSCAL-Katalog.
        → Vergeben Sie eine Kennung wie „tom-vertraulichkeit-01“.
      # two spellings of one committee (one OParl organization)
      Fehler: content/council/council.yaml:6:24 Feld „consultations[1].body“: „JugendhilfeAusschuss“ und „Jugendhilfeausschuss“ (content/council/council.yaml:5) ergeben in den OParl-Daten dieselbe Kennung „jugendhilfeausschuss“ für das Gremium.
        → Schreiben Sie den Namen überall gleich, z. B. „Jugendhilfeausschuss“.
      # one paper twice on one agenda (one OParl agenda item)
      Fehler: content/council/council.yaml:6:7 Feld „consultations[1].paper“: Die Vorlage „A0001/22“ steht am 31.03.2022 schon in der Beratungsfolge von „Jugendhilfeausschuss“ (content/council/council.yaml:5); in den OParl-Daten gäbe es diesen Tagesordnungspunkt zweimal.
        → Löschen Sie den doppelten Eintrag oder korrigieren Sie Gremium oder Datum."
    `);
  });
});
