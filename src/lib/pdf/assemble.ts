import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFPage,
  PDFPageLeaf,
  PDFRawStream,
  PDFRef,
  PDFObjectCopier as PdfLibCopier,
  PDFString,
} from 'pdf-lib';
import { markPaginationArtifacts } from './conformance.ts';
import { finalizeLoadedPdf, NODE_ID, nodeId, rankOf, type FinalizedPdf } from './finalize-pdf.ts';
import type { PdfMetadata } from './party-document.ts';

/** pdf-lib's copier (what copyPages uses); its map of what it copied is needed to remap refs. */
type Copier = { copy<T extends PDFObject>(object: T): T; traversedObjects: Map<PDFObject, PDFObject> };
const PDFObjectCopier = PdfLibCopier as unknown as { for(src: unknown, dest: unknown): Copier };

/*
 * Assembles one party's PDF from Chromium prints: the personal print (cover, Anlage 2, signature
 * page, and in place of every shared part as many empty „frame“ pages that carry only running
 * header and footer) and the shared prints (agreement text with Anlage 1, Anlage 3) that were
 * printed once for all parties, without header and footer. Each shared page gets the header and
 * footer of its frame page drawn over it, as a pagination artifact. The structure tree, outline
 * and named destinations of all prints are merged in page order, so the result is the tagged PDF
 * a single print would have given. Pure: no browser, no file system.
 */

/** The prints do not fit together (message in German); the build then prints the document whole. */
export class AssembleError extends Error {}

/** Prefix of the placeholder a shared print gets for a link target in the personal print. */
export const EXTERNAL_TARGET_PREFIX = 'vw-extern-';

const N = (name: string) => PDFName.of(name);

function lookupDict(container: PDFDict, key: string): PDFDict | undefined {
  return container.lookupMaybe(N(key), PDFDict);
}

/** Entries of a number tree (ParentTree) or name tree (IDTree), leaves in order. */
function treeEntries(node: PDFDict | undefined, leafKey: 'Nums' | 'Names', out: [PDFObject, PDFObject][] = []): [PDFObject, PDFObject][] {
  if (!node) return out;
  const leaf = node.lookupMaybe(N(leafKey), PDFArray);
  if (leaf) for (let i = 0; i + 1 < leaf.size(); i += 2) out.push([leaf.lookup(i)!, leaf.get(i + 1)]);
  const kids = node.lookupMaybe(N('Kids'), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i++) treeEntries(kids.lookup(i, PDFDict), leafKey, out);
  return out;
}

interface Source {
  doc: PDFDocument;
  copier: Copier;
  pageRefs: PDFRef[];
  /** Page ref → index in this source. */
  pageIndex: Map<PDFRef, number>;
  root: PDFDict | undefined;
  parentTree: Map<number, PDFObject>;
}

function openSource(doc: PDFDocument, out: PDFDocument): Source {
  const pageRefs = doc.getPages().map((p) => p.ref);
  const root = doc.catalog.lookupMaybe(N('StructTreeRoot'), PDFDict);
  const parentTree = new Map<number, PDFObject>();
  if (root) {
    for (const [key, value] of treeEntries(lookupDict(root, 'ParentTree'), 'Nums')) {
      if (key instanceof PDFNumber) parentTree.set(key.asNumber(), value);
    }
  }
  return {
    doc,
    copier: PDFObjectCopier.for(doc.context, out.context),
    pageRefs,
    pageIndex: new Map(pageRefs.map((ref, i) => [ref, i])),
    root,
    parentTree,
  };
}

/** The top-level structure elements under the Document element (or the root's kids). */
function topKids(source: Source): PDFRef[] {
  const root = source.root;
  if (!root) return [];
  let k = root.get(N('K'));
  const first = k instanceof PDFRef ? source.doc.context.lookup(k) : k;
  if (first instanceof PDFDict && first.get(N('S')) === N('Document')) k = first.get(N('K'));
  const refs: PDFRef[] = [];
  const kids = k instanceof PDFRef ? source.doc.context.lookup(k) : k;
  if (kids instanceof PDFArray) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.get(i);
      if (kid instanceof PDFRef) refs.push(kid);
    }
  } else if (k instanceof PDFRef) refs.push(k);
  return refs;
}

