import { diffArrays, diffWords } from 'diff';
import type { List, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { REGIMES, type Regime } from '../../schemas/common.ts';
import { sectionsForRegime } from '../agreement-view.ts';
import type { Section, Version } from '../content-model.ts';
import { escapeHtml } from '../html.ts';
import { joinGerman } from '../format.ts';

/**
 * What changes from one version to the next, § by § and regime variant by regime variant. The
 * changes page and the letters to the parties („Was ändert sich für Sie?“) both render this.
 */

export type ChangeKind = 'neu' | 'entfallen' | 'geaendert' | 'nummer';

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  neu: 'Neu',
  entfallen: 'Entfallen',
  geaendert: 'Geändert',
  nummer: 'Nur neu nummeriert',
};

/** The same after a § heading in running text („§ 22 Module (geändert)“), not as a badge. */
export const CHANGE_KIND_IN_SENTENCE: Record<ChangeKind, string> = {
  neu: 'neu',
  entfallen: 'entfallen',
  geaendert: 'geändert',
  nummer: 'nur neu nummeriert',
};

/** One reading of a § across two versions, shared by the regimes in `regimes`. */
export interface SectionComparison {
  id: string;
  /** Absent: nothing changed for these regimes. */
  kind?: ChangeKind;
  regimes: Regime[];
  /** The § reads differently for other regimes (the reading is one of several). */
  split: boolean;
  old?: Section;
  neu?: Section;
  /** The texts as the reader reads them (comparableText), set when both exist and their sources differ. */
  oldText?: string;
  newText?: string;
  titleChanged: boolean;
  /**
   * Set when nothing changed but numbers: the § number, and §-references in the text that follow
   * the renumbering (renumberingOf). A letter says so in one line.
   */
  numbersOnly?: boolean;
}

/** Markdown source with line ends normalised and paragraphs separated by one blank line: what makes two texts the same. */
export function normalisedSource(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter(Boolean)
    .join('\n\n');
}

type MdNode = Root | RootContent;

/** The words of an inline node as read: emphasis, link syntax and escapes gone, a source line break is a space, a hard break a line. */
function inlineText(node: MdNode): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value.replace(/\n/g, ' ');
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    case 'html':
      return '';
    default:
      return 'children' in node ? (node.children as MdNode[]).map(inlineText).join('') : '';
  }
}

function blocksOf(node: MdNode, out: string[]): void {
  switch (node.type) {
    case 'root':
    case 'blockquote':
      for (const child of node.children) blocksOf(child, out);
      return;
    case 'list':
      listBlocks(node, out);
      return;
    case 'code':
      out.push(node.value);
      return;
    case 'html':
    case 'thematicBreak':
    case 'definition':
      return;
    default:
      out.push(inlineText(node));
  }
}

/** Each list item a block of its own, with the marker the reader sees („1.“, „•“). */
function listBlocks(list: List, out: string[]): void {
  list.children.forEach((item, i) => {
    const inner: string[] = [];
    for (const child of item.children) blocksOf(child, inner);
    const marker = list.ordered ? `${(list.start ?? 1) + i}.` : '•';
    out.push(...inner.map((block, j) => (j === 0 ? `${marker} ${block}` : block)));
  });
}

/**
 * The text of a § as the reader reads it, for the word-level comparison: Markdown parsed, its
 * markup (emphasis, link syntax, escapes) removed, line breaks of the source joined with a space,
 * paragraphs and list items separated by one blank line.
 */
export function comparableText(body: string): string {
  const out: string[] = [];
  blocksOf(unified().use(remarkParse).parse(body.replace(/\r\n?/g, '\n')) as Root, out);
  return out
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/[ \t]+/g, ' ').trim())
        .join('\n')
        .trim(),
    )
    .filter(Boolean)
    .join('\n\n');
}

const INS_OPEN = '<ins><span class="diff-marke" aria-hidden="true">[+</span><span class="visually-hidden">Eingefügt: </span>';
const INS_CLOSE = '<span class="diff-marke" aria-hidden="true">]</span><span class="visually-hidden"> (Ende der Einfügung)</span></ins>';
const DEL_OPEN = '<del><span class="diff-marke" aria-hidden="true">[−</span><span class="visually-hidden">Gestrichen: </span>';
const DEL_CLOSE = '<span class="diff-marke" aria-hidden="true">]</span><span class="visually-hidden"> (Ende der Streichung)</span></del>';

