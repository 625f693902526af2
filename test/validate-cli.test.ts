import { beforeAll, describe, expect, it } from 'vitest';
import { CASES } from './fixtures/invalid/cases.ts';
import { runScript, type CliResult } from './support/run-cli.ts';

const expectedOf = (name: string) => CASES.find((c) => c.name === name)!.expected;

// Each run starts Node (about a second), so the runs are few and start together.
const RUNS = {
  valid: ['--content', 'test/fixtures/valid'],
  signedBeforeOffered: ['--content', 'test/fixtures/invalid/ledger-signed-before-offered'],
  mdxImport: ['--content', 'test/fixtures/invalid/mdx-import-outside'],
  yamlSyntax: ['--content', 'test/fixtures/invalid/yaml-unclosed-quote'],
  afterAsOf: ['--content', 'test/fixtures/invalid/ledger-after-as-of', '--as-of', '2023-06-10'],
  consequence: ['--content', 'test/fixtures/invalid/consequence-party-indent'],
  unknownOption: ['--content', 'test/fixtures/valid', '--contnet', 'x'],
  badAsOf: ['--content', 'test/fixtures/valid', '--as-of', '31.03.2022'],
  missingDir: ['--content', 'test/fixtures/does-not-exist'],
  positional: ['test/fixtures/valid'],
  checksums: ['--content', 'test/fixtures/valid', '--print-checksums'],
  checksumsChanged: ['--content', 'test/fixtures/invalid/text-changed-after-adoption', '--print-checksums'],
  checksumsMissing: ['--content', 'test/fixtures/invalid/text-checksum-missing', '--print-checksums'],
} as const;
type RunName = keyof typeof RUNS;
const results = {} as Record<RunName, CliResult>;

beforeAll(async () => {
  await Promise.all(
    (Object.keys(RUNS) as RunName[]).map(async (name) => {
      results[name] = await runScript('validate', [...RUNS[name]]);
    }),
  );
}, 60_000);

describe('npm run validate', () => {
  it('exits 0 on valid content and says so on stdout', () => {
    expect(results.valid).toMatchObject({ code: 0, stderr: '' });
    expect(results.valid.stdout).toBe('29 Dateien geprüft: keine Fehler.\n');
  });

  it.each([
    ['signedBeforeOffered', 'ledger-signed-before-offered'],
    ['mdxImport', 'mdx-import-outside'],
    ['yamlSyntax', 'yaml-unclosed-quote'],
    ['afterAsOf', 'ledger-after-as-of'],
  ] as const)('%s: exits 1 and prints the corpus message with the folder’s path, no stack trace', (run, folder) => {
    const result = results[run];
    expect(result.code).toBe(1);
    const shown = expectedOf(folder).replace(/^Fehler: content\//gm, `Fehler: test/fixtures/invalid/${folder}/`);
    const errors = shown.split('\n').filter((line) => line.startsWith('Fehler:')).length;
    expect(result.stderr).toBe(`${shown}\n\n29 Dateien geprüft: ${errors} Fehler.\n`);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('prints the broken file first and what follows from it after, marked „Folgefehler“ and counted apart', () => {
    const folder = 'test/fixtures/invalid/consequence-party-indent';
    const result = results.consequence;
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toMatch(new RegExp(`^Fehler: ${folder}/parties/traeger/traeger-001\\.yaml:12:6 `));
    expect(result.stderr).toBe(`${expectedOf('consequence-party-indent').replaceAll('content/', `${folder}/`)}\n\n29 Dateien geprüft: 1 Fehler, 1 Folgefehler.\n`);
  });

  it.each([
    ['unknownOption', 'Unbekannte Option „--contnet“. Meinten Sie „--content“?'],
    ['badAsOf', '--as-of erwartet ein Datum im Format JJJJ-MM-TT, erhalten: „31.03.2022“. Schreiben Sie 2022-03-31.'],
    ['missingDir', 'Der Inhaltsordner „test/fixtures/does-not-exist“ existiert nicht. Geben Sie mit --content einen vorhandenen Ordner an.'],
    ['positional', 'Unerwartetes Argument „test/fixtures/valid“. Einen Inhaltsordner geben Sie mit --content test/fixtures/valid an.'],
  ] as const)('%s: is a usage error, exit code 2', (run, message) => {
    const result = results[run];
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('prints the checksum of every version’s text with --print-checksums, and how it compares with version.yaml', () => {
    expect(results.checksums.code).toBe(0);
    expect(results.checksums.stdout).toBe(
      'test/fixtures/valid/agreements/muster/1.0/  text_sha256: 0c862201c4895543c7e7a737e55fe363fc7da098aa8b0bb8c038de9e83d8cadc  (wie festgeschrieben)\n' +
        'test/fixtures/valid/agreements/muster/1.1/  text_sha256: f542adcbc7fa12a1f2b7fdba2e652a42dd4fda8546adb380f049a3020d5b98a1  (wie festgeschrieben)\n' +
        '29 Dateien geprüft: keine Fehler.\n',
    );
    expect(results.checksumsChanged.code).toBe(1);
    expect(results.checksumsChanged.stdout).toContain('muster/1.1/  text_sha256: c358b4d9a02cda9ac3ac84c6b5b6d9193774c45412de94f3602ecd2979b860e9  (ABWEICHEND, festgeschrieben ist f542adcbc7fa12a1f2b7fdba2e652a42dd4fda8546adb380f049a3020d5b98a1)');
    expect(results.checksumsMissing.code).toBe(1);
    expect(results.checksumsMissing.stdout).toContain('muster/1.1/  text_sha256: f542adcbc7fa12a1f2b7fdba2e652a42dd4fda8546adb380f049a3020d5b98a1  (fehlt in version.yaml)');
  });
});