function documentElement(source: Source): PDFDict | undefined {
  const k = source.root?.lookup(N('K'));
  return k instanceof PDFDict && k.get(N('S')) === N('Document') ? k : undefined;
}

/** Index (in its source) of the first page an element's content is on; undefined without content. */
function firstPage(source: Source, ref: PDFRef): number | undefined {
  const seen = new Set<PDFObject>();
  const visit = (obj: PDFObject | undefined): number | undefined => {
    const value = obj instanceof PDFRef ? source.doc.context.lookup(obj) : obj;
    if (!value || seen.has(value)) return undefined;
    seen.add(value);
    if (value instanceof PDFDict) {
      const pg = value.get(N('Pg'));
      const kids = value.get(N('K'));
      const type = value.get(N('Type'));
      // Marked content (integer kids) is on /Pg.
      if (pg instanceof PDFRef && (kids instanceof PDFNumber || type === N('MCR') || type === N('OBJR') || hasNumber(source, kids))) {
        return source.pageIndex.get(pg);
      }
      return visit(kids);
    }
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) {
        const hit = visit(value.get(i));
        if (hit !== undefined) return hit;
      }
    }
    return undefined;
  };
  return visit(ref);
}

function hasNumber(source: Source, kids: PDFObject | undefined): boolean {
  const value = kids instanceof PDFRef ? source.doc.context.lookup(kids) : kids;
  if (value instanceof PDFNumber) return true;
  if (value instanceof PDFArray) for (let i = 0; i < value.size(); i++) if (value.get(i) instanceof PDFNumber) return true;
  return false;
}

/** The decoded content of a page (all its streams). */
function pageContent(doc: PDFDocument, pageRef: PDFRef): string {
  const page = doc.context.lookup(pageRef, PDFDict);
  const contents = page.lookup(N('Contents'));
  const streams: PDFRawStream[] = [];
  if (contents instanceof PDFRawStream) streams.push(contents);
  else if (contents instanceof PDFArray) for (let i = 0; i < contents.size(); i++) streams.push(contents.lookup(i, PDFRawStream));
  return streams.map((stream) => Buffer.from(decodeStream(stream)).toString('latin1')).join('\n');
}

function decodeStream(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(N('Filter'));
  if (filter === undefined) return stream.contents;
  if (filter === N('FlateDecode') || (filter instanceof PDFArray && filter.size() === 1 && filter.get(0) === N('FlateDecode'))) {
    return inflateSync(stream.contents);
  }
  throw new AssembleError(`Unerwarteter Filter ${filter.toString()} in einer Rahmenseite.`);
}

/** Operators that put something on the page (text, paths, images, shadings). */
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'Do', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'sh', 'BI']);

/**
 * Pages of the personal print whose body (everything after the clip to the page area that
 * follows the margin boxes) paints nothing: the frames. Chromium may leave an empty marked-content
 * sequence of the next section's heading on such a page.
 */
function framePages(source: Source): boolean[] {
  return source.pageRefs.map((ref) => {
    const content = pageContent(source.doc, ref);
    const clip = /\bW\*?\s+n\b/.exec(content);
    if (!clip) return true; // margin boxes only
    const body = content
      .slice(clip.index)
      .replace(/\((?:\\.|[^\\)])*\)/g, ' ')
      .replace(/<[0-9a-fA-F\s]*>/g, ' ')
      .replace(/\/[^\s/<>\[\]()]+/g, ' ');
    return !body.split(/[\s<>\[\]]+/).some((token) => PAINTING.has(token));
  });
}

/**
 * Removes from the personal print's structure every reference to marked content on a frame page
 * (the frame's content becomes an artifact), and elements left without content.
 */