/** Text of one block as HTML: escaped, a line break as <br>. */
function blockTextHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => escapeHtml(line))
    .join('<br>');
}

/**
 * Where marked HTML is read: on `screen` the brackets are hidden from screen readers, which hear
 * the visually hidden words instead; in `print` (a tagged PDF) nothing hidden is printed, so each
 * bracket carries the words as its text alternative (Chromium tags it as a figure with /Alt).
 */
export type MarkMedium = 'screen' | 'print';

const PRINT_MARKS: Record<DiffMark, [string, string]> = {
  ins: ['<ins><span class="diff-marke" role="img" aria-label="Eingefügt:">[+</span>', '<span class="diff-marke" role="img" aria-label="Ende der Einfügung">]</span></ins>'],
  del: ['<del><span class="diff-marke" role="img" aria-label="Gestrichen:">[−</span>', '<span class="diff-marke" role="img" aria-label="Ende der Streichung">]</span></del>'],
};

/**
 * Removed or inserted text as HTML: <del>/<ins> (struck through or underlined), visible brackets
 * „[−…]“/„[+…]“ that survive black-and-white printing, and words a screen reader says
 * („Gestrichen:“, „Eingefügt:“).
 */
export function markedHtml(mark: DiffMark, html: string, medium: MarkMedium = 'screen'): string {
  if (medium === 'print') return `${PRINT_MARKS[mark][0]}${html}${PRINT_MARKS[mark][1]}`;
  return mark === 'ins' ? `${INS_OPEN}${html}${INS_CLOSE}` : `${DEL_OPEN}${html}${DEL_CLOSE}`;
}

export type DiffMark = 'ins' | 'del';

/** A run of text on one side of a comparison; `mark` when it is removed (old side) or inserted (new side). */
export interface DiffSegment {
  text: string;
  mark?: DiffMark;
}

/** One paragraph (block) of a comparison: its old and its new text (both for an unchanged or changed block, one for a removed or inserted one). */
export interface DiffBlock {
  old?: string;
  neu?: string;
}

/** Segments of a block as one side shows it: the words both share, and its own removed or inserted ones marked. */
export function blockSegments(block: DiffBlock, side: 'old' | 'neu'): DiffSegment[] {
  const own = block[side];
  if (own === undefined) return [];
  const other = block[side === 'old' ? 'neu' : 'old'];
  const mark: DiffMark = side === 'old' ? 'del' : 'ins';
  if (other === undefined) return [{ text: own, mark }];
  if (other === own) return [{ text: own }];
  const parts = diffWords(block.old!, block.neu!).filter((part) => !(side === 'old' ? part.added : part.removed));
  return onto(own, parts).map((text, i) => (parts[i]!.added || parts[i]!.removed ? { text, mark } : { text }));
}

/**
 * The parts of one side of a word diff as that side's own text. diffWords ignores whitespace and
 * may take a shared word's spacing from the other text („vornimmt .“); each part takes its
 * characters from `source` instead, a space between two parts going with the part before it.
 */
function onto(source: string, parts: readonly { value: string }[]): string[] {
  const out: string[] = [];
  let pos = 0;
  const space = () => {
    const start = pos;
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
    return source.slice(start, pos);
  };
  for (const part of parts) {
    const lead = space();
    if (lead && out.length > 0 && !/^\s/.test(part.value)) out[out.length - 1] += lead;
    let text = lead && (out.length === 0 || /^\s/.test(part.value)) ? lead : '';
    for (const char of part.value.replace(/\s+/g, '')) {
      text += space();
      // The same non-space characters in the same order: diffWords compares nothing else.
      if (source[pos] === char) text += source[pos++];
    }
    if (/\s$/.test(part.value)) text += space();
    out.push(text);
  }
  if (pos < source.length && out.length > 0) out[out.length - 1] += source.slice(pos);
  return out;
}

/** Segments as HTML: escaped, line breaks as <br>, marked runs as <del>/<ins> with their brackets and screen-reader words. */
export function segmentsHtml(segments: readonly DiffSegment[], medium: MarkMedium = 'screen'): string {
  return segments.map((s) => (s.mark ? markedHtml(s.mark, blockTextHtml(s.text), medium) : blockTextHtml(s.text))).join('');
}

