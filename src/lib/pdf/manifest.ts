
export type { DocumentEntry, ManifestEntry, PdfManifest, WorkingCopyEntry } from '../../schemas/manifest.ts';
import { pdfManifestSchema, type DocumentEntry, type ManifestEntry, type PdfManifest, type WorkingCopyEntry } from '../../schemas/manifest.ts';

const FIELD_ORDER: (keyof ManifestEntry)[] = ['path', 'party', 'agreement', 'version', 'regime', 'bytes', 'pages', 'sha256', 'documentId', 'browser'];
const WORKING_COPY_FIELD_ORDER: (keyof WorkingCopyEntry)[] = ['path', 'of', 'bytes', 'sha256', 'documentId'];
const DOCUMENT_FIELD_ORDER: (keyof DocumentEntry)[] = ['kind', 'path', 'agreement', 'from', 'version', 'status', 'bytes', 'pages', 'sha256', 'documentId', 'browser'];

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * `browser`: the one that printed every entry; without it, the entries' own when they all share one.
 * `documents` (the DPIA and Synopse PDFs) are listed apart from the copies, and only when there are
 * any; so are `workingCopies` (the Word files).
 */
export function buildManifest(
  entries: ManifestEntry[],
  shard?: { index: number; count: number },
  browser?: string,
  documents: readonly DocumentEntry[] = [],
  workingCopies: readonly WorkingCopyEntry[] = [],
): PdfManifest {
  const sorted = [...entries].sort(byPath);
  const browsers = new Set([...entries, ...documents].map((e) => e.browser));
  browser ??= browsers.size === 1 ? [...browsers][0] : undefined;
  const normalized = sorted.map((e) => Object.fromEntries(FIELD_ORDER.map((k) => [k, e[k]])) as unknown as ManifestEntry);
  const docs = [...documents].sort(byPath).map((e) => Object.fromEntries(DOCUMENT_FIELD_ORDER.map((k) => [k, e[k]])) as unknown as DocumentEntry);
  const words = [...workingCopies].sort(byPath).map((e) => Object.fromEntries(WORKING_COPY_FIELD_ORDER.map((k) => [k, e[k]])) as unknown as WorkingCopyEntry);
  return {
    format: 1,
    ...(shard ? { shard } : {}),
    ...(browser ? { browser } : {}),
    entries: normalized,
    ...(docs.length > 0 ? { documents: docs } : {}),
    ...(words.length > 0 ? { workingCopies: words } : {}),
  };
}

/** Every PDF a manifest lists: the copies and the other documents. */
export function manifestPaths(manifest: PdfManifest): string[] {
  return [...manifest.entries, ...(manifest.documents ?? [])].map((e) => e.path);
}

/** Every file a manifest lists: the PDFs and their Word working copies. */
export function manifestFiles(manifest: PdfManifest): string[] {
  return [...manifestPaths(manifest), ...(manifest.workingCopies ?? []).map((e) => e.path)];
}

/** Deterministic JSON: fixed key order, sorted entries, two-space indent, final newline. */
export function renderManifestJson(manifest: PdfManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export class ManifestError extends Error {
  readonly exitCode = 1;
}

export function parseManifest(text: string, source: string): PdfManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new ManifestError(`${source}: kein gültiges JSON (${(cause as Error).message}).`);
  }
  const result = pdfManifestSchema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const [where, index, field] = issue.path;
  if (where === 'entries' && typeof index === 'number') {
    throw new ManifestError(`${source}: Eintrag ${index + 1} hat kein gültiges Feld „${String(field ?? '')}“.`);
  }
  if (where === 'documents' && typeof index === 'number') {
    throw new ManifestError(`${source}: Dokument ${index + 1} (unter „documents“) hat kein gültiges Feld „${String(field ?? '')}“.`);
  }
  if (where === 'browser') throw new ManifestError(`${source}: das Feld „browser“ ist kein Text.`);
  throw new ManifestError(`${source}: kein PDF-Verzeichnis von Vertragswerk (erwartet „format“: 1 und „entries“).`);
}

/**
 * Joins the manifests of shard runs into one. The same path twice is fine only with the same
 * hash (a PDF built twice); different hashes mean the shards were built from different content.
 */
