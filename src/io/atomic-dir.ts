import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile, open } from 'node:fs/promises';
import path from 'node:path';

/**
 * Replaces `target` with the finished `staging` folder. Both sit in the same parent, so
 * each rename is atomic; a crash between the two renames leaves `<target>.old`, which
 * `recoverInterruptedSwap` puts back before the next build.
 */
export async function swapDirectory(staging: string, target: string): Promise<void> {
  const old = `${target}.old`;
  await rm(old, { recursive: true, force: true });
  const hadTarget = await exists(target);
  if (hadTarget) await rename(target, old);
  await rename(staging, target);
  if (hadTarget) await rm(old, { recursive: true, force: true });
}

/** If a build died between the two renames of a swap, the previous output is restored. */
export async function recoverInterruptedSwap(target: string): Promise<boolean> {
  const old = `${target}.old`;
  if ((await exists(old)) && !(await exists(target))) {
    await rename(old, target);
    return true;
  }
  await rm(old, { recursive: true, force: true });
  return false;
}

export async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/**
 * Writes a file so that readers see either the old or the new bytes, never a half-written
 * file: write a temporary file next to it, flush it to disk, then rename it over the target
 * (atomic within one directory). The file keeps its permissions.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const mode = await stat(file).then(
    (s) => s.mode & 0o777,
    () => 0o644,
  );
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export class LockError extends Error {
  readonly exitCode = 1;
}

/**
 * An exclusive lock file next to the output. A lock left by a process that no longer
 * runs is taken over; one held by a running process refuses the second build.
 */
export async function acquireLock(lockFile: string): Promise<() => Promise<void>> {
  await mkdir(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockFile, `${process.pid}\n`, { flag: 'wx' });
      return async () => {
        await rm(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const { readFile } = await import('node:fs/promises');
      const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (pid > 0 && isRunning(pid)) {
        throw new LockError(
          `Ein anderer Build (Prozess ${pid}) läuft bereits in dieses Ausgabeverzeichnis. Warten Sie, bis er fertig ist; die Sperrdatei ist ${lockFile}.`,
        );
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new LockError(`Die Sperrdatei ${lockFile} konnte nicht angelegt werden.`);
}

/**
 * Like `acquireLock`, but waits while another running process holds the lock
 * (for short shared work such as unpacking the browser), up to `timeoutMs`.
 */
export async function waitForLock(lockFile: string, timeoutMs: number): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await acquireLock(lockFile);
    } catch (error) {
      if (!(error instanceof LockError) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
