import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_TOOLS, ToolMissingError } from '../src/io/tools.ts';
import { ROOT } from './support/run-cli.ts';

describe('tools outside npm', () => {
  it('names the Debian package of a missing tool in one German sentence', () => {
    expect(new ToolMissingError('pdftotext').message).toMatchInlineSnapshot(
      `"Das Programm „pdftotext“ fehlt. Installieren Sie das Debian-Paket poppler-utils (apt-get install poppler-utils); .ci/run tut das auf einem frischen Rechner selbst."`,
    );
    expect(EXTERNAL_TOOLS.java).toBe('default-jre-headless');
  });

  it('stops with that sentence, not a TypeError later, when the tool is not on PATH', () => {
    const module = path.join(ROOT, 'src/io/tools.ts');
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', `const m = await import(${JSON.stringify(module)}); m.requireTools('qpdf');`], {
      env: { PATH: '/gibt/es/nicht' },
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('Das Programm „qpdf“ fehlt. Installieren Sie das Debian-Paket qpdf');
  });
});
