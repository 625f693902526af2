import { REGIME_LABELS, type Regime } from '../../schemas/common.ts';
import { findAgreement, findVersion } from '../agreement-view.ts';
import { CHANGE_KIND_LABELS, compareVersionSections, renderWordDiffHtml, type ChangeKind } from '../agreement/compare.ts';
import type { Content, Section, Version } from '../content-model.ts';
import { renderMarkdownBody } from '../markdown.ts';
import { publishedRegimes, readerHref } from './agreements.ts';
import { comparisonPairs } from '../agreement/versions.ts';
import { changelogBetween, type NumberedChangeNote } from '../agreement/changelog.ts';
import { joinGerman } from '../format.ts';
import type { Link } from './home.ts';
import { memo } from '../memo.ts';
import { urls } from './urls.ts';
import type { DocumentEntry, WorkingCopyEntry } from '../../schemas/manifest.ts';
import { buildSynopsisDownloads, synopsisKey, type DocumentDownloadView } from './downloads.ts';
import { comparisonModes, otherComparisons, type ComparisonMode } from './synopsis.ts';

export { CHANGE_KIND_LABELS, comparableText, renderWordDiffHtml, type ChangeKind } from '../agreement/compare.ts';

const TONES: Record<ChangeKind, ChangeEntry['tone']> = { neu: 'ok', entfallen: 'bad', geaendert: 'warn', nummer: 'warn' };

export interface ChangeEntry {
  kind: ChangeKind;
  kindLabel: string;
  /** Badge tone: added ok, removed bad, changed warn. */
  tone: 'ok' | 'warn' | 'bad';
  sectionId: string;
  anchor: string;
  /** „§ 23“ in the old and new version. */
  oldLabel?: string;
  newLabel?: string;
  /** „§ 23 → § 24“ when the number changed. */
  renumbered?: string;
  title: string;
  /** Set when the text differs by regime: „Fassung für Träger unter KDG“. */
  regimeNote?: string;
  /** The regimes whose text this entry shows (all three when the § reads the same for every regime). */
  regimes: Regime[];
  /** Heading diff, when the title changed. */
  titleDiffHtml?: string;
  /** Word-level diff of the text with <ins>/<del> and text markers. */
  diffHtml?: string;
  /** Whole text of an added or removed §. */
  textHtml?: string;
  oldHref?: string;
  newHref?: string;
}

export interface ChangesView {
  agreementId: string;
  shortTitle: string;
  title: string;
  from: string;
  to: string;
  /** „ (Entwurf)“ when the new version is a draft, for headings; else empty. */
  toDraftSuffix: string;
  fromHref: string;
  toHref: string;
  pageTitle: string;
  path: string;
  /**
   * The changelogs of the versions after the old one up to the new one (version.yaml `changes`):
   * what changed in which §§ and why; `versionNote` („Version 1.1“) when the range spans several.
   */
  summary: (NumberedChangeNote & { sectionLabels: string[]; versionNote?: string })[];
  counts: { kind: ChangeKind; label: string; count: number }[];
  entries: ChangeEntry[];
  unchanged: Link[];
  /** Inline diff or Synopse: links between the two pages of this pair. */
  modes: ComparisonMode[];
  /** The other pairs of versions of the agreement. */
  others: Link[];
  /** The Synopse as PDF, when the build printed it. */
  synopsisPdf?: DocumentDownloadView;
}

export interface ChangesRoute {
  agreement: string;
  from: string;
  to: string;
}

export function changesRoutes(content: Content): ChangesRoute[] {
  return content.agreements.flatMap((a) => comparisonPairs(a).map(([from, to]) => ({ agreement: a.id, from: from.version, to: to.version })));
}

function regimesText(regimes: Regime[]): string {
  return `Fassung für Träger unter ${joinGerman(regimes.map((r) => REGIME_LABELS[r]))}`;
}

function sectionLabel(s: Section): string {
  return `§\u00a0${s.number}`;
}

