import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { agreementSchema, sectionSchema, versionSchema } from '../src/schemas/agreement.ts';
import { isoDate, slugId, versionId, postalAddress, toSlug } from '../src/schemas/common.ts';
import { councilSchema } from '../src/schemas/council.ts';
import { dpiaMetaSchema, dpiaSectionSchema, riskSchema } from '../src/schemas/dpia.ts';
import { ledgerEntrySchema } from '../src/schemas/ledger.ts';
import { childminderSchema, providerSchema } from '../src/schemas/party.ts';
import { organisationSchema } from '../src/schemas/organisation.ts';
import { siteSchema } from '../src/schemas/site.ts';
import { tomSchema } from '../src/schemas/tom.ts';
import { formatDiagnostic } from '../src/lib/diagnostics.ts';
import { checkSchema } from '../src/lib/zod-diagnostics.ts';
import type { YamlSource } from '../src/lib/yaml-source.ts';

/** Schema findings as authors read them; every field sits on line 1 here. */
function check(schema: z.ZodType, data: unknown): string[] {
  const source: YamlSource = { file: 'x.yaml', data, lineOf: () => ({ line: 1, column: 1 }) };
  const result = checkSchema(schema, source);
  return result.ok ? [] : result.diagnostics.map((d) => formatDiagnostic(d).replace('Fehler: x.yaml:1:1 ', ''));
}

const address = { street: 'Weg 1', postal_code: '01069', city: 'Dresden' };
const tom = { id: 'tom-a-01', goal: 'vertraulichkeit', art32: ['art32-1-b'], title: 'T', description: 'D', responsible: 'R', status: 'umgesetzt', since_version: '1.0' };
const risk = { id: 'risk-01', title: 'T', description: 'D', groups: ['kinder'], before: { likelihood: 'gross', severity: 'gross' }, after: { likelihood: 'geringfuegig', severity: 'gross' } };
const provider = { id: 'traeger-001', name: 'N', legal_form: 'e. V.', regime: 'dsgvo', address, facilities: [{ id: 'kita-1', name: 'K', address, places: 10 }] };
const version = { version: '1.0', status: 'beschlossen', adopted_by: 'JHA', adopted: '2022-03-31', paper: 'A0311/22', session: 'JHA/036/2022' };
const row = { geringfuegig: 'gering', ueberschaubar: 'normal', substanziell: 'hoch', gross: 'hoch' };
const dpiaMeta = {
  title: 'T',
  version: '1.0',
  status: 'beschlossen',
  date: '2022-01-01',
  result: 'R',
  matrix: { source: 'S', rows: { geringfuegig: row, ueberschaubar: row, substanziell: row, gross: row } },
  reviews: [{ role: 'DSB', date: '2022-01-01', result: 'R' }],
};
const paper = { id: 'A0311/22', kind: 'antrag', date: '2022-01-18', title: 'T' };
const organisation = {
  name: 'Zweckverband Kommunale Daten',
  gender: 'm',
  place: 'Musterhausen',
  address: 'Postfach 1, 01001 Musterhausen',
  contact_email: 'post@zweckverband.example',
  data_protection_officer: 'Datenschutzbeauftragte des Zweckverbands',
  representative: { function: 'Die Verbandsvorsitzende', represented_by: 'die Verbandsvorsitzende' },
  department: { name: 'Geschäftsstelle', gender: 'f' },
  council: { name: 'Verbandsversammlung', gender: 'f' },
};

