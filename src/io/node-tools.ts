import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The file behind a package's command (`bin` in its package.json), e.g. astro → node_modules/astro/bin/astro.mjs. */
export function packageBin(pkg: string, command = pkg): string {
  const dir = path.join(ROOT, 'node_modules', pkg);
  const { bin } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
  const file = typeof bin === 'string' ? bin : bin?.[command];
  if (!file) throw new Error(`${pkg} has no command ${command}`);
  return path.join(dir, file);
}

/**
 * Runs a package's command with this Node (Node 24, whichever way the script was started), the
 * terminal as its output and this process's environment (OFFLINE_ENV included, see runCli).
 * Ctrl+C and SIGTERM reach it and end it; resolves with its exit code (128 + signal number when
 * a signal ended it, as a shell reports it).
 */
export function runPackageCommand(pkg: string, command: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [packageBin(pkg, command), ...args], { stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 9));
    });
  });
}
