import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const BIN = path.join(ROOT, 'node_modules/.bin');

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the process `delayMs` after this text first appears on stdout (or after start, if absent). */
  kill?: { signal: NodeJS.Signals; after?: string; delayMs: number };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/<script>.ts` in one Node 24 process (so a signal reaches the build itself). */
export function runScript(script: string, args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [path.join(ROOT, 'scripts', `${script}.ts`), ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...options.env, PATH: `${BIN}:${process.env.PATH ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const kill = options.kill;
    let armed = false;
    const arm = () => {
      if (!kill || armed) return;
      armed = true;
      setTimeout(() => child.kill(kill.signal), kill.delayMs);
    };
    child.stdout.on('data', (d) => {
      stdout += d;
      if (kill?.after && stdout.includes(kill.after)) arm();
    });
    child.stderr.on('data', (d) => (stderr += d));
    if (kill && !kill.after) arm();
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