/** A block as one paragraph with both sides' changes interleaved: the inline word diff. */
function inlineBlockHtml(block: DiffBlock): string {
  if (block.old === undefined) return `<p>${markedHtml('ins', blockTextHtml(block.neu!))}</p>`;
  if (block.neu === undefined) return `<p>${markedHtml('del', blockTextHtml(block.old))}</p>`;
  if (block.old === block.neu) return `<p>${blockTextHtml(block.old)}</p>`;
  const html = diffWords(block.old, block.neu)
    .map((part) => (part.added ? markedHtml('ins', blockTextHtml(part.value)) : part.removed ? markedHtml('del', blockTextHtml(part.value)) : blockTextHtml(part.value)))
    .join('');
  return `<p>${html}</p>`;
}

/** How much two paragraphs share, 0–1 (Dice coefficient over their words). */
function similarity(a: string, b: string): number {
  const words = (t: string) => t.split(/\s+/).filter(Boolean);
  const left = words(a);
  const right = new Map<string, number>();
  for (const w of words(b)) right.set(w, (right.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of left) {
    const n = right.get(w) ?? 0;
    if (n > 0) {
      common++;
      right.set(w, n - 1);
    }
  }
  const total = left.length + words(b).length;
  return total === 0 ? 1 : (2 * common) / total;
}

/**
 * Removed and added paragraphs between two unchanged ones: a removed paragraph is compared word by
 * word with the next added one it resembles (the same Absatz, changed or renumbered); the others
 * are shown whole as removed or inserted. So an inserted Absatz or list item reads as one insertion,
 * not as words and punctuation spread over its neighbours.
 */
function pairBlocks(removed: readonly string[], added: readonly string[]): DiffBlock[] {
  // One paragraph for one: the same Absatz, however much it changed.
  if (removed.length === 1 && added.length === 1) return [{ old: removed[0], neu: added[0] }];
  const out: DiffBlock[] = [];
  let next = 0;
  for (const block of removed) {
    let best = -1;
    let bestScore = 0.4;
    for (let k = next; k < added.length; k++) {
      const score = similarity(block, added[k]!);
      if (score >= bestScore && (best < 0 || score > bestScore)) {
        best = k;
        bestScore = score;
      }
    }
    if (best < 0) {
      out.push({ old: block });
      continue;
    }
    for (; next < best; next++) out.push({ neu: added[next]! });
    out.push({ old: block, neu: added[best] });
    next = best + 1;
  }
  for (; next < added.length; next++) out.push({ neu: added[next]! });
  return out;
}

/** Paragraph by paragraph (blocks separated by a blank line): unchanged ones as they are, removed and added ones paired where they are the same Absatz. */
function compareBlocks(oldText: string, newText: string): DiffBlock[] {
  const blocks = (text: string) => text.split(/\n{2,}/).filter((b) => b !== '');
  const out: DiffBlock[] = [];
  let removed: string[] = [];
  for (const hunk of diffArrays(blocks(oldText), blocks(newText))) {
    if (hunk.removed) {
      removed.push(...hunk.value);
    } else if (hunk.added) {
      out.push(...pairBlocks(removed, hunk.value));
      removed = [];
    } else {
      out.push(...pairBlocks(removed, []), ...hunk.value.map((block) => ({ old: block, neu: block })));
      removed = [];
    }
  }
  out.push(...pairBlocks(removed, []));
  return out;
}

/**
 * When an Absatz counts as rewritten: more than this share of the words of its two readings is
 * not common to both (removed and inserted words over all words, compared word by word as the
 * diff compares them; punctuation counts as a word). Such an Absatz is shown whole, old and new,
 * marked „neu gefasst“: a word diff of it interleaves so many fragments that neither reading can
 * be read. One half: „most of it changed“.
 */
export const REWRITE_THRESHOLD = 0.5;

/**
 * Short Absätze stay a word diff however much of them changed: with fewer words than this in both
 * readings together the diff is a fragment or two, and reads well („Genehmigt [−ist][+sind]:“).
 */
export const REWRITE_MIN_WORDS = 20;

const WORD = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;
const countWords = (text: string) => text.match(WORD)?.length ?? 0;

/** Removed and inserted words, and all words of both readings (as diffWords splits them). */
function wordChanges(oldText: string, newText: string): { changed: number; total: number } {
  let changed = 0;
  for (const part of diffWords(oldText, newText)) if (part.added || part.removed) changed += countWords(part.value);
  return { changed, total: countWords(oldText) + countWords(newText) };
}

/** Share of changed words between two readings, 0 (the same words) to 1 (no word in common): removed and inserted words over all words of both. */
export function changedWordShare(oldText: string, newText: string): number {
  const { changed, total } = wordChanges(oldText, newText);
  return total === 0 ? 0 : changed / total;
}

/** The one rule for „Absatz neu gefasst“ (changes page, letters, Synopse): most of its words changed, and it is not a short one. */
export function isRewritten(oldText: string, newText: string): boolean {
  const { changed, total } = wordChanges(oldText, newText);
  return total >= REWRITE_MIN_WORDS && changed / total > REWRITE_THRESHOLD;
}

export interface WordDiffOptions {
  /**
   * For a letter: only the changed Absätze with their word diff; a run of unchanged Absätze as
   * one line („Abs.\u00a02 bis 4 unverändert“), an Absatz whose only change is a §-reference that
   * follows `renumbering` as one line too. The changes page shows everything (the default).
   */
  changedOnly?: boolean;
  /** Old § number → new § number (renumberingOf), for references that only follow the renumbering. */
  renumbering?: ReadonlyMap<number, number>;
}

const HINT_MARKUP_ONLY = '<p class="diff-hinweis">Der Wortlaut ist unverändert; geändert ist nur die Auszeichnung (etwa eine Hervorhebung oder ein Verweisziel).</p>';

/**
 * Comparison as HTML, paragraph by paragraph (blocks separated by a blank line), then word by word
 * within a changed paragraph: unchanged text, <del> for removed and <ins> for inserted words, each
 * with visible markers and screen-reader text. A rewritten Absatz (isRewritten) is shown whole,
 * the old and the new reading one after the other. With `changedOnly`, unchanged Absätze collapse
 * to a line.
 */
export function renderWordDiffHtml(oldText: string, newText: string, options: WordDiffOptions = {}): string {
  const absaetze = compareAbsaetze(oldText, newText, options.renumbering);
  // The sources differ, the words do not: say so rather than show a comparison without a mark.
  const hint = oldText === newText ? [HINT_MARKUP_ONLY] : [];
  const rows = options.changedOnly ? collapseAbsaetze(absaetze) : absaetze.map((absatz) => ({ absatz }));
  const body = rows.map((row) => ('note' in row ? `<p class="diff-unveraendert">${escapeHtml(row.note)}</p>` : absatzInlineHtml(row.absatz)));
  return [...hint, ...body].join('\n');
}

/** An Absatz in the inline diff: its blocks word by word, or a rewritten one whole, old then new. */
function absatzInlineHtml(absatz: AbsatzComparison): string {
  if (absatz.state !== 'neu-gefasst') return absatz.blocks.map(inlineBlockHtml).join('\n');
  const side = (which: 'old' | 'neu') =>
    absatz.blocks
      .filter((b) => b[which] !== undefined)
      .map((b) => `<p>${blockTextHtml(b[which]!)}</p>`)
      .join('');
  return [
    '<div class="diff-neufassung">',
    `<p class="diff-neufassung-kopf"><strong>${escapeHtml(rewrittenLabel(absatz))}</strong> – bisheriger und neuer Wortlaut im Ganzen:</p>`,
    `<div class="diff-bisher"><p class="diff-etikett">Bisher:</p><del class="diff-ganz">${side('old')}</del></div>`,
    `<div class="diff-neu"><p class="diff-etikett">Neu:</p><ins class="diff-ganz">${side('neu')}</ins></div>`,
    '</div>',
  ].join('\n');
}

/** „Abs. 5 neu gefasst“, „Abs. 6 (bisher Abs. 5) neu gefasst“; „Absatz neu gefasst“ for text without a number. */
export function rewrittenLabel(absatz: Pick<AbsatzComparison, 'oldNo' | 'newNo'>): string {
  if (absatz.newNo === undefined) return 'Absatz neu gefasst';
  const moved = absatz.oldNo !== undefined && absatz.oldNo !== absatz.newNo ? ` (bisher Abs.\u00a0${absatz.oldNo})` : '';
  return `Abs.\u00a0${absatz.newNo}${moved} neu gefasst`;
}

/** „(3) …“ → 3: the number of an Absatz at the start of a block. */
function absatzNumber(block: string | undefined): number | undefined {
  const m = block?.match(/^\((\d+)\)/);
  return m ? Number(m[1]) : undefined;
}

/**
 * How an Absatz reads in the new version: `unveraendert` (same words, perhaps another number),
 * `verweise` (only §-references that follow the renumbering), `geaendert` (shown word by word),
 * `neu-gefasst` (isRewritten: shown whole), `eingefuegt`, `gestrichen`.
 */
export type AbsatzState = 'unveraendert' | 'verweise' | 'geaendert' | 'neu-gefasst' | 'eingefuegt' | 'gestrichen';

/** One Absatz of a § in two versions: a block opening with „(n)“ starts one; list items and further paragraphs belong to it. */
export interface AbsatzComparison {
  oldNo?: number;
  newNo?: number;
  state: AbsatzState;
  /** For `verweise`: the references it changes, „§ 23 → § 24“. */
  references: string[];
  blocks: DiffBlock[];
}

/** Blocks grouped into Absätze: a block opening with „(n)“ starts one; list items and further paragraphs belong to it. */
function groupAbsaetze(blocks: readonly DiffBlock[]): Pick<AbsatzComparison, 'oldNo' | 'newNo' | 'blocks'>[] {
  const out: Pick<AbsatzComparison, 'oldNo' | 'newNo' | 'blocks'>[] = [];
  for (const block of blocks) {
    const newNo = absatzNumber(block.neu);
    const oldNo = absatzNumber(block.old);
    if (newNo !== undefined || oldNo !== undefined || out.length === 0) out.push({ oldNo, newNo, blocks: [block] });
    else out.at(-1)!.blocks.push(block);
  }
  return out;
}

const withoutAbsatzNumber = (text: string) => text.replace(/^\(\d+\)\s*/, '');

function absatzStateOf(absatz: Pick<AbsatzComparison, 'oldNo' | 'newNo' | 'blocks'>, renumbering: ReadonlyMap<number, number>): Pick<AbsatzComparison, 'state' | 'references'> {
  const present = (side: 'old' | 'neu') => absatz.blocks.filter((b) => b[side] !== undefined).map((b) => b[side]!);
  const old = present('old');
  const neu = present('neu');
  if (old.length === 0) return { state: 'eingefuegt', references: [] };
  if (neu.length === 0) return { state: 'gestrichen', references: [] };
  const oldText = old.join('\n\n');
  const newText = neu.join('\n\n');
  const whole = old.length === absatz.blocks.length && neu.length === absatz.blocks.length;
  if (whole && withoutAbsatzNumber(oldText) === withoutAbsatzNumber(newText)) return { state: 'unveraendert', references: [] };
  if (whole && mapSectionReferences(withoutAbsatzNumber(oldText), renumbering) === withoutAbsatzNumber(newText)) {
    return { state: 'verweise', references: changedReferences(oldText, renumbering) };
  }
  return { state: isRewritten(oldText, newText) ? 'neu-gefasst' : 'geaendert', references: [] };
}

/**
 * Two readings of a § Absatz by Absatz: blocks compared and paired (an inserted or removed Absatz
 * stands alone), grouped by their „(n)“, each with its state. A removed Absatz followed by an
 * inserted one under the same number is that Absatz rewritten.
 */
export function compareAbsaetze(oldText: string, newText: string, renumbering: ReadonlyMap<number, number> = new Map()): AbsatzComparison[] {
  const out: AbsatzComparison[] = [];
  for (const group of groupAbsaetze(compareBlocks(oldText, newText))) {
    const absatz: AbsatzComparison = { ...group, ...absatzStateOf(group, renumbering) };
    const previous = out.at(-1);
    if (absatz.state === 'eingefuegt' && previous?.state === 'gestrichen' && previous.oldNo !== undefined && previous.oldNo === absatz.newNo) {
      out[out.length - 1] = { oldNo: previous.oldNo, newNo: absatz.newNo, state: 'neu-gefasst', references: [], blocks: [...previous.blocks, ...absatz.blocks] };
      continue;
    }
    out.push(absatz);
  }
  return out;
}

const SECTION_REFERENCE = /(§§?[\s\u00a0]*)(\d+(?:\s*(?:[–-]|,|und|bis|oder)\s*\d+)*)/g;
/** What follows a reference to another law: „§ 15 Abs. 1 S. 2 SchulG“, „§ 90 SGB VIII“. */
const OTHER_LAW = /^(?:[\s\u00a0]+(?:Abs\.|S\.|Satz|Nr\.|lit\.)[\s\u00a0]*[\da-z]+)*[\s\u00a0]+(?:SGB\b|[A-ZÄÖÜ][\wäöüßÄÖÜ-]*[A-ZÄÖÜ])/u;

/**
 * §-references to this agreement in a text („§ 23“, „§§ 18–27“, „§§ 1, 22 und 28“), each number
 * mapped old → new; references to another law („§ 90 SGB VIII“) stay as they are.
 */
export function mapSectionReferences(text: string, renumbering: ReadonlyMap<number, number>): string {
  return text.replace(SECTION_REFERENCE, (match: string, sign: string, numbers: string, offset: number) =>
    OTHER_LAW.test(text.slice(offset + match.length)) ? match : sign + numbers.replace(/\d+/g, (n) => String(renumbering.get(Number(n)) ?? n)),
  );
}

/** The §-references to this agreement that a text changes by the renumbering: „§ 23 → § 24“, once each, by old number. */
export function changedReferences(text: string, renumbering: ReadonlyMap<number, number>): string[] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(SECTION_REFERENCE)) {
    if (OTHER_LAW.test(text.slice(m.index + m[0].length))) continue;
    for (const n of m[2]!.match(/\d+/g)!) {
      const to = renumbering.get(Number(n));
      if (to !== undefined && to !== Number(n) && !out.some(([from]) => from === Number(n))) out.push([Number(n), to]);
    }
  }
  return out.sort((x, y) => x[0] - y[0]).map(([from, to]) => `§\u00a0${from} → §\u00a0${to}`);
}

