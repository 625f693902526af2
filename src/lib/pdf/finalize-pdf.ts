import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFObject, PDFStream, PDFString } from 'pdf-lib';
import { escapeHtml } from '../html.ts';
import { addOutputIntent, completeTableRows, conformanceXmp, describeLinks, markPaginationArtifacts, setFileId, setStructureTabOrder, wrapListBodies } from './conformance.ts';
import type { PdfMetadata } from './party-document.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

/** The text of every h1–h6 in document order: what Chromium turns into the outline. */
export function headingTitles(html: string): string[] {
  const out: string[] = [];
  for (const match of html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi)) {
    const text = (match[2] ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
        if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
        if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
        return ENTITIES[name] ?? entity;
      })
      .replace(/[ \t\r\n]+/g, ' ')
      .trim();
    out.push(text);
  }
  return out;
}

/**
 * Chromium builds bookmark titles from the laid-out lines: a wrapped heading loses the space at
 * the break, and with web fonts a heading after a forced page break comes out twice. The titles
 * are set again from the headings of the HTML when the outline has exactly one item per heading.
 */
function fixOutlineTitles(pdf: PDFDocument, titles: string[]): boolean {
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!outlines) return titles.length === 0;
  const items: PDFDict[] = [];
  const walk = (first: PDFDict | undefined) => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      items.push(item);
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  walk(outlines.lookupMaybe(PDFName.of('First'), PDFDict));
  if (items.length !== titles.length) return false;
  items.forEach((item, i) => item.set(PDFName.of('Title'), PDFHexString.fromText(titles[i]!)));
  return true;
}

/**
 * Chromium tags <strong> and <em> with the PDF 2.0 types Strong and Em, which PDF 1.7 readers
 * (and PDF/UA-1 checkers) do not know; a role map names the standard type they stand for.
 */
const ROLE_MAP: Record<string, string> = { Strong: 'Span', Em: 'Span', Sub: 'Span', Title: 'P', Aside: 'Div', FENote: 'Note', DocumentFragment: 'Part' };

function addRoleMap(pdf: PDFDocument): void {
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (!root) return;
  const existing = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  const map = existing ?? pdf.context.obj({});
  for (const [from, to] of Object.entries(ROLE_MAP)) {
    if (!map.has(PDFName.of(from))) map.set(PDFName.of(from), PDFName.of(to));
  }
  if (!existing) root.set(PDFName.of('RoleMap'), map);
}

/** A structure id as Chromium writes it (after a DOM node id). */
export const NODE_ID = /^node(\d+)$/;

/** Visits every string inside dictionaries and arrays (not stream data); `replace` may swap it. */
function visitStrings(pdf: PDFDocument, replace: (value: string) => string | undefined): void {
  const seen = new Set<PDFObject>();
  const visit = (obj: PDFObject | undefined, set: (next: PDFObject) => void): void => {
    if (!obj) return;
    if (obj instanceof PDFString || obj instanceof PDFHexString) {
      const next = replace(obj instanceof PDFString ? obj.asString() : obj.decodeText());
      if (next !== undefined) set(PDFString.of(next));
      return;
    }
    if (seen.has(obj)) return;
    if (obj instanceof PDFStream) {
      seen.add(obj);
      visit(obj.dict, () => undefined);
    } else if (obj instanceof PDFDict) {
      seen.add(obj);
      for (const [key, value] of obj.entries()) visit(value, (next) => obj.set(key, next));
    } else if (obj instanceof PDFArray) {
      seen.add(obj);
      for (let i = 0; i < obj.size(); i++) visit(obj.get(i), (next) => obj.set(i, next));
    }
  };
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) visit(obj, () => undefined);
}

/**
 * Chromium names structure elements after DOM node ids („node00000084“), which depend on what the
 * page showed before. Renumbering them by rank (1, 2, 3 … in their order) makes a PDF printed on a
 * reused page byte-identical to one printed on a fresh page; the order, and so the sorted
 * IDTree, stays the same.
 */
export function normalizeStructureIds(pdf: PDFDocument): number {
  const numbers = new Set<number>();
  visitStrings(pdf, (value) => {
    const match = NODE_ID.exec(value);
    if (match) numbers.add(Number(match[1]));
    return undefined;
  });
  const rank = rankOf(numbers);
  visitStrings(pdf, (value) => {
    const match = NODE_ID.exec(value);
    return match ? nodeId(rank.get(Number(match[1]))!) : undefined;
  });
  return numbers.size;
}

/** Each number → its rank (1, 2, 3 … in ascending order). */
export function rankOf(numbers: Set<number>): Map<number, number> {
  return new Map([...numbers].sort((a, b) => a - b).map((n, i) => [n, i + 1]));
}

/** The structure id numbered `n`, eight digits like Chromium's. */
export const nodeId = (n: number) => `node${String(n).padStart(8, '0')}`;