describe('field types shared by all schemas', () => {
  it.each([
    [isoDate, '2022-03-31', []],
    [isoDate, '2024-02-29', []],
    [isoDate, '2022-02-30', ['Der Wert „2022-02-30“ ist kein gültiges Kalenderdatum.\n  → Prüfen Sie Tag und Monat: den 30.02.2022 gibt es nicht.']],
    [isoDate, '31.03.2022', ['Der Wert „31.03.2022“ ist kein Datum im Format JJJJ-MM-TT.\n  → Schreiben Sie 2022-03-31.']],
    [isoDate, '2022-3-1', ['Der Wert „2022-3-1“ ist kein Datum im Format JJJJ-MM-TT.\n  → Schreiben Sie 2022-03-01.']],
    [isoDate, 'März 2022', ['Der Wert „März 2022“ ist kein Datum im Format JJJJ-MM-TT.\n  → Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2022-03-31.']],
    [isoDate, 20220331, ['Der Wert „20220331“ muss ein Datum im Format JJJJ-MM-TT sein (z. B. 2022-03-31).\n  → Setzen Sie den Wert in Anführungszeichen, genau wie gemeint; ohne Anführungszeichen liest YAML ihn als Zahl, und führende Nullen gehen verloren.']],
    [slugId, 'tom-zugriff-01', []],
    [slugId, 'Risiko 2', ['Der Wert „Risiko 2“ ist keine gültige Kennung: erlaubt sind nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche.\n  → Schreiben Sie z. B. „risiko-2“.']],
    [slugId, '../../etc/passwd', ['Der Wert „../../etc/passwd“ ist keine gültige Kennung: erlaubt sind nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche.\n  → Schreiben Sie z. B. „etc-passwd“.']],
    [slugId, 'a--b', ['Der Wert „a--b“ ist keine gültige Kennung: erlaubt sind nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche.\n  → Schreiben Sie z. B. „a-b“.']],
    [versionId, '1.10', []],
    [versionId, 1.1, ['Der Wert „1.1“ muss eine Versionsnummer in Anführungszeichen sein (z. B. "1.0").\n  → Setzen Sie den Wert in Anführungszeichen, genau wie gemeint; ohne Anführungszeichen liest YAML ihn als Zahl, und führende Nullen gehen verloren.']],
    [versionId, 'v1', ['Der Wert „v1“ muss eine Versionsnummer wie "1.0" oder "1.1" sein.\n  → Prüfen Sie die Schreibweise (Muster in der README.md des Ordners).']],
    [postalAddress, { ...address, postal_code: 1069 }, ['Feld „postal_code“: Der Wert „1069“ muss eine fünfstellige Postleitzahl in Anführungszeichen sein (z. B. "01069").\n  → Setzen Sie den Wert in Anführungszeichen, genau wie gemeint; ohne Anführungszeichen liest YAML ihn als Zahl, und führende Nullen gehen verloren.']],
  ] as const)('%#: %j', (schema, value, expected) => {
    expect(check(schema, value)).toEqual(expected);
  });

  it.each([
    ['Risiko 2', 'risiko-2'],
    ['Träger Süd', 'traeger-sued'],
    ['__', ''],
  ])('toSlug(%j) = %j', (value, slug) => {
    expect(toSlug(value)).toBe(slug);
  });
});