function dropFrameContent(source: Source, frames: boolean[]): void {
  const ctx = source.doc.context;
  const isFrame = (pg: PDFObject | undefined) => pg instanceof PDFRef && frames[source.pageIndex.get(pg) ?? -1] === true;
  const seen = new Set<PDFDict>();
  /** Returns false when the element is left empty and should go. */
  const clean = (elem: PDFDict): boolean => {
    if (seen.has(elem)) return true;
    seen.add(elem);
    const elemPg = elem.get(N('Pg'));
    const k = elem.get(N('K'));
    const kids = k instanceof PDFRef ? ctx.lookup(k) : k;
    const list: PDFObject[] = kids instanceof PDFArray ? kids.asArray() : kids === undefined ? [] : [k!];
    const keep: PDFObject[] = [];
    let removed = false;
    for (const kid of list) {
      const value = kid instanceof PDFRef ? ctx.lookup(kid) : kid;
      if (value instanceof PDFNumber) {
        if (isFrame(elemPg)) removed = true;
        else keep.push(kid);
      } else if (value instanceof PDFDict && (value.get(N('Type')) === N('MCR') || value.get(N('Type')) === N('OBJR'))) {
        if (isFrame(value.get(N('Pg')) ?? elemPg)) removed = true;
        else keep.push(kid);
      } else if (value instanceof PDFDict) {
        if (clean(value)) keep.push(kid);
        else removed = true;
      } else keep.push(kid);
    }
    if (!removed && !isFrame(elemPg)) return true;
    if (keep.length === 0) return false;
    if (isFrame(elemPg)) {
      // Content markers without their own /Pg take the element's: give them theirs.
      const fallback = keep.map((kid) => (kid instanceof PDFRef ? ctx.lookup(kid) : kid)).find((v) => v instanceof PDFDict && v.get(N('Pg')) instanceof PDFRef) as PDFDict | undefined;
      if (fallback) elem.set(N('Pg'), fallback.get(N('Pg'))!);
      else elem.delete(N('Pg'));
    }
    elem.set(N('K'), ctx.obj(keep));
    return true;
  };
  for (const ref of topKids(source)) clean(ctx.lookup(ref, PDFDict));
}


/**
 * Renames Chromium's structure ids in the elements copied from one source (their /ID and the
 * table headers in their /A): by rank, after `offset`, so ids stay unique across the prints.
 */
function renameIds(out: PDFDocument, roots: PDFRef[], offset: number): { map: Map<string, string>; count: number } {
  const ctx = out.context;
  const numbers = new Set<number>();
  const strings: { holder: PDFDict | PDFArray; key: PDFName | number; value: string }[] = [];
  const note = (obj: PDFObject | undefined, holder: PDFDict | PDFArray, key: PDFName | number) => {
    if (!(obj instanceof PDFString || obj instanceof PDFHexString)) return;
    const value = obj instanceof PDFString ? obj.asString() : obj.decodeText();
    const match = NODE_ID.exec(value);
    if (!match) return;
    numbers.add(Number(match[1]));
    strings.push({ holder, key, value });
  };
  /** Strings in an attribute object (or array of them), e.g. /Headers [(node…)]. */
  const attributes = (obj: PDFObject | undefined, holder: PDFDict | PDFArray, key: PDFName | number): void => {
    const value = obj instanceof PDFRef ? ctx.lookup(obj) : obj;
    if (value instanceof PDFDict) for (const [k, v] of value.entries()) attributes(v, value, k);
    else if (value instanceof PDFArray) for (let i = 0; i < value.size(); i++) attributes(value.get(i), value, i);
    else note(value, holder, key);
  };
  const seen = new Set<PDFDict>();
  const element = (obj: PDFObject | undefined): void => {
    const value = obj instanceof PDFRef ? ctx.lookup(obj) : obj;
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) element(value.get(i));
      return;
    }
    if (!(value instanceof PDFDict) || seen.has(value) || !value.has(N('S'))) return;
    seen.add(value);
    note(value.get(N('ID')), value, N('ID'));
    const a = value.get(N('A'));
    if (a) attributes(a, value, N('A'));
    element(value.get(N('K')));
  };
  for (const root of roots) element(root);
  const rank = rankOf(numbers);
  const map = new Map<string, string>();
  for (const n of numbers) map.set(nodeId(n), nodeId(offset + rank.get(n)!));
  for (const s of strings) {
    const next = PDFString.of(map.get(nodeId(Number(NODE_ID.exec(s.value)![1])))!);
    if (s.holder instanceof PDFDict) s.holder.set(s.key as PDFName, next);
    else s.holder.set(s.key as number, next);
  }
  return { map, count: numbers.size };
}

