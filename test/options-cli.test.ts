import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runScript } from './support/run-cli.ts';

const VALID = path.join(ROOT, 'test/fixtures/valid');

describe('a misspelt option gets „Meinten Sie …?“ in every command (exit 2)', () => {
  it.each([
    ['build', ['--as-off', '2023-01-01'], '--as-of'],
    ['validate', ['--contnet', 'content'], '--content'],
    ['pdf', ['--partty', 'traeger-001'], '--party'],
    ['pdf', ['merge-manifests', '--otu', 'x.json'], '--out'],
    ['report', ['--formt', 'csv'], '--format'],
    ['ledger', ['list', '--versoin', '1.1'], '--version'],
    ['letters', ['--dryrun'], '--dry-run'],
    ['dev', ['--prot', '4000'], '--port'],
    ['preview', ['--ot', 'dist'], '--out'],
    ['bench', ['--partise', '10'], '--parties'],
    ['check', ['--hlep'], '--help'],
    ['check-pdf', ['--isntall'], '--install'],
    // vitest's own options, read from vitest's parser.
    ['test', ['--versoin'], '--version'],
    ['test', ['--reportr', 'dot'], '--reporter'],
  ])('%s %j → „%s“', async (script, args, meant) => {
    const result = await runScript(script, args);
    expect(result.code).toBe(2);
    const typed = args.find((a) => a.startsWith('--'))!;
    expect(result.stderr.split('\n')[0]).toBe(`Unbekannte Option „${typed}“. Meinten Sie „${meant}“?`);
    expect(result.stderr).toMatch(/Aufruf:\s+npm /);
  });

  it.each([
    ['ledger', ['ofer', '--party', 'traeger-001'], 'Unbekannter Unterbefehl „ofer“. Meinten Sie „offer“?'],
    ['letters', ['--kind', 'angbot', '--dry-run'], '--kind erwartet angebot, erinnerung oder aenderung, erhalten: „angbot“. Meinten Sie „angebot“?'],
    ['pdf', ['merge-manifest'], 'Unbekannter Befehl „merge-manifest“. Meinten Sie „merge-manifests“?'],
    ['report', ['--content', VALID, '--format', 'cvs'], '--format erwartet md, html, pdf oder csv, erhalten: „cvs“. Meinten Sie „csv“?'],
  ])('%s %j: misspelt subcommands and values too', async (script, args, firstLine) => {
    const result = await runScript(script, args);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(firstLine);
  });

  it('a value-less option and a value for a switch are named in German', async () => {
    const missing = await runScript('report', ['--format']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toBe('Die Option „--format“ braucht einen Wert.');
    const extra = await runScript('letters', ['--dry-run=ja']);
    expect(extra.code).toBe(2);
    expect(extra.stderr.split('\n')[0]).toBe('Die Option „--dry-run“ nimmt keinen Wert.');
  });
});

describe('a day that does not exist is called that (exit 2)', () => {
  const noSuchDay = '„2022-02-30“ ist kein gültiges Kalenderdatum. Prüfen Sie Tag und Monat: den 30.02.2022 gibt es nicht.';
  it.each([
    ['build', ['--as-of', '2022-02-30'], `--as-of ${noSuchDay}`],
    ['letters', ['--content', VALID, '--as-of', '2022-02-30', '--dry-run'], `--as-of ${noSuchDay}`],
    ['ledger', ['intent', '--content', VALID, '--party', 'traeger-001', '--date', '2022-02-30'], `--date ${noSuchDay}`],
    ['ledger', ['intent', '--content', VALID, '--party', 'traeger-001', '--date', '2022-06-01', '--today', '2022-02-30'], `--today ${noSuchDay}`],
    ['ledger', ['intent', '--content', VALID, '--party', 'traeger-001', '--date', '01.06.2022'], '--date erwartet ein Datum im Format JJJJ-MM-TT, erhalten: „01.06.2022“. Schreiben Sie 2022-06-01.'],
  ])('%s %j', async (script, args, firstLine) => {
    const result = await runScript(script, args);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(firstLine);
  });
});

describe('an unknown party is a wrong call: exit 2 in every command that takes --party', () => {
  const message = 'Den Partner „traeger-0002“ gibt es nicht. Meinten Sie „traeger-002“?';
  it.each<[string, readonly string[]]>([
    ['pdf', ['--party', 'traeger-0002', '--out', path.join(ROOT, '.cache/never-written')]],
    ['letters', ['--party', 'traeger-0002', '--as-of', '2023-06-30', '--agreement', 'muster', '--dry-run']],
    // The ledger's subcommands share one path; offer, withdraw (its own default version) and sign (more options) stand for them.
    ...['offer', 'withdraw'].map((command): [string, string[]] => ['ledger', [command, '--party', 'traeger-0002', '--agreement', 'muster', '--date', '2023-06-05']]),
    ['ledger', ['sign', '--party', 'traeger-0002', '--agreement', 'muster', '--date', '2023-06-05', '--form', 'schriftlich', '--function', 'Vorstand', '--name', 'Erika Probe']],
  ])('%s %j', async (script, args) => {
    const result = await runScript(script, ['--content', VALID, ...args]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('→ Prüfen Sie die Kennung; die Partner stehen in');
  });
});
