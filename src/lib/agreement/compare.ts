import { diffArrays, diffWords } from 'diff';
import type { List, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { REGIMES, type Regime } from '../../schemas/common.ts';
import { sectionsForRegime } from '../agreement-view.ts';
import type { Section, Version } from '../content-model.ts';
import { escapeHtml } from '../html.ts';

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
function pairBlocks(removed: readonly string[], added: readonly string[]): string[] {
  // One paragraph for one: the same Absatz, however much it changed.
  if (removed.length === 1 && added.length === 1) return [wordDiffBlock(removed[0]!, added[0]!)];
  const out: string[] = [];
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
      out.push(`<p>${marked('del', blockTextHtml(block))}</p>`);
      continue;
    }
    for (; next < best; next++) out.push(`<p>${marked('ins', blockTextHtml(added[next]!))}</p>`);
    out.push(wordDiffBlock(block, added[best]!));
    next = best + 1;
  }
  for (; next < added.length; next++) out.push(`<p>${marked('ins', blockTextHtml(added[next]!))}</p>`);
  return out;
}

/**
 * Comparison as HTML, paragraph by paragraph (blocks separated by a blank line), then word by word
 * within a changed paragraph: unchanged text, <del> for removed and <ins> for inserted words, each
 * with visible markers and screen-reader text.
 */
export function renderWordDiffHtml(oldText: string, newText: string): string {
  const blocks = (text: string) => text.split(/\n{2,}/).filter((b) => b !== '');
  const out: string[] = [];
  // The sources differ, the words do not: say so rather than show a comparison without a mark.
  if (oldText === newText) out.push('<p class="diff-hinweis">Der Wortlaut ist unverändert; geändert ist nur die Auszeichnung (etwa eine Hervorhebung oder ein Verweisziel).</p>');
  let removed: string[] = [];
  for (const hunk of diffArrays(blocks(oldText), blocks(newText))) {
    if (hunk.removed) {
      removed.push(...hunk.value);
    } else if (hunk.added) {
      out.push(...pairBlocks(removed, hunk.value));
      removed = [];
    } else {
      out.push(...pairBlocks(removed, []), ...hunk.value.map((block) => `<p>${blockTextHtml(block)}</p>`));
      removed = [];
    }
  }
  out.push(...pairBlocks(removed, []));
  return out.join('\n');
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
      result.push({ ...base, kind, titleChanged, ...(textChanged ? { oldText, newText } : {}) });
    }
  }
  return result;
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