export interface AssembledPdf {
  pdf: PDFDocument;
  pages: number;
}

/**
 * `personal` holds, for each of `shared` in order, a run of frame pages exactly as long as that
 * shared print. Throws an AssembleError (German) when the prints do not fit together.
 */
export async function assemblePdf(personal: PDFDocument, shared: PDFDocument[]): Promise<AssembledPdf> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const P = openSource(personal, out);
  const S = shared.map((doc) => openSource(doc, out));

  // Find the frame runs: the pages of the personal print that show only header and footer, one
  // run per shared print.
  const frames = framePages(P);
  const runs: { start: number; length: number }[] = [];
  frames.forEach((frame, i) => {
    if (!frame) return;
    const last = runs.at(-1);
    if (last && last.start + last.length === i) last.length++;
    else runs.push({ start: i, length: 1 });
  });
  if (runs.length !== S.length || runs.some((r, i) => r.length !== S[i]!.pageRefs.length)) {
    throw new AssembleError(
      `Die Rahmenseiten der persönlichen Ausfertigung (${runs.map((r) => `${r.length} ab Seite ${r.start + 1}`).join(', ') || 'keine'}) passen nicht zu den gemeinsamen Teilen (${S.map((s) => s.pageRefs.length).join(', ')} Seiten).`,
    );
  }
  dropFrameContent(P, frames);
  /** Output page index of a page of a source. */
  const outIndex = (source: number, page: number) => (source < 0 ? page : runs[source]!.start + page);

  // Pages, in order; shared pages get their frame drawn over them.
  const outPages: { src: Source; ref: PDFRef; outRef: PDFRef }[] = [];
  for (let i = 0; i < P.pageRefs.length; i++) {
    const run = runs.findIndex((r) => i >= r.start && i < r.start + r.length);
    if (run < 0) {
      const ref = P.pageRefs[i]!;
      outPages.push({ src: P, ref, outRef: P.copier.copy(ref) });
      continue;
    }
    const src = S[run]!;
    const ref = src.pageRefs[i - runs[run]!.start]!;
    const outRef = src.copier.copy(ref);
    overlayFrame(out, P, P.pageRefs[i]!, outRef);
    outPages.push({ src, ref, outRef });
  }
  for (const page of outPages) {
    const leaf = out.context.lookup(page.outRef);
    if (!(leaf instanceof PDFPageLeaf)) throw new AssembleError('Eine kopierte Seite fehlt.');
    out.addPage(PDFPage.of(leaf, page.outRef, out));
  }

  // Structure: the top-level elements of every print, in page order, under one Document.
  const structRoot = out.context.obj({ Type: 'StructTreeRoot' });
  const structRootRef = out.context.register(structRoot);
  const personalDoc = documentElement(P);
  const docElem = out.context.obj({ Type: 'StructElem', S: 'Document' });
  const lang = personalDoc?.get(N('Lang'));
  if (lang) docElem.set(N('Lang'), lang.clone());
  docElem.set(N('P'), structRootRef);
  const docRef = out.context.register(docElem);
  structRoot.set(N('K'), docRef);

  const sources = [P, ...S];
  const kidsOrdered: { key: number; order: number; src: Source; ref: PDFRef }[] = [];
  let order = 0;
  sources.forEach((src, s) => {
    let lastKey = s === 0 ? 0 : runs[s - 1]!.start;
    for (const ref of topKids(src)) {
      const page = firstPage(src, ref);
      if (page === undefined && s === 0) continue; // no content (e.g. from a frame): dropped
      const key = page === undefined ? lastKey : outIndex(s - 1, page);
      if (s === 0 && page !== undefined && frames[page]) continue;
      lastKey = key;
      kidsOrdered.push({ key, order: order++, src, ref });
    }
  });
  kidsOrdered.sort((a, b) => a.key - b.key || a.order - b.order);
  const newKids: PDFRef[] = [];
  const copiedKids = new Map<Source, PDFRef[]>(sources.map((src) => [src, []]));
  for (const kid of kidsOrdered) {
    const dict = kid.src.doc.context.lookup(kid.ref, PDFDict);
    // Without its parent link, copying an element copies its subtree, not the whole tree.
    const parent = dict.get(N('P'));
    dict.delete(N('P'));
    const copied = kid.src.copier.copy(kid.ref);
    if (parent) dict.set(N('P'), parent);
    out.context.lookup(copied, PDFDict).set(N('P'), docRef);
    newKids.push(copied);
    copiedKids.get(kid.src)!.push(copied);
  }
  docElem.set(N('K'), out.context.obj(newKids));
  for (const src of sources) {
    if (src.root && src.copier.traversedObjects.has(src.root)) throw new AssembleError('Beim Zusammensetzen wurde ein ganzer Strukturbaum kopiert.');
  }

  // Structure ids: unique across the prints (each renumbered by rank, one after the other).
  const idTree: [string, PDFObject][] = [];
  let offset = 0;
  for (const src of sources) {
    const { map, count } = renameIds(out, copiedKids.get(src)!, offset);
    offset += count;
    if (!src.root) continue;
    for (const [key, value] of treeEntries(lookupDict(src.root, 'IDTree'), 'Names')) {
      const name = key instanceof PDFString ? key.asString() : key instanceof PDFHexString ? key.decodeText() : undefined;
      if (name === undefined || !(value instanceof PDFRef) || !src.copier.traversedObjects.has(value)) continue;
      idTree.push([map.get(name) ?? name, src.copier.traversedObjects.get(value)!]);
    }
  }
  idTree.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (idTree.length > 0) {
    structRoot.set(N('IDTree'), out.context.obj({ Names: out.context.obj(idTree.flatMap(([k, v]) => [PDFString.of(k), v])) }));
  }

  // ParentTree: pages 0 … n-1, then the annotations.
  const nums: PDFObject[] = [];
  const annotNums: PDFObject[] = [];
  let nextKey = outPages.length;
  outPages.forEach((page, i) => {
    const srcPage = page.src.doc.context.lookup(page.ref, PDFDict);
    const outPage = out.context.lookup(page.outRef, PDFDict);
    const key = srcPage.get(N('StructParents'));
    if (key instanceof PDFNumber) {
      const value = page.src.parentTree.get(key.asNumber());
      if (value) nums.push(PDFNumber.of(i), copyMapped(page.src, value, out));
      outPage.set(N('StructParents'), PDFNumber.of(i));
    }
    const annots = outPage.lookupMaybe(N('Annots'), PDFArray);
    for (let a = 0; annots && a < annots.size(); a++) {
      const annot = annots.lookup(a, PDFDict);
      const sp = annot.get(N('StructParent'));
      if (!(sp instanceof PDFNumber)) continue;
      const value = page.src.parentTree.get(sp.asNumber());
      if (!value) {
        annot.delete(N('StructParent'));
        continue;
      }
      annotNums.push(PDFNumber.of(nextKey), copyMapped(page.src, value, out));
      annot.set(N('StructParent'), PDFNumber.of(nextKey++));
    }
  });
  structRoot.set(N('ParentTree'), out.context.obj({ Nums: out.context.obj([...nums, ...annotNums]) }));
  structRoot.set(N('ParentTreeNextKey'), PDFNumber.of(nextKey));
  for (const mapKey of ['RoleMap', 'ClassMap']) {
    const merged = out.context.obj({});
    for (const src of sources) {
      const map = src.root && lookupDict(src.root, mapKey);
      if (!map) continue;
      for (const [k, v] of map.entries()) if (!merged.has(k)) merged.set(k, src.copier.copy(v));
    }
    if (merged.entries().length > 0) structRoot.set(N(mapKey), merged);
  }

  // Named destinations: all prints'; a name any print resolves on one of its own pages. A shared
  // print's link into the personal print points at a placeholder „vw-extern-<id>“: it gets the
  // personal print's destination of <id>, and the link its name.
  const dests = out.context.obj({});
  const external = new Set<string>();
  for (const src of sources) {
    const d = src.doc.catalog.lookupMaybe(N('Dests'), PDFDict);
    if (!d) continue;
    for (const [name, value] of d.entries()) {
      const text = name.decodeText();
      if (text.startsWith(EXTERNAL_TARGET_PREFIX)) {
        external.add(text.slice(EXTERNAL_TARGET_PREFIX.length));
        continue;
      }
      if (dests.has(name)) continue;
      const arr = src.doc.context.lookup(value);
      const target = arr instanceof PDFArray ? arr.get(0) : arr instanceof PDFDict ? arr.lookupMaybe(N('D'), PDFArray)?.get(0) : undefined;
      if (!(target instanceof PDFRef) || !src.copier.traversedObjects.has(target)) continue;
      if (src === P && frames[P.pageIndex.get(target) ?? -1]) continue;
      dests.set(name, src.copier.copy(value));
    }
  }
  for (const name of external) {
    if (!dests.has(N(name))) throw new AssembleError(`Das Verweisziel „#${name}“ fehlt in der persönlichen Ausfertigung.`);
  }
  if (external.size > 0) {
    for (const page of outPages) {
      const annots = out.context.lookup(page.outRef, PDFDict).lookupMaybe(N('Annots'), PDFArray);
      for (let a = 0; annots && a < annots.size(); a++) {
        const annot = annots.lookup(a, PDFDict);
        const dest = annot.get(N('Dest'));
        if (dest instanceof PDFName && dest.decodeText().startsWith(EXTERNAL_TARGET_PREFIX)) {
          annot.set(N('Dest'), N(dest.decodeText().slice(EXTERNAL_TARGET_PREFIX.length)));
        }
      }
    }
  }

  // Outline: every print's items in page order, nested by heading level as Chromium does.
  const items: { page: number; order: number; level: number; src: Source; item: PDFDict }[] = [];
  sources.forEach((src, s) => {
    const outlines = src.doc.catalog.lookupMaybe(N('Outlines'), PDFDict);
    const walk = (first: PDFDict | undefined, depth: number) => {
      for (let item = first; item; item = item.lookupMaybe(N('Next'), PDFDict)) {
        const dest = item.lookupMaybe(N('Dest'), PDFArray);
        const pageRef = dest?.get(0);
        const page = pageRef instanceof PDFRef ? src.pageIndex.get(pageRef) : undefined;
        const se = item.lookupMaybe(N('SE'), PDFDict);
        const tag = se?.get(N('S'));
        const match = tag instanceof PDFName ? /^\/H([1-6])$/.exec(tag.toString()) : null;
        if (page !== undefined && !(s === 0 && frames[page])) {
          items.push({ page: outIndex(s - 1, page), order: items.length, level: match ? Number(match[1]) : depth + 1, src, item });
        }
        walk(item.lookupMaybe(N('First'), PDFDict), depth + 1);
      }
    };
    walk(outlines?.lookupMaybe(N('First'), PDFDict), 0);
  });
  items.sort((a, b) => a.page - b.page || a.order - b.order);
  if (items.length > 0) {
    const outlineRoot = out.context.obj({ Type: 'Outlines' });
    const rootRef = out.context.register(outlineRoot);
    type Node = { ref: PDFRef; dict: PDFDict; level: number; children: Node[] };
    const top: Node[] = [];
    const stack: Node[] = [];
    for (const it of items) {
      const dict = out.context.obj({});
      dict.set(N('Title'), it.item.get(N('Title'))!.clone());
      const dest = it.item.get(N('Dest'));
      if (dest) dict.set(N('Dest'), it.src.copier.copy(dest));
      const se = it.item.get(N('SE'));
      if (se instanceof PDFRef && it.src.copier.traversedObjects.has(se)) dict.set(N('SE'), it.src.copier.traversedObjects.get(se)!);
      const node: Node = { ref: out.context.register(dict), dict, level: it.level, children: [] };
      while (stack.length > 0 && stack.at(-1)!.level >= it.level) stack.pop();
      (stack.at(-1)?.children ?? top).push(node);
      stack.push(node);
    }
    const link = (parentRef: PDFRef, parent: PDFDict, nodes: Node[]): number => {
      let count = 0;
      nodes.forEach((node, i) => {
        node.dict.set(N('Parent'), parentRef);
        if (i > 0) node.dict.set(N('Prev'), nodes[i - 1]!.ref);
        if (i < nodes.length - 1) node.dict.set(N('Next'), nodes[i + 1]!.ref);
        count += 1 + link(node.ref, node.dict, node.children);
      });
      if (nodes.length > 0) {
        parent.set(N('First'), nodes[0]!.ref);
        parent.set(N('Last'), nodes.at(-1)!.ref);
        parent.set(N('Count'), PDFNumber.of(count));
      }
      return count;
    };
    link(rootRef, outlineRoot, top);
    out.catalog.set(N('Outlines'), rootRef);
  }

  // Catalog.
  if (dests.entries().length > 0) out.catalog.set(N('Dests'), out.context.register(dests));
  out.catalog.set(N('StructTreeRoot'), structRootRef);
  for (const key of ['MarkInfo', 'ViewerPreferences', 'Lang']) {
    const value = personal.catalog.get(N(key));
    if (value) out.catalog.set(N(key), P.copier.copy(value));
  }
  renameFontSubsets(out);
  return { pdf: out, pages: outPages.length };
}

