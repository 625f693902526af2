import {
  BorderStyle,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

/**
 * The HTML a PDF prints – cover, agreement text, annexes, signature page from `templates/`, or the
 * Synopse – as Word paragraphs and tables, so a Word file says exactly what its PDF says and no
 * word of it lives in code. Headings become Word's own heading styles (h1 the title, h2 Heading 1,
 * h3 Heading 2, h4 Heading 3); numbers of §§, Absätze and list items stay literal text, as printed.
 * <del>/<ins> become struck-through and underlined runs with their brackets; text only a screen
 * reader hears (`visually-hidden`) is left out – Word shows the brackets and the marks.
 */

/** Run formatting inherited from the elements around a text. */
interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  underline?: boolean;
  /** Text in a bracket marker („[−“, „]“): never struck or underlined, bold. */
  marker?: boolean;
  small?: boolean;
}

export interface HtmlToDocxOptions {
  /** Classes of a section after which a new page begins (the cover). */
  pageBreakAfter?: readonly string[];
  /** Classes of a section that begins on a new page (annexes, signatures). */
  pageBreakBefore?: readonly string[];
  /** Width of the text area in twentieths of a point, for tables (A4 portrait with 25/20 mm margins: 9,354). */
  textWidth: number;
}

const HEADINGS: Record<string, (typeof HeadingLevel)[keyof typeof HeadingLevel]> = {
  h1: HeadingLevel.TITLE,
  h2: HeadingLevel.HEADING_1,
  h3: HeadingLevel.HEADING_2,
  h4: HeadingLevel.HEADING_3,
  h5: HeadingLevel.HEADING_4,
};

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'ul', 'ol', 'li', 'table', 'dl', 'dt', 'dd', 'div', 'section', 'main', 'article', 'header', 'footer', 'nav', 'caption', 'blockquote']);
const SKIP = new Set(['head', 'style', 'script', 'title', 'meta', 'template']);

const classes = (el: Element) => (el.attribs.class ?? '').split(/\s+/).filter(Boolean);
const isElement = (node: ChildNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';

/** Whitespace as HTML renders it: runs of spaces and line ends are one space; a no-break space stays. */
function collapse(text: string): string {
  return text.replace(/[ \t\r\n\f]+/g, ' ');
}

/** A piece of inline content: text with its formatting, or a line break. */
type Piece = { text: string; style: RunStyle } | { lineBreak: true };

/** The pieces of an inline subtree, whitespace collapsed as HTML shows it. */
function inlinePieces(nodes: readonly ChildNode[], style: RunStyle, out: Piece[]): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = collapse((node as unknown as { data: string }).data);
      if (text) out.push({ text, style });
      continue;
    }
    if (!isElement(node) || SKIP.has(node.name)) continue;
    const cls = classes(node);
    if (cls.includes('visually-hidden')) continue;
    if (node.name === 'br') {
      out.push({ lineBreak: true });
      continue;
    }
    const next: RunStyle = { ...style };
    if (node.name === 'strong' || node.name === 'b' || node.name === 'th') next.bold = true;
    if (node.name === 'em' || node.name === 'i') next.italics = true;
    if (node.name === 'del' || node.name === 's') next.strike = true;
    if (node.name === 'ins' || node.name === 'u') next.underline = true;
    if (node.name === 'small') next.small = true;
    if (cls.includes('diff-marke')) next.marker = true;
    inlinePieces(node.children, next, out);
  }
}

