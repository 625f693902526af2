import { parentPort, workerData } from 'node:worker_threads';
import type { RuleOptions } from '../validate/rule.ts';
import { validateContentDir, type ValidateOptions } from './validate-content.ts';

/** Worker side of validateContentDirInWorker: everything but the line and field lookups goes back by structured clone. */
const { contentDir, options, validateOptions } = workerData as { contentDir: string; options: RuleOptions; validateOptions: ValidateOptions };
validateContentDir(contentDir, options, validateOptions).then(
  ({ content: { lineOf: _lineOf, hasField: _hasField, ...content }, ...rest }) => parentPort!.postMessage({ ok: true, content, ...rest }),
  () => parentPort!.postMessage({ ok: false }),
);
