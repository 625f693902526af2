import { deflateSync, inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { sha256Hex, type PdfMetadata } from './party-document.ts';
import { SRGB_ICC_BASE64 } from './srgb-icc.ts';

/*
 * What PDF/UA-1 (ISO 14289-1) and PDF/A-2a (ISO 19005-2, level a) ask of a PDF beyond what
 * Chromium writes: identification in XMP, an output intent, a file identifier, tab order,
 * running header and footer as artifacts, link descriptions, complete table rows. Applied by
 * finalizeLoadedPdf to every PDF the project makes; veraPDF checks the result
 * (`npm run check:pdf`, test/pdf-conformance.test.ts). Pure: no file system, no browser.
 */

/** PDF/A-2 level a: the structure Chromium tags and the Unicode text PDF/UA needs anyway. */
export const PDFA_PART = 2;
export const PDFA_CONFORMANCE = 'A';
export const PDFUA_PART = 1;
/** Part of every PDF cache key: PDFs finalized before these steps existed are made again. */
export const CONFORMANCE_LEVEL = 'PDF/UA-1 PDF/A-2a steps-1';

const N = (name: string) => PDFName.of(name);

/** The extension schema PDF/A requires for the pdfuaid namespace, which PDF/A-2 does not predefine. */
const PDFUA_EXTENSION_SCHEMA = `<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates which part of ISO 14289 the file conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>`;

/** The XMP descriptions that declare PDF/A-2a and PDF/UA-1 (go inside rdf:RDF). */
export function conformanceXmp(): string {
  return `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfaid:part>${PDFA_PART}</pdfaid:part>
<pdfaid:conformance>${PDFA_CONFORMANCE}</pdfaid:conformance>
<pdfuaid:part>${PDFUA_PART}</pdfuaid:part>
</rdf:Description>
${PDFUA_EXTENSION_SCHEMA}`;
}

/** The profile, compressed once per process. */
let iccDeflated: Uint8Array | undefined;

/** An sRGB output intent: Chromium paints in DeviceRGB, which PDF/A allows only with one. */
export function addOutputIntent(pdf: PDFDocument): void {
  iccDeflated ??= new Uint8Array(deflateSync(Buffer.from(SRGB_ICC_BASE64, 'base64')));
  const profile = pdf.context.register(pdf.context.stream(iccDeflated, { N: 3, Filter: 'FlateDecode' }));
  const intent = pdf.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: profile,
  });
  pdf.catalog.set(N('OutputIntents'), pdf.context.obj([intent]));
}

/**
 * The trailer's file identifier (PDF/A requires one): from the metadata, which names the
 * document (title with party and version, dates), so the same document always gets the same id.
 */
export function setFileId(pdf: PDFDocument, meta: PdfMetadata): void {
  const id = PDFHexString.of(sha256Hex(JSON.stringify(meta)).slice(0, 32));
  pdf.context.trailerInfo.ID = pdf.context.obj([id, id]);
}

/** Tab order follows the structure on every page (PDF/UA 7.18.3). */
export function setStructureTabOrder(pdf: PDFDocument): void {
  for (const page of pdf.getPages()) page.node.set(N('Tabs'), N('S'));
}

const ARTIFACT_OPEN = '/Artifact <</Type /Pagination >>BDC\n';
/** The clip to the page area Chromium sets after the page background and the margin boxes. */
const BODY_CLIP = /\bq\s+(?:-?[\d.]+\s+){4}re\s+W\*?\s+n\b/;

function decode(stream: PDFRawStream): Uint8Array | undefined {
  const filter = stream.dict.get(N('Filter'));
  if (filter === undefined) return stream.contents;
  if (filter === N('FlateDecode') || (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === N('FlateDecode'))) {
    return inflateSync(stream.contents);
  }
  return undefined;
}

const PATH_CONSTRUCTION = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're']);
const PATH_PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*']);
const TEXT_SHOWING = new Set(['Tj', 'TJ', "'", '"']);
/**
 * One token of a content stream: white space or a comment (skipped), a literal string (Chromium
 * writes none with nested parentheses), `<<`, `>>`, a hex string, an array bracket, a name, or a
 * number/operator.
 */
const TOKEN = /\s+|%[^\r\n]*|\((?:\\[\s\S]|[^\\()])*\)|<<|>>|<[^<>]*>|[[\]{}]|\/[^\s()<>[\]{}/%]*|[^\s()<>[\]{}/%]+/y;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/**
 * Spans [start, end) of a content stream that paint outside any marked-content sequence: whole
 * path objects, text objects and XObjects. Undefined when the stream holds something this
 * scanner does not follow (an inline image, a string it cannot read, or marked content that
 * starts inside a text object painted outside it).
 */