function run(text: string, style: RunStyle): TextRun {
  const options: IRunOptions = {
    text,
    ...(style.bold || style.marker ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    ...(style.strike && !style.marker ? { strike: true } : {}),
    ...(style.underline && !style.marker ? { underline: {} } : {}),
    ...(style.small ? { size: 18 } : {}),
  };
  return new TextRun(options);
}

/** The runs of a block's inline content; spaces HTML would not show at its start and end (and around a line break) dropped. */
function trimmed(nodes: readonly ChildNode[], style: RunStyle): ParagraphChild[] {
  const pieces: Piece[] = [];
  inlinePieces(nodes, style, pieces);
  const edit = (i: number, f: (t: string) => string) => {
    const p = pieces[i];
    if (p && 'text' in p) pieces[i] = { ...p, text: f(p.text) };
  };
  pieces.forEach((p, i) => {
    if ('lineBreak' in p) {
      edit(i - 1, (t) => t.trimEnd());
      edit(i + 1, (t) => t.trimStart());
    }
  });
  edit(0, (t) => t.trimStart());
  edit(pieces.length - 1, (t) => t.trimEnd());
  return pieces.flatMap((p) => ('lineBreak' in p ? [new TextRun({ break: 1 })] : p.text ? [run(p.text, p.style)] : []));
}

const hasBlockChild = (el: Element) => el.children.some((c) => isElement(c) && BLOCKS.has(c.name));

/** Converts block content: each block element becomes paragraphs or a table. */
class Converter {
  private readonly out: FileChild[] = [];
  /** The next paragraph begins a new page. */
  pendingBreak: boolean;
  /** Something precedes in the document (a page break before the first block would leave an empty page). */
  private readonly started: boolean;
  private readonly options: HtmlToDocxOptions;

  constructor(options: HtmlToDocxOptions, state: { pendingBreak?: boolean; started?: boolean } = {}) {
    this.options = options;
    this.pendingBreak = state.pendingBreak ?? false;
    this.started = state.started ?? false;
  }

  result(): FileChild[] {
    return this.out;
  }

  private paragraph(children: ParagraphChild[], extra: ConstructorParameters<typeof Paragraph>[0] & object = {}): void {
    const text = children.length > 0 ? children : [];
    this.out.push(new Paragraph({ ...extra, children: text, ...(this.pendingBreak ? { pageBreakBefore: true } : {}) }));
    this.pendingBreak = false;
  }

  blocks(nodes: readonly ChildNode[], style: RunStyle = {}): void {
    let inline: ChildNode[] = [];
    const flush = () => {
      if (inline.some((n) => (n.type === 'text' ? collapse((n as unknown as { data: string }).data).trim() !== '' : isElement(n)))) {
        this.paragraph((trimmed(inline, style)));
      }
      inline = [];
    };
    for (const node of nodes) {
      if (isElement(node) && (BLOCKS.has(node.name) || SKIP.has(node.name))) {
        flush();
        if (!SKIP.has(node.name)) this.block(node, style);
      } else inline.push(node);
    }
    flush();
  }

  private block(el: Element, style: RunStyle): void {
    const cls = classes(el);
    if (cls.includes('visually-hidden')) return;
    if (this.options.pageBreakBefore?.some((c) => cls.includes(c))) this.pendingBreak = this.started || this.out.length > 0;
    const heading = HEADINGS[el.name];
    if (heading) {
      this.paragraph((trimmed(el.children, {})), { heading, keepNext: true });
    } else if (el.name === 'p' || el.name === 'dt' || el.name === 'dd' || el.name === 'caption') {
      if (hasBlockChild(el)) this.blocks(el.children, style);
      else this.paragraph((trimmed(el.children, el.name === 'dt' ? { ...style, bold: true } : style)), el.name === 'caption' ? { style: 'Caption', keepNext: true } : {});
    } else if (el.name === 'ul' || el.name === 'ol') {
      this.list(el, style);
    } else if (el.name === 'table') {
      this.table(el);
    } else if (cls.includes('linie')) {
      // A signature line: the label under a ruled line, with room to sign above it.
      this.paragraph((trimmed(el.children, { ...style, small: true })), { border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 } }, spacing: { before: 600 } });
    } else {
      this.blocks(el.children, style);
    }
    if (this.options.pageBreakAfter?.some((c) => cls.includes(c))) this.pendingBreak = true;
  }

  /** List items with their printed marker as text („1.“, „•“): numbers that survive redlining. */
  private list(el: Element, style: RunStyle): void {
    const start = Number(el.attribs.start ?? 1);
    let index = 0;
    for (const item of el.children) {
      if (!isElement(item) || item.name !== 'li') continue;
      const marker = el.name === 'ol' ? `${start + index}.` : '•';
      index++;
      const inline = item.children.filter((c) => !(isElement(c) && BLOCKS.has(c.name)));
      const nested = item.children.filter((c) => isElement(c) && BLOCKS.has(c.name));
      this.paragraph([new TextRun({ text: `${marker}\t` }), ...(trimmed(inline, style))], { indent: { left: 567, hanging: 567 }, tabStops: [{ type: 'left', position: 567 }] });
      if (nested.length > 0) this.blocks(nested, style);
    }
  }

  private table(el: Element): void {
    const rows: { cells: Element[]; header: boolean }[] = [];
    const collect = (parent: Element, header: boolean) => {
      for (const child of parent.children) {
        if (!isElement(child)) continue;
        if (child.name === 'caption') this.block(child, {});
        else if (child.name === 'thead') collect(child, true);
        else if (child.name === 'tbody' || child.name === 'tfoot') collect(child, false);
        else if (child.name === 'tr') rows.push({ cells: child.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th')), header });
      }
    };
    collect(el, false);
    const columns = Math.max(1, ...rows.map((r) => r.cells.reduce((n, c) => n + Number(c.attribs.colspan ?? 1), 0)));
    const width = Math.floor(this.options.textWidth / columns);
    if (rows.length === 0) return;
    this.out.push(
      new Table({
        layout: TableLayoutType.FIXED,
        width: { size: width * columns, type: WidthType.DXA },
        columnWidths: Array.from({ length: columns }, () => width),
        rows: rows.map(
          (r) =>
            new TableRow({
              tableHeader: r.header,
              cantSplit: false,
              children: r.cells.map((cell) => {
                const inner = new Converter({ ...this.options, textWidth: width, pageBreakAfter: [], pageBreakBefore: [] });
                inner.blocks(cell.children, cell.name === 'th' ? { bold: true } : {});
                const span = Number(cell.attribs.colspan ?? 1);
                return new TableCell({
                  columnSpan: span > 1 ? span : undefined,
                  width: { size: width * span, type: WidthType.DXA },
                  margins: { top: 40, bottom: 40, left: 80, right: 80 },
                  children: inner.result().length > 0 ? (inner.result() as (Paragraph | Table)[]) : [new Paragraph({})],
                });
              }),
            }),
        ),
      }),
    );
    this.pendingBreak = false;
  }
}

/** The elements of the `<body>` (or of the whole fragment) and the source they were parsed from. */
function bodyOf(html: string): readonly ChildNode[] {
  const dom = parseDocument(html, { decodeEntities: true, withStartIndices: true, withEndIndices: true });
  const find = (nodes: readonly ChildNode[]): Element | undefined => {
    for (const n of nodes) {
      if (!isElement(n)) continue;
      if (n.name === 'body') return n;
      const hit = find(n.children);
      if (hit) return hit;
    }
    return undefined;
  };
  return find(dom.children)?.children ?? dom.children;
}

/** The `<body>` (or the whole fragment) of `html` as Word paragraphs and tables. */
export function htmlToDocx(html: string, options: HtmlToDocxOptions): FileChild[] {
  const converter = new Converter(options);
  converter.blocks(bodyOf(html));
  return converter.result();
}

/**
 * One top-level part of the body (cover, agreement text, an annex …): its source, and how to
 * convert it. Parts with the same source convert to the same Word XML, so a build converts the
 * agreement text shared by many copies once (see working-copy.ts).
 */
export interface DocxUnit {
  /** The part's HTML source. */
  source: string;
  /** Converts the part; `pendingBreak`: a new page begins before it; `started`: content precedes it. */
  convert(state: { pendingBreak: boolean; started: boolean }): { children: FileChild[]; pendingBreak: boolean };
}

export function htmlToDocxUnits(html: string, options: HtmlToDocxOptions): DocxUnit[] {
  const units: DocxUnit[] = [];
  let loose: ChildNode[] = [];
  const unit = (nodes: ChildNode[]): DocxUnit => ({
    source: nodes.map((n) => html.slice(n.startIndex ?? 0, (n.endIndex ?? -1) + 1)).join(''),
    convert: (state) => {
      const converter = new Converter(options, state);
      converter.blocks(nodes);
      return { children: converter.result(), pendingBreak: converter.pendingBreak };
    },
  });
  for (const node of bodyOf(html)) {
    if (isElement(node) && BLOCKS.has(node.name)) {
      if (loose.length > 0) units.push(unit(loose));
      loose = [];
      units.push(unit([node]));
    } else loose.push(node);
  }
  if (loose.some((n) => n.type !== 'text' || collapse((n as unknown as { data: string }).data).trim() !== '')) units.push(unit(loose));
  return units;
}
