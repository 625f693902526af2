import { REGIME_LABELS, type Regime } from '../../schemas/common.ts';
import { findAgreement, findVersion } from '../agreement-view.ts';
import type { Content, Section, Version } from '../content-model.ts';
import { exampleMarkText } from '../example-data.ts';
import { joinGerman } from '../format.ts';
import { memo } from '../memo.ts';
import { changelogBetween, noteCovers, sectionListText, type NumberedChangeNote } from './changelog.ts';
import {
  blockSegments,
  CHANGE_KIND_LABELS,
  collapseAbsaetze,
  comparableText,
  compareAbsaetze,
  compareVersionSections,
  numbersOnlySummary,
  renumberingOf,
  rewrittenLabel,
  segmentsHtml,
  type AbsatzComparison,
  type AbsatzState,
  type ChangeKind,
  type DiffSegment,
  type MarkMedium,
  type SectionComparison,
} from './compare.ts';

/**
 * The Synopse of two versions: § by §, Absatz beside Absatz, the old version on the left and the
 * new one on the right, changed words marked in each column; unchanged runs as one line, a §
 * whose only change is its number (and references following it) as one line, the changelog's
 * reason under each changed §, and one entry per regime reading where the readings differ.
 * Built on the same comparison as the changes page and the letters (compare.ts); site, PDF and
 * Word file render this one model.
 */

/** One paragraph of a column: its runs of text, changed ones marked. */
export type SynopsisParagraph = DiffSegment[];

/** A row of a § in the Synopse: an Absatz in both versions, or one line for what need not be shown. */
export type SynopsisRow =
  | {
      type: 'absatz';
      state: AbsatzState;
      /** „Abs. 5 neu gefasst“ for a rewritten Absatz (both columns then show the whole text unmarked). */
      note?: string;
      /** The Absatz in the old version; empty when it was inserted. */
      old: SynopsisParagraph[];
      /** The Absatz in the new version; empty when it was removed. */
      neu: SynopsisParagraph[];
    }
  | { type: 'note'; text: string };

/** The changelog's reason for a §: in full under the first § the entry covers, a pointer to it under the others. */
export interface SynopsisReason {
  /** „Änderung 3“, with the version when the range spans several: „Änderung 3 (Version 1.2)“. */
  label: string;
  number: number;
  /** The full reason (and example mark) under the first § of the entry; absent under the others. */
  text?: string;
  /** Where the reason stands in full: the anchor and „§ 1“ of that entry, for the others. */
  firstAnchor: string;
  firstLabel: string;
}

export interface SynopsisSection {
  type: 'section';
  id: string;
  /** Unique per reading: `synopse-weisungen`, `synopse-datenschutzaufsicht-kdg`. */
  anchor: string;
  kind: Exclude<ChangeKind, 'nummer'>;
  kindLabel: string;
  /** „§ 20 (bisher § 19)“, „§ 7“; the old number for a removed §. */
  label: string;
  oldLabel?: string;
  newLabel?: string;
  /** The new title (the old one for a removed §). */
  title: string;
  /** „Fassung KDG und DSG-EKD“ when the § reads differently by regime. */
  variant?: string;
  regimes: Regime[];
  /** Set when the title changed: both titles, the changed words marked. */
  titleChange?: { old: SynopsisParagraph; neu: SynopsisParagraph };
  rows: SynopsisRow[];
  reasons: SynopsisReason[];
}

/** One line for §§ the Synopse need not show: unchanged runs, renumbered §§, an unchanged reading of a § that changed for another. */
export interface SynopsisLine {
  type: 'line';
  text: string;
  /** What the line stands for (for counts and tests). */
  what: 'unveraendert' | 'nummer' | 'lesart';
  sectionIds: string[];
}

export type SynopsisItem = SynopsisSection | SynopsisLine;

/** A changelog entry of the range, as the Synopse lists it before the table. */
export interface SynopsisChange {
  number: number;
  label: string;
  version: string;
  text: string;
  reason?: string;
  exampleText?: string;
  /** „§§ 1, 2, 4–7 und 19“, numbered as in the entry's own version (a removed § by its old number); empty when the entry names none. */
  sectionsText: string;
}

export interface Synopsis {
  agreementId: string;
  from: Version;
  to: Version;
  changes: SynopsisChange[];
  items: SynopsisItem[];
  /** How many §§ (ids) change in some reading, and how many do not change at all. */
  changedCount: number;
  unchangedCount: number;
}

/** The column headings of a Synopse and what an empty cell says to a screen reader. */
export interface SynopsisColumns {
  /** „Version 1.1 (bisher)“ */
  oldColumn: string;
  /** „Version 1.2 (neu, Entwurf)“ */
  newColumn: string;
  /** „In Version 1.1 nicht enthalten“ */
  oldEmpty: string;
  newEmpty: string;
}

