import { parentPort, workerData } from 'node:worker_threads';
import type { RuleOptions } from '../validate/rule.ts';
import { validateContentDir } from './validate-content.ts';

/** Worker side of validateContentDirInWorker: everything but the line and field lookups goes back by structured clone. */
const { contentDir, options } = workerData as { contentDir: string; options: RuleOptions };
validateContentDir(contentDir, options).then(
  ({ content: { lineOf: _lineOf, hasField: _hasField, ...content }, diagnostics, errors }) => parentPort!.postMessage({ ok: true, content, diagnostics, errors }),
  () => parentPort!.postMessage({ ok: false }),
);
