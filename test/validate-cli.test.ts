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
  unknownOption: ['--content', 'test/fixtures/valid', '--contnet', 'x'],
  badAsOf: ['--content', 'test/fixtures/valid', '--as-of', '31.03.2022'],
  missingDir: ['--content', 'test/fixtures/does-not-exist'],
  positional: ['test/fixtures/valid'],
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
    expect(results.valid.stdout).toBe('24 Dateien geprüft: keine Fehler.\n');
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
    expect(result.stderr).toBe(`${shown}\n\n24 Dateien geprüft: ${errors} Fehler.\n`);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it.each([
    ['unknownOption', 'Unbekannte Option „--contnet“.'],
    ['badAsOf', '--as-of erwartet ein Datum im Format JJJJ-MM-TT, erhalten: „31.03.2022“.'],
    ['missingDir', 'Der Inhaltsordner „test/fixtures/does-not-exist“ existiert nicht. Geben Sie mit --content einen vorhandenen Ordner an.'],
    ['positional', 'Unerwartetes Argument „test/fixtures/valid“. Einen Inhaltsordner geben Sie mit --content test/fixtures/valid an.'],
  ] as const)('%s: is a usage error, exit code 2', (run, message) => {
    const result = results[run];
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