export function synopsisColumns(from: Pick<Version, 'version'>, to: Pick<Version, 'version' | 'status'>): SynopsisColumns {
  return {
    oldColumn: `Version ${from.version} (bisher)`,
    newColumn: `Version ${to.version} (neu${to.status === 'entwurf' ? ', Entwurf' : ''})`,
    oldEmpty: `In Version ${from.version} nicht enthalten`,
    newEmpty: `In Version ${to.version} nicht enthalten`,
  };
}

/** „Fassung DSGVO“, „Fassung KDG und DSG-EKD“: the regime readings an entry is for. */
export function readingLabel(regimes: readonly Regime[]): string {
  return `Fassung ${joinGerman(regimes.map((r) => REGIME_LABELS[r]))}`;
}

const sectionLabel = (s: Section) => `§\u00a0${s.number}`;

/** „§ 8“, „§§ 8 und 9“, „§§ 8 bis 12“. */
function sectionRange(first: number, last: number): string {
  return first === last ? `§\u00a0${first}` : `§§\u00a0${first} ${last === first + 1 ? 'und' : 'bis'} ${last}`;
}

/** The paragraphs of one side of an Absatz; `plain` drops the marks (a rewritten Absatz, a new or removed §). */
function sideParagraphs(absatz: AbsatzComparison, side: 'old' | 'neu', plain: boolean): SynopsisParagraph[] {
  return absatz.blocks
    .filter((b) => b[side] !== undefined)
    .map((b) => (plain ? [{ text: b[side]! }] : blockSegments(b, side)));
}

function absatzRow(absatz: AbsatzComparison, plain = false): SynopsisRow {
  const rewritten = absatz.state === 'neu-gefasst';
  return {
    type: 'absatz',
    state: absatz.state,
    ...(rewritten ? { note: rewrittenLabel(absatz) } : {}),
    old: sideParagraphs(absatz, 'old', plain || rewritten),
    neu: sideParagraphs(absatz, 'neu', plain || rewritten),
  };
}

const MARKUP_ONLY = 'Der Wortlaut ist unverändert; geändert ist nur die Auszeichnung (etwa eine Hervorhebung oder ein Verweisziel).';

/** The rows of a changed reading: changed Absätze beside each other, unchanged runs as a line. */
function changedRows(c: SectionComparison, renumbering: ReadonlyMap<number, number>): SynopsisRow[] {
  if (c.oldText === undefined) return [{ type: 'note', text: 'Wortlaut unverändert' }];
  const rows: SynopsisRow[] = c.oldText === c.newText ? [{ type: 'note', text: MARKUP_ONLY }] : [];
  for (const row of collapseAbsaetze(compareAbsaetze(c.oldText, c.newText!, renumbering))) {
    rows.push('note' in row ? { type: 'note', text: row.note } : absatzRow(row.absatz));
  }
  return rows;
}

/** A new or removed §: its Absätze in their column, unmarked; the other column stays empty. */
function wholeRows(section: Section, side: 'old' | 'neu'): SynopsisRow[] {
  const text = comparableText(section.body);
  const absaetze = side === 'neu' ? compareAbsaetze('', text) : compareAbsaetze(text, '');
  return absaetze.map((a) => absatzRow(a, true));
}