export function mergeManifests(manifests: { manifest: PdfManifest; source: string }[]): PdfManifest {
  const byPathMap = new Map<string, { entry: ManifestEntry; source: string }>();
  const documents = new Map<string, { entry: DocumentEntry; source: string }>();
  const workingCopies = new Map<string, { entry: WorkingCopyEntry; source: string }>();
  for (const { manifest, source } of manifests) {
    for (const entry of manifest.workingCopies ?? []) {
      const seen = workingCopies.get(entry.path);
      if (seen && seen.entry.sha256 !== entry.sha256) {
        throw new ManifestError(`${entry.path} steht in ${seen.source} und in ${source} mit verschiedenen SHA-256-Werten. Bauen Sie alle Teile aus denselben Inhalten.`);
      }
      workingCopies.set(entry.path, { entry, source });
    }
    for (const entry of manifest.documents ?? []) {
      const seen = documents.get(entry.path);
      if (seen && seen.entry.sha256 !== entry.sha256) {
        throw new ManifestError(
          `${entry.path} steht in ${seen.source} und in ${source} mit verschiedenen SHA-256-Werten. Bauen Sie alle Teile aus denselben Inhalten.`,
        );
      }
      documents.set(entry.path, { entry, source });
    }
    for (const entry of manifest.entries) {
      const seen = byPathMap.get(entry.path);
      if (seen && seen.entry.sha256 !== entry.sha256) {
        throw new ManifestError(
          `${entry.path} steht in ${seen.source} und in ${source} mit verschiedenen SHA-256-Werten. Bauen Sie alle Teile aus denselben Inhalten.`,
        );
      }
      byPathMap.set(entry.path, { entry, source });
    }
  }
  const counts = manifests.map((m) => m.manifest.shard?.count).filter((c): c is number => c !== undefined);
  const indexes = new Set(manifests.map((m) => m.manifest.shard?.index).filter((i): i is number => i !== undefined));
  if (counts.length > 0) {
    const count = counts[0]!;
    if (counts.some((c) => c !== count)) throw new ManifestError('Die Teilverzeichnisse stammen aus Läufen mit verschiedener Teilzahl (--shard K/N).');
    const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !indexes.has(i));
    if (missing.length > 0) {
      throw new ManifestError(`Es fehlen die Teilverzeichnisse ${missing.map((i) => `${i}/${count}`).join(', ')}.`);
    }
  }
  const browsers = [...new Set(manifests.map((m) => m.manifest.browser).filter((b): b is string => b !== undefined))];
  if (browsers.length > 1) {
    throw new ManifestError(`Die Teile wurden mit verschiedenen Browsern gedruckt (${browsers.join(', ')}). Bauen Sie alle Teile mit demselben Browser.`);
  }
  return buildManifest(
    [...byPathMap.values()].map((v) => v.entry),
    undefined,
    browsers[0],
    [...documents.values()].map((v) => v.entry),
    [...workingCopies.values()].map((v) => v.entry),
  );
}

/**
 * The full manifest after a partial run (`--party`, `--shard`) into an output that already has
 * one: the run's entries replace those with the same path, all others stay. `present` says which
 * paths still have a file, so the manifest never lists a PDF that is not there.
 */
export function mergeIntoManifest(
  existing: PdfManifest | undefined,
  added: readonly ManifestEntry[],
  present: (path: string) => boolean,
  addedDocuments: readonly DocumentEntry[] = [],
  addedWorkingCopies: readonly WorkingCopyEntry[] = [],
): PdfManifest {
  const byPathMap = new Map<string, ManifestEntry>();
  for (const entry of existing?.entries ?? []) if (present(entry.path)) byPathMap.set(entry.path, entry);
  for (const entry of added) byPathMap.set(entry.path, entry);
  const documents = new Map<string, DocumentEntry>();
  for (const entry of existing?.documents ?? []) if (present(entry.path)) documents.set(entry.path, entry);
  for (const entry of addedDocuments) documents.set(entry.path, entry);
  const words = new Map<string, WorkingCopyEntry>();
  for (const entry of existing?.workingCopies ?? []) if (present(entry.path)) words.set(entry.path, entry);
  for (const entry of addedWorkingCopies) words.set(entry.path, entry);
  return buildManifest([...byPathMap.values()], undefined, undefined, [...documents.values()], [...words.values()]);
}
