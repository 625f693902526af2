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
}

export interface PdfManifest {
  format: 1;
  /** Set on the partial manifest of one `--shard K/N` run. */
  shard?: { index: number; count: number };
  /** The browser that printed the PDFs (name and version), e.g. „Chromium Headless Shell 156.0.8078.114“. */
  browser?: string;
  entries: ManifestEntry[];
}

const FIELD_ORDER: (keyof ManifestEntry)[] = ['path', 'party', 'agreement', 'version', 'regime', 'bytes', 'pages', 'sha256'];

function byPath(a: ManifestEntry, b: ManifestEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export function buildManifest(entries: ManifestEntry[], shard?: { index: number; count: number }, browser?: string): PdfManifest {
  const sorted = [...entries].sort(byPath);
  const normalized = sorted.map((e) => Object.fromEntries(FIELD_ORDER.map((k) => [k, e[k]])) as unknown as ManifestEntry);
  return { format: 1, ...(shard ? { shard } : {}), ...(browser ? { browser } : {}), entries: normalized };
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
  if (m.browser !== undefined && typeof m.browser !== 'string') throw new ManifestError(`${source}: das Feld „browser“ ist kein Text.`);
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
  const browsers = [...new Set(manifests.map((m) => m.manifest.browser).filter((b): b is string => b !== undefined))];
  if (browsers.length > 1) {
    throw new ManifestError(`Die Teile wurden mit verschiedenen Browsern gedruckt (${browsers.join(', ')}). Bauen Sie alle Teile mit demselben Browser.`);
  }
  return buildManifest([...byPathMap.values()].map((v) => v.entry), undefined, browsers[0]);
}
