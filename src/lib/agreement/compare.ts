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

function marked(tag: 'ins' | 'del', html: string): string {
  return tag === 'ins' ? `${INS_OPEN}${html}${INS_CLOSE}` : `${DEL_OPEN}${html}${DEL_CLOSE}`;
}

/** One paragraph in two readings, compared word by word. */
function wordDiffBlock(oldBlock: string, newBlock: string): string {
  const html = diffWords(oldBlock, newBlock)
    .map((part) => (part.added ? marked('ins', blockTextHtml(part.value)) : part.removed ? marked('del', blockTextHtml(part.value)) : blockTextHtml(part.value)))
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
  const del = (block: string): DiffBlock => ({ html: `<p>${marked('del', blockTextHtml(block))}</p>`, old: block });
  const ins = (block: string): DiffBlock => ({ html: `<p>${marked('ins', blockTextHtml(block))}</p>`, neu: block });
  // One paragraph for one: the same Absatz, however much it changed.
  if (removed.length === 1 && added.length === 1) return [{ html: wordDiffBlock(removed[0]!, added[0]!), old: removed[0], neu: added[0] }];
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
      out.push(del(block));
      continue;
    }
    for (; next < best; next++) out.push(ins(added[next]!));
    out.push({ html: wordDiffBlock(block, added[best]!), old: block, neu: added[best] });
    next = best + 1;
  }
  for (; next < added.length; next++) out.push(ins(added[next]!));
  return out;
}

/** One paragraph (block) of a comparison: its HTML and the old and new text it shows (both for an unchanged block). */
interface DiffBlock {
  html: string;
  old?: string;
  neu?: string;
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
 * with visible markers and screen-reader text. With `changedOnly`, unchanged Absätze collapse to a line.
 */
export function renderWordDiffHtml(oldText: string, newText: string, options: WordDiffOptions = {}): string {
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
      out.push(...pairBlocks(removed, []), ...hunk.value.map((block) => ({ html: `<p>${blockTextHtml(block)}</p>`, old: block, neu: block })));
      removed = [];
    }
  }
  out.push(...pairBlocks(removed, []));
  // The sources differ, the words do not: say so rather than show a comparison without a mark.
  const hint = oldText === newText ? [HINT_MARKUP_ONLY] : [];
  const body = options.changedOnly ? collapseUnchanged(out, options.renumbering ?? new Map()) : out.map((b) => b.html);
  return [...hint, ...body].join('\n');
}

/** „(3) …“ → 3: the number of an Absatz at the start of a block. */
function absatzNumber(block: string | undefined): number | undefined {
  const m = block?.match(/^\((\d+)\)/);
  return m ? Number(m[1]) : undefined;
}

interface Absatz {
  oldNo?: number;
  newNo?: number;
  blocks: DiffBlock[];
}

/** Blocks grouped into Absätze: a block opening with „(n)“ starts one; list items and further paragraphs belong to it. */
function absaetze(blocks: readonly DiffBlock[]): Absatz[] {
  const out: Absatz[] = [];
  for (const block of blocks) {
    const newNo = absatzNumber(block.neu);
    const oldNo = absatzNumber(block.old);
    if (newNo !== undefined || oldNo !== undefined || out.length === 0) out.push({ oldNo, newNo, blocks: [block] });
    else out.at(-1)!.blocks.push(block);
  }
  return out;
}

const withoutAbsatzNumber = (text: string) => text.replace(/^\(\d+\)\s*/, '');

const SECTION_REFERENCE = /(§§?[\s\u00a0]*)(\d+(?:\s*(?:[–-]|,|und|bis|oder)\s*\d+)*)/g;
/** What follows a reference to another law: „§ 15 Abs. 1 S. 2 SächsKitaG“, „§ 90 SGB VIII“. */
const OTHER_LAW = /^(?:[\s\u00a0]+(?:Abs\.|S\.|Satz|Nr\.|lit\.)[\s\u00a0]*[\da-z]+)*[\s\u00a0]+(?:SGB\b|[A-ZÄÖÜ][\wäöüßÄÖÜ-]*[A-ZÄÖÜ])/u;

/**
 * §-references to this agreement in a text („§ 23“, „§§ 18–27“, „§§ 1, 22 und 28“), each number
 * mapped old → new; references to another law („§ 15 SächsKitaG“) stay as they are.
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

type AbsatzState = { state: 'unveraendert' } | { state: 'verweise'; references: string[] } | { state: 'geaendert' };

function absatzState(absatz: Absatz, renumbering: ReadonlyMap<number, number>): AbsatzState {
  const text = (side: 'old' | 'neu') => (absatz.blocks.some((b) => b[side] === undefined) ? undefined : absatz.blocks.map((b) => b[side]!).join('\n\n'));
  const old = text('old');
  const neu = text('neu');
  if (old === undefined || neu === undefined || absatz.newNo === undefined || absatz.oldNo === undefined) return { state: 'geaendert' };
  if (withoutAbsatzNumber(old) === withoutAbsatzNumber(neu)) return { state: 'unveraendert' };
  if (mapSectionReferences(withoutAbsatzNumber(old), renumbering) === withoutAbsatzNumber(neu)) return { state: 'verweise', references: changedReferences(old, renumbering) };
  return { state: 'geaendert' };
}

/**
 * The changed Absätze with their diff; a run of unchanged ones (numbers consecutive in both
 * versions) as one line, „Abs.\u00a02 bis 4 unverändert“ or, when they moved, „Abs.\u00a03 und 4
 * unverändert (bisher Abs.\u00a02 und 3)“; an Absatz changed only in its §-references as one line.
 * Text before the first numbered Absatz is shown as it is.
 */
function collapseUnchanged(blocks: readonly DiffBlock[], renumbering: ReadonlyMap<number, number>): string[] {
  const out: string[] = [];
  // A run of Absätze in the same state, numbers consecutive in both versions: one line.
  let run: { state: 'unveraendert' | 'verweise'; absaetze: Absatz[]; references: string[] } | undefined;
  const flush = () => {
    if (!run) return;
    const first = run.absaetze[0]!;
    const last = run.absaetze.at(-1)!;
    const range = absatzRange(first.newNo!, last.newNo!);
    const moved = first.oldNo !== first.newNo ? ` (bisher ${absatzRange(first.oldNo!, last.oldNo!)})` : '';
    if (run.state === 'unveraendert') out.push(`<p class="diff-unveraendert">${range} unverändert${moved}</p>`);
    else {
      const what = run.references.length === 1 ? 'Verweis' : 'Verweise';
      out.push(`<p class="diff-unveraendert">${range}${moved}: nur ${what} an die neue Nummerierung angepasst (${escapeHtml(joinGerman(run.references))})</p>`);
    }
    run = undefined;
  };
  for (const absatz of absaetze(blocks)) {
    const state = absatzState(absatz, renumbering);
    if (state.state === 'geaendert') {
      flush();
      out.push(...absatz.blocks.map((b) => b.html));
      continue;
    }
    const previous = run?.absaetze.at(-1);
    if (run && (run.state !== state.state || absatz.newNo !== previous!.newNo! + 1 || absatz.oldNo !== previous!.oldNo! + 1)) flush();
    run ??= { state: state.state, absaetze: [], references: [] };
    run.absaetze.push(absatz);
    if (state.state === 'verweise') for (const r of state.references) if (!run.references.includes(r)) run.references.push(r);
  }
  flush();
  return out;
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
