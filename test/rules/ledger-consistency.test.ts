import { describe, expect, it } from 'vitest';
import { ledgerConsistency as rule } from '../../src/validate/rules/ledger-consistency.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const L = 'ledger/muster.yaml';
const at = (where: string) => `content/${L}:${where}`;

const ROWS: RuleCase[] = [
  ['signed before offered', [replace(L, 'signed: 2022-05-12', 'signed: 2022-04-01')], [at('6:5 entries[0].signed')]],
  ['signed without form', [replace(L, '    form: schriftlich\n', '')], [at('6:5 entries[0].signed')]],
  ['signed without signatory', [replace(L, '    signatory: { name: Erika Beispiel, function: Geschäftsführerin }\n', '')], [at('6:5 entries[0].signed')]],
  ['signed and declined', [replace(L, '    form: schriftlich\n', '    form: schriftlich\n    declined: 2022-06-01\n')], [at('8:5 entries[0].declined')]],
  ['withdrawn before signed', [replace(L, '    form: schriftlich\n', '    form: schriftlich\n    withdrawn: 2022-05-01\n')], [at('8:5 entries[0].withdrawn')]],
  ['form without signature', [replace(L, '    intent: 2022-04-20', '    intent: 2022-04-20\n    form: elektronisch')], [at('17:5 entries[2].form')]],
  ['withdrawn without signature', [replace(L, '    intent: 2022-04-20', '    intent: 2022-04-20\n    withdrawn: 2022-05-01')], [at('17:5 entries[2].withdrawn')]],
  ['declined before offered', [replace(L, '    intent: 2022-04-20', '    declined: 2022-04-01')], [at('16:5 entries[2].declined')]],
  ['intent before offered', [replace(L, 'intent: 2022-04-20', 'intent: 2022-03-20')], [at('16:5 entries[2].intent')]],
  ['provider without a facility in the Bedarfsplan', [replace(L, '  - party: traeger-002', '  - party: traeger-003')], [at('13:5 entries[2].party')]],
  ['childminder in an agreement for providers', [replace(L, '  - party: traeger-002', '  - party: ktp-001')], [at('13:5 entries[2].party')]],
  [
    'draft version offered',
    [replace('agreements/muster/1.1/version.yaml', 'status: beschlossen', 'status: entwurf')],
    [at('10:5 entries[1].version')],
  ],
  ['offered before adoption', [replace(L, 'offered: 2023-06-05', 'offered: 2023-05-02')], [at('11:5 entries[1].offered')]],
  // 1.1 was adopted on 2023-05-11: from then on 1.0 is superseded.
  ['superseded version signed', [replace(L, '    intent: 2022-04-20', '    intent: 2022-04-20\n    signed: 2023-06-01\n    form: schriftlich\n    signatory: { name: Max Probe, function: Vorstand }')], [at('17:5 entries[2].signed')]],
  [
    'superseded version signed, with the reason recorded',
    [replace(L, '    intent: 2022-04-20', '    intent: 2022-04-20\n    signed: 2023-06-01\n    form: schriftlich\n    signatory: { name: Max Probe, function: Vorstand }\n    exception_reason: Unterschrift lag vor dem Beschluss über 1.1 vor, Eingang verspätet')],
    [],
  ],
  ['reminders in order, on an open offer', [replace(L, '    intent: 2022-04-20', '    intent: 2022-04-20\n    reminders:\n      - date: 2022-06-01\n      - date: 2022-07-27')], []],
  ['reminder before the offer', [replace(L, '    intent: 2022-04-20', '    intent: 2022-04-20\n    reminders:\n      - date: 2022-04-01')], [at('18:9 entries[2].reminders[0].date')]],
  ['reminder after the signature', [replace(L, '    signatory: { name: Erika Beispiel, function: Geschäftsführerin }', '    signatory: { name: Erika Beispiel, function: Geschäftsführerin }\n    reminders:\n      - date: 2022-06-01')], [at('10:9 entries[0].reminders[0].date')]],
  ['the same reminder twice, and one out of order', [replace(L, '    intent: 2022-04-20', '    intent: 2022-04-20\n    reminders:\n      - date: 2022-06-01\n      - date: 2022-06-01\n      - date: 2022-05-01')], [at('19:9 entries[2].reminders[1].date'), at('20:9 entries[2].reminders[2].date')]],
  ['a reminder after --as-of', [replace(L, '    offered: 2023-06-05', '    offered: 2023-06-05\n    reminders:\n      - date: 2023-08-01')], [at('13:9 entries[1].reminders[0].date')], { asOf: '2023-07-01' }],
  ['events after --as-of', [], [at('11:5 entries[1].offered'), at('12:5 entries[1].intent')], { asOf: '2023-06-01' }],
  ['events on the --as-of date are fine', [], [], { asOf: '2023-06-20' }],
  ['unknown party and version are left to „verweise“', [replace(L, '  - party: traeger-002', '  - party: traeger-020'), replace(L, 'version: "1.1"', 'version: "1.7"')], []],
];

