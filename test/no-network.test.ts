import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/run-cli.ts';

/*
 * „Kein Netz beim Bauen“ (README): the commands run as a user types them (`npm run …`), every Node
 * process of them with test/support/network-guard.mjs preloaded, which refuses and records any
 * connection or name lookup that leaves the machine – even one whose failure the tool would
 * swallow (Astro's telemetry, its update check, npm's update notifier). The build also runs in a
 * network namespace without any network (`unshare -n`) where the system allows it, so that
 * Chromium, which is no Node process, is covered too.
 */

const GUARD = path.join(ROOT, 'test/support/network-guard.mjs');
const FIXTURE = path.join(ROOT, 'test/fixtures/valid');

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-offline-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/**
 * The environment of a fresh user account on a fresh machine: the scripts and the project's
 * .npmrc must switch telemetry and update checks off themselves (the test runner's settings and
 * this machine's npm configuration are left out), and the places where Astro and npm remember
 * their last check are new and empty, so every check that can happen does happen.
 */
function userEnv(name: string): NodeJS.ProcessEnv {
  const drop = /^(ASTRO_TELEMETRY_DISABLED|ASTRO_DISABLE_UPDATE_CHECK|TELEMETRY_DISABLED|NODE_ENV|VITEST.*|CI|CONTINUOUS_INTEGRATION|BUILD_NUMBER|RUN_ID|npm_config_update_notifier)$/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !drop.test(key)));
  return {
    ...env,
    XDG_CONFIG_HOME: path.join(work, name, 'config'),
    npm_config_cache: path.join(work, name, 'npm-cache'),
    npm_config_globalconfig: path.join(work, name, 'no-global-npmrc'),
    npm_config_userconfig: path.join(work, name, 'no-user-npmrc'),
    NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --import=${GUARD}`.trim(),
    VW_NETWORK_LOG: path.join(work, name, 'network.log'),
    FORCE_COLOR: '0',
  };
}

/** What the guard recorded for one run: empty when nothing tried to leave the machine. */
async function networkAttempts(name: string): Promise<string> {
  return readFile(path.join(work, name, 'network.log'), 'utf8').catch(() => '');
}

const canUnshare = spawnSync('unshare', ['-n', 'true']).status === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** `npm run <script> -- args` in its own process group, so that stopping it stops npm and Node alike. */
function startNpm(name: string, script: string, args: string[]): { child: ChildProcess; output: () => string; stop: () => Promise<void> } {
  const child = spawn('npm', ['run', script, '--', ...args], { cwd: ROOT, env: userEnv(name), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGTERM');
      await closed;
    },
  };
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: nothing within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function pageAnswers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false; // not listening yet
  }
}

// Astro starts its update check and telemetry at once; a request would come within a second or two.
const GRACE_MS = 3000;

describe('no network request', () => {
  it(`npm run build (all stages)${canUnshare ? ', also inside a network namespace without any network' : ''}`, async () => {
    const npmArgs = ['run', 'build', '--', '--content', FIXTURE, '--out', path.join(work, 'dist'), '--private-out', path.join(work, 'dist-private'), '--cache-dir', path.join(work, 'cache')];
    const [command, args] = canUnshare ? ['unshare', ['-n', '--', 'npm', ...npmArgs]] : ['npm', npmArgs];
    const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: userEnv('build'), timeout: 240_000 });
    expect(result.error).toBeUndefined();
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain('Fertig in');
    expect(await networkAttempts('build')).toBe('');
  }, 240_000);

  it.each([
    ['dev', () => ['--content', FIXTURE]],
    ['preview', () => ['--out', path.join(work, 'dist')]],
  ])('npm run %s: serving pages, no update check, no telemetry', async (script, extraArgs) => {
    const port = await freePort();
    const server = startNpm(script, script, [...extraArgs(), '--port', String(port)]);
    try {
      await waitFor(() => pageAnswers(`http://localhost:${port}/`), 90_000, `npm run ${script}`).catch((error: Error) => {
        throw new Error(`${error.message}\n${server.output()}`);
      });
      await new Promise((r) => setTimeout(r, GRACE_MS));
    } finally {
      await server.stop();
    }
    expect(await networkAttempts(script), server.output()).toBe('');
    expect(server.output()).not.toMatch(/New version of Astro|anonymous usage data/);
  }, 120_000);

  it('npm run check: astro check starts without the telemetry notice or a request', async () => {
    const check = startNpm('check', 'check', []);
    try {
      // By this line Astro's CLI has passed its telemetry notice and its sync step; the type check itself runs offline.
      await waitFor(() => /Getting diagnostics/.test(check.output()), 90_000, 'astro check').catch((error: Error) => {
        throw new Error(`${error.message}\n${check.output()}`);
      });
    } finally {
      await check.stop();
    }
    expect(check.output()).not.toContain('anonymous usage data');
    expect(await networkAttempts('check'), check.output()).toBe('');
  }, 120_000);
});