export function unmarkedPaintSpans(text: string): [number, number][] | undefined {
  const spans: [number, number][] = [];
  let depth = 0;
  let operandStart = -1;
  let pathStart = -1;
  let textStart = -1;
  let textPaints = false;
  let textMixed = false;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (!match) return undefined;
    const token = match[0];
    const first = token.charCodeAt(0);
    // White space (space, tab, CR, LF, FF, NUL) or a comment.
    if (first <= 32 || first === 37) continue;
    const end = TOKEN.lastIndex;
    // Operands: strings, dictionaries, names, arrays, numbers.
    if ('(<>/[]{}'.includes(token[0]!) || NUMBER.test(token) || token === 'true' || token === 'false' || token === 'null') {
      if (operandStart < 0) operandStart = start;
      continue;
    }
    const from = operandStart < 0 ? start : operandStart;
    operandStart = -1;
    if (token === 'BI') return undefined;
    if (token === 'BDC' || token === 'BMC') {
      if (textStart >= 0 && depth === 0) textMixed = true;
      depth++;
    } else if (token === 'EMC') depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (token === 'BT') {
      textStart = from;
      textPaints = false;
      textMixed = false;
    } else if (token === 'ET') {
      if (textStart >= 0 && textPaints) {
        if (textMixed) return undefined;
        spans.push([textStart, end]);
      }
      textStart = -1;
    } else if (textStart >= 0) {
      if (TEXT_SHOWING.has(token)) textPaints = true;
    } else if (PATH_CONSTRUCTION.has(token)) {
      if (pathStart < 0) pathStart = from;
    } else if (PATH_PAINTING.has(token)) {
      spans.push([pathStart < 0 ? from : pathStart, end]);
      pathStart = -1;
    } else if (token === 'n') pathStart = -1;
    else if (token === 'Do' || token === 'sh') spans.push([from, end]);
  }
  return spans;
}

/**
 * Chromium paints the page background and the running header and footer (CSS margin boxes)
 * before it clips to the page area, and table borders and cell backgrounds inside it, without
 * marking any of them: PDF/UA wants them as artifacts. Everything before that clip becomes a
 * pagination artifact (a page without the clip, e.g. a frame, entirely), every unmarked path,
 * text or image after it a plain artifact. A stream that already starts with an artifact is
 * left alone, so it is safe to run twice. Returns the number of streams changed.
 */
export function markPaginationArtifacts(pdf: PDFDocument): number {
  let changed = 0;
  for (const page of pdf.getPages()) {
    const contents = page.node.get(N('Contents'));
    const resolved = contents instanceof PDFRef ? pdf.context.lookup(contents) : contents;
    // An array (an assembled shared page) starts with the frame's artifact overlay; its own
    // stream was marked when the shared print was loaded.
    if (!(resolved instanceof PDFRawStream)) continue;
    const bytes = decode(resolved);
    if (!bytes) continue;
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (text.startsWith('/Artifact')) continue;
    const clip = BODY_CLIP.exec(text);
    const cut = clip ? clip.index : text.length;
    const body = text.slice(cut);
    const spans = unmarkedPaintSpans(body) ?? [];
    const parts: string[] = [ARTIFACT_OPEN, text.slice(0, cut), '\nEMC\n'];
    let at = 0;
    for (const [from, to] of spans) {
      parts.push(body.slice(at, from), '/Artifact BMC\n', body.slice(from, to), '\nEMC');
      at = to;
    }
    parts.push(body.slice(at));
    // zlib, not pdf-lib's pako: a fifth of the time, and as reproducible.
    const stream = pdf.context.stream(deflateSync(Buffer.from(parts.join(''), 'latin1')), { Filter: 'FlateDecode' });
    if (contents instanceof PDFRef) pdf.context.assign(contents, stream);
    else page.node.set(N('Contents'), pdf.context.register(stream));
    changed++;
  }
  return changed;
}