export function buildChangesView(
  content: Content,
  agreementId: string,
  fromId: string,
  toId: string,
  documents: readonly DocumentEntry[] = [],
  workingCopies: readonly WorkingCopyEntry[] = [],
): ChangesView {
  const view = memo(content, `changes:${agreementId}:${fromId}:${toId}`, (): ChangesView => {
    const agreement = findAgreement(content, agreementId);
    const from = findVersion(agreement, fromId);
    const to = findVersion(agreement, toId);
    const entries: ChangeEntry[] = [];
    const unchanged: Link[] = [];
    for (const group of compareVersionSections(from, to)) {
      const id = group.id;
      const suffix = group.split ? `-${group.regimes.join('-')}` : '';
      const anchor = `aenderung-${id}${suffix}`;
      const regime = group.regimes[0]!;
      const oldHref = group.old ? `${readerHref(from, regime)}#${id}` : undefined;
      const newHref = group.neu ? `${readerHref(to, regime)}#${id}` : undefined;
      const regimeNote = group.split ? regimesText(group.regimes) : undefined;
      if (group.kind === 'neu') {
        entries.push({
          kind: 'neu',
          kindLabel: CHANGE_KIND_LABELS.neu,
          tone: TONES.neu,
          sectionId: id,
          anchor,
          newLabel: sectionLabel(group.neu!),
          title: group.neu!.title,
          regimeNote,
          regimes: group.regimes,
          textHtml: renderMarkdownBody(group.neu!.body, `${anchor}-text`).html,
          newHref,
        });
        continue;
      }
      if (group.kind === 'entfallen') {
        entries.push({
          kind: 'entfallen',
          kindLabel: CHANGE_KIND_LABELS.entfallen,
          tone: TONES.entfallen,
          sectionId: id,
          anchor,
          oldLabel: sectionLabel(group.old!),
          title: group.old!.title,
          regimeNote,
          regimes: group.regimes,
          textHtml: renderMarkdownBody(group.old!.body, `${anchor}-text`).html,
          oldHref,
        });
        continue;
      }
      const old = group.old!;
      const neu = group.neu!;
      if (!group.kind) {
        if (!unchanged.some((l) => l.href === newHref)) unchanged.push({ href: newHref!, label: `${sectionLabel(neu)} ${neu.title}${regimeNote ? ` (${regimeNote})` : ''}` });
        continue;
      }
      const renumbered = old.number !== neu.number ? `${sectionLabel(old)} → ${sectionLabel(neu)}` : undefined;
      entries.push({
        kind: group.kind,
        kindLabel: CHANGE_KIND_LABELS[group.kind],
        tone: TONES[group.kind],
        sectionId: id,
        anchor,
        oldLabel: sectionLabel(old),
        newLabel: sectionLabel(neu),
        renumbered,
        title: neu.title,
        regimeNote,
        regimes: group.regimes,
        titleDiffHtml: group.titleChanged ? renderWordDiffHtml(old.title, neu.title).replace(/^<p>|<\/p>$/g, '') : undefined,
        diffHtml: group.oldText !== undefined ? renderWordDiffHtml(group.oldText, group.newText!) : undefined,
        oldHref,
        newHref,
      });
    }
    const kinds: ChangeKind[] = ['neu', 'geaendert', 'nummer', 'entfallen'];
    const notes = changelogBetween(agreement, fromId, toId);
    const severalVersions = new Set(notes.map((n) => n.version)).size > 1;
    return {
      agreementId,
      shortTitle: agreement.short_title,
      title: agreement.title,
      from: fromId,
      to: toId,
      toDraftSuffix: to.status === 'entwurf' ? ' (Entwurf)' : '',
      fromHref: urls.reader(agreementId, fromId),
      toHref: urls.reader(agreementId, toId),
      pageTitle: `Änderungen von Version ${fromId} zu ${toId}${to.status === 'entwurf' ? ' (Entwurf)' : ''} – ${agreement.short_title}`,
      path: urls.changes(agreementId, fromId, toId),
      summary: notes.map((c) => ({
        ...c,
        sectionLabels: c.sections.map((id) => sectionLabelOf(findVersion(agreement, c.version), from, id)),
        ...(severalVersions ? { versionNote: `Version ${c.version}` } : {}),
      })),
      counts: kinds.map((kind) => ({ kind, label: CHANGE_KIND_LABELS[kind], count: entries.filter((e) => e.kind === kind).length })),
      entries,
      unchanged,
      modes: comparisonModes(agreementId, fromId, toId, 'inline'),
      others: otherComparisons(content, agreementId, fromId, toId, 'inline'),
    };
  });
  const synopsisPdf = buildSynopsisDownloads(documents, workingCopies).get(synopsisKey(agreementId, fromId, toId));
  return synopsisPdf ? { ...view, synopsisPdf } : view;
}

/** „§ 23 Beitragsrechnung“ for a section id, from the new version (the old one for a removed §). */
function sectionLabelOf(to: Version, from: Version, id: string): string {
  const s = to.sections.find((x) => x.id === id) ?? from.sections.find((x) => x.id === id);
  return s ? `${sectionLabel(s)} ${s.title}` : id;
}
