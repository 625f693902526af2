import type { BlockContent, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import type { BeschlusskontrolleView, ReportBlock, TableView } from './view.ts';

/** Marks nodes for HTML: remark-rehype turns `data.hProperties` into attributes; Markdown ignores it. */
function withClass<T extends RootContent>(node: T, className: string, extra: Record<string, string> = {}): T {
  node.data = { ...node.data, hProperties: { className: [className], ...extra } };
  return node;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });

function lines(values: string[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  values.forEach((value, i) => {
    if (i > 0) out.push({ type: 'break' });
    out.push(text(value));
  });
  return out;
}

function paragraph(value: string | PhrasingContent[], className?: string): Paragraph {
  const node: Paragraph = { type: 'paragraph', children: typeof value === 'string' ? [text(value)] : value };
  return className ? withClass(node, className) : node;
}

function cell(value: string): TableCell {
  return { type: 'tableCell', children: value ? [text(value)] : [] };
}

function table(view: TableView): RootContent[] {
  const node: Table = {
    type: 'table',
    align: view.align,
    children: [
      { type: 'tableRow', children: view.header.map(cell) },
      ...view.rows.map((row) => ({ type: 'tableRow' as const, children: row.map(cell) })),
    ],
  };
  return [paragraph([{ type: 'strong', children: [text(view.caption)] }], 'tabellentitel'), node];
}

function blocks(list: ReportBlock[]): RootContent[] {
  return list.flatMap((b) => (b.type === 'paragraph' ? [paragraph(b.text)] : table(b.table)));
}

/**
 * The letter as an mdast tree: the one source of the Markdown and the HTML (and through it the
 * PDF). Classes in `data.hProperties` only shape the printed letter; Markdown readers see a plain
 * document in reading order.
 */
export function renderReportMdast(view: BeschlusskontrolleView): Root {
  const l = view.letter;
  const children: RootContent[] = [];
  // Example content first, where nobody can miss it; in HTML a framed box above the letterhead.
  if (view.example) {
    const { instance, notes } = view.example;
    const phrasing: PhrasingContent[] = [];
    if (instance) phrasing.push({ type: 'strong', children: [text(instance)] }, text(': Dieses Schreiben ist aus Beispielinhalten erzeugt.'));
    if (notes.length > 0) {
      if (phrasing.length > 0) phrasing.push({ type: 'break' });
      phrasing.push({ type: 'strong', children: [text('Beispieldaten')] }, text(' in diesem Schreiben:'));
      for (const note of notes) phrasing.push({ type: 'break' }, text(`– ${note}`));
    }
    children.push(paragraph(phrasing, 'beispielvermerk'));
  }
  children.push(
    paragraph([{ type: 'strong', children: [text(l.documentKind)] }], 'dokumentart'),
    paragraph(lines([l.organisation, l.sender].filter(Boolean)), 'absender'),
    paragraph(l.addressees, 'empfaenger'),
    paragraph(lines([...(l.reference ? [`GZ: ${l.reference}`] : []), `Datum: ${l.dateText}`]), 'angaben'),
    { type: 'heading', depth: 1, children: [text(l.subject)] },
    paragraph([{ type: 'strong', children: [text(l.title)] }], 'betreff-titel'),
    paragraph(l.salutation, 'anrede'),
    paragraph(l.statusSentence),
  );
  for (const point of view.points) {
    children.push(withClass({ type: 'heading', depth: 2, children: [text(point.heading)] }, 'punkt', { id: `punkt-${point.number}` }));
    children.push({ type: 'blockquote', children: [paragraph(point.quote) as BlockContent] });
    children.push(...blocks(point.blocks));
  }
  if (view.timeline) {
    children.push(withClass({ type: 'heading', depth: 2, children: [text(view.timeline.heading)] }, 'verlauf', { id: 'verlauf' }));
    children.push(paragraph(view.timeline.intro));
    children.push(...table(view.timeline.table));
  }
  if (view.outlook) children.push(paragraph(view.outlook));
  children.push(paragraph(l.closing, 'gruss'));
  children.push(paragraph(lines(l.signature), 'unterschrift'));
  if (l.acknowledgement.length > 0) children.push(paragraph(lines(l.acknowledgement), 'kenntnisnahme'));
  // A reproduced record says where its wording comes from and what was corrected, apart from the letter.
  if (view.reproduction) {
    const { source, corrections } = view.reproduction;
    const phrasing: PhrasingContent[] = [{ type: 'strong', children: [text('Wiedergabe')] }, text(`: ${source}.`)];
    if (corrections.length > 0) {
      phrasing.push(text(' Berichtigt und weggelassen:'));
      for (const c of corrections) phrasing.push({ type: 'break' }, text(`– ${c}`));
    }
    children.push(paragraph(phrasing, 'wiedergabe'));
  }
  return { type: 'root', children };
}