describe('content schemas', () => {
  it.each([
    ['agreement: party_kind', agreementSchema, { id: 'a', title: 'T', short_title: 'T', party_kind: 'kita', bedarfsplan: '2021/2022', paper: 'A0311/22', summary: 'S' }, ['Feld „party_kind“: Der Wert „kita“ muss „traeger“ oder „kindertagespflege“ sein.\n  → Verwenden Sie genau einen der genannten Werte.']],
    ['version: adopted without adoption data', versionSchema, { version: '1.0', status: 'beschlossen' }, ['adopted', 'adopted_by', 'paper', 'session'].map((key) => `Feld „${key}“: Eine Version mit Status „beschlossen“ braucht das Feld „${key}“.\n  → Ergänzen Sie „${key}: …“ oder setzen Sie „status: entwurf“, solange die Version nicht beschlossen ist.`)],
    ['version: a draft needs no adoption data', versionSchema, { version: '1.1', status: 'entwurf' }, []],
    ['version: complete', versionSchema, version, []],
    ['section: no regimes', sectionSchema, { id: 's', number: 1, part: 'A', title: 'T', regimes: [] }, ['Feld „regimes“: Darf nicht leer sein.\n  → Ergänzen Sie die fehlenden Einträge.']],
    ['section: number 0', sectionSchema, { id: 's', number: 0, part: 'A', title: 'T' }, ['Feld „number“: Der Wert „0“ muss 1 oder größer sein.\n  → Prüfen Sie die Zahl.']],
    ['section: unknown point', sectionSchema, { id: 's', number: 1, part: 'C', title: 'T', covers: ['art28-3-i'] }, ['Feld „part“: Der Wert „C“ muss „A“ oder „B“ sein.\n  → Verwenden Sie genau einen der genannten Werte.', 'Feld „covers[0]“: Der Wert „art28-3-i“ muss ein Punkt des Art.\u00a028 Abs.\u00a03 DSGVO sein: art28-3-a bis art28-3-h.\n  → Verwenden Sie genau einen der genannten Werte.']],
    ['TOM: goal typo', tomSchema, { ...tom, goal: 'Vertraulichkeit' }, ['Feld „goal“: Der Wert „Vertraulichkeit“ muss eines der SDM-Gewährleistungsziele sein: datenminimierung, verfuegbarkeit, integritaet, vertraulichkeit, nichtverkettung, transparenz, intervenierbarkeit.\n  → Meinten Sie „vertraulichkeit“?']],
    ['TOM: no Art. 32 reference', tomSchema, { ...tom, art32: [] }, ['Feld „art32“: Braucht mindestens einen Bezug auf Art.\u00a032 DSGVO.\n  → Ergänzen Sie die fehlenden Einträge.']],
    ['TOM: annexes and § references', tomSchema, { ...tom, agreements: [{ agreement: 'kita-planer-2', since: '1.1' }], refs: [{ agreement: 'kita-planer-2', section: 'loeschung-rueckgabe', paragraph: 1 }] }, []],
    ['TOM: a paragraph 0 and an empty annex list', tomSchema, { ...tom, agreements: [], refs: [{ agreement: 'k', section: 's', paragraph: 0 }] }, ['Feld „agreements“: Braucht mindestens eine Vereinbarung – oder lassen Sie das Feld weg.\n  → Ergänzen Sie die fehlenden Einträge.', 'Feld „refs[0].paragraph“: Der Wert „0“ muss mindestens 1 sein.\n  → Prüfen Sie die Zahl.']],
    ['TOM: status with umlaut', tomSchema, { ...tom, status: 'in Umsetzung' }, ['Feld „status“: Der Wert „in Umsetzung“ muss „umgesetzt“, „in-umsetzung“ oder „geplant“ sein.\n  → Meinten Sie „in-umsetzung“?']],
    ['risk: DSK level with umlaut', riskSchema, { ...risk, after: { likelihood: 'geringfügig', severity: 'groß' } }, ['Feld „after.likelihood“: Der Wert „geringfügig“ muss „geringfuegig“, „ueberschaubar“, „substanziell“ oder „gross“ sein.\n  → Meinten Sie „geringfuegig“?', 'Feld „after.severity“: Der Wert „groß“ muss „geringfuegig“, „ueberschaubar“, „substanziell“ oder „gross“ sein.\n  → Verwenden Sie genau einen der genannten Werte; sie schreiben Umlaute als ae, oe, ue und ß als ss.']],
    ['risk: no group', riskSchema, { ...risk, groups: [] }, ['Feld „groups“: Braucht mindestens eine betroffene Gruppe.\n  → Ergänzen Sie die fehlenden Einträge.']],
    ['DPIA: adopted without any review', dpiaMetaSchema, { ...dpiaMeta, reviews: [] }, ['Feld „reviews“: Eine beschlossene Folgenabschätzung braucht mindestens einen Prüfvermerk oder eine Stellungnahme eines Datenschutzbeauftragten.']],
    ['DPIA: a record names a person', dpiaMetaSchema, { ...dpiaMeta, reviews: [{ role: 'DSB', name: 'Max Muster', date: '2022-01-01', result: 'R' }] }, ['Feld „reviews[0].name“: Der Wert „Max Muster“ darf hier nicht stehen: Namen natürlicher Personen gehören nicht in die Folgenabschätzung; nennen Sie nur die Rolle oder das Gremium (Feld „role“ bzw. „body“).']],
    ['DPIA: the matrix lacks a cell', dpiaMetaSchema, { ...dpiaMeta, matrix: { ...dpiaMeta.matrix, rows: { ...dpiaMeta.matrix.rows, gross: { geringfuegig: 'normal', ueberschaubar: 'hoch', substanziell: 'hoch' } } } }, ['Feld „matrix.rows.gross.gross“: Das Pflichtfeld „gross“ fehlt.\n  → Ergänzen Sie „gross: …“ (Muster in der README.md des Ordners).']],
    ['DPIA section: point e', dpiaSectionSchema, { id: 'x', order: 1, title: 'T', art35: 'e' }, ['Feld „art35“: Der Wert „e“ muss „a“, „b“, „c“ oder „d“ sein.\n  → Verwenden Sie genau einen der genannten Werte.']],
    ['provider: no facility, places as text', providerSchema, { ...provider, facilities: [] }, ['Feld „facilities“: Braucht mindestens eine Einrichtung.\n  → Ergänzen Sie die fehlenden Einträge.']],
    ['provider: places negative and fractional', providerSchema, { ...provider, facilities: [{ id: 'kita-1', name: 'K', address, places: -1 }, { id: 'kita-2', name: 'K', address, places: 2.5 }] }, ['Feld „facilities[0].places“: Der Wert „-1“ darf nicht negativ sein.\n  → Prüfen Sie die Zahl.', 'Feld „facilities[1].places“: Der Wert „2.5“ muss eine ganze Zahl sein.\n  → Schreiben Sie eine ganze Zahl ohne Komma und ohne Anführungszeichen.']],
    ['provider: contact e-mail', providerSchema, { ...provider, contacts: [{ name: 'N', function: 'F', email: 'n(at)x.de' }] }, ['Feld „contacts[0].email“: Der Wert „n(at)x.de“ muss eine E-Mail-Adresse sein.\n  → Schreiben Sie die Adresse vollständig, z. B. info@beispiel.example.']],
    ['provider: unknown field with a near miss', providerSchema, { ...provider, adress: address }, ['Feld „adress“: Unbekanntes Feld „adress“.\n  → Meinten Sie „address“? Sonst entfernen Sie das Feld; die erlaubten Felder stehen in der README.md des Ordners.']],
    ['childminder: defaults', childminderSchema, { id: 'ktp-1', name: 'N', address, places: 5 }, []],
    ['childminder: oeffentlich as text', childminderSchema, { id: 'ktp-1', name: 'N', address, places: 5, oeffentlich: 'ja' }, ['Feld „oeffentlich“: Der Wert „ja“ muss true oder false sein.\n  → Schreiben Sie true oder false, ohne Anführungszeichen.']],
    ['ledger entry: unknown field far from any', ledgerEntrySchema, { party: 'p', version: '1.0', offered: '2022-04-04', bemerkung: 'x' }, ['Feld „bemerkung“: Unbekanntes Feld „bemerkung“.\n  → Prüfen Sie die Schreibweise oder entfernen Sie das Feld. Erlaubt sind hier: „party“, „version“, „exception_reason“, „offered“, „offered_copy“, „reminders“, „intent“, „signed“, „form“, „signatory“, „signed_copy“, „declined“, „withdrawn“.']],
    ['ledger entry: empty field', ledgerEntrySchema, { party: 'p', version: '1.0', offered: null }, ['Feld „offered“: Das Feld ist leer.\n  → Tragen Sie einen Wert ein oder löschen Sie die Zeile, wenn das Feld nicht nötig ist.']],
    ['council: resolution number and voluntary', councilSchema, { papers: [paper], resolutions: [{ paper: 'A0311/22', number: -1, text: 'T', kind: 'rahmenvereinbarung', agreement: 'a' }], offer_letters: [{ agreement: 'a', date: '2022-04-04', summary: 'S', voluntary: 'ja' }] }, ['Feld „resolutions[0].number“: Der Wert „-1“ muss 1 oder größer sein.\n  → Prüfen Sie die Zahl.', 'Feld „offer_letters[0].voluntary“: Der Wert „ja“ muss true oder false sein.\n  → Schreiben Sie true oder false, ohne Anführungszeichen.']],
    ['site: javascript URL', siteSchema, { title: 'T', base_url: 'javascript:alert(1)', main_agreement: 'm' }, ['Feld „base_url“: Der Wert „javascript:alert(1)“ muss eine vollständige Adresse mit https:// sein (z. B. https://vereinbarungen.example.de).\n  → Schreiben Sie die Adresse vollständig mit https://.']],
    ['site: a field that moved to organisation.yaml', siteSchema, { title: 'T', base_url: 'https://x.example', main_agreement: 'm', contact_email: 'a@b.de' }, ['Feld „contact_email“: Der Wert „a@b.de“ steht nicht mehr in site.yaml, sondern in organisation.yaml (Feld „contact_email“).\n  → Verschieben Sie den Wert nach organisation.yaml, Feld „contact_email“; das Muster steht in content/README.md.']],
    ['organisation: gender', organisationSchema, { ...organisation, gender: 'w' }, ['Feld „gender“: Der Wert „w“ muss „m“, „f“ oder „n“ sein (das grammatische Geschlecht: der, die, das).\n  → Verwenden Sie genau einen der genannten Werte.']],
    ['organisation: paper pattern that does not compile', organisationSchema, { ...organisation, council: { ...organisation.council, paper_pattern: '[A-Z', paper_example: 'A1' } }, ["Feld „council.paper_pattern“: Der Wert „[A-Z“ ist kein gültiger regulärer Ausdruck.\n  → Schreiben Sie das Muster in einfache Anführungszeichen, z. B. '^[A-Z]\\d{4}/\\d{2}$' für „A0311/22“."]],
    ['organisation: example against its pattern', organisationSchema, { ...organisation, council: { ...organisation.council, paper_pattern: '[A-Z]\\d{4}/\\d{2}', paper_example: 'A 311/22' } }, ['Feld „council.paper_example“: Der Wert „A 311/22“ passt nicht zum Muster „[A-Z]\\d{4}/\\d{2}“.\n  → Das Beispiel muss eine gültige Vorlagennummer sein; prüfen Sie Muster und Beispiel.']],
    ['organisation: pattern without example', organisationSchema, { ...organisation, council: { ...organisation.council, paper_pattern: 'VV-\\d+' } }, ['Feld „council.paper_pattern“: Zu diesem Muster fehlt „paper_example“, ein Beispiel einer gültigen Vorlagennummer.\n  → Ergänzen Sie z. B. „paper_example: A0311/22“; es erscheint in der Fehlermeldung zu einer falschen Nummer.']],
    ['a file with only comments', tomSchema, null, ['Die Datei enthält keine Felder (nur Kommentare oder „null“).\n  → Füllen Sie die Datei nach dem Muster in der README.md des Ordners oder löschen Sie sie.']],
    ['a file that is a list', tomSchema, [tom], ['Die Datei muss aus Feldern der Form „feld: wert“ bestehen.\n  → Füllen Sie die Datei nach dem Muster in der README.md des Ordners.']],
  ] as const)('%s', (_title, schema, data, expected) => {
    expect(check(schema, data)).toEqual(expected);
  });

  it('never lets zod’s English through: every default message is German', () => {
    const odd: unknown[] = [null, 1, 'x', true, [], {}, [1], { id: 1 }];
    const schemas = [agreementSchema, versionSchema, sectionSchema, tomSchema, riskSchema, dpiaMetaSchema, dpiaSectionSchema, providerSchema, childminderSchema, ledgerEntrySchema, councilSchema, siteSchema];
    for (const schema of schemas) {
      for (const data of odd) {
        for (const line of check(schema, data)) expect(line).not.toMatch(/\b(expected|received|invalid|input|option|must|too)\b/i);
      }
    }
  });

  it('keeps the data shape: defaults are filled in', () => {
    const section = sectionSchema.parse({ id: 's', number: 1, part: 'A', title: 'T' });
    expect(section).toEqual({ id: 's', number: 1, part: 'A', title: 'T', covers: [], regimes: ['dsgvo', 'kdg', 'dsg-ekd'] });
    expect(childminderSchema.parse({ id: 'ktp-1', name: 'N', address, places: 5 })).toMatchObject({ oeffentlich: false, regime: 'dsgvo' });
  });
});

