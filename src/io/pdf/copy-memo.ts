import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Content } from '../../lib/content-model.ts';
import type { PdfJob } from '../../lib/pdf/party-document.ts';
import { allParties } from '../../lib/parties/lookup.ts';
import { writeFileAtomic } from '../atomic-dir.ts';

/** What planning a copy gave: the key of its PDF in the cache, its document id and its document's digest. */
export interface PlannedCopy {
  key: string;
  documentId: string;
  digest: string;
}

/** The content files a build read, to tell which of them a copy is made of. */
export interface ContentFileDigests {
  /** SHA-256 by path relative to the content folder. */
  digests: Record<string, string>;
  /** What the content model puts before those paths in `source.file` (e.g. `content/`). */
  displayPrefix: string;
}

export interface CopyMemo {
  recall(job: PdfJob): PlannedCopy | undefined;
  remember(job: PdfJob, copy: PlannedCopy): void;
  /** Keeps what this run planned; a full run (`prune`) forgets copies it no longer makes. */
  save(prune: boolean): Promise<void>;
  readonly stats: { planned: number; remembered: number };
}

interface MemoFile {
  basis: string;
  copies: Map<string, PlannedCopy>;
}

/**
 * Planning a copy builds its whole document view to find its cache key – most of the time a
 * build takes when nothing is to be printed. A copy is made of its party's file and of what all
 * copies share: the content without the party files and the ledger (a copy never depends on the
 * ledger; test/copy-independent-of-ledger.test.ts), the templates, the browser and the program
 * (`basis`). While these are the same, its key and document id are the same as last time.
 */
export async function openCopyMemo(cacheDir: string, content: Content, files: ContentFileDigests, basis: string): Promise<CopyMemo> {
  const file = path.join(cacheDir, 'pdf-plan.bin');
  const partyFiles = new Map(allParties(content).map((p) => [`${p.kind}\0${p.id}`, p.source.file.slice(files.displayPrefix.length)]));
  const notShared = new Set([...partyFiles.values(), ...content.ledgers.map((l) => l.source.file.slice(files.displayPrefix.length))]);
  const shared = createHash('sha256').update(basis);
  for (const name of Object.keys(files.digests).sort()) if (!notShared.has(name)) shared.update(`${name}\0${files.digests[name]}\n`);
  const fullBasis = shared.digest('hex');

  const previous = await readFile(file).then(
    (bytes) => {
      try {
        const data = deserialize(bytes) as MemoFile;
        return data.basis === fullBasis ? data.copies : new Map<string, PlannedCopy>();
      } catch {
        return new Map<string, PlannedCopy>();
      }
    },
    () => new Map<string, PlannedCopy>(),
  );
  const used = new Map<string, PlannedCopy>();
  const stats = { planned: 0, remembered: 0 };
  const keyOf = (job: PdfJob) => {
    const party = partyFiles.get(`${job.partyKind}\0${job.partyId}`);
    const digest = party === undefined ? undefined : files.digests[party];
    return digest === undefined ? undefined : createHash('sha256').update(`${JSON.stringify(job)}\0${digest}`).digest('base64url');
  };
  return {
    stats,
    recall(job) {
      const key = keyOf(job);
      const hit = key === undefined ? undefined : previous.get(key);
      if (hit?.digest) {
        used.set(key!, hit);
        stats.remembered++;
      }
      return hit?.digest ? hit : undefined;
    },
    remember(job, copy) {
      const key = keyOf(job);
      stats.planned++;
      if (key !== undefined) used.set(key, copy);
    },
    async save(prune) {
      if (stats.planned === 0 && (prune ? used.size === previous.size : true)) return;
      const copies = prune ? used : new Map([...previous, ...used]);
      // A memo that cannot be written costs planning time next run, nothing else.
      await writeFileAtomic(file, serialize({ basis: fullBasis, copies } satisfies MemoFile)).catch(() => undefined);
    },
  };
}
