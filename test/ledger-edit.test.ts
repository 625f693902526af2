import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { structuredPatch } from 'diff';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { editLedgerInDir, editLedgerInDirBatch, LedgerChangedError, writeLedgerFile } from '../src/io/ledger-file.ts';
import { loadContent } from '../src/io/load-content.ts';
import type { LedgerChange } from '../src/lib/ledger-edit.ts';
import { buildBeschlusskontrolleView } from '../src/lib/report/view.ts';
import { applyEdits, validFixture, writeTree, type FileEdit } from './support/content-variants.ts';

/** A ledger as staff write it: comments, blank lines, a flow map, a comment after a value. */
const COMMENTED_LEDGER = readFileSync(path.join(import.meta.dirname, 'fixtures/ledger/muster.yaml'), 'utf8');

const TODAY = '2024-01-01';
let dir: string;
let ledgerFile: string;

function setUp(edits: FileEdit[] = []) {
  writeTree(dir, applyEdits(validFixture(), [{ file: 'ledger/muster.yaml', write: COMMENTED_LEDGER }, ...edits]));
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'vertragswerk-ledger-'));
  ledgerFile = path.join(dir, 'ledger', 'muster.yaml');
  setUp();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const change = (command: LedgerChange['command'], extra: Partial<LedgerChange> = {}): LedgerChange => ({
  command,
  party: 'traeger-002',
  agreement: 'muster',
  version: '1.0',
  date: '2022-06-01',
  ...extra,
});

const SIGN = { form: 'schriftlich', function: 'Pfarrer', name: 'Paul Probe' };

/** The changed lines only: what a reviewer would see in `git diff`. */
function diffLines(before: string, after: string): string {
  return structuredPatch('a', 'b', before, after, '', '', { context: 1 })
    .hunks.map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join('\n'))
    .join('\n');
}

