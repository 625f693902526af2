import { describe, expect, it } from 'vitest';
import { partyKinds as rule } from '../../src/validate/rules/party-kinds.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const T1 = 'parties/traeger/traeger-001.yaml';
const T3 = 'parties/traeger/traeger-003.yaml';
const KTP = 'parties/kindertagespflege/ktp-001.yaml';
const T3_UNITS = 'units:\n  - id: kita-003-01\n    name: Waldkindergarten\n    address: { street: Waldweg 9, postal_code: "01324", city: Musterstadt }\n    weight: 20\n';

const ROWS: RuleCase[] = [
  ['parties of a kind without its description', [{ file: 'parties/kindertagespflege.yaml', delete: true }], ['content/parties/kindertagespflege/ktp-001.yaml:1:1 id']],
  ['a kind with units: the list is missing', [replace(T3, T3_UNITS, '')], ['content/parties/traeger/traeger-003.yaml:1:1 id']],
  ['a kind with units: register and weight on the party', [replace(T3, T3_UNITS, `${T3_UNITS}register: { plan: "2021/2022", entry: "KT-0099" }\nweight: 5\n`)], ['content/parties/traeger/traeger-003.yaml:11:1 register', 'content/parties/traeger/traeger-003.yaml:12:1 weight']],
  ['a unit without the weight its kind counts', [replace(T3, '    weight: 20\n', '')], ['content/parties/traeger/traeger-003.yaml:7:5 units[0]']],
  ['a kind without units: a list of units', [replace(KTP, 'weight: 5\n', 'weight: 5\nunits:\n  - { id: ktp-001-01, name: Stelle, address: { street: Weg 1, postal_code: "01277", city: Musterstadt } }\n')], ['content/parties/kindertagespflege/ktp-001.yaml:6:1 units']],
  ['a kind without units: no weight', [replace(KTP, 'weight: 5\n', '')], ['content/parties/kindertagespflege/ktp-001.yaml:1:1 id']],
  ['a natural person with a legal form, contacts and a published status', [replace(KTP, 'weight: 5\n', 'weight: 5\nlegal_form: Einzelunternehmen\npublish_signing_status: true\ncontacts:\n  - { name: Maria Tagesmutter, function: Inhaberin }\n')], ['content/parties/kindertagespflege/ktp-001.yaml:6:1 legal_form', 'content/parties/kindertagespflege/ktp-001.yaml:7:1 publish_signing_status', 'content/parties/kindertagespflege/ktp-001.yaml:8:1 contacts']],
  ['an organisation marked oeffentlich', [replace(T1, 'legal_form: eingetragener Verein\n', 'legal_form: eingetragener Verein\noeffentlich: true\n')], ['content/parties/traeger/traeger-001.yaml:4:1 oeffentlich']],
  ['a party without a regime and no default', [replace(T1, 'regime: dsgvo\n', '')], ['content/parties/traeger/traeger-001.yaml:1:1 id']],
  ['a directory for natural persons', [replace('parties/kindertagespflege.yaml', 'directory: false', 'directory: true')], ['content/parties/kindertagespflege.yaml:3:1 directory']],
  ['a directory at an address the site uses', [replace('parties/traeger.yaml', 'directory: true', 'directory: true\nslug: vereinbarung')], ['content/parties/traeger.yaml:4:1 slug']],
  ['a directory at the council page\'s address', [replace('parties/traeger.yaml', 'directory: true', 'directory: true\nslug: stadtrat')], ['content/parties/traeger.yaml:4:1 slug']],
  ['an agreement with an undescribed kind and two kinds without common words', [replace('agreements/muster/agreement.yaml', 'party_kinds: [traeger]', 'party_kinds: [traeger, schulen]')], ['content/agreements/muster/agreement.yaml:4:1 party_kinds', 'content/agreements/muster/agreement.yaml:4:24 party_kinds[1]']],
];

