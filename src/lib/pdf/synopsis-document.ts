import { findAgreement, findVersion } from '../agreement-view.ts';
import { buildSynopsis, renderSynopsisParagraphsHtml, synopsisColumns, type SynopsisChange } from '../agreement/synopsis.ts';
import { comparisonPairs } from '../agreement/versions.ts';
import type { Content, Version } from '../content-model.ts';
import { formatDateDe } from '../dates.ts';
import { exampleMarkOf, exampleMarkText, instanceExampleMark } from '../example-data.ts';
import { urls } from '../site/urls.ts';
import { recordedVersionChecksum } from '../version-text.ts';
import { sha256Hex, type PdfMetadata } from './party-document.ts';
import { printedPublisher, printedUrl } from './publisher.ts';

/**
 * The Synopse of two versions as a printed document (landscape A4, one table per §, the header
 * row repeated on every page). Pure: content in, document out; the rows come from
 * agreement/synopsis.ts, the same model the site page renders.
 */

export interface SynopsisRowDoc {
  /** A note row (one cell over both columns), or an Absatz row. */
  isNote: boolean;
  /** The note, or „Abs. 5 neu gefasst“ over a rewritten Absatz. */
  note: string | null;
  oldHtml: string;
  newHtml: string;
  /** The Absatz is not in that version (inserted or removed): the cell stays empty. */
  oldMissing: boolean;
  newMissing: boolean;
}

export interface SynopsisSectionDoc {
  isLine: boolean;
  /** A line for §§ not shown (unchanged, only renumbered). */
  line: string | null;
  anchor: string;
  heading: string;
  kindLabel: string;
  variant: string | null;
  reasons: { label: string; text: string | null; firstAnchor: string; firstLabel: string }[];
  titleRow: { oldHtml: string; newHtml: string } | null;
  rows: SynopsisRowDoc[];
}

/** One version as the cover names it. */
export interface SynopsisVersionDoc {
  version: string;
  /** „beschlossen am 21. September 2023 (Hauptausschuss, Vorlage V0003/23)“, „Entwurf, vorgelegt am 2. Dezember 2026“. */
  stateText: string;
  /** The recorded checksum of its text (none for a draft). */
  textSha256: string | null;
  /** „Beispieldaten: …“ when the content marks the version so. */
  example: string | null;
}

export interface SynopsisDocument {
  /** Relative to the output root: `pdf/<agreement>/synopse/synopse-1.1-1.2.pdf` (`-entwurf` when the newer one is a draft). */
  path: string;
  fileName: string;
  agreementId: string;
  from: string;
  to: string;
  isDraft: boolean;
  documentId: string;
  /** SHA-256 of everything the document shows (part of the PDF cache key). */
  digest: string;
  title: string;
  agreementTitle: string;
  shortTitle: string;
  publisher: { name: string; department: string; address: string; pageUrl: string };
  old: SynopsisVersionDoc;
  neu: SynopsisVersionDoc;
  oldColumn: string;
  newColumn: string;
  oldEmpty: string;
  newEmpty: string;
  dateText: string;
  changes: SynopsisChange[];
  /** „Beispielinhalte – nicht amtlich“ when the content is an example instance (site.yaml `beispiel`): on every page. */
  exampleMark: string | null;
  changedCount: number;
  unchangedCount: number;
  items: SynopsisSectionDoc[];
  metadata: PdfMetadata;
}

/** The file of the Synopse `from` → `to`; a draft as the newer version says so in the name, as the DPIA's drafts do. */
export function synopsisPdfPath(agreementId: string, from: string, to: Pick<Version, 'version' | 'status'>): string {
  return `pdf/${agreementId}/synopse/synopse-${from}-${to.version}${to.status === 'entwurf' ? '-entwurf' : ''}.pdf`;
}

/** The day a version dates from: adopted, else put up as a draft, else taking effect. */
function versionDate(v: Version): string | undefined {
  return v.adopted ?? v.vorgelegt ?? v.effective;
}

function versionDoc(v: Version): SynopsisVersionDoc {
  const by = [v.adopted_by, v.paper ? `Vorlage ${v.paper}` : undefined].filter(Boolean).join(', ');
  const stateText =
    v.status === 'entwurf'
      ? `Entwurf${v.vorgelegt ? `, vorgelegt am ${formatDateDe(v.vorgelegt)}` : ''}`
      : `beschlossen${v.adopted ? ` am ${formatDateDe(v.adopted)}` : ''}${by ? ` (${by})` : ''}${v.status === 'abgeloest' ? ', inzwischen abgelöst' : ''}`;
  const mark = exampleMarkOf(v.beispiel);
  return { version: v.version, stateText, textSha256: v.status === 'entwurf' ? null : (recordedVersionChecksum(v) ?? null), example: mark ? exampleMarkText(mark) : null };
}

