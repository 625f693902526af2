import { z } from 'zod';
import { regimeLabel } from '../vocabulary.ts';
import { documentEntrySchema, manifestEntrySchema, workingCopyEntrySchema, type DocumentEntry, type ManifestEntry, type WorkingCopyEntry } from '../../schemas/manifest.ts';
import type { Content } from '../content-model.ts';
import { formatDateDe } from '../dates.ts';
import { endSentence } from '../typography.ts';
import { compareVersions } from '../parse-content.ts';
import { formatBytes, formatNumber } from '../format.ts';
import { copyDownloadName, urls } from './urls.ts';

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

/** The Word working copy of a PDF, as a download link says it: a working copy, not a copy to sign. */
export interface WorkingCopyDownloadView {
  href: string;
  fileName: string;
  /** „Word (DOCX), 38,2 kB“ */
  details: string;
  sha256: string;
}

/** The Word files of the manifest (`workingCopies`); none in older manifests. */
export function parseWorkingCopies(data: unknown): WorkingCopyEntry[] {
  const list = Array.isArray(data) ? [] : ((data as { workingCopies?: unknown } | null)?.workingCopies ?? []);
  const result = z.array(workingCopyEntrySchema).safeParse(list);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Das PDF-Verzeichnis (manifest.json) ist ungültig: workingCopies.${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return result.data;
}

const wordsByPdf = new WeakMap<readonly WorkingCopyEntry[], Map<string, WorkingCopyDownloadView>>();

/**
 * The Word file of each PDF, by the PDF's path; computed once per list, since every provider page
 * of a build asks for its few (a thousand pages each mapping all Word files took seconds).
 */
export function workingCopiesByPdf(workingCopies: readonly WorkingCopyEntry[]): Map<string, WorkingCopyDownloadView> {
  let map = wordsByPdf.get(workingCopies);
  if (!map) {
    map = new Map(
      workingCopies.map((w) => [
        w.of,
        { href: `/${w.path.replace(/^\/+/, '')}`, fileName: w.path.split('/').pop() ?? w.path, details: `Word (DOCX), ${formatBytes(w.bytes)}`, sha256: w.sha256 },
      ]),
    );
    wordsByPdf.set(workingCopies, map);
  }
  return map;
}

export interface DownloadView {
  agreementTitle: string;
  version: string;
  regimeLabel: string;
  href: string;
  /** The name the file is saved under (`download` attribute) and shown as: `muster-1.1-traeger-012.pdf`. */
  fileName: string;
  /** „PDF, 84,2 kB, 11 Seiten“ */
  details: string;
  sizeText: string;
  pagesText: string;
  sha256: string;
  /** The Word working copy beside it, when the build made one. */
  workingCopy?: WorkingCopyDownloadView;
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

export function buildDownloadViews(content: Content, entries: readonly PdfManifestEntry[], workingCopies: readonly WorkingCopyEntry[] = []): DownloadView[] {
  const words = workingCopiesByPdf(workingCopies);
  return [...entries]
    .sort((a, b) => (a.agreement !== b.agreement ? (a.agreement < b.agreement ? -1 : 1) : -compareVersions(a.version, b.version)))
    .map((e) => {
      const agreement = content.agreements.find((a) => a.id === e.agreement);
      const pagesText = e.pages === 1 ? '1 Seite' : `${formatNumber(e.pages)} Seiten`;
      const sizeText = formatBytes(e.bytes);
      return {
        agreementTitle: agreement?.short_title ?? e.agreement,
        version: e.version,
        regimeLabel: regimeLabel(content, e.regime),
        href: `/${e.path.replace(/^\/+/, '')}`,
        fileName: copyDownloadName(e.agreement, e.version, e.party),
        details: `PDF, ${sizeText}, ${pagesText}`,
        sizeText,
        pagesText,
        sha256: e.sha256,
        // Saved under the same telling name as the PDF, with Word's extension.
        ...(words.has(e.path) ? { workingCopy: { ...words.get(e.path)!, fileName: copyDownloadName(e.agreement, e.version, e.party).replace(/\.pdf$/, '.docx') } } : {}),
      };
    });
}

/** The other published PDFs of the manifest (`documents`: the DPIA of each version); none in older manifests. */
export function parsePdfDocuments(data: unknown): DocumentEntry[] {
  const list = Array.isArray(data) ? [] : ((data as { documents?: unknown } | null)?.documents ?? []);
  const result = z.array(documentEntrySchema).safeParse(list);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Das PDF-Verzeichnis (manifest.json) ist ungültig: documents.${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return result.data;
}

/** A download link for a document that is not a party's copy (the DPIA PDF of one version). */
export interface DocumentDownloadView {
  version: string;
  href: string;
  /** The name the file is saved under (`download` attribute): its published name, which names the version (`dsfa-2.0-entwurf.pdf`). */
  fileName: string;
  /** „PDF, 252,2 kB, 23 Seiten“ */
  details: string;
  sha256: string;
  documentId: string;
  /** The Word working copy beside it (a Synopse's), when the build made one. */
  workingCopy?: WorkingCopyDownloadView;
}

/** The DPIA PDFs by DPIA version, as the DPIA pages link them. */
export function buildDpiaDownloads(documents: readonly DocumentEntry[]): Map<string, DocumentDownloadView> {
  const out = new Map<string, DocumentDownloadView>();
  for (const d of documents) {
    if (d.kind !== 'dsfa') continue;
    const pagesText = d.pages === 1 ? '1 Seite' : `${formatNumber(d.pages)} Seiten`;
    out.set(d.version, {
      version: d.version,
      href: `/${d.path.replace(/^\/+/, '')}`,
      fileName: d.path.split('/').pop() ?? d.path,
      details: `PDF, ${formatBytes(d.bytes)}, ${pagesText}`,
      sha256: d.sha256,
      documentId: d.documentId,
    });
  }
  return out;
}

/** How the Synopse PDFs are looked up: agreement, older and newer version. */
export function synopsisKey(agreementId: string, from: string, to: string): string {
  return `${agreementId}\u0000${from}\u0000${to}`;
}

/**
 * The Synopse PDFs by agreement, older and newer version (`synopsisKey`), as the changes and
 * Synopse pages link them.
 */
export function buildSynopsisDownloads(documents: readonly DocumentEntry[], workingCopies: readonly WorkingCopyEntry[] = []): Map<string, DocumentDownloadView> {
  const words = workingCopiesByPdf(workingCopies);
  const out = new Map<string, DocumentDownloadView>();
  for (const d of documents) {
    if (d.kind !== 'synopse' || !d.agreement || !d.from) continue;
    const pagesText = d.pages === 1 ? '1 Seite' : `${formatNumber(d.pages)} Seiten`;
    // Saved under a name that says which agreement it compares: „muster-synopse-1.1-1.2-entwurf.pdf“.
    const fileName = `${d.agreement}-${d.path.split('/').pop() ?? d.path}`;
    out.set(synopsisKey(d.agreement, d.from, d.version), {
      version: d.version,
      href: `/${d.path.replace(/^\/+/, '')}`,
      fileName,
      details: `PDF, ${formatBytes(d.bytes)}, ${pagesText}`,
      sha256: d.sha256,
      documentId: d.documentId,
      ...(words.has(d.path) ? { workingCopy: { ...words.get(d.path)!, fileName: fileName.replace(/\.pdf$/, '.docx') } } : {}),
    });
  }
  return out;
}

/** A published PDF that is not a copy, as „PDF prüfen“ names it when a file matches it. */
export interface KnownDocument {
  sha256: string;
  kind: DocumentEntry['kind'];
  /** „Datenschutz-Folgenabschätzung für das Softwaresystem … im Entwurf der Version 2.0 vom 27. November 2026“ */
  what: string;
  /** What „PDF prüfen“ says after „„datei.pdf“ ist “. */
  sentence: string;
  path: string;
  /** The site page of the document. */
  page: string;
  /** The link to it: „Zur Folgenabschätzung“, „Zur Synopse“. */
  pageLabel: string;
}

/** A version with its status in words, mid-sentence: „in der beschlossenen Version 1.1 vom 20. April 2023“, „im Entwurf der Version 2.0 vom …“. */
function versionPhrase(status: DocumentStatus, version: string, date: string): string {
  const on = `Version ${version} vom ${formatDateDe(date)}`;
  if (status === 'entwurf') return `im Entwurf der ${on}`;
  return `in der ${status === 'abgeloest' ? 'abgelösten' : 'beschlossenen'} ${on}`;
}
type DocumentStatus = Content['dpia']['versions'][number]['meta']['status'];

/** The DPIA and Synopse PDFs for „PDF prüfen“: recognised as unchanged, and said to be no copy to sign. */
export function buildDocumentRegister(content: Content, documents: readonly DocumentEntry[]): KnownDocument[] {
  return documents
    .flatMap((d): KnownDocument[] => {
      const path = `/${d.path.replace(/^\/+/, '')}`;
      if (d.kind === 'synopse') {
        const agreement = content.agreements.find((a) => a.id === d.agreement);
        if (!agreement || !d.from) return [];
        const what = `Synopse der ${agreement.short_title}: Version ${d.from} und Version ${d.version}${d.status === 'entwurf' ? ' (Entwurf)' : ''}`;
        return [{ sha256: d.sha256, kind: d.kind, what, sentence: `${endSentence(`die veröffentlichte ${what}`)} Sie ist keine Ausfertigung zum Unterzeichnen.`, path, page: urls.synopsis(agreement.id, d.from, d.version), pageLabel: 'Zur Synopse' }];
      }
      const dpia = content.dpia.versions.find((v) => v.meta.version === d.version);
      const what = `${dpia?.meta.title ?? 'Datenschutz-Folgenabschätzung'} ${dpia ? versionPhrase(dpia.meta.status, d.version, dpia.meta.date) : `in der Version ${d.version}`}`;
      return [{ sha256: d.sha256, kind: d.kind, what, sentence: `${endSentence(`die veröffentlichte ${what}`)} Sie ist keine Ausfertigung zum Unterzeichnen.`, path, page: urls.dpiaVersion(d.version), pageLabel: 'Zur Folgenabschätzung' }];
    })
    .sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
}
