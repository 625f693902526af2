import { diffWords } from 'diff';
import { REGIMES, REGIME_LABELS, type Regime } from '../../schemas/common.ts';
import { findAgreement, findVersion, sectionsForRegime } from '../agreement-view.ts';
import type { Content, Section, Version } from '../content-model.ts';
import { escapeHtml } from '../html.ts';
import { renderMarkdownBody } from '../markdown.ts';
import { publishedRegimes, readerHref } from './agreements.ts';
import { versionPairs } from '../agreement/versions.ts';
import { joinGerman } from '../format.ts';
import type { Link } from './home.ts';
import { memo } from '../memo.ts';
import { urls } from './urls.ts';

export type ChangeKind = 'neu' | 'entfallen' | 'geaendert' | 'nummer';

const TONES: Record<ChangeKind, ChangeEntry['tone']> = { neu: 'ok', entfallen: 'bad', geaendert: 'warn', nummer: 'warn' };

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  neu: 'Neu',
  entfallen: 'Entfallen',
  geaendert: 'Geändert',
  nummer: 'Nur neu nummeriert',
};

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
  fromHref: string;
  toHref: string;
  pageTitle: string;
  path: string;
  /** The author's summary of the change (version.yaml `changes`). */
  summary: string[];
  counts: { kind: ChangeKind; label: string; count: number }[];
  entries: ChangeEntry[];
  unchanged: Link[];
}

export interface ChangesRoute {
  agreement: string;
  from: string;
  to: string;
}

export function changesRoutes(content: Content): ChangesRoute[] {
  return content.agreements.flatMap((a) => versionPairs(a).map(([from, to]) => ({ agreement: a.id, from: from.version, to: to.version })));
}