export function buildSynopsisDocument(content: Content, agreementId: string, fromId: string, toId: string): SynopsisDocument {
  const agreement = findAgreement(content, agreementId);
  const from = findVersion(agreement, fromId);
  const to = findVersion(agreement, toId);
  const synopsis = buildSynopsis(content, agreementId, fromId, toId);
  const isDraft = to.status === 'entwurf';
  const path = synopsisPdfPath(agreementId, fromId, to);
  const items: SynopsisSectionDoc[] = synopsis.items.map((item) =>
    item.type === 'line'
      ? { isLine: true, line: item.text, anchor: '', heading: '', kindLabel: '', variant: null, reasons: [], titleRow: null, rows: [] }
      : {
          isLine: false,
          line: null,
          anchor: item.anchor,
          heading: `${item.label} ${item.title}`,
          kindLabel: item.kindLabel,
          variant: item.variant ?? null,
          reasons: item.reasons.map((r) => ({ label: r.label, text: r.text ?? null, firstAnchor: r.firstAnchor, firstLabel: r.firstLabel })),
          titleRow: item.titleChange ? { oldHtml: renderSynopsisParagraphsHtml([item.titleChange.old], 'print'), newHtml: renderSynopsisParagraphsHtml([item.titleChange.neu], 'print') } : null,
          rows: item.rows.map((row) =>
            row.type === 'note'
              ? { isNote: true, note: row.text, oldHtml: '', newHtml: '', oldMissing: false, newMissing: false }
              : {
                  isNote: false,
                  note: row.note ?? null,
                  oldHtml: renderSynopsisParagraphsHtml(row.old, 'print'),
                  newHtml: renderSynopsisParagraphsHtml(row.neu, 'print'),
                  oldMissing: row.old.length === 0,
                  newMissing: row.neu.length === 0,
                },
          ),
        },
  );
  const date = versionDate(to) ?? versionDate(from) ?? '2000-01-01';
  const title = `Synopse ${agreement.short_title}: Version ${fromId} und Version ${toId}${isDraft ? ' (Entwurf)' : ''}`;
  const publisher = printedPublisher(content);
  const doc: Omit<SynopsisDocument, 'documentId' | 'digest'> = {
    path,
    fileName: path.split('/').pop()!,
    agreementId,
    from: fromId,
    to: toId,
    isDraft,
    title,
    agreementTitle: agreement.title,
    shortTitle: agreement.short_title,
    publisher: { ...publisher, pageUrl: printedUrl(content, urls.synopsis(agreementId, fromId, toId)) },
    old: versionDoc(from),
    neu: versionDoc(to),
    ...synopsisColumns(from, to),
    dateText: formatDateDe(date),
    changes: synopsis.changes,
    exampleMark: instanceExampleMark(content) ?? null,
    changedCount: synopsis.changedCount,
    unchangedCount: synopsis.unchangedCount,
    items,
    metadata: {
      title,
      author: publisher.name,
      subject: `${agreement.title}: Gegenüberstellung von Version ${fromId} und Version ${toId}${isDraft ? ' (Entwurf)' : ''}, Absatz für Absatz.`,
      keywords: ['Synopse', agreement.short_title, `Version ${fromId}`, `Version ${toId}`],
      creator: 'Vertragswerk',
      producer: 'Vertragswerk (Chromium, pdf-lib)',
      // Dates from the content, never the clock.
      creationDate: date,
      modDate: date,
      language: 'de',
    },
  };
  const digest = sha256Hex(JSON.stringify(doc));
  return { ...doc, documentId: `synopse-${agreementId}-${fromId}-${toId}-${digest.slice(0, 8)}`, digest };
}

/** Every Synopse a build prints: one per pair of versions a reader can compare (comparisonPairs). */
export function buildSynopsisDocuments(content: Content): SynopsisDocument[] {
  return content.agreements.flatMap((a) => comparisonPairs(a).map(([from, to]) => buildSynopsisDocument(content, a.id, from.version, to.version)));
}
