import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

export interface Measured {
  code: number | null;
  seconds: number;
  /**
   * Highest memory of the process and all its descendants: the sum of their proportional set
   * sizes (PSS: a page shared by n processes counts 1/n for each), or of RSS where PSS is unknown.
   */
  peakRssBytes: number;
  stdout: string;
  stderr: string;
}

const PAGE_SIZE = 4096;

async function pss(pid: number): Promise<number | undefined> {
  const text = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
  const match = /^Pss:\s+(\d+) kB/m.exec(text);
  return match ? Number(match[1]) * 1024 : undefined;
}

/** Memory of `root` and every process below it, from /proc (PSS, else RSS). */
export async function treeRss(root: number): Promise<number> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // Fields after the command name, which sits in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length < 22) continue;
    parents.set(Number(name), Number(fields[1]));
    rss.set(Number(name), Number(fields[21]) * PAGE_SIZE);
  }
  let total = 0;
  for (const [pid, bytes] of rss) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) {
      if (p === root) {
        total += (await pss(pid)) ?? bytes;
        break;
      }
    }
  }
  return total;
}

/** Runs a command, timing it and sampling the memory of its process tree every 100 ms. */
export function runMeasured(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; echo?: boolean } = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    let sampling = false;
    const timer = setInterval(() => {
      if (sampling || child.pid === undefined) return;
      sampling = true;
      void treeRss(child.pid).then((bytes) => {
        peak = Math.max(peak, bytes);
        sampling = false;
      });
    }, 100);
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      if (options.echo) process.stdout.write(d);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - started) / 1000, peakRssBytes: peak, stdout, stderr });
    });
  });
}