describe('refused changes leave the ledger byte-identical', () => {
  it.each([
    ['impossible date', change('intent', { date: '2022-02-30' }), TODAY, 'Das Datum „2022-02-30“ ist kein gültiges Kalenderdatum.\n  → Prüfen Sie Tag und Monat: den 30.02.2022 gibt es nicht.'],
    ['German date format', change('intent', { date: '01.06.2022' }), TODAY, 'Das Datum „01.06.2022“ ist kein Datum im Format JJJJ-MM-TT.\n  → Schreiben Sie 2022-06-01.'],
    ['invalid --today', change('intent'), 'heute', 'Das heutige Datum (--today) „heute“ ist kein Datum im Format JJJJ-MM-TT.\n  → Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2022-03-31.'],
    ['unknown agreement', change('intent', { agreement: 'kita' }), TODAY, 'Die Vereinbarung „kita“ gibt es nicht.\n  → Vorhandene Vereinbarungen: „muster“.'],
    ['unknown version', change('intent', { version: '2.0' }), TODAY, 'Die Vereinbarung „muster“ hat keine Version „2.0“.\n  → Vorhandene Versionen: 1.0, 1.1.'],
    [
      'unknown party',
      change('offer', { party: 'traeger-099' }),
      TODAY,
      'Den Partner „traeger-099“ gibt es nicht.\n  → Prüfen Sie die Kennung; die Partner stehen in parties/kindertagespflege/ und parties/traeger/.',
    ],
    [
      'party not in the Bedarfsplan',
      change('offer', { party: 'traeger-003' }),
      TODAY,
      '„traeger-003“ (Waldkinder gGmbH) hat am 1.\u00a0Juni 2022 keine Einrichtung im Bedarfsplan 2021/2022 und ist nicht berechtigt.\n  → Ergänzen Sie zuerst den Registereintrag (register: { plan, entry }) beim Partner, falls er fehlt.',
    ],
    [
      'childminder for a providers’ agreement (named by id only)',
      change('offer', { party: 'ktp-001' }),
      TODAY,
      '„ktp-001“ gehört nicht zum Kreis dieser Vereinbarung (sie gilt für Träger) und ist nicht berechtigt.\n  → Wählen Sie mit --agreement die Vereinbarung, die mit diesem Partner geschlossen wird.',
    ],
    [
      'date in the future',
      change('sign', { date: '2024-01-02', ...SIGN }),
      TODAY,
      'Das Datum 2.\u00a0Januar 2024 liegt in der Zukunft (heute ist der 1.\u00a0Januar 2024).\n  → Tragen Sie Ereignisse erst ein, wenn sie stattgefunden haben.',
    ],
    [
      'date before the adoption of the version',
      change('offer', { version: '1.1', date: '2023-05-10' }),
      TODAY,
      'Version 1.1 wurde erst am 11.\u00a0Mai 2023 beschlossen; ein Ereignis am 10.\u00a0Mai 2023 ist nicht möglich.\n  → Prüfen Sie Datum und Version.',
    ],
    [
      'offered twice',
      change('offer', { party: 'traeger-001' }),
      TODAY,
      '„traeger-001“ (Kinderhaus Elbaue e. V.) wurde Version 1.0 bereits am 4.\u00a0April 2022 angeboten.\n  → Ein Angebot wird je Partner und Version nur einmal eingetragen.',
    ],
    [
      'not offered yet',
      change('sign', { version: '1.1', date: '2023-06-10', ...SIGN }),
      TODAY,
      'Version 1.1 wurde „traeger-002“ (Katholische Kirchgemeinde St. Muster) noch nicht angeboten.\n  → Tragen Sie zuerst das Angebot ein: npm run ledger -- offer --party traeger-002 --agreement muster --version 1.1 --date JJJJ-MM-TT',
    ],
    [
      'date before the offer',
      change('decline', { date: '2022-04-03' }),
      TODAY,
      'Das Datum 3.\u00a0April 2022 liegt vor dem Angebot am 4.\u00a0April 2022.\n  → Prüfen Sie das Datum; jedes Ereignis folgt auf das Angebot.',
    ],
    [
      'already signed',
      change('sign', { party: 'traeger-001', ...SIGN }),
      TODAY,
      '„traeger-001“ (Kinderhaus Elbaue e. V.) hat Version 1.0 bereits am 12.\u00a0Mai 2022 unterzeichnet.\n  → Eine Unterschrift wird nur einmal eingetragen.',
    ],
    ['signature without form', change('sign', { ...SIGN, form: undefined }), TODAY, 'Für eine Unterschrift fehlt die Form.\n  → Geben Sie --form schriftlich oder --form elektronisch an.'],
    ['unknown form', change('sign', { ...SIGN, form: 'fax' }), TODAY, 'Die Form „fax“ gibt es nicht.\n  → Geben Sie --form schriftlich oder --form elektronisch an.'],
    [
      'signature without name',
      change('sign', { ...SIGN, name: undefined }),
      TODAY,
      'Für eine Unterschrift fehlt der Name der unterzeichnenden Person.\n  → Geben Sie ihn mit --name an; er bleibt intern und erscheint nicht auf der Website.',
    ],
    [
      'signature without function',
      change('sign', { ...SIGN, function: ' ' }),
      TODAY,
      'Für eine Unterschrift fehlt die Funktion der unterzeichnenden Person.\n  → Geben Sie sie mit --function an, z. B. --function "Geschäftsführerin".',
    ],
    [
      'declining a signed agreement',
      change('decline', { party: 'traeger-001' }),
      TODAY,
      '„traeger-001“ (Kinderhaus Elbaue e. V.) hat Version 1.0 am 12.\u00a0Mai 2022 unterzeichnet.\n  → Eine Unterschrift wird nicht abgelehnt, sondern widerrufen: npm run ledger -- withdraw …',
    ],
    [
      'withdrawing without signature',
      change('withdraw'),
      TODAY,
      '„traeger-002“ (Katholische Kirchgemeinde St. Muster) hat Version 1.0 nicht unterzeichnet; gekündigt werden kann nur eine unterzeichnete Vereinbarung.\n  → Eine Absage ohne Unterschrift wird mit „decline“ eingetragen.',
    ],
    [
      'withdrawal before the signature',
      change('withdraw', { party: 'traeger-001', date: '2022-05-11' }),
      TODAY,
      'Das Datum 11.\u00a0Mai 2022 liegt vor der Unterschrift am 12.\u00a0Mai 2022.\n  → Eine Kündigung folgt auf die Unterschrift.',
    ],
    ['intent twice', change('intent'), TODAY, '„traeger-002“ (Katholische Kirchgemeinde St. Muster) hat die Absicht zu Version 1.0 bereits am 20.\u00a0April 2022 erklärt.'],
    [
      'intent after the signature',
      change('intent', { party: 'traeger-001' }),
      TODAY,
      '„traeger-001“ (Kinderhaus Elbaue e. V.) hat Version 1.0 bereits am 12.\u00a0Mai 2022 unterzeichnet.\n  → Eine Absichtserklärung ist nach der Unterschrift nicht mehr nötig.',
    ],
  ])('%s', async (_label, request, today, message) => {
    const before = readFileSync(ledgerFile);
    const result = await editLedgerInDir(dir, request, today);
    expect(result).toEqual({ ok: false, message });
    expect(readFileSync(ledgerFile).equals(before)).toBe(true);
    expect(readdirSync(path.dirname(ledgerFile))).toEqual(['muster.yaml']);
  });

  it.each([
    [
      'already declined',
      [{ file: 'ledger/muster.yaml', replace: '    intent: 2022-04-20\n', with: '    intent: 2022-04-20\n    declined: 2022-05-02\n' }],
      change('sign', SIGN),
      '„traeger-002“ (Katholische Kirchgemeinde St. Muster) hat Version 1.0 am 2.\u00a0Mai 2022 abgelehnt.\n  → Wenn der Partner doch unterzeichnet, entfernen Sie zuerst „declined“ im Register.',
    ],
    [
      'already withdrawn',
      [{ file: 'ledger/muster.yaml', replace: 'Geschäftsführerin }\n', with: 'Geschäftsführerin }\n    withdrawn: 2022-09-01\n' }],
      change('withdraw', { party: 'traeger-001', date: '2022-10-01' }),
      '„traeger-001“ (Kinderhaus Elbaue e. V.) hat Version 1.0 bereits am 1.\u00a0September 2022 gekündigt.',
    ],
    [
      'draft version',
      [
        { file: 'agreements/muster/1.1/version.yaml', replace: 'status: beschlossen', with: 'status: entwurf' },
        { file: 'agreements/muster/1.0/version.yaml', replace: 'status: abgeloest', with: 'status: beschlossen' },
        { file: 'ledger/muster.yaml', replace: '  - party: traeger-001\n    version: "1.1"\n    offered: 2023-06-05\n    intent: 2023-06-20\n\n', with: '' },
      ],
      change('offer', { version: '1.1', date: '2023-06-05' }),
      'Version 1.1 ist ein Entwurf und kann weder angeboten noch gezeichnet werden.\n  → Tragen Sie Ereignisse erst ein, wenn die Version beschlossen ist.',
    ],
  ] as const)('%s', async (_label, edits, request, message) => {
    setUp([...edits]);
    const before = readFileSync(ledgerFile);
    const result = await editLedgerInDir(dir, request, TODAY);
    expect(result).toEqual({ ok: false, message });
    expect(readFileSync(ledgerFile).equals(before)).toBe(true);
  });

  it('refuses to work on content that already has errors', async () => {
    setUp([{ file: 'ledger/muster.yaml', replace: '    form: schriftlich\n', with: '' }]);
    const before = readFileSync(ledgerFile);
    const result = await editLedgerInDir(dir, change('decline'), TODAY);
    expect(result.ok).toBe(false);
    expect(result.message.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "Die Inhalte enthalten bereits einen Fehler; das Register wird erst geändert, wenn sie fehlerfrei sind:
      Fehler: <dir>/ledger/muster.yaml:9:5 Feld „entries[0].signed“: Bei einer Unterschrift fehlt die Form.
        → Ergänzen Sie „form: schriftlich“ oder „form: elektronisch“.
        → Beheben Sie die Fehler (npm run validate) und rufen Sie den Befehl erneut auf."
    `);
    expect(readFileSync(ledgerFile).equals(before)).toBe(true);
  });

  it('does not overwrite a file that changed while the command ran', async () => {
    const before = readFileSync(ledgerFile, 'utf8');
    writeFileSync(ledgerFile, `${before}# von Hand ergänzt\n`);
    await expect(writeLedgerFile(ledgerFile, before, 'agreement: muster\nentries: []\n')).rejects.toBeInstanceOf(LedgerChangedError);
    expect(readFileSync(ledgerFile, 'utf8')).toBe(`${before}# von Hand ergänzt\n`);
  });
});

describe('successful changes keep comments, order and formatting', () => {
  it('sign adds the fields to the existing entry, in the README order and the file’s style', async () => {
    const mode = statSync(ledgerFile).mode;
    const result = await editLedgerInDir(dir, change('sign', SIGN), TODAY);
    expect(result.ok).toBe(true);
    expect(result.message).toBe('„traeger-002“ (Katholische Kirchgemeinde St. Muster): Version 1.0 am 1.\u00a0Juni 2022 unterzeichnet (schriftlich).');
    expect(diffLines(COMMENTED_LEDGER, readFileSync(ledgerFile, 'utf8'))).toMatchInlineSnapshot(`
      "@@ -22,1 +22,4 @@
           intent: 2022-04-20
      +    signed: 2022-06-01
      +    form: schriftlich
      +    signatory: { name: Paul Probe, function: Pfarrer }"
    `);
    expect(statSync(ledgerFile).mode).toBe(mode);
    expect(readdirSync(path.dirname(ledgerFile))).toEqual(['muster.yaml']);
  });

  it('offer inserts a new entry ordered by party, then version', async () => {
    setUp([{ file: 'ledger/muster.yaml', replace: '  - party: traeger-001\n    version: "1.1"\n    offered: 2023-06-05\n    intent: 2023-06-20\n\n', with: '' }]);
    const before = readFileSync(ledgerFile, 'utf8');
    const result = await editLedgerInDir(dir, change('offer', { party: 'traeger-001', version: '1.1', date: '2023-06-05' }), TODAY);
    expect(result.ok).toBe(true);
    expect(diffLines(before, readFileSync(ledgerFile, 'utf8'))).toMatchInlineSnapshot(`
      "@@ -12,2 +12,6 @@
       
      +  - party: traeger-001
      +    version: "1.1"
      +    offered: 2023-06-05
      +
         # St. Muster: noch offen"
    `);
  });

  it('offer at the end keeps the blank-line rhythm', async () => {
    await editLedgerInDir(dir, change('offer', { version: '1.1', date: '2023-06-05' }), TODAY);
    expect(diffLines(COMMENTED_LEDGER, readFileSync(ledgerFile, 'utf8'))).toMatchInlineSnapshot(`
      "@@ -22,1 +22,5 @@
           intent: 2022-04-20
      +
      +  - party: traeger-002
      +    version: "1.1"
      +    offered: 2023-06-05"
    `);
  });

  it('block style: the signatory is written as a block, a withdrawal goes after it', async () => {
    const block = COMMENTED_LEDGER.replace('    signatory: { name: Erika Beispiel, function: Geschäftsführerin }\n', '    signatory:\n      name: Erika Beispiel\n      function: Geschäftsführerin\n');
    setUp([{ file: 'ledger/muster.yaml', write: block }]);
    expect((await editLedgerInDir(dir, change('sign', { ...SIGN, name: 'Dr. Paul Probe: Pfarrer' }), TODAY)).ok).toBe(true);
    expect((await editLedgerInDir(dir, change('withdraw', { party: 'traeger-001', date: '2022-10-01' }), TODAY)).ok).toBe(true);
    expect(diffLines(block, readFileSync(ledgerFile, 'utf8'))).toMatchInlineSnapshot(`
      "@@ -13,2 +13,3 @@
             function: Geschäftsführerin
      +    withdrawn: 2022-10-01
       
      @@ -24,1 +25,6 @@
           intent: 2022-04-20
      +    signed: 2022-06-01
      +    form: schriftlich
      +    signatory:
      +      name: "Dr. Paul Probe: Pfarrer"
      +      function: Pfarrer"
    `);
  });

  it('offer before the first entry goes right under „entries:“, above the first entry’s comment', async () => {
    setUp([{ file: 'ledger/muster.yaml', replace: '  # Elbaue: unterschrieben im Mai\n  - party: traeger-001\n    version: "1.0"\n    offered: 2022-04-04   # Angebotsschreiben\n    signed: 2022-05-12\n    form: schriftlich\n    signatory: { name: Erika Beispiel, function: Geschäftsführerin }\n\n', with: '  # Elbaue\n' }]);
    const before = readFileSync(ledgerFile, 'utf8');
    expect((await editLedgerInDir(dir, change('offer', { party: 'traeger-001', date: '2022-04-04' }), TODAY)).ok).toBe(true);
    expect(diffLines(before, readFileSync(ledgerFile, 'utf8'))).toMatchInlineSnapshot(`
      "@@ -4,2 +4,6 @@
       entries:
      +  - party: traeger-001
      +    version: "1.0"
      +    offered: 2022-04-04
      +
         # Elbaue"
    `);
  });

  it('a sequence of commands is what the report then counts', async () => {
    for (const request of [
      change('decline', { date: '2022-06-01' }),
      change('withdraw', { party: 'traeger-001', date: '2022-08-24' }),
    ]) {
      const result = await editLedgerInDir(dir, request, TODAY);
      expect(result.message).not.toContain('Fehler');
      expect(result.ok).toBe(true);
    }
    const { content } = await loadContent(dir);
    const dayBefore = buildBeschlusskontrolleView(content, { asOf: '2022-08-23' });
    const sameDay = buildBeschlusskontrolleView(content, { asOf: '2022-08-24' });
    expect([dayBefore.figures?.bound, dayBefore.figures?.declined, dayBefore.figures?.ended, dayBefore.final]).toEqual([1, 1, 0, true]);
    expect([sameDay.figures?.bound, sameDay.figures?.declined, sameDay.figures?.ended, sameDay.final]).toEqual([0, 1, 1, true]);
    expect(readFileSync(ledgerFile, 'utf8')).toContain('    signatory: { name: Erika Beispiel, function: Geschäftsführerin }\n    withdrawn: 2022-08-24\n');
  });
});

describe('the ledger protects the model', () => {
  const COPY = { document_id: 'muster-1.1-traeger-003-0123abcd', sha256: 'a'.repeat(64) };
  // traeger-002 has an open offer of 1.0; 1.1 was adopted on 2023-05-11.
  it('refuses to sign a superseded version without a reason, and records the reason when given', async () => {
    const before = readFileSync(ledgerFile, 'utf8');
    const refused = await editLedgerInDir(dir, change('sign', { ...SIGN, date: '2023-06-01' }), TODAY);
    expect(refused).toEqual({
      ok: false,
      message:
        'Version 1.0 ist seit dem 11.\u00a0Mai 2023 durch Version 1.1 abgelöst; unterzeichnet wird nur die aktuelle Fassung.\n  → Tragen Sie --version 1.1 ein. Ist die alte Fassung ausnahmsweise richtig, begründen Sie es mit --reason "…"; die Begründung wird im Register vermerkt.',
    });
    expect(readFileSync(ledgerFile, 'utf8')).toBe(before);
    const accepted = await editLedgerInDir(dir, change('sign', { ...SIGN, date: '2023-06-01', reason: 'Unterschrift vom 2. Mai, Eingang verspätet' }), TODAY);
    expect(accepted.ok).toBe(true);
    expect(diffLines(before, readFileSync(ledgerFile, 'utf8'))).toContain('+    exception_reason: Unterschrift vom 2. Mai, Eingang verspätet');
  });

  it('offers the version offered on that day when none is given, and records the copy', async () => {
    setUp([{ file: 'ledger/muster.yaml', replace: '  - party: traeger-001\n    version: "1.1"\n    offered: 2023-06-05\n    intent: 2023-06-20\n\n', with: '' }]);
    const before = readFileSync(ledgerFile, 'utf8');
    const result = await editLedgerInDir(dir, change('offer', { party: 'traeger-001', version: undefined, date: '2023-06-05', copy: COPY }), TODAY);
    expect(result.message).toBe('„traeger-001“ (Kinderhaus Elbaue e. V.): Version 1.1 am 5.\u00a0Juni 2023 angeboten.');
    expect(diffLines(before, readFileSync(ledgerFile, 'utf8'))).toMatchInlineSnapshot(`
      "@@ -12,2 +12,7 @@
       
      +  - party: traeger-001
      +    version: "1.1"
      +    offered: 2023-06-05
      +    offered_copy: { document_id: muster-1.1-traeger-003-0123abcd, sha256: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa }
      +
         # St. Muster: noch offen"
    `);
  });

  it('records the signed copy with the signature', async () => {
    const before = readFileSync(ledgerFile, 'utf8');
    expect((await editLedgerInDir(dir, change('sign', { ...SIGN, copy: COPY }), TODAY)).ok).toBe(true);
    expect(diffLines(before, readFileSync(ledgerFile, 'utf8'))).toContain(`+    signed_copy: { document_id: ${COPY.document_id}, sha256: ${COPY.sha256} }`);
  });

  it('terminates the version that binds the party when none is given, and says when it ends', async () => {
    const result = await editLedgerInDir(dir, change('withdraw', { party: 'traeger-001', version: undefined, date: '2022-10-01' }), TODAY);
    expect(result).toMatchObject({ ok: true, message: '„traeger-001“ (Kinderhaus Elbaue e. V.): Kündigung von Version 1.0 am 1.\u00a0Oktober 2022 eingetragen; sie endet sofort (für diese Vereinbarung ist in agreement.yaml keine Kündigungsfrist eingetragen).' });
  });

  it('asks „Meinten Sie …?“ for an id with a typo or other leading zeros', async () => {
    const result = await editLedgerInDir(dir, change('offer', { party: 'traeger-01', date: '2023-06-05', version: '1.1' }), TODAY);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Den Partner „traeger-01“ gibt es nicht. Meinten Sie „traeger-001“?');
  });
});

describe('reminders (npm run ledger -- remind, and from a letter run)', () => {
  const COPY = { document_id: 'muster-1.0-traeger-002-0000beef', sha256: 'b'.repeat(64) };

  it('a first reminder opens the list after the offer, a second one is appended; both are checked like any entry', async () => {
    const first = await editLedgerInDir(dir, change('remind', { copy: COPY, letterSha256: 'e'.repeat(64) }), TODAY);
    expect(first.ok).toBe(true);
    expect(first.message).toBe('„traeger-002“ (Katholische Kirchgemeinde St. Muster): Erinnerung an das Angebot von Version 1.0 am 1.\u00a0Juni 2022 versandt.');
    const second = await editLedgerInDir(dir, change('remind', { date: '2022-07-27' }), TODAY);
    expect(second.ok).toBe(true);
    expect(diffLines(COMMENTED_LEDGER, readFileSync(ledgerFile, 'utf8'))).toMatchInlineSnapshot(`
      "@@ -21,2 +21,7 @@
           offered: 2022-04-04
      +    reminders:
      +      - date: 2022-06-01
      +        copy: { document_id: muster-1.0-traeger-002-0000beef, sha256: bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb }
      +        letter_sha256: eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee
      +      - date: 2022-07-27
           intent: 2022-04-20"
    `);
    const loaded = await loadContent(dir);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const entry = loaded.content.ledgers[0]!.entries.find((e) => e.party === 'traeger-002')!;
    expect(entry.reminders).toEqual([{ date: '2022-06-01', copy: COPY, letter_sha256: 'e'.repeat(64) }, { date: '2022-07-27' }]);
  });

  it.each([
    ['before the offer', change('remind', { date: '2022-04-01' }), 'Das Datum 1.\u00a0April 2022 liegt vor dem Angebot am 4.\u00a0April 2022.'],
    ['an answered offer (signed)', change('remind', { party: 'traeger-001' }), '„traeger-001“ (Kinderhaus Elbaue e. V.) hat Version 1.0 bereits am 12.\u00a0Mai 2022 unterzeichnet.'],
    ['a version not offered', change('remind', { version: '1.1', date: '2023-06-01' }), 'Version 1.1 wurde „traeger-002“ (Katholische Kirchgemeinde St. Muster) noch nicht angeboten.'],
    ['a superseded version', change('remind', { date: '2023-06-01' }), 'Version 1.0 ist seit dem 11.\u00a0Mai 2023 durch Version 1.1 abgelöst; erinnert wird nur an ein Angebot der aktuellen Fassung.'],
  ])('refuses a reminder %s and leaves the ledger byte-identical', async (_, remind, message) => {
    const result = await editLedgerInDir(dir, remind, TODAY);
    expect(result.ok).toBe(false);
    expect(result.message).toContain(message);
    expect(readFileSync(ledgerFile, 'utf8')).toBe(COMMENTED_LEDGER);
  });

  it('refuses the same reminder twice, and one dated before a recorded reminder', async () => {
    expect((await editLedgerInDir(dir, change('remind', { date: '2022-06-01' }), TODAY)).ok).toBe(true);
    const after = readFileSync(ledgerFile, 'utf8');
    const twice = await editLedgerInDir(dir, change('remind', { date: '2022-06-01' }), TODAY);
    expect(twice.message).toContain('wurde an Version 1.0 bereits am 1.\u00a0Juni 2022 erinnert.');
    const earlier = await editLedgerInDir(dir, change('remind', { date: '2022-05-01' }), TODAY);
    expect(earlier.message).toContain('ist schon eine spätere Erinnerung an Version 1.0 eingetragen (1.\u00a0Juni 2022)');
    expect(readFileSync(ledgerFile, 'utf8')).toBe(after);
  });

  it('a letter run with offers and reminders is recorded in one write; recorded again, nothing changes', async () => {
    const changes: LedgerChange[] = [change('offer', { party: 'traeger-002', version: '1.1', date: '2023-06-05' }), change('remind', { party: 'traeger-001', version: '1.1', date: '2023-08-01' })];
    const first = await editLedgerInDirBatch(dir, changes, TODAY);
    expect(first.ok).toBe(true);
    expect(first.summaries).toHaveLength(2);
    const text = readFileSync(ledgerFile, 'utf8');
    expect(text).toContain('    offered: 2023-06-05\n    reminders:\n      - date: 2023-08-01\n    intent: 2023-06-20\n');
    const second = await editLedgerInDirBatch(dir, changes, TODAY);
    expect(second.ok).toBe(true);
    expect(second.skipped).toEqual([
      '„traeger-002“ (Katholische Kirchgemeinde St. Muster): Angebot von Version 1.1 am 5.\u00a0Juni 2023 bereits eingetragen; übersprungen.',
      '„traeger-001“ (Kinderhaus Elbaue e. V.): Erinnerung an Version 1.1 am 1.\u00a0August 2023 bereits eingetragen; übersprungen.',
    ]);
    expect(readFileSync(ledgerFile, 'utf8')).toBe(text);
  });
});
