import { describe, expect, it } from 'vitest';
import { uniqueIds as rule } from '../../src/validate/rules/unique-ids.ts';
import { replace, validFixture, type FileEdit } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const copy = (from: string, to: string, ...changes: [string, string][]): FileEdit => {
  let text = new TextDecoder().decode(validFixture().get(from)!);
  for (const [a, b] of changes) text = text.replace(a, b);
  return { file: to, write: text };
};

const ROWS: RuleCase[] = [
  ['two parties with one id', [replace('parties/traeger/traeger-003.yaml', 'id: traeger-003', 'id: traeger-002')], ['content/parties/traeger/traeger-003.yaml:1:1 id']],
  ['a provider and a childminder with one id', [replace('parties/kindertagespflege/ktp-001.yaml', 'id: ktp-001', 'id: traeger-001')], ['content/parties/traeger/traeger-001.yaml:1:1 id']],
  ['two facilities with one id', [replace('parties/traeger/traeger-002.yaml', 'id: kita-002-02', 'id: kita-001-01')], ['content/parties/traeger/traeger-002.yaml:12:5 units[1].id']],
  ['two facilities with one Bedarfsplan entry', [replace('parties/traeger/traeger-002.yaml', 'entry: "KT-0002"', 'entry: "KT-0001"')], ['content/parties/traeger/traeger-002.yaml:10:36 units[0].register.entry']],
  ['two TOMs with one id', [replace('toms/vertraulichkeit.yaml', 'id: tom-vertraulichkeit-02', 'id: tom-vertraulichkeit-01')], ['content/toms/vertraulichkeit.yaml:10:5 measures[1].id']],
  ['two risks with one id', [replace('dpia/1.0/risks.yaml', 'id: risk-02', 'id: risk-01')], ['content/dpia/1.0/risks.yaml:9:5 risks[1].id']],
  ['two DPIA sections with one id and position', [copy('dpia/1.0/sections/01-beschreibung.mdx', 'dpia/1.0/sections/02-zweck.mdx', ['title: Beschreibung der Verarbeitung', 'title: Zweck'])], ['content/dpia/1.0/sections/02-zweck.mdx:2:1 id', 'content/dpia/1.0/sections/02-zweck.mdx:3:1 order']],
  ['a council paper listed twice', [replace('council/council.yaml', 'consultations:', '  - { id: V0002/23, kind: vorlage, date: 2023-04-24, title: Doppelt }\nconsultations:')], ['content/council/council.yaml:4:7 papers[2].id']],
  ['two ledgers for one agreement', [copy('ledger/muster.yaml', 'ledger/muster-2.yaml')], ['content/ledger/muster.yaml:1:1 agreement', 'content/ledger/muster.yaml:3:5 entries[0].party', 'content/ledger/muster.yaml:9:5 entries[1].party', 'content/ledger/muster.yaml:13:5 entries[2].party']],
  ['two ledger entries for one party and version', [replace('ledger/muster.yaml', '  - party: traeger-002\n    version: "1.0"', '  - party: traeger-001\n    version: "1.1"')], ['content/ledger/muster.yaml:13:5 entries[2].party']],
];