/** „Abs. 3“, „Abs. 2 und 3“, „Abs. 2 bis 4“. */
function absatzRange(first: number, last: number): string {
  return first === last ? `Abs.\u00a0${first}` : last === first + 1 ? `Abs.\u00a0${first} und ${last}` : `Abs.\u00a0${first} bis ${last}`;
}

/** An Absatz to show, or one line for a run of Absätze that need not be shown. */
export type CollapsedAbsatz = { absatz: AbsatzComparison } | { note: string };

/**
 * The changed Absätze; a run of unchanged ones (numbers consecutive in both versions) as one line,
 * „Abs.\u00a02 bis 4 unverändert“ or, when they moved, „Abs.\u00a03 und 4 unverändert (bisher
 * Abs.\u00a02 und 3)“; a run changed only in its §-references as one line too. Text before the
 * first numbered Absatz is shown as it is. The letters and the Synopse show a § this way.
 */
export function collapseAbsaetze(absaetze: readonly AbsatzComparison[]): CollapsedAbsatz[] {
  const out: CollapsedAbsatz[] = [];
  // A run of Absätze in the same state, numbers consecutive in both versions: one line.
  let run: { state: 'unveraendert' | 'verweise'; absaetze: AbsatzComparison[]; references: string[] } | undefined;
  const flush = () => {
    if (!run) return;
    const first = run.absaetze[0]!;
    const last = run.absaetze.at(-1)!;
    const range = absatzRange(first.newNo!, last.newNo!);
    const moved = first.oldNo !== first.newNo ? ` (bisher ${absatzRange(first.oldNo!, last.oldNo!)})` : '';
    if (run.state === 'unveraendert') out.push({ note: `${range} unverändert${moved}` });
    else {
      const what = run.references.length === 1 ? 'Verweis' : 'Verweise';
      out.push({ note: `${range}${moved}: nur ${what} an die neue Nummerierung angepasst (${joinGerman(run.references)})` });
    }
    run = undefined;
  };
  for (const absatz of absaetze) {
    const collapsible = (absatz.state === 'unveraendert' || absatz.state === 'verweise') && absatz.oldNo !== undefined && absatz.newNo !== undefined;
    if (!collapsible) {
      flush();
      out.push({ absatz });
      continue;
    }
    const state = absatz.state as 'unveraendert' | 'verweise';
    const previous = run?.absaetze.at(-1);
    if (run && (run.state !== state || absatz.newNo !== previous!.newNo! + 1 || absatz.oldNo !== previous!.oldNo! + 1)) flush();
    run ??= { state, absaetze: [], references: [] };
    run.absaetze.push(absatz);
    if (state === 'verweise') for (const r of absatz.references) if (!run.references.includes(r)) run.references.push(r);
  }
  flush();
  return out;
}

