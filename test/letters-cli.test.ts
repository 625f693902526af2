import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import { LETTER_CSV_FILE, LETTER_RUN_FILE, writeLetterRun } from '../src/io/letters.ts';
import type { Content } from '../src/lib/content-model.ts';
import { formatDateDe } from '../src/lib/dates.ts';
import { buildLetters } from '../src/lib/letters/plan.ts';
import { buildLetterRunRecord, renderLetterCsv } from '../src/lib/letters/render.ts';
import { checkStructure } from './support/pdf-checks.ts';
import { ROOT, runScript } from './support/run-cli.ts';

let tmp: string;
let content: Content;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vertragswerk-letters-'));
  const loaded = await loadContent(path.join(ROOT, 'content'));
  content = loaded.content;
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file below `dir`, relative. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('npm run letters --dry-run', () => {
  it.each([
    ['2022-06-01', /^traeger-001\tErinnerung, Version 1\.0\tAngebot vom 4\.\sApril 2022 seit mindestens 8 Wochen offen$/m, 'Angebot: 0 · Erinnerung: '],
    ['2023-08-01', /^traeger-002\tAngebot, Version 1\.1\tVersion 1\.0 abgelehnt; Version 1\.1 noch nicht angeboten$/m, 'Angebot: 14 · Erinnerung: '],
  ])('on %s lists who gets which letter and why, and writes nothing', async (asOf, line, summary) => {
    const cwd = path.join(tmp, `dry-${asOf}`);
    mkdirSync(cwd, { recursive: true });
    const result = await runScript('letters', ['--as-of', asOf, '--dry-run', '--content', path.join(ROOT, 'content')], { cwd });
    expect(result.stderr).toContain(`Probelauf am ${formatDateDe(asOf)} (kita-planer-2): ${summary}`);
    expect(result.stderr).toContain('Nichts wurde geschrieben.');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(line);
    expect(tree(cwd)).toEqual([]);
  });

  it('refuses an unknown kind (exit 2) and an output folder inside the public site (exit 2)', async () => {
    const kind = await runScript('letters', ['--kind', 'mahnung', '--dry-run']);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/^--kind erwartet angebot, erinnerung oder aenderung, erhalten: „mahnung“\./);
    const cwd = path.join(tmp, 'public-out');
    mkdirSync(cwd, { recursive: true });
    const pub = await runScript('letters', ['--as-of', '2022-06-01', '--out', 'dist/briefe', '--content', path.join(ROOT, 'content')], { cwd });
    expect(pub.code).toBe(2);
    expect(pub.stderr).toContain('liegt im öffentlichen Ordner dist/');
    // dist-private/ is replaced by every build: no place for records.
    const priv = await runScript('letters', ['--as-of', '2022-06-01', '--out', 'dist-private/briefe', '--content', path.join(ROOT, 'content')], { cwd });
    expect(priv.code).toBe(2);
    expect(priv.stderr).toContain('liegt im Ausgabeordner dist-private/, den jeder Build ersetzt');
    expect(tree(cwd)).toEqual([]);
  });

  it('an ineligible party asked for by --party: exit 1, file and line named, nothing written', async () => {
    const cwd = path.join(tmp, 'ineligible');
    mkdirSync(cwd, { recursive: true });
    const result = await runScript('letters', ['--as-of', '2023-08-01', '--party', 'traeger-088', '--content', path.join(ROOT, 'content')], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/content\/parties\/traeger\/traeger-088\.yaml:8: „traeger-088“ hat am 1\.\u00a0August 2023 keine Einrichtung im Bedarfsplan/);
    expect(tree(cwd)).toEqual([]);
  });
});

