import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { structuredPatch } from 'diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEdits, validFixture, writeTree } from './support/content-variants.ts';
import { ROOT, runScript } from './support/run-cli.ts';

const COMMENTED_LEDGER = readFileSync(path.join(import.meta.dirname, 'fixtures/ledger/muster.yaml'), 'utf8');
let tmp: string;
let dir: string;
let ledgerFile: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vertragswerk-ledger-cli-'));
  dir = path.join(tmp, 'content');
  writeTree(dir, applyEdits(validFixture(), [{ file: 'ledger/muster.yaml', write: COMMENTED_LEDGER }]));
  ledgerFile = path.join(dir, 'ledger', 'muster.yaml');
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const ledger = (args: string[]) => runScript('ledger', [...args, '--content', dir]);

describe('npm run ledger (fixture)', () => {
  it('refuses with exit 1 and a German message; the file stays byte-identical', async () => {
    const before = readFileSync(ledgerFile);
    const result = await ledger(['sign', '--party', 'traeger-002', '--agreement', 'muster', '--version', '1.1', '--date', '2023-06-10', '--form', 'schriftlich', '--function', 'Pfarrer', '--name', 'Paul Probe']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatchInlineSnapshot(`
      "Fehler: Version 1.1 wurde „traeger-002“ (Katholische Kirchgemeinde St. Muster) noch nicht angeboten.
        → Tragen Sie zuerst das Angebot ein: npm run ledger -- offer --party traeger-002 --agreement muster --version 1.1 --date JJJJ-MM-TT
      Das Zeichnungsregister bleibt unverändert.
      "
    `);
    expect(readFileSync(ledgerFile).equals(before)).toBe(true);
  });

  it.each([
    // Every missing option at once.
    [['sign', '--agreement', 'muster', '--version', '1.0', '--date', '2022-06-01'], 'Für „sign“ fehlen --party, --form, --function, --name.'],
    [['sign', '--agreement', 'muster', '--party', 'traeger-002', '--form', 'schriftlich'], 'Für „sign“ fehlen --date, --function, --name.'],
    [['withdraw', '--party', 'traeger-001', '--date', '2022-10-01', '--reason', 'x'], '--reason gilt nur für offer und sign (eine abgelöste Fassung anbieten oder unterzeichnen).'],
    [['ship', '--party', 'traeger-002'], 'Unbekannter Unterbefehl „ship“.'],
    [[], 'Es fehlt der Unterbefehl.'],
    [['list', '--format', 'xlsx'], '--format erwartet table oder csv, erhalten: „xlsx“.'],
  ])('usage error %j → exit 2', async (args, firstLine) => {
    const before = readFileSync(ledgerFile);
    const result = await ledger(args);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(firstLine);
    expect(readFileSync(ledgerFile).equals(before)).toBe(true);
  });

  it('records an offer with the copy from the PDF directory, and says what it did', async () => {
    const manifest = path.join(tmp, 'manifest.json');
    const sha256 = 'b'.repeat(64);
    const entry = { path: 'pdf/muster/1.1/traeger-002.pdf', party: 'traeger-002', agreement: 'muster', version: '1.1', regime: 'kdg', bytes: 1, pages: 1, sha256, documentId: 'muster-1.1-traeger-002-1234abcd' };
    writeFileSync(manifest, JSON.stringify({ format: 1, entries: [entry] }));
    // Without --version: the version offered on that day (1.1, adopted 2023-05-11).
    const result = await ledger(['offer', '--party', 'traeger-002', '--agreement', 'muster', '--date', '2023-06-05', '--today', '2024-01-01', '--manifest', manifest]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.replaceAll(dir, '<dir>')).toMatchInlineSnapshot(`
      "Eingetragen: „traeger-002“ (Katholische Kirchgemeinde St. Muster): Version 1.1 am 5. Juni 2023 angeboten.
      Ausfertigung vermerkt: muster-1.1-traeger-002-1234abcd, SHA-256 bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.
      Datei: <dir>/ledger/muster.yaml
      "
    `);
    expect(readFileSync(ledgerFile, 'utf8')).toContain(`offered_copy: { document_id: muster-1.1-traeger-002-1234abcd, sha256: ${sha256} }`);
  });

  it('asks „Meinten Sie …?“ for a mistyped party; an unknown id is a wrong call (exit 2), as in every command', async () => {
    const unknown = await ledger(['offer', '--party', 'traeger-0002', '--agreement', 'muster', '--date', '2023-06-05']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe('Den Partner „traeger-0002“ gibt es nicht. Meinten Sie „traeger-002“?');
  });

  it('lists who has not signed yet, as a table and as CSV', async () => {
    const table = await ledger(['list', '--open']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatchInlineSnapshot(`
      "Noch nicht unterzeichnet: muster, Version 1.1, Stand 20. Juni 2023

      Kennung      Name                                  Recht  Stand            Gilt  Angeboten   Erinnert  Absicht
      -----------  ------------------------------------  -----  ---------------  ----  ----------  --------  ----------
      traeger-001  Kinderhaus Elbaue e. V.               DSGVO  Absicht erklärt  1.0   05.06.2023            20.06.2023
      traeger-002  Katholische Kirchgemeinde St. Muster  KDG    keine Antwort    –     05.06.2023

      2 Einträge
      "
    `);
    const csv = await ledger(['list', '--open', '--format', 'csv']);
    expect(csv.stdout).toMatchInlineSnapshot(`
      "Kennung;Name;Recht;Stand;Gilt;Angeboten;Erinnert;Absicht
      traeger-001;Kinderhaus Elbaue e. V.;DSGVO;Absicht erklärt;1.0;2023-06-05;;2023-06-20
      traeger-002;Katholische Kirchgemeinde St. Muster;KDG;keine Antwort;–;2023-06-05;;
      "
    `);
    // traeger-002's offer of 1.0 (intent declared) was replaced by the offer of 1.1: no reminder for it.
    const old = await ledger(['list', '--format', 'csv', '--version', '1.0']);
    expect(old.stdout.split('\n').find((line) => line.startsWith('traeger-002'))).toBe('traeger-002;Katholische Kirchgemeinde St. Muster;KDG;durch neueres Angebot ersetzt;–;2022-04-04;;2022-04-20;;;');
  });

  it('prints the status like the report’s key sentence', async () => {
    const result = await ledger(['status', '--as-of', '2022-08-24']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Mustervereinbarung, Stand 24. August 2022:

      Von 2 Trägern, die Einrichtungen im Bedarfsplan 2021/2022 betreiben, hat 1 Träger (50,0 %) die Vereinbarung unterzeichnet.
      Ein weiterer Träger hat signalisiert, die Vereinbarung abschließen zu wollen.
      Insgesamt ist 1 Angebot noch offen.
      Der unterzeichnende Träger betreibt 80 von 140 Plätzen im Bedarfsplan 2021/2022; das ist ein Anteil von 57,1 %.
      "
    `);
  });
});

describe('npm run ledger (bundled content)', () => {
  it('signs for an open provider in a copy of the real ledger, adding lines only', async () => {
    const copy = path.join(tmp, 'real');
    cpSync(path.join(ROOT, 'content'), copy, { recursive: true });
    const list = await runScript('ledger', ['list', '--open', '--format', 'csv', '--version', '1.1', '--content', copy]);
    expect(list.code).toBe(0);
    const [header, first] = list.stdout.split('\n');
    expect(header).toBe('Kennung;Name;Recht;Stand;Gilt;Angeboten;Erinnert;Absicht');
    const party = first!.split(';')[0]!;
    const file = path.join(copy, 'ledger', 'kita-planer-2.yaml');
    const before = readFileSync(file, 'utf8');
    const result = await runScript('ledger', [
      'sign', '--party', party, '--agreement', 'kita-planer-2', '--date', '2024-02-01',
      '--form', 'elektronisch', '--function', 'Geschäftsführung', '--name', 'Test Person', '--today', '2024-02-01', '--content', copy,
      '--manifest', path.join(tmp, 'kein-verzeichnis.json'),
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    const lines = structuredPatch('a', 'b', before, after).hunks.flatMap((h) => h.lines.filter((l) => l.startsWith('+') || l.startsWith('-')));
    expect(lines.every((l) => l.startsWith('+'))).toBe(true);
    expect(lines.join('\n')).toContain('+    signed: 2024-02-01\n+    form: elektronisch');
  });
});