describe('rule partnerarten (party kinds)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('accepts an agreement made with two kinds that names their common words', () => {
    const both = replace('agreements/muster/agreement.yaml', 'party_kinds: [traeger]', 'party_kinds: [traeger, kindertagespflege]\nparty_words: { gender: m, one: Vertragspartner, many: Vertragspartner }');
    expect(wordedFindings(rule, [['both', [both], []]])).toBe('# both\n');
  });

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# parties of a kind without its description
      Fehler: content/parties/kindertagespflege/ktp-001.yaml:1:1 Feld „id“: Die Art von Vertragspartnern „kindertagespflege“ (Ordner parties/kindertagespflege/) ist nicht beschrieben: content/parties/kindertagespflege.yaml fehlt.
        → Legen Sie content/parties/kindertagespflege.yaml mit „id: kindertagespflege“, den Wörtern, Einheiten und dem Register an (Muster in content/parties/README.md).
      # a kind with units: the list is missing
      Fehler: content/parties/traeger/traeger-003.yaml:1:1 Feld „id“: Vertragspartner der Art „traeger“ (Träger) führen ihre Einrichtungen unter „units:“, hier fehlt die Liste.
        → Ergänzen Sie „units:“ mit mindestens einem Eintrag (id, name, address, register, weight).
      # a kind with units: register and weight on the party
      Fehler: content/parties/traeger/traeger-003.yaml:11:1 Feld „register“: „register“ steht bei der Art „traeger“ (Träger) an den Einrichtungen, nicht am Vertragspartner.
        → Tragen Sie „register“ bei jedem Eintrag unter „units:“ ein.
      Fehler: content/parties/traeger/traeger-003.yaml:12:1 Feld „weight“: „weight“ steht bei der Art „traeger“ (Träger) an den Einrichtungen, nicht am Vertragspartner.
        → Tragen Sie „weight“ bei jedem Eintrag unter „units:“ ein.
      # a unit without the weight its kind counts
      Fehler: content/parties/traeger/traeger-003.yaml:7:5 Feld „units[0]“: Bei „kita-003-01“ fehlt „weight“ (Plätze).
        → Ergänzen Sie „weight: <Zahl>“: die Plätze dieser Einheit.
      # a kind without units: a list of units
      Fehler: content/parties/kindertagespflege/ktp-001.yaml:6:1 Feld „units“: Vertragspartner der Art „kindertagespflege“ (Kindertagespflegepersonen) haben keine eigene Liste von Einheiten.
        → Entfernen Sie „units:“; Registereintrag und Gewicht stehen direkt beim Vertragspartner („register:“, „weight:“).
      # a kind without units: no weight
      Fehler: content/parties/kindertagespflege/ktp-001.yaml:1:1 Feld „id“: Bei „ktp-001“ fehlt „weight“ (Plätze).
        → Ergänzen Sie „weight: <Zahl>“.
      # a natural person with a legal form, contacts and a published status
      Fehler: content/parties/kindertagespflege/ktp-001.yaml:6:1 Feld „legal_form“: „legal_form“ gibt es bei natürlichen Personen nicht, und die Art „kindertagespflege“ (Kindertagespflegepersonen) beschreibt natürliche Personen.
        → Entfernen Sie das Feld: eine natürliche Person zeichnet selbst, ihr Stand wird nie einzeln veröffentlicht.
      Fehler: content/parties/kindertagespflege/ktp-001.yaml:7:1 Feld „publish_signing_status“: „publish_signing_status“ gibt es bei natürlichen Personen nicht, und die Art „kindertagespflege“ (Kindertagespflegepersonen) beschreibt natürliche Personen.
        → Entfernen Sie das Feld: eine natürliche Person zeichnet selbst, ihr Stand wird nie einzeln veröffentlicht.
      Fehler: content/parties/kindertagespflege/ktp-001.yaml:8:1 Feld „contacts“: „contacts“ gibt es bei natürlichen Personen nicht, und die Art „kindertagespflege“ (Kindertagespflegepersonen) beschreibt natürliche Personen.
        → Entfernen Sie das Feld: eine natürliche Person zeichnet selbst, ihr Stand wird nie einzeln veröffentlicht.
      # an organisation marked oeffentlich
      Fehler: content/parties/traeger/traeger-001.yaml:4:1 Feld „oeffentlich“: „oeffentlich“ gilt nur für natürliche Personen; die Art „traeger“ (Träger) beschreibt keine.
        → Entfernen Sie das Feld: Name und Anschrift einer Organisation sind ohnehin öffentlich.
      # a party without a regime and no default
      Fehler: content/parties/traeger/traeger-001.yaml:1:1 Feld „id“: „traeger-001“ nennt kein Datenschutzrecht („regime“), und die Art „traeger“ (Träger) hat keine Voreinstellung.
        → Ergänzen Sie „regime: …“ (eine Kennung aus vocabularies.yaml) oder „default_regime:“ in der Art.
      # a directory for natural persons
      Fehler: content/parties/kindertagespflege.yaml:3:1 Feld „directory“: Die Art „kindertagespflege“ beschreibt natürliche Personen und kann kein öffentliches Verzeichnis haben.
        → Namen und Anschriften natürlicher Personen erscheinen nicht auf der Website: entfernen Sie „directory: true“.
      # a directory at an address the site uses
      Fehler: content/parties/traeger.yaml:4:1 Feld „slug“: Die Adresse /vereinbarung/ gehört schon der Website selbst.
        → Wählen Sie mit „slug:“ eine andere Adresse für das Verzeichnis; belegt sind „404“, „_astro“, „barrierefreiheit“, „beschlusskontrolle“, „daten“, „datenschutz“, „dsfa“, „feed.xml“, „impressum“, „leichte-sprache“, „pagefind“, „pdf“, „pruefen“, „sitemap.xml“, „stadtrat“, „suche“, „toms“ und „vereinbarung“.
      # a directory at the council page's address
      Fehler: content/parties/traeger.yaml:4:1 Feld „slug“: Die Adresse /stadtrat/ gehört schon der Ratsseite.
        → Wählen Sie mit „slug:“ eine andere Adresse für das Verzeichnis; belegt sind „404“, „_astro“, „barrierefreiheit“, „beschlusskontrolle“, „daten“, „datenschutz“, „dsfa“, „feed.xml“, „impressum“, „leichte-sprache“, „pagefind“, „pdf“, „pruefen“, „sitemap.xml“, „stadtrat“, „suche“, „toms“ und „vereinbarung“.
      # an agreement with an undescribed kind and two kinds without common words
      Fehler: content/agreements/muster/agreement.yaml:4:1 Feld „party_kinds“: Die Vereinbarung wird mit 2 Arten von Vertragspartnern geschlossen, nennt aber keine gemeinsamen Wörter für sie.
        → Ergänzen Sie „party_words:“ mit gender, one und many (z. B. „Vertragspartner“), wie unter „words:“ einer Art; Sätze und Zahlen nennen die Partner damit gemeinsam.
      Fehler: content/agreements/muster/agreement.yaml:4:24 Feld „party_kinds[1]“: Die Art von Vertragspartnern „schulen“ ist nicht beschrieben (parties/schulen.yaml fehlt).
        → Beschriebene Arten: „kindertagespflege“ und „traeger“."
    `);
  });
});