describe('npm run letters (PDF through the project printer)', () => {
  it('prints one tagged PDF per letter into a new run folder in the records beside the content, the same bytes on a second run', async () => {
    const cwd = path.join(tmp, 'print');
    mkdirSync(path.join(cwd, 'dist'), { recursive: true });
    cpSync(path.join(ROOT, 'content'), path.join(cwd, 'content'), { recursive: true });
    const args = ['--as-of', '2022-06-01', '--party', 'traeger-014', '--content', 'content'];
    const first = await runScript('letters', args, { cwd });
    expect(first.stderr).toContain('1 Schreiben am 1.\u00a0Juni 2022 (kita-planer-2) in akten/briefe/kita-planer-2/2022-06-01: Angebot: 0 · Erinnerung: 1');
    expect(first.stderr).toContain('Nach dem Versand ins Zeichnungsregister eintragen: npm run ledger -- offer --from-letters akten/briefe/kita-planer-2/2022-06-01/versand.json');
    expect(first.code).toBe(0);
    const run = path.join(cwd, 'akten/briefe/kita-planer-2/2022-06-01');
    const file = path.join(run, 'erinnerung-kita-planer-2-1.0-traeger-014.pdf');
    const bytes = readFileSync(file);
    const second = await runScript('letters', [...args, '--out', 'zweiter-lauf'], { cwd });
    expect(second.code).toBe(0);
    expect(readFileSync(path.join(cwd, 'zweiter-lauf/kita-planer-2/2022-06-01/erinnerung-kita-planer-2-1.0-traeger-014.pdf')).equals(bytes)).toBe(true);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe('Erinnerung: Kooperationsvereinbarung Kita-Planer 2, Version 1.0');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2022-06-01T00:00:00.000Z');
    const report = checkStructure(pdf);
    expect(report.problems).toEqual([]);
    expect(report.top.length).toBeGreaterThan(0);
    expect(pdf.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(de)');
    expect(tree(path.join(cwd, 'dist'))).toEqual([]);
    expect(tree(path.join(cwd, 'akten'))).toEqual(['briefe/kita-planer-2/2022-06-01/erinnerung-kita-planer-2-1.0-traeger-014.pdf', `briefe/kita-planer-2/2022-06-01/${LETTER_CSV_FILE}`, `briefe/kita-planer-2/2022-06-01/${LETTER_RUN_FILE}`]);
    // The run record names every letter with its checksum: „PDF prüfen“ can recognise it.
    const record = JSON.parse(readFileSync(path.join(run, LETTER_RUN_FILE), 'utf8'));
    expect(record.reminders).toEqual([expect.objectContaining({ party: 'traeger-014', file: 'erinnerung-kita-planer-2-1.0-traeger-014.pdf', letter_sha256: createHash('sha256').update(bytes).digest('hex') })]);

    // The same day and party again: refused, nothing written, the first letter untouched.
    const again = await runScript('letters', args, { cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('traeger-014 hat am 1.\u00a0Juni 2022 schon ein Schreiben zu dieser Vereinbarung (akten/briefe/kita-planer-2/2022-06-01) und bekommt kein zweites');
    expect(again.stderr).toContain('Versandte Schreiben sind Akten und werden nie überschrieben');
    expect(again.stderr).toContain('Nichts wurde geschrieben.');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(tree(path.join(cwd, 'akten/briefe/kita-planer-2'))).toHaveLength(3);
    const dry = await runScript('letters', [...args, '--dry-run'], { cwd });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('');
    expect(dry.stderr).toContain('Hinweis: traeger-014 hat am 1.\u00a0Juni 2022 schon ein Schreiben');
  }, 180_000);
});

describe('writing letter runs (records: private, atomic, never overwritten)', () => {
  const fakePdf = async (_html: string, view: { fileStem: string }) => new TextEncoder().encode(`%PDF-fake ${view.fileStem}`);
  const templates = { html: '<p>{{subject}}</p>', css: '', fontCss: '' };
  const agreement = () => content.agreements.find((a) => a.id === 'kita-planer-2')!;

  it('writes PDFs, CSV and run record into <letters>/<agreement>/<date>/ and refuses the build outputs', async () => {
    const cwd = path.join(tmp, 'write');
    mkdirSync(path.join(cwd, 'dist'), { recursive: true });
    const letters = buildLetters(content, agreement(), { asOf: '2023-08-01' });
    const out = path.join(cwd, 'akten/briefe');
    const prev = process.cwd();
    process.chdir(cwd);
    try {
      const result = await writeLetterRun(out, 'kita-planer-2', '2023-08-01', letters, templates, fakePdf);
      expect(result.folder).toBe(path.join(out, 'kita-planer-2/2023-08-01'));
      expect(result.written).toHaveLength(letters.length);
      await expect(writeLetterRun('dist/briefe', 'kita-planer-2', '2023-08-01', letters, templates, fakePdf)).rejects.toThrow(/öffentlichen Ordner/);
      await expect(writeLetterRun('dist-private/briefe', 'kita-planer-2', '2023-08-01', letters, templates, fakePdf)).rejects.toThrow(/den jeder Build ersetzt/);
    } finally {
      process.chdir(prev);
    }
    expect(tree(path.join(cwd, 'dist'))).toEqual([]);
    expect(existsSync(path.join(cwd, 'dist-private'))).toBe(false);
    const run = path.join(out, 'kita-planer-2/2023-08-01');
    const files = tree(run);
    expect(files).toContain(LETTER_CSV_FILE);
    expect(files).toContain(LETTER_RUN_FILE);
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(letters.length);
    expect(readFileSync(path.join(run, LETTER_CSV_FILE), 'utf8')).toBe(renderLetterCsv(letters));
    // No letter, address or CSV anywhere in the public folder, even by name.
    for (const letter of letters.slice(0, 3)) expect(tree(path.join(cwd, 'dist')).some((f) => f.includes(letter.fileStem))).toBe(false);
  });

  it('a second run of the same day leaves the first alone: parties that have a letter get none, the others a new folder <date>-2', async () => {
    const out = path.join(tmp, 'second/briefe');
    const letters = buildLetters(content, agreement(), { asOf: '2023-08-01' });
    const [one, ...rest] = letters;
    const first = await writeLetterRun(out, 'kita-planer-2', '2023-08-01', [one!], templates, fakePdf);
    const before = tree(first.folder!).map((f) => [f, readFileSync(path.join(first.folder!, f))] as const);
    const second = await writeLetterRun(out, 'kita-planer-2', '2023-08-01', letters, templates, async () => new TextEncoder().encode('%PDF-anders'));
    expect(second.folder).toBe(path.join(out, 'kita-planer-2/2023-08-01-2'));
    expect(second.skipped.map((s) => [s.letter.party.id, s.folder])).toEqual([[one!.party.id, first.folder]]);
    expect(second.written.map((l) => l.party.id)).toEqual(rest.map((l) => l.party.id));
    for (const [f, bytes] of before) expect(readFileSync(path.join(first.folder!, f)).equals(bytes), f).toBe(true);
    // Nothing new to write: no folder at all.
    const third = await writeLetterRun(out, 'kita-planer-2', '2023-08-01', letters, templates, fakePdf);
    expect(third.folder).toBeUndefined();
    expect(third.written).toEqual([]);
    expect(readdirSync(path.join(out, 'kita-planer-2')).sort()).toEqual(['2023-08-01', '2023-08-01-2']);
  });

  it('a run that fails half-way leaves the earlier runs as they were and no half folder', async () => {
    const out = path.join(tmp, 'half/briefe');
    const earlier = path.join(out, 'kita-planer-2/2022-05-02');
    mkdirSync(earlier, { recursive: true });
    writeFileSync(path.join(earlier, LETTER_RUN_FILE), JSON.stringify({ format: 1, agreement: 'kita-planer-2', date: '2022-05-02', offers: [], reminders: [] }));
    // A staging folder left by a run that was killed (its process is gone).
    mkdirSync(path.join(out, 'kita-planer-2/.2022-06-01.tmp-999999-deadbeef'));
    const letters = buildLetters(content, agreement(), { asOf: '2022-06-01' });
    let printed = 0;
    const failing = async () => {
      if (++printed === 3) throw new Error('Drucker abgestürzt');
      return new Uint8Array([37, 80, 68, 70]);
    };
    await expect(writeLetterRun(out, 'kita-planer-2', '2022-06-01', letters, templates, failing)).rejects.toThrow('Drucker abgestürzt');
    expect(readdirSync(path.join(out, 'kita-planer-2'))).toEqual(['2022-05-02']);
    expect(tree(earlier)).toEqual([LETTER_RUN_FILE]);
  });
});

describe('npm run ledger -- offer --from-letters', () => {
  let dir: string;
  let ledgerFile: string;
  beforeAll(() => {
    dir = path.join(tmp, 'ledger-content');
    cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
    ledgerFile = path.join(dir, 'ledger', 'kita-planer-2.yaml');
  });

  function runRecord(parties: string[], copy = true): string {
    const agreement = content.agreements.find((a) => a.id === 'kita-planer-2')!;
    const letters = buildLetters(content, agreement, {
      asOf: '2023-08-01',
      kinds: ['angebot'],
      copyOf: copy ? (a, v, p) => ({ document_id: `${a}-${v}-${p}-0000beef`, sha256: 'b'.repeat(64) }) : undefined,
    }).filter((l) => parties.includes(l.party.id));
    return JSON.stringify(buildLetterRunRecord('kita-planer-2', '2023-08-01', letters));
  }

  it('refuses the whole list when one offer is wrong: exit 1, the ledger stays byte-identical', async () => {
    const before = readFileSync(ledgerFile);
    const file = path.join(tmp, 'falsch.json');
    const record = JSON.parse(runRecord(['traeger-002', 'traeger-009']));
    record.offers.push({ party: 'traeger-088', version: '1.1', kind: 'angebot' });
    writeFileSync(file, JSON.stringify(record));
    const result = await runScript('ledger', ['offer', '--from-letters', file, '--content', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Eintrag 3 (traeger-088):');
    expect(result.stderr).toContain('weder ein Angebot noch eine Erinnerung wurde eingetragen');
    expect(readFileSync(ledgerFile).equals(before)).toBe(true);
  });

  it('records every offer of the run with its copy in one write; a second run records nothing twice', async () => {
    const file = path.join(tmp, 'versand.json');
    writeFileSync(file, runRecord(['traeger-002', 'traeger-009']));
    const first = await runScript('ledger', ['offer', '--from-letters', file, '--content', dir]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2 eingetragen, 0 bereits vorhanden.');
    const text = readFileSync(ledgerFile, 'utf8');
    expect(text).toContain(
      `  - party: traeger-002\n    version: "1.1"\n    offered: 2023-08-01\n    offered_copy: { document_id: kita-planer-2-1.1-traeger-002-0000beef, sha256: ${'b'.repeat(64)} }\n`,
    );
    const validate = await runScript('validate', ['--content', dir]);
    expect(validate.code).toBe(0);
    const second = await runScript('ledger', ['offer', '--from-letters', file, '--content', dir]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 eingetragen, 2 bereits vorhanden.');
    expect(readFileSync(ledgerFile, 'utf8')).toBe(text);
  });

  it('records the reminders of a run with the offers; the next dry run holds them back for reminder_weeks', async () => {
    const agreement = content.agreements.find((a) => a.id === 'kita-planer-2')!;
    const letters = buildLetters(content, agreement, { asOf: '2023-08-01', kinds: ['erinnerung'] }).filter((l) => ['traeger-001', 'traeger-003'].includes(l.party.id));
    expect(letters.map((l) => l.party.id)).toEqual(['traeger-001', 'traeger-003']);
    // traeger-003 signed on 2023-08-31, after the reminder: recording the reminder later is still right.
    const file = path.join(tmp, 'versand-erinnerung.json');
    writeFileSync(file, JSON.stringify(buildLetterRunRecord('kita-planer-2', '2023-08-01', letters, () => 'e'.repeat(64))));
    const first = await runScript('ledger', ['offer', '--from-letters', file, '--content', dir]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('Eingetragen: „traeger-001“ (Verein für bewegte Kindheit Elbsand e. V.): Erinnerung an das Angebot von Version 1.1 am 1.\u00a0August 2023 versandt.');
    expect(first.stdout).toContain('2 eingetragen, 0 bereits vorhanden.');
    const text = readFileSync(ledgerFile, 'utf8');
    expect(text).toContain(`  - party: traeger-001\n    version: "1.1"\n    offered: 2023-06-05\n    reminders:\n      - date: 2023-08-01\n        letter_sha256: ${'e'.repeat(64)}\n`);
    expect((await runScript('validate', ['--content', dir])).code).toBe(0);
    const again = await runScript('ledger', ['offer', '--from-letters', file, '--content', dir]);
    expect(again.stdout).toContain('0 eingetragen, 2 bereits vorhanden.');
    expect(readFileSync(ledgerFile, 'utf8')).toBe(text);
    // Staff see the reminder in the list of open offers (column „Erinnert“).
    const list = await runScript('ledger', ['list', '--open', '--version', '1.1', '--format', 'csv', '--as-of', '2023-08-01', '--content', dir]);
    expect(list.stdout).toMatch(/^traeger-001;[^\n]*;2023-06-05;2023-08-01;/m);
    const later = await runScript('letters', ['--as-of', '2023-09-01', '--dry-run', '--kind', 'erinnerung', '--content', dir]);
    expect(later.code).toBe(0);
    expect(later.stdout).not.toMatch(/^traeger-00[13]\t/m);
    expect(later.stdout).toMatch(/^traeger-005\tErinnerung/m);
    const due = await runScript('letters', ['--as-of', '2023-09-26', '--dry-run', '--party', 'traeger-001', '--content', dir]);
    expect(due.stdout).toMatch(/^traeger-001\tErinnerung, Version 1\.1\tAngebot vom 5\.\sJuni 2023 offen; letzte Erinnerung am 1\.\sAugust 2023, mindestens 8 Wochen her; 2\. Erinnerung von höchstens 2; an Version 1\.0 gebunden$/m);
  });

  it('reads the mail-merge CSV as well, and refuses options that the file already settles', async () => {
    const agreement = content.agreements.find((a) => a.id === 'kita-planer-2')!;
    const letters = buildLetters(content, agreement, { asOf: '2023-08-01', party: 'traeger-016' });
    expect(letters.map((l) => l.kind)).toEqual(['angebot']);
    const csv = path.join(tmp, 'serienbrief.csv');
    writeFileSync(csv, renderLetterCsv(letters));
    const result = await runScript('ledger', ['offer', '--from-letters', csv, '--content', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('„traeger-016“');
    const mixed = await runScript('ledger', ['offer', '--from-letters', csv, '--party', 'traeger-016', '--content', dir]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/^Mit --from-letters kommen Partner, Version, Datum und Ausfertigung aus der Datei; lassen Sie --party weg\./);
  });
});