describe('German defaults for zod issue codes a schema does not word itself', () => {
  it.each([
    ['invalid_union', z.union([z.number(), z.boolean()]), 'x', 'Der Wert „x“ passt zu keiner der erlaubten Schreibweisen.'],
    ['too_big (string)', z.string().max(3), 'abcd', 'Der Wert „abcd“ darf höchstens 3 Zeichen lang sein.\n  → Kürzen Sie den Text.'],
    ['too_big (array)', z.array(z.string()).max(1), ['a', 'b'], 'Darf höchstens 1 Eintrag haben.\n  → Entfernen Sie überzählige Einträge.'],
    ['too_big (number)', z.number().max(5), 6, 'Der Wert „6“ darf höchstens 5 sein.\n  → Prüfen Sie die Zahl.'],
    ['too_small (string)', z.string().min(3), 'ab', 'Der Wert „ab“ muss mindestens 3 Zeichen lang sein.\n  → Tragen Sie einen Text ein.'],
    ['too_small (array)', z.array(z.string()).min(2), ['a'], 'Braucht mindestens 2 Einträge.\n  → Ergänzen Sie die fehlenden Einträge.'],
    ['not_multiple_of', z.number().multipleOf(5), 7, 'Der Wert „7“ muss ein Vielfaches von 5 sein.'],
    ['invalid_format (email)', z.string().email(), 'a.b', 'Der Wert „a.b“ muss eine E-Mail-Adresse sein.\n  → Schreiben Sie die Adresse vollständig, z. B. info@beispiel.example.'],
    ['invalid_format (url)', z.string().url(), 'kita', 'Der Wert „kita“ muss eine vollständige Adresse (URL) sein.\n  → Schreiben Sie die Adresse vollständig mit https://.'],
    ['invalid_format (regex)', z.string().regex(/^A/), 'B', 'Der Wert „B“ hat nicht das erwartete Format.\n  → Prüfen Sie die Schreibweise (Muster in der README.md des Ordners).'],
    ['invalid_type (boolean)', z.boolean(), 'ja', 'Der Wert „ja“ muss true oder false sein.\n  → Schreiben Sie true oder false, ohne Anführungszeichen.'],
    ['invalid_value (literal)', z.literal('ja'), 'nein', 'Der Wert „nein“ muss „ja“ sein.\n  → Verwenden Sie genau einen der genannten Werte.'],
  ] as const)('%s', (_code, schema, data, expected) => {
    expect(check(schema, data)).toEqual([expected]);
  });
});
