import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runScript } from './support/run-cli.ts';

describe('npm run check and npm test: own thin scripts with German help', () => {
  it('package.json runs them (the help must not go to astro, tsc or vitest)', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.check).toBe('node scripts/check.ts');
    expect(scripts.test).toBe('node scripts/test.ts');
  });

  it('check --help answers at once in German, without checking anything', async () => {
    const result = await runScript('check', ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Aufruf: npm run check\n/);
    expect(result.stdout).toContain('(astro check), dann alle TypeScript-Dateien (tsc --noEmit)');
    expect(result.stdout).not.toMatch(/Getting diagnostics|Usage|Options/);
  });

  it.each([[['--help']], [['-h']], [['test/suggest.test.ts', '--help']]])('test %j answers in German, not with vitest’s help', async (args) => {
    const result = await runScript('test', args);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Aufruf: npm test -- \[DATEI…\]/);
    expect(result.stdout).toContain('endet mit der Zeile „N passed, N failed, N skipped“');
    expect(result.stdout).not.toContain('vitest/');
  });

  it('test passes a file through to vitest and ends with the closing line, also with another reporter', async () => {
    const result = await runScript('test', ['test/suggest.test.ts', '--reporter', 'dot']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\n\d+ passed, 0 failed, 0 skipped\n$/);
  });

  it('vitest’s exit code comes through (1: no test file matches the filter)', async () => {
    const result = await runScript('test', ['test/gibt-es-nicht.test.ts']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/\n0 passed, 0 failed, 0 skipped\n$/);
  });
});