describe('rule zeichnungsregister (ledger consistency)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# signed before offered
      Fehler: content/ledger/muster.yaml:6:5 Feld „entries[0].signed“: Unterzeichnet am 1. April 2022, vor dem Angebot am 4. April 2022.
        → Prüfen Sie beide Daten; unterzeichnet werden kann erst nach dem Angebot.
      # signed without form
      Fehler: content/ledger/muster.yaml:6:5 Feld „entries[0].signed“: Bei einer Unterschrift fehlt die Form.
        → Ergänzen Sie „form: schriftlich“ oder „form: elektronisch“.
      # signed without signatory
      Fehler: content/ledger/muster.yaml:6:5 Feld „entries[0].signed“: Bei einer Unterschrift fehlt die Funktion der unterzeichnenden Person.
        → Ergänzen Sie „signatory:“ mit „function:“ (und „name:“).
      # signed and declined
      Fehler: content/ledger/muster.yaml:8:5 Feld „entries[0].declined“: Der Eintrag ist zugleich unterzeichnet und abgelehnt.
        → Entfernen Sie eines der beiden Daten; ein späterer Rückzug wird mit „withdrawn“ erfasst.
      # withdrawn before signed
      Fehler: content/ledger/muster.yaml:8:5 Feld „entries[0].withdrawn“: Widerrufen am 1. Mai 2022, vor der Unterschrift am 12. Mai 2022.
        → Prüfen Sie beide Daten.
      # form without signature
      Fehler: content/ledger/muster.yaml:17:5 Feld „entries[2].form“: Eine Form ist angegeben, aber kein Unterschriftsdatum.
        → Ergänzen Sie „signed“ oder entfernen Sie „form“.
      # withdrawn without signature
      Fehler: content/ledger/muster.yaml:17:5 Feld „entries[2].withdrawn“: Ein Widerruf ist eingetragen, aber keine Unterschrift.
        → Nur eine Unterschrift kann widerrufen werden; nutzen Sie sonst „declined“.
      # declined before offered
      Fehler: content/ledger/muster.yaml:16:5 Feld „entries[2].declined“: Abgelehnt am 1. April 2022, vor dem Angebot am 4. April 2022.
        → Prüfen Sie beide Daten.
      # intent before offered
      Fehler: content/ledger/muster.yaml:16:5 Feld „entries[2].intent“: Absicht erklärt am 20. März 2022, vor dem Angebot am 4. April 2022.
        → Prüfen Sie beide Daten.
      # provider without a facility in the Bedarfsplan
      Fehler: content/ledger/muster.yaml:13:5 Feld „entries[2].party“: „traeger-003“ hat am 4. April 2022 keine Einrichtung im Bedarfsplan 2021/2022 und ist nicht berechtigt.
        → Entfernen Sie den Eintrag oder ergänzen Sie beim Partner den Registereintrag („register: { plan: …, entry: … }“).
      # childminder in an agreement for providers
      Fehler: content/ledger/muster.yaml:13:5 Feld „entries[2].party“: „ktp-001“ gehört nicht zum Kreis dieser Vereinbarung (Träger) und ist nicht berechtigt.
        → Diese Vereinbarung zeichnen nur Träger: tragen Sie den Partner im Register der passenden Vereinbarung ein.
      # draft version offered
      Fehler: content/ledger/muster.yaml:10:5 Feld „entries[1].version“: Version 1.1 ist ein Entwurf und kann nicht angeboten oder gezeichnet werden.
        → Tragen Sie nur beschlossene Versionen ein.
      # offered before adoption
      Fehler: content/ledger/muster.yaml:11:5 Feld „entries[1].offered“: Angeboten am 2. Mai 2023, aber Version 1.1 wurde erst am 11. Mai 2023 beschlossen.
        → Prüfen Sie das Angebotsdatum.
      # superseded version signed
      Fehler: content/ledger/muster.yaml:17:5 Feld „entries[2].signed“: Unterzeichnet am 1. Juni 2023, aber Version 1.0 war seit dem 11. Mai 2023 durch Version 1.1 abgelöst.
        → Tragen Sie die aktuelle Fassung ein; war die alte Fassung ausnahmsweise richtig, begründen Sie es im Eintrag mit „exception_reason: …“.
      # superseded version signed, with the reason recorded

      # reminders in order, on an open offer

      # reminder before the offer
      Fehler: content/ledger/muster.yaml:18:9 Feld „entries[2].reminders[0].date“: Erinnert am 1. April 2022, vor dem Angebot am 4. April 2022.
        → Prüfen Sie beide Daten; erinnert wird an ein versandtes Angebot.
      # reminder after the signature
      Fehler: content/ledger/muster.yaml:10:9 Feld „entries[0].reminders[0].date“: Erinnert am 1. Juni 2022, aber das Angebot war schon beantwortet (unterzeichnet am 12. Mai 2022).
        → Erinnert wird nur an ein offenes Angebot; prüfen Sie die Daten.
      # the same reminder twice, and one out of order
      Fehler: content/ledger/muster.yaml:19:9 Feld „entries[2].reminders[1].date“: Die Erinnerung vom 1. Juni 2022 ist zweimal eingetragen.
        → Jede Erinnerung steht einmal in „reminders“, die älteste zuerst.
      Fehler: content/ledger/muster.yaml:20:9 Feld „entries[2].reminders[2].date“: Die Erinnerung vom 1. Mai 2022 steht nach der vom 1. Juni 2022.
        → Jede Erinnerung steht einmal in „reminders“, die älteste zuerst.
      # a reminder after --as-of
      Fehler: content/ledger/muster.yaml:13:9 Feld „entries[1].reminders[0].date“: Das Datum 1. August 2023 liegt nach dem Stichtag 1. Juli 2023.
        → Tragen Sie Ereignisse erst ein, wenn sie stattgefunden haben, oder wählen Sie mit --as-of einen späteren Stichtag.
      # events after --as-of
      Fehler: content/ledger/muster.yaml:11:5 Feld „entries[1].offered“: Das Datum 5. Juni 2023 liegt nach dem Stichtag 1. Juni 2023.
        → Tragen Sie Ereignisse erst ein, wenn sie stattgefunden haben, oder wählen Sie mit --as-of einen späteren Stichtag.
      Fehler: content/ledger/muster.yaml:12:5 Feld „entries[1].intent“: Das Datum 20. Juni 2023 liegt nach dem Stichtag 1. Juni 2023.
        → Tragen Sie Ereignisse erst ein, wenn sie stattgefunden haben, oder wählen Sie mit --as-of einen späteren Stichtag.
      # events on the --as-of date are fine

      # unknown party and version are left to „verweise“
      "
    `);
  });
});
