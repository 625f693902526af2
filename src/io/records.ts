import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseLetterRun } from '../lib/letters/run-record.ts';
import type { LetterRunRecord } from '../lib/letters/render.ts';
import type { SiteConfig } from '../schemas/site.ts';
import { ContentError } from './cli.ts';

/**
 * A body's records (Akten): what it sent, kept like the ledger and never touched by a build.
 * Without `akten` in site.yaml they lie beside the content folder, so the records of other
 * content (`--content ORDNER`) stay with that content: `content/` → `akten/`.
 */
export const DEFAULT_RECORDS_DIR = '../akten';
/** Letter runs: `<akten>/briefe/<agreement>/<JJJJ-MM-TT>[-N]/` with the PDFs, serienbrief.csv and versand.json. */
export const LETTERS_SUBDIR = 'briefe';
export const LETTER_CSV_FILE = 'serienbrief.csv';
export const LETTER_RUN_FILE = 'versand.json';

/** The records folder of the content in `contentDir` (absolute). */
export function recordsDirOf(contentDir: string, site: Pick<SiteConfig, 'akten'> | undefined): string {
  const content = path.resolve(contentDir);
  const dir = path.resolve(content, site?.akten ?? DEFAULT_RECORDS_DIR);
  const rel = path.relative(content, dir);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw new ContentError(
      `${path.join(contentDir, 'site.yaml')}: Feld „akten“: Der Ordner ${dir} liegt im Inhaltsordner. Akten (versandte Schreiben als PDF) gehören daneben, nicht hinein; geben Sie einen Ordner außerhalb an, z. B. „${DEFAULT_RECORDS_DIR}“.`,
    );
  }
  return dir;
}

/** Where `npm run letters` writes its runs for this content, and where the site finds them. */
export function lettersDirOf(contentDir: string, site: Pick<SiteConfig, 'akten'> | undefined): string {
  return path.join(recordsDirOf(contentDir, site), LETTERS_SUBDIR);
}

/** One letter run in the records. */
export interface StoredLetterRun {
  /** The run's folder, e.g. `<akten>/briefe/muster/2023-08-01`. */
  folder: string;
  record: LetterRunRecord;
}

/** Run folders are named by their date, a second run of the same day `-2`, `-3` …; others (staging, dot folders) are skipped. */
const RUN_FOLDER = /^\d{4}-\d{2}-\d{2}(?:-\d+)?$/;

/** Every run under `lettersDir`, by agreement and folder name; none when the folder does not exist. */
export async function loadLetterRuns(lettersDir: string, agreementId?: string): Promise<StoredLetterRun[]> {
  const list = async (dir: string) =>
    (await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    }))
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  const runs: StoredLetterRun[] = [];
  for (const agreement of agreementId ? [agreementId] : await list(lettersDir)) {
    for (const name of (await list(path.join(lettersDir, agreement))).filter((n) => RUN_FOLDER.test(n))) {
      const folder = path.join(lettersDir, agreement, name);
      const file = path.join(folder, LETTER_RUN_FILE);
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') {
          throw new ContentError(`${file} fehlt: Jeder Ordner eines Briefversands enthält seine Versandliste. Stellen Sie sie aus der Versionsverwaltung wieder her.`);
        }
        throw error;
      });
      runs.push({ folder, record: parseLetterRun(text, file) });
    }
  }
  return runs;
}
