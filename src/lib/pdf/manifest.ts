import type { Regime } from '../../schemas/common.ts';

/** One PDF in `pdf/manifest.json`: what the verification page compares a dropped file with. */
export interface ManifestEntry {
  /** Relative to the output root, e.g. `pdf/kita-planer-2/1.1/traeger-001.pdf`. */
  path: string;
  party: string;
  agreement: string;
  version: string;
  regime: Regime;
  bytes: number;
  pages: number;
  sha256: string;
  /** The document id printed on every page of the copy. */
  documentId?: string;
}

export interface PdfManifest {
  format: 1;
  /** Set on the partial manifest of one `--shard K/N` run. */
  shard?: { index: number; count: number };
  entries: ManifestEntry[];
}

const FIELD_ORDER: (keyof ManifestEntry)[] = ['path', 'party', 'agreement', 'version', 'regime', 'bytes', 'pages', 'sha256'];

function byPath(a: ManifestEntry, b: ManifestEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export function buildManifest(entries: ManifestEntry[], shard?: { index: number; count: number }): PdfManifest {
  const sorted = [...entries].sort(byPath);
  const normalized = sorted.map((e) => Object.fromEntries(FIELD_ORDER.map((k) => [k, e[k]])) as unknown as ManifestEntry);
  return shard ? { format: 1, shard, entries: normalized } : { format: 1, entries: normalized };
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
  const m = data as Partial<PdfManifest>;
  if (!m || m.format !== 1 || !Array.isArray(m.entries)) {
    throw new ManifestError(`${source}: kein PDF-Verzeichnis von Vertragswerk (erwartet „format“: 1 und „entries“).`);
  }
  m.entries.forEach((e, i) => {
    for (const key of FIELD_ORDER) {
      const expected = key === 'bytes' || key === 'pages' ? 'number' : 'string';
      if (typeof (e as unknown as Record<string, unknown>)[key] !== expected) {
        throw new ManifestError(`${source}: Eintrag ${i + 1} hat kein gültiges Feld „${key}“.`);
      }
    }
  });
  return m as PdfManifest;
}

/**
 * Joins the manifests of shard runs into one. The same path twice is fine only with the same
 * hash (a PDF built twice); different hashes mean the shards were built from different content.
 */
export function mergeManifests(manifests: { manifest: PdfManifest; source: string }[]): PdfManifest {
  const byPathMap = new Map<string, { entry: ManifestEntry; source: string }>();
  for (const { manifest, source } of manifests) {
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
  return buildManifest([...byPathMap.values()].map((v) => v.entry));
}

/**
 * The full manifest after a partial run (`--party`, `--shard`) into an output that already has
 * one: the run's entries replace those with the same path, all others stay. `present` says which
 * paths still have a file, so the manifest never lists a PDF that is not there.
 */
export function mergeIntoManifest(existing: PdfManifest | undefined, added: readonly ManifestEntry[], present: (path: string) => boolean): PdfManifest {
  const byPathMap = new Map<string, ManifestEntry>();
  for (const entry of existing?.entries ?? []) if (present(entry.path)) byPathMap.set(entry.path, entry);
  for (const entry of added) byPathMap.set(entry.path, entry);
  return buildManifest([...byPathMap.values()]);
}