const SUBSET_TAG = /^[A-Z]{6}\+/;

/**
 * Each print names its font subsets AAAAAA+, BAAAAA+ …, so the prints together hold different
 * subsets under one name, which the PDF specification forbids (readers may mix up their glyphs).
 * Every Type0 font gets a tag of its own, counted in object order (reproducible), and its
 * descendant font and font descriptor the same name.
 */
export function renameFontSubsets(pdf: PDFDocument): number {
  let count = 0;
  const tag = (n: number) => Array.from({ length: 6 }, (_, i) => String.fromCharCode(65 + (Math.floor(n / 26 ** i) % 26))).join('');
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(N('Subtype')) !== N('Type0')) continue;
    const base = obj.get(N('BaseFont'));
    if (!(base instanceof PDFName) || !SUBSET_TAG.test(base.decodeText())) continue;
    const name = N(`${tag(count++)}+${base.decodeText().replace(SUBSET_TAG, '')}`);
    obj.set(N('BaseFont'), name);
    const descendants = obj.lookupMaybe(N('DescendantFonts'), PDFArray);
    for (let i = 0; i < (descendants?.size() ?? 0); i++) {
      const font = descendants!.lookup(i, PDFDict);
      font.set(N('BaseFont'), name);
      font.lookupMaybe(N('FontDescriptor'), PDFDict)?.set(N('FontName'), name);
    }
  }
  return count;
}

