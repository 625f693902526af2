import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Content } from '../lib/content-model.ts';
import { defaultVersion, applyLedgerChange, applyLedgerChanges, type LedgerChange } from '../lib/ledger-edit.ts';
import { parseManifest, type ManifestEntry } from '../lib/pdf/manifest.ts';
import type { CopyRef } from '../schemas/ledger.ts';
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
  /** Path as shown to the user, e.g. `content/ledger/muster.yaml`. */
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

/**
 * Several ledger changes in one step (`offer --from-letters`): checked and applied in memory,
 * validated once, written once – or nothing is written.
 */
export async function editLedgerInDirBatch(contentDir: string, changes: readonly LedgerChange[], today: string): Promise<LedgerDirEditResult & { summaries?: string[]; skipped?: string[] }> {
  const root = path.resolve(contentDir);
  const prefix = displayPrefixFor(root);
  const files = await readContentFiles(root);
  const result = applyLedgerChanges(files, changes, today, prefix);
  if (!result.ok) return { ok: false, message: result.message };
  if (result.after !== result.before) await writeLedgerFile(path.join(root, result.file), result.before, result.after);
  return { ok: true, message: `${result.summaries.length} eingetragen, ${result.skipped.length} bereits vorhanden.`, file: result.file ? `${prefix}${result.file}` : undefined, summaries: result.summaries, skipped: result.skipped };
}

/** Paths in messages relative to the working directory, as the loader shows them. */

/** Where the build leaves the PDF directories when nothing else is said. */
export const DEFAULT_MANIFESTS = ['dist/pdf/manifest.json', 'dist-private/pdf/manifest.json'];

/**
 * The copy an offer encloses or a signature concerns: the party's PDF of that version in the
 * build's PDF directory. Returns the reference to record and a German line for the terminal
 * (also when nothing was found: the entry is then recorded without a copy).
 */
export async function findCopyInManifests(content: Content, change: LedgerChange, manifests: readonly string[] = DEFAULT_MANIFESTS): Promise<{ copy?: CopyRef; note: string }> {
  const agreement = content.agreements.find((a) => a.id === change.agreement);
  const party = [...content.providers, ...content.childminders].find((p) => p.id === change.party);
  if (!agreement || !party) return { note: '' };
  const version = change.version ?? defaultVersion(content, agreement, party, change.command, change.date);
  const { entries, read } = await readManifestEntries(manifests);
  const entry = entries.find((e) => e.agreement === agreement.id && e.version === version && e.party === party.id);
  if (!entry) {
    const where = read.length > 0 ? read.join(', ') : `kein Verzeichnis gefunden (${manifests.join(', ')})`;
    return { note: `Hinweis: Keine Ausfertigung für Version ${version ?? '–'} im PDF-Verzeichnis (${where}); der Eintrag nennt keine Ausfertigung. Bauen Sie die PDFs (npm run pdf) vor dem Eintrag, damit die Ausfertigung prüfbar bleibt.` };
  }
  const copy = copyOfManifestEntry(entry);
  return { copy, note: `Ausfertigung vermerkt: ${copy.document_id}, SHA-256 ${entry.sha256}.` };
}

/** The entries of every manifest that exists, and which files were read. */
export async function readManifestEntries(manifests: readonly string[] = DEFAULT_MANIFESTS): Promise<{ entries: ManifestEntry[]; read: string[] }> {
  const entries: ManifestEntry[] = [];
  const read: string[] = [];
  for (const file of manifests) {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    entries.push(...parseManifest(text, file).entries);
    read.push(file);
  }
  return { entries, read };
}

/** The copy reference of a manifest entry: its `documentId`, or else (older manifests) the file name. */
export function copyOfManifestEntry(entry: ManifestEntry): CopyRef {
  return { document_id: entry.documentId ?? path.basename(entry.path, '.pdf'), sha256: entry.sha256 };
}
