import { findAgreement, findVersion } from '../agreement-view.ts';
import { buildSynopsis, renderSynopsisParagraphsHtml, synopsisColumns, type SynopsisChange, type SynopsisRow } from '../agreement/synopsis.ts';
import { comparisonPairs } from '../agreement/versions.ts';
import type { Content } from '../content-model.ts';
import type { DocumentEntry, WorkingCopyEntry } from '../../schemas/manifest.ts';
import { memo } from '../memo.ts';
import { readerHref } from './agreements.ts';
import { buildSynopsisDownloads, synopsisKey, type DocumentDownloadView } from './downloads.ts';
import type { Link } from './home.ts';
import { urls } from './urls.ts';

/** The two ways to read a comparison, as links between the pages (no script needed). */
export interface ComparisonMode {
  label: string;
  href: string;
  current: boolean;
}

/** „Wort für Wort“ and „Synopse“ for one pair of versions; `current` marks the page the reader is on. */
export function comparisonModes(agreementId: string, from: string, to: string, current: 'inline' | 'synopse'): ComparisonMode[] {
  return [
    { label: 'Wort für Wort (ein Text, Änderungen darin)', href: urls.changes(agreementId, from, to), current: current === 'inline' },
    { label: 'Synopse (bisher und neu nebeneinander)', href: urls.synopsis(agreementId, from, to), current: current === 'synopse' },
  ];
}

/** The other pairs of the agreement a reader can compare („Version 1.0 → 1.2“), linked to the same kind of page. */
export function otherComparisons(content: Content, agreementId: string, from: string, to: string, page: 'inline' | 'synopse'): Link[] {
  const agreement = findAgreement(content, agreementId);
  return comparisonPairs(agreement)
    .filter(([a, b]) => a.version !== from || b.version !== to)
    .map(([a, b]) => ({
      href: page === 'inline' ? urls.changes(agreementId, a.version, b.version) : urls.synopsis(agreementId, a.version, b.version),
      label: `Version ${a.version} → ${b.version}${b.status === 'entwurf' ? ' (Entwurf)' : ''}`,
    }));
}

export interface SynopsisRowView {
  type: 'absatz' | 'note';
  /** A note row: the whole line; an Absatz row: „Abs. 5 neu gefasst“ when it was rewritten. */
  text?: string;
  oldHtml: string;
  newHtml: string;
}

export interface SynopsisSectionView {
  type: 'section';
  anchor: string;
  /** „§ 20 (bisher § 19) Teilnahme …“ */
  heading: string;
  kindLabel: string;
  tone: 'ok' | 'warn' | 'bad';
  variant?: string;
  titleRow?: { oldHtml: string; newHtml: string };
  rows: SynopsisRowView[];
  reasons: { label: string; text?: string; href: string; firstLabel: string }[];
  oldHref?: string;
  newHref?: string;
}

export interface SynopsisView {
  agreementId: string;
  shortTitle: string;
  title: string;
  from: string;
  to: string;
  toDraftSuffix: string;
  fromHref: string;
  toHref: string;
  pageTitle: string;
  path: string;
  /** Column headings: „Version 1.1 (bisher)“, „Version 1.2 (neu, Entwurf)“. */
  oldColumn: string;
  newColumn: string;
  /** What an empty cell says to a screen reader: „In Version 1.1 nicht enthalten“. */
  oldEmpty: string;
  newEmpty: string;
  modes: ComparisonMode[];
  others: Link[];
  changes: SynopsisChange[];
  items: (SynopsisSectionView | { type: 'line'; text: string })[];
  changedCount: number;
  unchangedCount: number;
  pdf?: DocumentDownloadView;
}

const TONES = { neu: 'ok', entfallen: 'bad', geaendert: 'warn' } as const;

function rowView(row: SynopsisRow): SynopsisRowView {
  if (row.type === 'note') return { type: 'note', text: row.text, oldHtml: '', newHtml: '' };
  return { type: 'absatz', ...(row.note ? { text: row.note } : {}), oldHtml: renderSynopsisParagraphsHtml(row.old), newHtml: renderSynopsisParagraphsHtml(row.neu) };
}

export function buildSynopsisView(
  content: Content,
  agreementId: string,
  fromId: string,
  toId: string,
  documents: readonly DocumentEntry[] = [],
  workingCopies: readonly WorkingCopyEntry[] = [],
): SynopsisView {
  const base = memo(content, `synopsis-view:${agreementId}:${fromId}:${toId}`, () => {
    const agreement = findAgreement(content, agreementId);
    const from = findVersion(agreement, fromId);
    const to = findVersion(agreement, toId);
    const synopsis = buildSynopsis(content, agreementId, fromId, toId);
    const items: SynopsisView['items'] = synopsis.items.map((item) => {
      if (item.type === 'line') return { type: 'line', text: item.text };
      const regime = item.regimes[0]!;
      return {
        type: 'section',
        anchor: item.anchor,
        heading: `${item.label} ${item.title}`,
        kindLabel: item.kindLabel,
        tone: TONES[item.kind],
        ...(item.variant ? { variant: item.variant } : {}),
        ...(item.titleChange ? { titleRow: { oldHtml: renderSynopsisParagraphsHtml([item.titleChange.old]), newHtml: renderSynopsisParagraphsHtml([item.titleChange.neu]) } } : {}),
        rows: item.rows.map(rowView),
        reasons: item.reasons.map((r) => ({ label: r.label, ...(r.text ? { text: r.text } : {}), href: `#${r.firstAnchor}`, firstLabel: r.firstLabel })),
        ...(item.oldLabel ? { oldHref: `${readerHref(from, regime)}#${item.id}` } : {}),
        ...(item.newLabel ? { newHref: `${readerHref(to, regime)}#${item.id}` } : {}),
      };
    });
    const draft = to.status === 'entwurf' ? ' (Entwurf)' : '';
    return {
      agreementId,
      shortTitle: agreement.short_title,
      title: agreement.title,
      from: fromId,
      to: toId,
      toDraftSuffix: draft,
      fromHref: urls.reader(agreementId, fromId),
      toHref: urls.reader(agreementId, toId),
      pageTitle: `Synopse Version ${fromId} und ${toId}${draft} – ${agreement.short_title}`,
      path: urls.synopsis(agreementId, fromId, toId),
      ...synopsisColumns(from, to),
      modes: comparisonModes(agreementId, fromId, toId, 'synopse'),
      others: otherComparisons(content, agreementId, fromId, toId, 'synopse'),
      changes: synopsis.changes,
      items,
      changedCount: synopsis.changedCount,
      unchangedCount: synopsis.unchangedCount,
    };
  });
  const pdf = buildSynopsisDownloads(documents, workingCopies).get(synopsisKey(agreementId, fromId, toId));
  return pdf ? { ...base, pdf } : base;
}