describe('rule eindeutige-kennungen (unique ids)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# two parties with one id
      Fehler: content/parties/traeger/traeger-003.yaml:1:1 Feld „id“: Die Kennung „traeger-002“ ist schon vergeben (Vertragspartner in content/parties/traeger/traeger-002.yaml:1).
        → Vergeben Sie eine neue, noch nicht benutzte Kennung.
      # a provider and a childminder with one id
      Fehler: content/parties/traeger/traeger-001.yaml:1:1 Feld „id“: Die Kennung „traeger-001“ ist schon vergeben (Vertragspartner in content/parties/kindertagespflege/ktp-001.yaml:1).
        → Vergeben Sie eine neue, noch nicht benutzte Kennung.
      # two facilities with one id
      Fehler: content/parties/traeger/traeger-002.yaml:12:5 Feld „units[1].id“: Die Kennung „kita-001-01“ ist schon vergeben (Einheit eines Vertragspartners in content/parties/traeger/traeger-001.yaml:8).
        → Vergeben Sie eine neue, noch nicht benutzte Kennung.
      # two facilities with one Bedarfsplan entry
      Fehler: content/parties/traeger/traeger-002.yaml:10:36 Feld „units[0].register.entry“: Der Eintrag „KT-0001“ im Bedarfsplan 2021/2022 ist schon einer anderen Einrichtung zugeordnet (content/parties/traeger/traeger-001.yaml:11).
        → Jede Einrichtung hat im Bedarfsplan eine eigene Nummer: prüfen Sie „entry“.
      # two TOMs with one id
      Fehler: content/toms/vertraulichkeit.yaml:10:5 Feld „measures[1].id“: Die Kennung „tom-vertraulichkeit-01“ ist schon vergeben (Maßnahme in content/toms/vertraulichkeit.yaml:2).
        → Vergeben Sie eine neue, noch nicht benutzte Kennung.
      # two risks with one id
      Fehler: content/dpia/1.0/risks.yaml:9:5 Feld „risks[1].id“: Die Kennung „risk-01“ ist schon vergeben (Risiko in content/dpia/1.0/risks.yaml:2).
        → Vergeben Sie eine neue, noch nicht benutzte Kennung.
      # two DPIA sections with one id and position
      Fehler: content/dpia/1.0/sections/02-zweck.mdx:2:1 Feld „id“: Die Kennung „beschreibung“ ist schon vergeben (DSFA-Abschnitt in content/dpia/1.0/sections/01-beschreibung.mdx:2).
        → Vergeben Sie eine neue, noch nicht benutzte Kennung.
      Fehler: content/dpia/1.0/sections/02-zweck.mdx:3:1 Feld „order“: Die Position 1 hat schon ein anderer DSFA-Abschnitt (content/dpia/1.0/sections/01-beschreibung.mdx:3).
        → Vergeben Sie unter „order“ jede Position nur einmal.
      # a council paper listed twice
      Fehler: content/council/council.yaml:4:7 Feld „papers[2].id“: Die Vorlage „V0002/23“ steht schon unter „papers“ (content/council/council.yaml:3).
        → Löschen Sie den doppelten Eintrag oder korrigieren Sie die Nummer.
      # two ledgers for one agreement
      Fehler: content/ledger/muster.yaml:1:1 Feld „agreement“: Für die Vereinbarung „muster“ gibt es schon ein Zeichnungsregister (content/ledger/muster-2.yaml:1).
        → Führen Sie beide Register in einer Datei zusammen.
      Fehler: content/ledger/muster.yaml:3:5 Feld „entries[0].party“: Für „traeger-001“ und Version 1.0 gibt es schon einen Eintrag (content/ledger/muster-2.yaml:3).
        → Tragen Sie alle Ereignisse (Angebot, Absicht, Unterschrift, Ablehnung, Widerruf) in diesem einen Eintrag ein.
      Fehler: content/ledger/muster.yaml:9:5 Feld „entries[1].party“: Für „traeger-001“ und Version 1.1 gibt es schon einen Eintrag (content/ledger/muster-2.yaml:9).
        → Tragen Sie alle Ereignisse (Angebot, Absicht, Unterschrift, Ablehnung, Widerruf) in diesem einen Eintrag ein.
      Fehler: content/ledger/muster.yaml:13:5 Feld „entries[2].party“: Für „traeger-002“ und Version 1.0 gibt es schon einen Eintrag (content/ledger/muster-2.yaml:13).
        → Tragen Sie alle Ereignisse (Angebot, Absicht, Unterschrift, Ablehnung, Widerruf) in diesem einen Eintrag ein.
      # two ledger entries for one party and version
      Fehler: content/ledger/muster.yaml:13:5 Feld „entries[2].party“: Für „traeger-001“ und Version 1.1 gibt es schon einen Eintrag (content/ledger/muster.yaml:9).
        → Tragen Sie alle Ereignisse (Angebot, Absicht, Unterschrift, Ablehnung, Widerruf) in diesem einen Eintrag ein."
    `);
  });
});
