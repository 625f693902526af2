import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/run-cli.ts';

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-offline-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('offline build', () => {
  it('builds everything (all stages) inside a network namespace that has no network at all', () => {
    // `unshare -n` gives the build a private, empty network: no DNS, no route, only a down loopback.
    const result = spawnSync(
      'unshare',
      [
        '-n',
        '--',
        path.join(ROOT, 'node_modules/.bin/node'),
        path.join(ROOT, 'scripts/build.ts'),
        '--content',
        path.join(ROOT, 'test/fixtures/valid'),
        '--out',
        path.join(work, 'dist'),
        '--private-out',
        path.join(work, 'dist-private'),
        '--cache-dir',
        path.join(work, 'cache'),
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, timeout: 240_000 },
    );
    expect(result.error).toBeUndefined();
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain('Fertig in');
  }, 240_000);
});