/** Source text of a § for comparison: Markdown with line ends normalised and paragraphs separated by one blank line. */
export function comparableText(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Word-level diff as HTML: unchanged text, <del> for removed and <ins> for inserted words, each with visible markers and screen-reader text. */
export function renderWordDiffHtml(oldText: string, newText: string): string {
  const parts = diffWords(oldText, newText);
  const out: string[] = ['<p>'];
  for (const part of parts) {
    const tag = part.added ? 'ins' : part.removed ? 'del' : undefined;
    const blocks = part.value.split(/\n{2,}/);
    blocks.forEach((block, i) => {
      if (i > 0) out.push('</p>\n<p>');
      if (block === '') return;
      const html = block
        .split('\n')
        .map((line) => escapeHtml(line))
        .join('<br>');
      if (!tag) out.push(html);
      else if (tag === 'ins') {
        out.push(`<ins><span class="diff-marke" aria-hidden="true">[+</span><span class="visually-hidden">Eingefügt: </span>${html}<span class="diff-marke" aria-hidden="true">]</span><span class="visually-hidden"> (Ende der Einfügung)</span></ins>`);
      } else {
        out.push(`<del><span class="diff-marke" aria-hidden="true">[−</span><span class="visually-hidden">Gestrichen: </span>${html}<span class="diff-marke" aria-hidden="true">]</span><span class="visually-hidden"> (Ende der Streichung)</span></del>`);
      }
    });
  }
  out.push('</p>');
  return out.join('').replace(/<p><\/p>/g, '');
}

interface Reading {
  section?: Section;
  key: string;
}

function readingKey(s: Section | undefined): string {
  return s ? `${s.number}\u0000${s.title}\u0000${comparableText(s.body)}` : '-';
}

function regimesText(regimes: Regime[]): string {
  return `Fassung für Träger unter ${joinGerman(regimes.map((r) => REGIME_LABELS[r]))}`;
}

function sectionLabel(s: Section): string {
  return `§\u00a0${s.number}`;
}

export function buildChangesView(content: Content, agreementId: string, fromId: string, toId: string): ChangesView {
  return memo(content, `changes:${agreementId}:${fromId}:${toId}`, () => {
    const agreement = findAgreement(content, agreementId);
    const from = findVersion(agreement, fromId);
    const to = findVersion(agreement, toId);
    const ids = orderedIds(from, to);
    const entries: ChangeEntry[] = [];
    const unchanged: Link[] = [];
    for (const id of ids) {
      // Group the regimes that read the same old and new text, so a § differing by regime shows once per reading.
      const groups = new Map<string, { regimes: Regime[]; old?: Section; neu?: Section }>();
      for (const regime of REGIMES) {
        const old: Reading = { section: sectionsForRegime(from, regime).find((s) => s.id === id), key: '' };
        const neu: Reading = { section: sectionsForRegime(to, regime).find((s) => s.id === id), key: '' };
        if (!old.section && !neu.section) continue;
        const key = `${readingKey(old.section)}\u0001${readingKey(neu.section)}`;
        const group = groups.get(key) ?? { regimes: [], old: old.section, neu: neu.section };
        group.regimes.push(regime);
        groups.set(key, group);
      }
      const split = groups.size > 1;
      for (const group of groups.values()) {
        const suffix = split ? `-${group.regimes.join('-')}` : '';
        const anchor = `aenderung-${id}${suffix}`;
        const regime = group.regimes[0]!;
        const oldHref = group.old ? `${readerHref(from, regime)}#${id}` : undefined;
        const newHref = group.neu ? `${readerHref(to, regime)}#${id}` : undefined;
        const regimeNote = split ? regimesText(group.regimes) : undefined;
        if (!group.old && group.neu) {
          entries.push({
            kind: 'neu',
            kindLabel: CHANGE_KIND_LABELS.neu,
            tone: TONES.neu,
            sectionId: id,
            anchor,
            newLabel: sectionLabel(group.neu),
            title: group.neu.title,
            regimeNote,
            regimes: group.regimes,
            textHtml: renderMarkdownBody(group.neu.body, `${anchor}-text`).html,
            newHref,
          });
          continue;
        }
        if (group.old && !group.neu) {
          entries.push({
            kind: 'entfallen',
            kindLabel: CHANGE_KIND_LABELS.entfallen,
            tone: TONES.entfallen,
            sectionId: id,
            anchor,
            oldLabel: sectionLabel(group.old),
            title: group.old.title,
            regimeNote,
            regimes: group.regimes,
            textHtml: renderMarkdownBody(group.old.body, `${anchor}-text`).html,
            oldHref,
          });
          continue;
        }
        const old = group.old!;
        const neu = group.neu!;
        const oldText = comparableText(old.body);
        const newText = comparableText(neu.body);
        const textChanged = oldText !== newText;
        const titleChanged = old.title !== neu.title;
        const renumbered = old.number !== neu.number ? `${sectionLabel(old)} → ${sectionLabel(neu)}` : undefined;
        if (!textChanged && !titleChanged && !renumbered) {
          if (!unchanged.some((l) => l.href === newHref)) unchanged.push({ href: newHref!, label: `${sectionLabel(neu)} ${neu.title}${regimeNote ? ` (${regimeNote})` : ''}` });
          continue;
        }
        const kind: ChangeKind = textChanged || titleChanged ? 'geaendert' : 'nummer';
        entries.push({
          kind,
          kindLabel: CHANGE_KIND_LABELS[kind],
          tone: TONES[kind],
          sectionId: id,
          anchor,
          oldLabel: sectionLabel(old),
          newLabel: sectionLabel(neu),
          renumbered,
          title: neu.title,
          regimeNote,
          regimes: group.regimes,
          titleDiffHtml: titleChanged ? renderWordDiffHtml(old.title, neu.title).replace(/^<p>|<\/p>$/g, '') : undefined,
          diffHtml: textChanged ? renderWordDiffHtml(oldText, newText) : undefined,
          oldHref,
          newHref,
        });
      }
    }
    const kinds: ChangeKind[] = ['neu', 'geaendert', 'nummer', 'entfallen'];
    return {
      agreementId,
      shortTitle: agreement.short_title,
      title: agreement.title,
      from: fromId,
      to: toId,
      fromHref: urls.reader(agreementId, fromId),
      toHref: urls.reader(agreementId, toId),
      pageTitle: `Änderungen von Version ${fromId} zu ${toId} – ${agreement.short_title}`,
      path: urls.changes(agreementId, fromId, toId),
      summary: to.changes,
      counts: kinds.map((kind) => ({ kind, label: CHANGE_KIND_LABELS[kind], count: entries.filter((e) => e.kind === kind).length })),
      entries,
      unchanged,
    };
  });
}

/** Section ids in reading order: by the new number; a removed § right after the § that preceded it in the old version. */
function orderedIds(from: Version, to: Version): string[] {
  const position = new Map<string, number>();
  for (const s of to.sections) position.set(s.id, s.number);
  const oldOrder = [...new Map(from.sections.map((s) => [s.id, s.number])).entries()].sort((a, b) => a[1] - b[1]);
  oldOrder.forEach(([id], i) => {
    if (position.has(id)) return;
    const predecessor = oldOrder.slice(0, i).reverse().find(([other]) => to.sections.some((s) => s.id === other));
    position.set(id, (predecessor ? position.get(predecessor[0])! : 0) + 0.5 + i / 1000);
  });
  return [...position.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
}
