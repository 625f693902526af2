import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyLedgerChange, type LedgerChange } from '../lib/ledger-edit.ts';
import { writeFileAtomic } from './atomic-dir.ts';
import { displayPrefixFor, readContentFiles } from './load-content.ts';

export class LedgerChangedError extends Error {
  readonly exitCode = 1;
}

/**
 * Replaces a ledger file with `next` if it still holds `expected` (what the change was computed
 * from), so an edit made meanwhile in an editor is not silently overwritten.
 */
export async function writeLedgerFile(file: string, expected: string, next: string): Promise<void> {
  const current = await readFile(file, 'utf8');
  if (current !== expected) {
    throw new LedgerChangedError(
      `Die Datei ${file} wurde während des Befehls geändert; nichts wurde geschrieben. Führen Sie den Befehl noch einmal aus.`,
    );
  }
  await writeFileAtomic(file, next);
}

export interface LedgerDirEditResult {
  ok: boolean;
  /** German: the summary on success, the refusal otherwise. */
  message: string;
  /** Path as shown to the user, e.g. `content/ledger/kita-planer-2.yaml`. */
  file?: string;
}

/**
 * Reads the content folder, validates and applies one ledger change, and writes the ledger
 * atomically. On a refusal nothing is written.
 */
export async function editLedgerInDir(contentDir: string, change: LedgerChange, today: string): Promise<LedgerDirEditResult> {
  const root = path.resolve(contentDir);
  const prefix = displayPrefixFor(root);
  const files = await readContentFiles(root);
  const result = applyLedgerChange(files, change, today, prefix);
  if (!result.ok) return { ok: false, message: result.message };
  await writeLedgerFile(path.join(root, result.file), result.before, result.after);
  return { ok: true, message: result.summary, file: `${prefix}${result.file}` };
}

/** Paths in messages relative to the working directory, as the loader shows them. */