const RAW_NODE_ID = /\(node(\d+)\)/g;

/**
 * The same renumbering on Chromium's bytes, before parsing: its structure elements, IDTree and
 * table headers hold the ids as literal strings in uncompressed objects, and an id of eight digits
 * keeps its length, so no offset moves. A tenth of the time of walking every object. Undefined
 * when an id has another length (a page that printed very many documents): then the walk does it.
 */
export function normalizeStructureIdsInBytes(input: Uint8Array): Uint8Array | undefined {
  const text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
  const numbers = new Set<number>();
  for (const match of text.matchAll(RAW_NODE_ID)) {
    if (match[1]!.length !== 8) return undefined;
    numbers.add(Number(match[1]));
  }
  if (numbers.size === 0) return input;
  const rank = rankOf(numbers);
  return new Uint8Array(Buffer.from(text.replace(RAW_NODE_ID, (_, digits: string) => `(${nodeId(rank.get(Number(digits))!)})`), 'latin1'));
}

export interface FinalizedPdf {
  bytes: Uint8Array;
  pages: number;
  /** False when the outline did not match the headings and kept Chromium's titles. */
  outlineFixed: boolean;
}

/** ISO date from the content → midnight UTC of that day: no clock, no time zone surprises. */
export function pdfDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function xmpPacket(meta: PdfMetadata): string {
  const x = escapeHtml;
  const date = (iso: string) => `${iso}T00:00:00Z`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${x(meta.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${x(meta.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${x(meta.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>${meta.language}</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>${x(meta.keywords.join(', '))}</pdf:Keywords>
<pdf:Producer>${x(meta.producer)}</pdf:Producer>
<xmp:CreatorTool>${x(meta.creator)}</xmp:CreatorTool>
<xmp:CreateDate>${date(meta.creationDate)}</xmp:CreateDate>
<xmp:ModifyDate>${date(meta.modDate)}</xmp:ModifyDate>
<xmp:MetadataDate>${date(meta.modDate)}</xmp:MetadataDate>
</rdf:Description>
${conformanceXmp()}
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/**
 * Re-saves Chromium's PDF with metadata from the content: title, author, subject, keywords,
 * creator, producer, dates, document language and an XMP packet. Chromium's own output differs
 * between runs only in its dates; after this step the bytes are the same for the same input.
 * The structure tree (tags) and the outline are kept as they are.
 */
export async function finalizePdf(input: Uint8Array, meta: PdfMetadata, outlineTitles: string[] = []): Promise<FinalizedPdf> {
  // updateMetadata: false, or pdf-lib stamps its own producer and the current time. No pauses
  // for the event loop while parsing and saving (it runs in a worker): 40 % less time.
  const renumbered = normalizeStructureIdsInBytes(input);
  const pdf = await PDFDocument.load(renumbered ?? input, { updateMetadata: false, parseSpeed: Infinity });
  return finalizeLoadedPdf(pdf, meta, outlineTitles, { idsNormalized: renumbered !== undefined });
}

/**
 * finalizePdf on a document already in memory (e.g. one assembled from several prints), which
 * saves parsing it again. `idsNormalized`: its structure ids are already numbered 1, 2, 3 …
 */
export async function finalizeLoadedPdf(
  pdf: PDFDocument,
  meta: PdfMetadata,
  outlineTitles: string[] = [],
  options: { idsNormalized?: boolean } = {},
): Promise<FinalizedPdf> {
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  // One string, as in the XMP packet (pdf-lib would join with spaces): PDF/A wants them equal.
  pdf.setKeywords([meta.keywords.join(', ')]);
  pdf.setCreator(meta.creator);
  pdf.setProducer(meta.producer);
  pdf.setCreationDate(pdfDate(meta.creationDate));
  pdf.setModificationDate(pdfDate(meta.modDate));
  pdf.setLanguage(meta.language);
  const catalog = pdf.catalog;
  catalog.set(PDFName.of('Lang'), PDFString.of(meta.language));
  const xmp = pdf.context.stream(new TextEncoder().encode(xmpPacket(meta)), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), pdf.context.register(xmp));
  const outlineFixed = fixOutlineTitles(pdf, outlineTitles);
  addRoleMap(pdf);
  // PDF/UA-1 and PDF/A-2a (conformance.ts; veraPDF checks them in the tests).
  addOutputIntent(pdf);
  setFileId(pdf, meta);
  setStructureTabOrder(pdf);
  markPaginationArtifacts(pdf);
  describeLinks(pdf);
  completeTableRows(pdf);
  wrapListBodies(pdf);
  if (!options.idsNormalized) normalizeStructureIds(pdf);
  // Object streams: a quarter of the time and half the size of a plain re-save (thousands of
  // small structure-tree objects), and just as reproducible.
  const bytes = await pdf.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  return { bytes, pages: pdf.getPageCount(), outlineFixed };
}
