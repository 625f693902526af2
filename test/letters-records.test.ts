import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifest } from '../src/lib/pdf/manifest.ts';
import { ROOT, runScript, type CliResult } from './support/run-cli.ts';
import { hashTree } from './support/tree-hash.ts';

// Sent letters are records: they live beside the content (akten/ next to content/), and no documented
// build command touches them. The commands run from the project as a user runs them, on a copy of
// the fixture in a working folder (its outputs there too): the records follow --content.
let work: string;
const at = (...parts: string[]) => path.join(work, ...parts);
const OUTPUTS = () => ['--out', at('dist'), '--private-out', at('dist-private'), '--cache-dir', at('cache')];
const run = (script: string, args: string[]): Promise<CliResult> => runScript(script, args);
const ok = (result: CliResult, what: string) => expect(result.code, `${what}\n${result.stdout}\n${result.stderr}`).toBe(0);
const RUN_NAME = 'akten/briefe/muster/2023-09-01';

beforeAll(async () => {
  // Inside the project: Astro's prerender chunks go next to an output inside the working directory.
  await mkdir(path.join(ROOT, 'node_modules/.cache'), { recursive: true });
  work = await mkdtemp(path.join(ROOT, 'node_modules/.cache', 'vw-letters-records-'));
  await cp(path.join(ROOT, 'test/fixtures/valid'), at('content'), { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('sent letters survive every build command', () => {
  it('letters, then build, build --skip pdf, pdf, pdf --party, pdf --shard, report, validate: the letters keep their bytes; --from-letters records them; „PDF prüfen“ knows them', async () => {
    const content = at('content');
    const RUN = at(RUN_NAME);
    ok(await run('build', ['--content', content, ...OUTPUTS()]), 'build');
    const copies = parseManifest(await readFile(at('dist/pdf/manifest.json'), 'utf8'), 'manifest').entries;

    const letters = await run('letters', ['--as-of', '2023-09-01', '--content', content, '--manifest', at('dist/pdf/manifest.json')]);
    ok(letters, 'letters');
    expect(letters.stderr).toContain(`2 Schreiben am 1.\u00a0September 2023 (muster) in ${path.relative(ROOT, RUN)}: Angebot: 1 · Erinnerung: 1`);
    const records = await hashTree(at('akten'));
    expect(Object.keys(records).sort()).toEqual(
      ['angebot-muster-1.1-traeger-002.pdf', 'erinnerung-muster-1.1-traeger-001.pdf', 'serienbrief.csv', 'versand.json'].map((f) => `briefe/muster/2023-09-01/${f}`),
    );

    for (const args of [
      ['build', '--content', content, ...OUTPUTS()],
      ['build', '--content', content, ...OUTPUTS(), '--skip', 'pdf'],
      ['pdf', '--content', content, ...OUTPUTS()],
      ['pdf', '--content', content, ...OUTPUTS(), '--party', 'traeger-001'],
      ['pdf', '--content', content, ...OUTPUTS(), '--shard', '1/2'],
      ['pdf', '--content', content, ...OUTPUTS(), '--shard', '2/2'],
      ['report', '--content', content],
      ['validate', '--content', content],
    ]) {
      ok(await run(args[0]!, args.slice(1)), args.join(' '));
      expect(await hashTree(at('akten')), args.join(' ')).toEqual(records);
    }

    // The run folder (or its versand.json) records both letters in the ledger, each with the copy it enclosed.
    const imported = await run('ledger', ['offer', '--from-letters', RUN, '--content', content]);
    ok(imported, 'ledger offer --from-letters');
    expect(imported.stdout).toContain('2 eingetragen, 0 bereits vorhanden.');
    const ledger = await readFile(at('content/ledger/muster.yaml'), 'utf8');
    const versand = JSON.parse(await readFile(path.join(RUN, 'versand.json'), 'utf8')) as { offers: { letter_sha256: string }[]; reminders: { letter_sha256: string }[] };
    const offered = copies.find((c) => c.path === 'pdf/muster/1.1/traeger-002.pdf')!;
    expect(ledger).toContain(`offered_copy: { document_id: ${offered.documentId}, sha256: ${offered.sha256} }`);
    expect(ledger).toContain(`letter_sha256: ${versand.reminders[0]!.letter_sha256}`);
    ok(await run('validate', ['--content', content]), 'validate after the import');

    // The next build: the copies are the same bytes, and „PDF prüfen“ knows both letters – by checksum only.
    ok(await run('build', ['--content', content, ...OUTPUTS()]), 'build after the import');
    expect(await hashTree(at('akten'))).toEqual(records);
    expect(parseManifest(await readFile(at('dist/pdf/manifest.json'), 'utf8'), 'manifest').entries).toEqual(copies);
    const register = JSON.parse(await readFile(at('dist/pruefen/ausfertigungen.json'), 'utf8')) as { letters: { sha256: string; sentence: string }[] };
    expect(register.letters.map((l) => l.sha256).sort()).toEqual([versand.offers[0]!.letter_sha256, versand.reminders[0]!.letter_sha256].sort());
    expect(register.letters.map((l) => l.sentence).sort()).toEqual([
      'ein versandtes Schreiben vom 1.\u00a0September 2023 (Angebot: Mustervereinbarung, Version 1.1).',
      'ein versandtes Schreiben vom 1.\u00a0September 2023 (Erinnerung: Mustervereinbarung, Version 1.1).',
    ]);
    expect(JSON.stringify(register.letters)).not.toMatch(/traeger-|Kirchgemeinde|Elbaue|Musterstraße|Kirchplatz/);
  }, 600_000);
});