/** The Synopse of `from` → `to` of one agreement. */
export function buildSynopsis(content: Content, agreementId: string, fromId: string, toId: string): Synopsis {
  return memo(content, `synopsis:${agreementId}:${fromId}:${toId}`, () => {
    const agreement = findAgreement(content, agreementId);
    const from = findVersion(agreement, fromId);
    const to = findVersion(agreement, toId);
    const renumbering = renumberingOf(from, to);
    const notes = changelogBetween(agreement, fromId, toId);
    const severalVersions = new Set(notes.map((n) => n.version)).size > 1;
    const changeLabel = (n: NumberedChangeNote) => `Änderung ${n.number}${severalVersions ? ` (Version ${n.version})` : ''}`;
    const firstOf = new Map<number, { anchor: string; label: string }>();
    const coveredBy = new Map<number, number[]>();

    const comparisons = compareVersionSections(from, to);
    const byId = new Map<string, SectionComparison[]>();
    for (const c of comparisons) byId.set(c.id, [...(byId.get(c.id) ?? []), c]);

    const items: SynopsisItem[] = [];
    let changedCount = 0;
    let unchangedCount = 0;
    // Runs of §§ shown as one line: unchanged ones, and ones only renumbered.
    let run: { what: 'unveraendert' | 'nummer'; ids: string[]; oldFirst: number; oldLast: number; newFirst: number; newLast: number } | undefined;
    const flush = () => {
      if (!run) return;
      const range = sectionRange(run.newFirst, run.newLast);
      const text =
        run.what === 'unveraendert'
          ? `${range} unverändert`
          : `${range} (bisher ${sectionRange(run.oldFirst, run.oldLast)}) nur neu nummeriert, Wortlaut unverändert`;
      items.push({ type: 'line', text, what: run.what, sectionIds: run.ids });
      run = undefined;
    };
    const extend = (what: 'unveraendert' | 'nummer', id: string, old: Section, neu: Section) => {
      if (run && (run.what !== what || neu.number !== run.newLast + 1 || old.number !== run.oldLast + 1)) flush();
      if (!run) run = { what, ids: [], oldFirst: old.number, oldLast: old.number, newFirst: neu.number, newLast: neu.number };
      run.ids.push(id);
      run.oldLast = old.number;
      run.newLast = neu.number;
    };

    for (const [id, readings] of byId) {
      const split = readings.length > 1;
      if (readings.every((c) => !c.kind)) {
        unchangedCount++;
        extend('unveraendert', id, readings[0]!.old!, readings[0]!.neu!);
        continue;
      }
      // Only the number changed, in every reading: the text is the same.
      if (readings.every((c) => c.kind === 'nummer')) {
        changedCount++;
        extend('nummer', id, readings[0]!.old!, readings[0]!.neu!);
        continue;
      }
      flush();
      changedCount++;
      for (const c of readings) {
        const section = (c.neu ?? c.old)!;
        const variant = split ? readingLabel(c.regimes) : undefined;
        const heading = c.old && c.neu && c.old.number !== c.neu.number ? `§\u00a0${c.neu.number} (bisher §\u00a0${c.old.number})` : sectionLabel(section);
        if (!c.kind || c.numbersOnly) {
          // The summary names the old number itself.
          const what = c.kind ? numbersOnlySummary(c, renumbering) : 'Unverändert.';
          items.push({ type: 'line', text: `${sectionLabel(section)} ${section.title}${variant ? ` (${variant})` : ''}: ${what}`, what: c.kind ? 'nummer' : 'lesart', sectionIds: [id] });
          continue;
        }
        const anchor = `synopse-${id}${split ? `-${c.regimes.join('-')}` : ''}`;
        const kind = c.kind === 'nummer' ? 'geaendert' : c.kind;
        const rows = kind === 'neu' ? wholeRows(c.neu!, 'neu') : kind === 'entfallen' ? wholeRows(c.old!, 'old') : changedRows(c, renumbering);
        const reasons: SynopsisReason[] = [];
        for (const note of notes) {
          const inVersion = findVersion(agreement, note.version).sections.find((s) => s.id === id) ?? section;
          if (!noteCovers(note, inVersion)) continue;
          coveredBy.set(note.number, [...(coveredBy.get(note.number) ?? []), section.number]);
          const first = firstOf.get(note.number);
          if (!first) firstOf.set(note.number, { anchor, label: heading });
          const full = note.reason ?? note.text;
          const example = note.example ? ` (${exampleMarkText(note.example)})` : '';
          reasons.push({
            label: changeLabel(note),
            number: note.number,
            ...(first ? {} : { text: `${full}${example}` }),
            firstAnchor: first?.anchor ?? anchor,
            firstLabel: first?.label ?? heading,
          });
        }
        items.push({
          type: 'section',
          id,
          anchor,
          kind,
          kindLabel: CHANGE_KIND_LABELS[kind],
          label: heading,
          ...(c.old ? { oldLabel: sectionLabel(c.old) } : {}),
          ...(c.neu ? { newLabel: sectionLabel(c.neu) } : {}),
          title: section.title,
          ...(variant ? { variant } : {}),
          regimes: c.regimes,
          ...(c.titleChanged ? { titleChange: { old: blockSegments({ old: c.old!.title, neu: c.neu!.title }, 'old'), neu: blockSegments({ old: c.old!.title, neu: c.neu!.title }, 'neu') } } : {}),
          rows,
          reasons,
        });
      }
    }
    flush();

    const changes: SynopsisChange[] = notes.map((n) => {
      // The §§ the entry names, numbered as in its own version (its text counts them so), else those whose text names it.
      const own = findVersion(agreement, n.version);
      const numbers = n.sections.length > 0 ? n.sections.flatMap((sid) => (own.sections.find((x) => x.id === sid) ?? from.sections.find((x) => x.id === sid))?.number ?? []) : (coveredBy.get(n.number) ?? []);
      return {
        number: n.number,
        label: changeLabel(n),
        version: n.version,
        text: n.text,
        ...(n.reason ? { reason: n.reason } : {}),
        ...(n.example ? { exampleText: exampleMarkText(n.example) } : {}),
        sectionsText: numbers.length > 0 ? sectionListText(numbers) : '',
      };
    });
    return { agreementId, from, to, changes, items, changedCount, unchangedCount };
  });
}

/** A column's paragraphs as HTML (site and PDF): each a <p>, changed words as <del>/<ins> with brackets and screen-reader words. */
export function renderSynopsisParagraphsHtml(paragraphs: readonly SynopsisParagraph[], medium: MarkMedium = 'screen'): string {
  return paragraphs.map((p) => `<p>${segmentsHtml(p, medium)}</p>`).join('');
}

/** The text of a column without marks (tests, search, Word file fallback). */
export function synopsisParagraphsText(paragraphs: readonly SynopsisParagraph[]): string {
  return paragraphs.map((p) => p.map((s) => s.text).join('')).join('\n\n');
}