/** Named destinations of the catalog (/Dests dictionary or /Names /Dests tree) → target page ref. */
function namedDestinations(pdf: PDFDocument): Map<string, PDFObject | undefined> {
  const out = new Map<string, PDFObject | undefined>();
  const target = (value: PDFObject | undefined): PDFObject | undefined => {
    const v = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    if (v instanceof PDFArray) return v.get(0);
    if (v instanceof PDFDict) return target(v.get(N('D')));
    return undefined;
  };
  const dests = pdf.catalog.lookupMaybe(N('Dests'), PDFDict);
  if (dests) for (const [name, value] of dests.entries()) out.set(name.decodeText(), target(value));
  const walk = (node: PDFDict | undefined) => {
    if (!node) return;
    const names = node.lookupMaybe(N('Names'), PDFArray);
    for (let i = 0; names && i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      const name = key instanceof PDFString ? key.asString() : key instanceof PDFHexString ? key.decodeText() : undefined;
      if (name !== undefined) out.set(name, target(names.get(i + 1)));
    }
    const kids = node.lookupMaybe(N('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walk(kids.lookup(i, PDFDict));
  };
  walk(pdf.catalog.lookupMaybe(N('Names'), PDFDict)?.lookupMaybe(N('Dests'), PDFDict));
  return out;
}

/** What a link does, in German, for a screen reader („Verweis auf Seite 7“). */
export function linkDescription(target: { page?: number; uri?: string }): string {
  if (target.uri !== undefined) {
    if (target.uri.startsWith('mailto:')) return `E-Mail an ${target.uri.slice('mailto:'.length)}`;
    return `Verweis auf ${target.uri}`;
  }
  return target.page !== undefined ? `Verweis auf Seite ${target.page}` : 'Verweis innerhalb des Dokuments';
}

/** Gives every link annotation without /Contents a description (PDF/UA 7.18.1, 7.18.5). */
export function describeLinks(pdf: PDFDocument): number {
  const pages = pdf.getPages();
  const pageNumber = new Map(pages.map((p, i) => [p.ref.toString(), i + 1]));
  let dests: Map<string, PDFObject | undefined> | undefined;
  let count = 0;
  for (const page of pages) {
    const annots = page.node.lookupMaybe(N('Annots'), PDFArray);
    for (let i = 0; annots && i < annots.size(); i++) {
      const annot = annots.lookup(i);
      if (!(annot instanceof PDFDict) || annot.get(N('Subtype')) !== N('Link') || annot.has(N('Contents'))) continue;
      const action = annot.lookupMaybe(N('A'), PDFDict);
      const uri = action?.lookup(N('URI'));
      let target: { page?: number; uri?: string } = {};
      if (uri instanceof PDFString || uri instanceof PDFHexString) target = { uri: uri instanceof PDFString ? uri.asString() : uri.decodeText() };
      else {
        const dest = annot.get(N('Dest')) ?? action?.get(N('D'));
        let ref: PDFObject | undefined;
        if (dest instanceof PDFName || dest instanceof PDFString || dest instanceof PDFHexString) {
          dests ??= namedDestinations(pdf);
          ref = dests.get(dest instanceof PDFName ? dest.decodeText() : dest instanceof PDFString ? dest.asString() : dest.decodeText());
        } else {
          const arr = dest instanceof PDFRef ? pdf.context.lookup(dest) : dest;
          if (arr instanceof PDFArray) ref = arr.get(0);
        }
        target = { page: ref ? pageNumber.get(ref.toString()) : undefined };
      }
      annot.set(N('Contents'), PDFHexString.fromText(linkDescription(target)));
      count++;
    }
  }
  return count;
}

/** Reading the structure tree: an element's kids, a kid as a structure element (not marked content), its type. */
function structureReader(pdf: PDFDocument) {
  const kidsOf = (elem: PDFDict): PDFObject[] => {
    const k = elem.get(N('K'));
    const v = k instanceof PDFRef ? pdf.context.lookup(k) : k;
    if (v instanceof PDFArray) return v.asArray();
    return v === undefined ? [] : [k!];
  };
  const asElem = (obj: PDFObject): PDFDict | undefined => {
    const v = obj instanceof PDFRef ? pdf.context.lookup(obj) : obj;
    return v instanceof PDFDict && v.get(N('S')) instanceof PDFName && !v.has(N('MCID')) ? v : undefined;
  };
  const type = (elem: PDFDict) => (elem.get(N('S')) as PDFName).decodeText();
  return { kidsOf, asElem, type };
}

/** Elements that hold text, never a table: their kids are not searched (most of the tree). */
const INLINE_TYPES = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'Span', 'Link', 'Lbl', 'Figure', 'Caption', 'Quote', 'Code', 'Reference', 'Strong', 'Em']);

/**
 * Chromium leaves an empty table cell (a field to fill in by hand) out of the structure, so its
 * row has fewer cells than the others (PDF/UA 7.2). Rows that come up short get empty TD
 * elements at their end, where the templates put such fields.
 */
