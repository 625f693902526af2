import { Worker } from 'node:worker_threads';
import type { Content } from '../lib/content-model.ts';
import type { RuleOptions } from '../validate/rule.ts';
import type { ValidateOptions, ValidationResult } from './validate-content.ts';

type WorkerReply = ({ ok: true; content: Omit<Content, 'lineOf' | 'hasField'> } & Omit<ValidationResult, 'content'>) | { ok: false };

/**
 * Validates in a worker thread, so the main thread can load the next stages' modules meanwhile
 * (Astro alone takes a second). The result is the same as validateContentDir's, except that the
 * content's line lookup answers `undefined`: the diagnostics already carry their lines, and no
 * stage after validation needs it. When the worker cannot start or fails, validation runs here
 * instead, so the error is the one validateContentDir itself throws.
 */
export async function validateContentDirInWorker(
  contentDir: string,
  options: RuleOptions = {},
  validateOptions: ValidateOptions = {},
): Promise<ValidationResult & { inWorker: boolean }> {
  // Loaded only when needed: the parser and the rules are the worker's, not this thread's.
  const here = async () => {
    const { validateContentDir } = await import('./validate-content.ts');
    return { ...(await validateContentDir(contentDir, options, validateOptions)), inWorker: false };
  };
  let worker: Worker;
  try {
    worker = new Worker(new URL('./validate-worker.ts', import.meta.url), { workerData: { contentDir, options, validateOptions } });
  } catch {
    return here();
  }
  const reply = await new Promise<WorkerReply>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', () => resolve({ ok: false }));
    worker.once('exit', () => resolve({ ok: false }));
  });
  void worker.terminate();
  if (!reply.ok) return here();
  const { content, diagnostics, errors, fileDigests } = reply;
  return { content: { ...content, lineOf: () => undefined, hasField: () => false }, diagnostics, errors, fileDigests, inWorker: true };
}
