import { spawn } from 'node:child_process';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseVeraPdfJson, type FileConformance } from '../lib/pdf/verapdf-report.ts';
import { exists, waitForLock } from './atomic-dir.ts';
import { requireTools } from './tools.ts';

/** veraPDF from Maven Central (org.verapdf.apps:greenfield-apps); the PDF/UA-1 and PDF/A-2 reference validator. */
export const VERAPDF_VERSION = '1.28.2';
const MAIN_CLASS = 'org.verapdf.apps.GreenfieldCliWrapper';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const POM = path.join(ROOT, 'scripts/verapdf-pom.xml');

export class VeraPdfError extends Error {
  readonly exitCode = 1;
}

/** Where the jars go: `.cache/verapdf/<version>/lib` in the project (git ignores `.cache/`). */
export function veraPdfLibDir(root = ROOT): string {
  return path.join(root, '.cache', 'verapdf', VERAPDF_VERSION, 'lib');
}

function run(command: string, args: string[], options: { cwd?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/**
 * Makes sure veraPDF is there: on first use Maven copies it and its libraries from Maven Central
 * into `.cache/verapdf/` (about 20 MB, half a minute). Two processes installing at once: one
 * installs, the other waits. Returns the folder of jars.
 */
export async function ensureVeraPdf(log: (line: string) => void = () => undefined): Promise<string> {
  const lib = veraPdfLibDir();
  const marker = path.join(lib, `greenfield-apps-${VERAPDF_VERSION}.jar`);
  if (await exists(marker)) return lib;
  requireTools('java', 'mvn');
  await mkdir(path.dirname(lib), { recursive: true });
  const release = await waitForLock(path.join(path.dirname(lib), 'install.lock'), 600_000);
  try {
    if (await exists(marker)) return lib;
    log(`Installiere veraPDF ${VERAPDF_VERSION} von Maven Central nach ${path.relative(process.cwd(), lib) || lib} …`);
    const staging = `${lib}.${process.pid}.tmp`;
    await rm(staging, { recursive: true, force: true });
    const result = await run('mvn', ['-q', '-B', '-f', POM, `-Dverapdf.version=${VERAPDF_VERSION}`, 'dependency:copy-dependencies', `-DoutputDirectory=${staging}`]);
    if (result.code !== 0 || !(await exists(path.join(staging, path.basename(marker))))) {
      await rm(staging, { recursive: true, force: true });
      throw new VeraPdfError(
        `veraPDF ließ sich nicht von Maven Central laden (mvn endete mit ${result.code}). Prüfen Sie den Zugang zu repo.maven.apache.org.\n${(result.stdout + result.stderr).trim().split('\n').slice(-10).join('\n')}`,
      );
    }
    await rm(lib, { recursive: true, force: true });
    await rename(staging, lib);
    return lib;
  } finally {
    await release();
  }
}

/**
 * Checks `files` in one run of veraPDF (one JVM start for all of them: the start takes seconds).
 * veraPDF picks the profiles from what each file declares in its XMP metadata (pdfuaid,
 * pdfaid), so a file declaring PDF/UA-1 and PDF/A-2a is checked against both.
 */
export async function runVeraPdf(files: string[], options: { log?: (line: string) => void } = {}): Promise<FileConformance[]> {
  if (files.length === 0) return [];
  const lib = await ensureVeraPdf(options.log);
  requireTools('java');
  const jars = (await readdir(lib)).filter((f) => f.endsWith('.jar')).map((f) => path.join(lib, f));
  const result = await run('java', [
    '-XX:+UseSerialGC',
    `-Djava.io.tmpdir=${os.tmpdir()}`,
    '-cp',
    jars.join(path.delimiter),
    MAIN_CLASS,
    '--format',
    'json',
    '--maxfailuresdisplayed',
    '1',
    ...files.map((f) => path.resolve(f)),
  ]);
  if (!result.stdout.trim().startsWith('{')) {
    throw new VeraPdfError(`veraPDF lieferte keinen Bericht (Exit-Code ${result.code}).\n${result.stderr.trim().split('\n').slice(-10).join('\n')}`);
  }
  return parseVeraPdfJson(result.stdout);
}