/** A ParentTree value (element or array of elements) with refs mapped; never copies anything new. */
function copyMapped(src: Source, value: PDFObject, out: PDFDocument): PDFObject {
  const resolved = value instanceof PDFRef ? src.doc.context.lookup(value) : value;
  const map = (obj: PDFObject): PDFObject => {
    if (obj instanceof PDFRef) return src.copier.traversedObjects.get(obj) ?? out.context.obj(null);
    return obj.clone();
  };
  if (value instanceof PDFRef && resolved instanceof PDFDict) return map(value);
  if (resolved instanceof PDFArray) {
    const arr = out.context.obj([]);
    for (let i = 0; i < resolved.size(); i++) arr.push(map(resolved.get(i)));
    return arr;
  }
  return map(value);
}

/** Prefix for the frame's resource names on a shared page. */
const FRAME_PREFIX = 'VwR';
const RESOURCE_KINDS = ['Font', 'ExtGState', 'ColorSpace', 'Pattern', 'Shading', 'XObject', 'Properties'];

/**
 * Draws the frame page's content (header, footer) under an artifact mark before the page's own
 * content, as the whole print would: its resources join the page's under prefixed names.
 */
function overlayFrame(out: PDFDocument, P: Source, frameRef: PDFRef, pageRef: PDFRef): void {
  const frame = P.doc.context.lookup(frameRef, PDFDict);
  const page = out.context.lookup(pageRef, PDFDict);
  const frameRes = frame.lookupMaybe(N('Resources'), PDFDict);
  const res = page.lookup(N('Resources'));
  const resDict = res instanceof PDFDict ? res.clone() : out.context.obj({});
  const renamed = new Set<string>();
  for (const kind of RESOURCE_KINDS) {
    const from = frameRes?.lookupMaybe(N(kind), PDFDict);
    if (!from) continue;
    const into = resDict.lookupMaybe(N(kind), PDFDict)?.clone() ?? out.context.obj({});
    for (const [name, value] of from.entries()) {
      into.set(N(FRAME_PREFIX + name.decodeText()), P.copier.copy(value));
      renamed.add(name.decodeText());
    }
    resDict.set(N(kind), into);
  }
  page.set(N('Resources'), resDict);
  // Marked content with an MCID (an empty sequence Chromium leaves for the next section's
  // heading) becomes plain marked content; resource names get the prefix.
  const content = pageContent(P.doc, frameRef)
    .replace(/(\/[^\s/<>\[\]()]+)\s*<<\s*\/MCID\s+\d+\s*>>\s*BDC/g, '$1 BMC')
    .replace(/\/([^\s/<>\[\]()]+)/g, (whole, name: string) => (renamed.has(name) ? `/${FRAME_PREFIX}${name}` : whole));
  const overlay = out.context.register(out.context.flateStream(`/Artifact <</Type /Pagination >>BDC\nq\n${content}\nQ\nEMC\n`));
  const own = page.get(N('Contents'));
  const list: PDFObject[] = [overlay];
  const ownResolved = own instanceof PDFRef ? out.context.lookup(own) : own;
  if (ownResolved instanceof PDFArray) for (let i = 0; i < ownResolved.size(); i++) list.push(ownResolved.get(i));
  else if (own) list.push(own);
  page.set(N('Contents'), out.context.obj(list));
}

/** Parses a shared print once; the assembler only reads it, so one parse serves every party. */
export async function loadSharedPdf(bytes: Uint8Array): Promise<PDFDocument> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Infinity });
  // Its page background as an artifact once here, not again for every party's copy.
  markPaginationArtifacts(doc);
  return doc;
}

/** The personal print and the shared prints → the finished PDF (finalizePdf's steps included). */
export async function assembleAndFinalize(
  personal: Uint8Array,
  shared: PDFDocument[],
  meta: PdfMetadata,
  outlineTitles: string[],
): Promise<FinalizedPdf> {
  const doc = await PDFDocument.load(personal, { updateMetadata: false, parseSpeed: Infinity });
  const { pdf } = await assemblePdf(doc, shared);
  return finalizeLoadedPdf(pdf, meta, outlineTitles, { idsNormalized: true });
}
