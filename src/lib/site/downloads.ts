import { z } from 'zod';
import { REGIMES, REGIME_LABELS } from '../../schemas/common.ts';
import { manifestEntrySchema, type ManifestEntry } from '../../schemas/manifest.ts';
import type { Content } from '../content-model.ts';
import { compareVersions } from '../parse-content.ts';
import { formatBytes, formatNumber } from '../format.ts';

/** One personalised PDF as the PDF stage lists it in its manifest (schema in src/schemas/manifest.ts). */
export type PdfManifestEntry = ManifestEntry;

/** Reads the manifest JSON: an array of entries or an object with `entries`. */
export function parsePdfManifest(data: unknown): PdfManifestEntry[] {
  const list = Array.isArray(data) ? data : (data as { entries?: unknown } | null)?.entries;
  const result = z.array(manifestEntrySchema).safeParse(list);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Das PDF-Verzeichnis (manifest.json) ist ungültig: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return result.data;
}

export interface DownloadView {
  agreementTitle: string;
  version: string;
  regimeLabel: string;
  href: string;
  fileName: string;
  /** „PDF, 84,2 kB, 11 Seiten“ */
  details: string;
  sizeText: string;
  pagesText: string;
  sha256: string;
}

const byParty = new WeakMap<readonly PdfManifestEntry[], Map<string, PdfManifestEntry[]>>();

/** Manifest entries grouped by party, computed once per manifest. */
export function downloadsByParty(manifest: readonly PdfManifestEntry[]): Map<string, PdfManifestEntry[]> {
  let map = byParty.get(manifest);
  if (!map) {
    map = new Map();
    for (const entry of manifest) {
      const list = map.get(entry.party) ?? [];
      list.push(entry);
      map.set(entry.party, list);
    }
    byParty.set(manifest, map);
  }
  return map;
}

export function buildDownloadViews(content: Content, entries: readonly PdfManifestEntry[]): DownloadView[] {
  return [...entries]
    .sort((a, b) => (a.agreement !== b.agreement ? (a.agreement < b.agreement ? -1 : 1) : -compareVersions(a.version, b.version)))
    .map((e) => {
      const agreement = content.agreements.find((a) => a.id === e.agreement);
      const pagesText = e.pages === 1 ? '1 Seite' : `${formatNumber(e.pages)} Seiten`;
      const sizeText = formatBytes(e.bytes);
      return {
        agreementTitle: agreement?.short_title ?? e.agreement,
        version: e.version,
        regimeLabel: REGIME_LABELS[e.regime],
        href: `/${e.path.replace(/^\/+/, '')}`,
        fileName: e.path.split('/').pop() ?? e.path,
        details: `PDF, ${sizeText}, ${pagesText}`,
        sizeText,
        pagesText,
        sha256: e.sha256,
      };
    });
}