/**
 * One line for a § in which only numbers changed (`numbersOnly`): „Nur neu nummeriert: bisher
 * § 23, jetzt § 24; nur der Verweis an die neue Nummerierung angepasst (§ 27 → § 28).“ The letters
 * and the Synopse show such a § this way instead of its text.
 */
export function numbersOnlySummary(c: Pick<SectionComparison, 'old' | 'neu' | 'oldText'>, renumbering: ReadonlyMap<number, number>): string {
  const renumbered = c.old && c.neu && c.old.number !== c.neu.number;
  const changed = c.oldText !== undefined ? changedReferences(c.oldText, renumbering) : [];
  const references = changed.length === 0 ? '' : `Nur ${changed.length === 1 ? 'der Verweis' : 'die Verweise'} an die neue Nummerierung angepasst (${joinGerman(changed)})`;
  return renumbered
    ? `Nur neu nummeriert: bisher §\u00a0${c.old!.number}, jetzt §\u00a0${c.neu!.number}${references ? `; ${references.charAt(0).toLowerCase()}${references.slice(1)}` : ''}.`
    : `${references}.`;
}

/** What makes two readings of a § the same: number, title and normalised source (a changed link target is a change). */
export function readingKey(s: Section | undefined): string {
  return s ? `${s.number}\u0000${s.title}\u0000${normalisedSource(s.body)}` : '-';
}