export function completeTableRows(pdf: PDFDocument): number {
  const root = pdf.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  if (!root) return 0;
  let added = 0;
  const { kidsOf, asElem, type } = structureReader(pdf);
  const span = (cell: PDFDict): number => {
    const attrs = cell.lookup(N('A'));
    const list = attrs instanceof PDFArray ? attrs.asArray().map((a) => (a instanceof PDFRef ? pdf.context.lookup(a) : a)) : [attrs];
    for (const a of list) {
      const n = a instanceof PDFDict ? a.lookup(N('ColSpan')) : undefined;
      if (n instanceof PDFNumber) return n.asNumber();
    }
    return 1;
  };
  /** The rows of a table (directly or in THead, TBody, TFoot), each with its reference. */
  const rowsOf = (table: PDFDict): [PDFDict, PDFObject][] => {
    const rows: [PDFDict, PDFObject][] = [];
    for (const kid of kidsOf(table)) {
      const e = asElem(kid);
      if (!e) continue;
      if (type(e) === 'TR') rows.push([e, kid]);
      else if (['THead', 'TBody', 'TFoot'].includes(type(e))) {
        for (const k of kidsOf(e)) {
          const row = asElem(k);
          if (row && type(row) === 'TR') rows.push([row, k]);
        }
      }
    }
    return rows;
  };
  const visit = (obj: PDFObject, depth: number) => {
    const elem = asElem(obj);
    if (!elem || depth > 200) return;
    if (type(elem) === 'Table') {
      const rows = rowsOf(elem);
      const widths = rows.map(([row]) => kidsOf(row).reduce<number>((sum, k) => sum + (asElem(k) && ['TD', 'TH'].includes(type(asElem(k)!)) ? span(asElem(k)!) : 0), 0));
      const max = Math.max(0, ...widths);
      rows.forEach(([row, rowRef], i) => {
        const missing = max - widths[i]!;
        if (missing <= 0) return;
        const cells = kidsOf(row);
        for (let m = 0; m < missing; m++) cells.push(pdf.context.register(pdf.context.obj({ Type: 'StructElem', S: 'TD', P: rowRef instanceof PDFRef ? rowRef : null, K: [] })));
        row.set(N('K'), pdf.context.obj(cells));
        added += missing;
      });
    }
    if (INLINE_TYPES.has(type(elem))) return;
    for (const kid of kidsOf(elem)) visit(kid, depth + 1);
  };
  for (const kid of kidsOf(root)) visit(kid, 0);
  return added;
}

/**
 * PDF/UA-1 (7.2-20): an LI holds only Lbl and LBody. Chromium puts an item's content straight into
 * the LI when it starts with an inline element (`<li><strong>…`): that content moves into one new
 * LBody. Items whose content Chromium wrapped itself (Lbl, NonStruct) stay as they are, so the
 * step changes no PDF that passed before. Returns how many items it changed.
 */
export function wrapListBodies(pdf: PDFDocument): number {
  const root = pdf.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  if (!root) return 0;
  let wrapped = 0;
  const { kidsOf, asElem, type } = structureReader(pdf);
  const allowed = new Set(['Lbl', 'LBody', 'NonStruct']);
  const wrap = (li: PDFDict, liRef: PDFRef) => {
    const kids = kidsOf(li);
    const elems = kids.map(asElem);
    // Marked content straight in the LI would need its parent tree entry moved too: left alone.
    if (elems.some((e, i) => !e || !(kids[i] instanceof PDFRef))) return;
    if (elems.every((e) => allowed.has(type(e!)))) return;
    const body = kids.filter((_, i) => type(elems[i]!) !== 'Lbl');
    const bodyRef = pdf.context.register(pdf.context.obj({ Type: 'StructElem', S: 'LBody', P: liRef, K: body }));
    for (const kid of body) (pdf.context.lookup(kid) as PDFDict).set(N('P'), bodyRef);
    const first = kids.findIndex((_, i) => type(elems[i]!) !== 'Lbl');
    const next = [...kids.slice(0, first).filter((_, i) => type(elems[i]!) === 'Lbl'), bodyRef, ...kids.slice(first).filter((k) => !body.includes(k))];
    li.set(N('K'), pdf.context.obj(next));
    wrapped++;
  };
  const visit = (obj: PDFObject, depth: number) => {
    const elem = asElem(obj);
    if (!elem || depth > 200) return;
    if (type(elem) === 'LI' && obj instanceof PDFRef) wrap(elem, obj);
    if (INLINE_TYPES.has(type(elem))) return;
    for (const kid of kidsOf(elem)) visit(kid, depth + 1);
  };
  for (const kid of kidsOf(root)) visit(kid, 0);
  return wrapped;
}