/**
 * Every § of either version in reading order, grouped by the regimes that read the same old and
 * new text, so a § differing by regime appears once per reading.
 */
export function compareVersionSections(from: Version, to: Version): SectionComparison[] {
  const result: SectionComparison[] = [];
  const renumbering = renumberingOf(from, to);
  for (const id of orderedIds(from, to)) {
    const groups = new Map<string, { regimes: Regime[]; old?: Section; neu?: Section }>();
    for (const regime of REGIMES) {
      const old = sectionsForRegime(from, regime).find((s) => s.id === id);
      const neu = sectionsForRegime(to, regime).find((s) => s.id === id);
      if (!old && !neu) continue;
      const key = `${readingKey(old)}\u0001${readingKey(neu)}`;
      const group = groups.get(key) ?? { regimes: [], old, neu };
      group.regimes.push(regime);
      groups.set(key, group);
    }
    const split = groups.size > 1;
    for (const group of groups.values()) {
      const base = { id, regimes: group.regimes, split, old: group.old, neu: group.neu };
      if (!group.old || !group.neu) {
        result.push({ ...base, kind: group.old ? 'entfallen' : 'neu', titleChanged: false });
        continue;
      }
      const textChanged = normalisedSource(group.old.body) !== normalisedSource(group.neu.body);
      const oldText = textChanged ? comparableText(group.old.body) : undefined;
      const newText = textChanged ? comparableText(group.neu.body) : undefined;
      const titleChanged = group.old.title !== group.neu.title;
      const renumbered = group.old.number !== group.neu.number;
      const kind: ChangeKind | undefined = textChanged || titleChanged ? 'geaendert' : renumbered ? 'nummer' : undefined;
      const numbersOnly = kind === 'nummer' || (kind === 'geaendert' && !titleChanged && oldText !== newText && mapSectionReferences(oldText!, renumbering) === newText);
      result.push({ ...base, kind, titleChanged, ...(textChanged ? { oldText, newText } : {}), ...(numbersOnly ? { numbersOnly } : {}) });
    }
  }
  return result;
}

/** Old § number → new § number for every § in both versions (a removed or added § has none). */
export function renumberingOf(from: Version, to: Version): Map<number, number> {
  const map = new Map<number, number>();
  for (const old of from.sections) {
    const neu = to.sections.find((s) => s.id === old.id);
    if (neu) map.set(old.number, neu.number);
  }
  return map;
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
