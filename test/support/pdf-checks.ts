import zlib from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

// Read-only checks on a tagged PDF, shared by the assembly test and .prof/assemble-proto.ts.

export interface OutlineItem {
  depth: number;
  title: string;
  /** 0-based page index of the destination. */
  page: number;
}

const N = (name: string) => PDFName.of(name);

export function outlineItems(pdf: PDFDocument): OutlineItem[] {
  const pages = new Map(pdf.getPages().map((p, i) => [p.ref.toString(), i]));
  const out: OutlineItem[] = [];
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let it = first; it; it = it.lookupMaybe(N('Next'), PDFDict)) {
      const t = it.lookup(N('Title'));
      const title = t instanceof PDFHexString || t instanceof PDFString ? t.decodeText() : '';
      const dest = it.lookupMaybe(N('Dest'), PDFArray);
      out.push({ depth, title, page: pages.get(dest?.get(0)?.toString() ?? '') ?? -1 });
      walk(it.lookupMaybe(N('First'), PDFDict), depth + 1);
    }
  };
  walk(pdf.catalog.lookupMaybe(N('Outlines'), PDFDict)?.lookupMaybe(N('First'), PDFDict), 0);
  return out;
}

export interface LinkInfo {
  /** 0-based page of the annotation. */
  from: number;
  /** 0-based page the destination names; -1 when it does not resolve. */
  to: number;
  name: string;
}

/** Every link annotation with its named destination resolved through the catalog's /Dests. */
export function linkTargets(pdf: PDFDocument): LinkInfo[] {
  const pages = new Map(pdf.getPages().map((p, i) => [p.ref.toString(), i]));
  const dests = pdf.catalog.lookupMaybe(N('Dests'), PDFDict);
  const out: LinkInfo[] = [];
  pdf.getPages().forEach((page, i) => {
    const annots = page.node.lookupMaybe(N('Annots'), PDFArray);
    for (let a = 0; annots && a < annots.size(); a++) {
      const dest = annots.lookup(a, PDFDict).get(N('Dest'));
      if (dest instanceof PDFName) {
        const target = dests?.lookupMaybe(dest, PDFArray)?.get(0);
        out.push({ from: i, to: pages.get(target?.toString() ?? '') ?? -1, name: dest.decodeText() });
      } else out.push({ from: i, to: -1, name: String(dest) });
    }
  });
  return out;
}

function numberTree(node: PDFDict | undefined, out = new Map<number, PDFObject>()): Map<number, PDFObject> {
  if (!node) return out;
  const nums = node.lookupMaybe(N('Nums'), PDFArray);
  if (nums) for (let i = 0; i + 1 < nums.size(); i += 2) out.set((nums.get(i) as PDFNumber).asNumber(), nums.get(i + 1));
  const kids = node.lookupMaybe(N('Kids'), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i++) numberTree(kids.lookup(i, PDFDict), out);
  return out;
}

function streamText(stream: PDFRawStream): string {
  return (stream.dict.get(N('Filter')) ? zlib.inflateSync(Buffer.from(stream.contents)) : Buffer.from(stream.contents)).toString('latin1');
}

export interface StructureReport {
  problems: string[];
  /** Element types with nesting and MCID/MCR/OBJR leaves, depth-first. */
  tree: string[];
  /** Top-level elements as „/Type@p<first page, 1-based>“. */
  top: string[];
}

/**
 * Structure-tree sanity: every MCID on every page is claimed by the element its page's ParentTree
 * entry names; annotations' StructParent resolve; ParentTreeNextKey is above every key; every
 * /Pg is a page of the document; /P points to the parent; IDs are unique and the IDTree sorted;
 * no Form XObject on a page carries an MCID.
 */
export function checkStructure(pdf: PDFDocument): StructureReport {
  const problems: string[] = [];
  const ctx = pdf.context;
  const pageList = pdf.getPages();
  const pages = new Map(pageList.map((p, i) => [p.ref.toString(), i]));
  const root = pdf.catalog.lookup(N('StructTreeRoot'), PDFDict);
  const parentTree = numberTree(root.lookupMaybe(N('ParentTree'), PDFDict));
  pageList.forEach((page, i) => {
    const contents = page.node.lookup(N('Contents'));
    const streams = contents instanceof PDFArray ? Array.from({ length: contents.size() }, (_, k) => contents.lookup(k, PDFRawStream)) : [contents as PDFRawStream];
    const text = streams.map(streamText).join('\n');
    const mcids = [...text.matchAll(/\/MCID (\d+)/g)].map((m) => Number(m[1]));
    const sp = page.node.get(N('StructParents'));
    const entry = sp instanceof PDFNumber ? parentTree.get(sp.asNumber()) : undefined;
    const arr = entry ? ctx.lookup(entry) : undefined;
    for (const mcid of mcids) {
      const elem = arr instanceof PDFArray ? arr.get(mcid) : undefined;
      const dict = elem instanceof PDFRef ? ctx.lookup(elem) : undefined;
      if (!(dict instanceof PDFDict)) {
        problems.push(`page ${i + 1}: MCID ${mcid} not in ParentTree`);
        continue;
      }
      const pg = dict.get(N('Pg'));
      const k = dict.lookup(N('K'));
      const kids = k instanceof PDFArray ? Array.from({ length: k.size() }, (_, q) => k.lookup(q)) : [k];
      const claims = kids.some(
        (kid) =>
          (kid instanceof PDFNumber && kid.asNumber() === mcid && pages.get(pg?.toString() ?? '') === i) ||
          (kid instanceof PDFDict &&
            kid.get(N('Type')) === N('MCR') &&
            (kid.get(N('MCID')) as PDFNumber).asNumber() === mcid &&
            pages.get((kid.get(N('Pg')) ?? pg)?.toString() ?? '') === i),
      );
      if (!claims) problems.push(`page ${i + 1}: MCID ${mcid} not claimed by its ParentTree element`);
    }
    const xobjects = page.node.lookupMaybe(N('Resources'), PDFDict)?.lookupMaybe(N('XObject'), PDFDict);
    for (const [, ref] of xobjects?.entries() ?? []) {
      const s = ctx.lookup(ref);
      if (s instanceof PDFRawStream && /\/MCID/.test(streamText(s))) problems.push(`page ${i + 1}: Form XObject with an MCID`);
    }
    const annots = page.node.lookupMaybe(N('Annots'), PDFArray);
    for (let a = 0; annots && a < annots.size(); a++) {
      const sp2 = annots.lookup(a, PDFDict).get(N('StructParent'));
      if (sp2 instanceof PDFNumber && !(ctx.lookup(parentTree.get(sp2.asNumber()) as PDFRef) instanceof PDFDict)) {
        problems.push(`page ${i + 1}: annotation StructParent ${sp2.asNumber()} dangling`);
      }
    }
  });
  const next = root.get(N('ParentTreeNextKey'));
  const maxKey = Math.max(...parentTree.keys());
  if (!(next instanceof PDFNumber) || next.asNumber() <= maxKey) problems.push(`ParentTreeNextKey ${String(next)} <= max key ${maxKey}`);

  const tree: string[] = [];
  const ids = new Set<string>();
  const walk = (obj: PDFObject | undefined, depth: number, parent: PDFRef | undefined) => {
    const v = obj instanceof PDFRef ? ctx.lookup(obj) : obj;
    if (v instanceof PDFArray) {
      for (let k = 0; k < v.size(); k++) walk(v.get(k), depth, parent);
      return;
    }
    if (v instanceof PDFNumber) {
      tree.push(`${' '.repeat(depth)}mcid`);
      return;
    }
    if (!(v instanceof PDFDict)) return;
    const type = v.get(N('Type'));
    if (type === N('MCR') || type === N('OBJR')) {
      tree.push(`${' '.repeat(depth)}${String(type)}`);
      return;
    }
    const pg = v.get(N('Pg'));
    if (pg && !pages.has(pg.toString())) problems.push(`element ${String(v.get(N('S')))}: /Pg is not a page of the document`);
    if (parent && v.get(N('P'))?.toString() !== parent.toString()) problems.push(`element ${String(v.get(N('S')))}: /P is not its parent`);
    const id = v.lookup(N('ID'));
    if (id instanceof PDFString) {
      if (ids.has(id.asString())) problems.push(`duplicate ID ${id.asString()}`);
      ids.add(id.asString());
    }
    tree.push(`${' '.repeat(depth)}${String(v.get(N('S')))}`);
    walk(v.get(N('K')), depth + 1, obj instanceof PDFRef ? obj : undefined);
  };
  const docRef = root.get(N('K'));
  walk(docRef, 0, undefined);
  const top: string[] = [];
  const docElem = ctx.lookup(docRef as PDFRef, PDFDict);
  const kids = docElem.lookup(N('K'), PDFArray);
  const hasNumber = (o: PDFObject | undefined) => o instanceof PDFNumber || (o instanceof PDFArray && o.asArray().some((x) => x instanceof PDFNumber));
  for (let k = 0; k < kids.size(); k++) {
    const kid = kids.lookup(k, PDFDict);
    let first = -1;
    const find = (o: PDFObject | undefined): boolean => {
      const v = o instanceof PDFRef ? ctx.lookup(o) : o;
      if (v instanceof PDFDict) {
        const pg = v.get(N('Pg'));
        if (pg && (hasNumber(v.get(N('K'))) || v.get(N('Type')) === N('MCR'))) {
          first = pages.get(pg.toString()) ?? -1;
          return true;
        }
        return find(v.get(N('K')));
      }
      if (v instanceof PDFArray) for (let q = 0; q < v.size(); q++) if (find(v.get(q))) return true;
      return false;
    };
    find(kid);
    top.push(`${String(kid.get(N('S')))}@p${first + 1}`);
  }
  const names = root.lookupMaybe(N('IDTree'), PDFDict)?.lookupMaybe(N('Names'), PDFArray);
  if (names) {
    let prev = '';
    for (let k = 0; k < names.size(); k += 2) {
      const s = (names.get(k) as PDFString).asString();
      if (s <= prev) problems.push(`IDTree not sorted at ${s}`);
      prev = s;
      if (!(ctx.lookup(names.get(k + 1)) instanceof PDFDict)) problems.push(`IDTree ${s} dangling`);
    }
  }
  return { problems, tree, top };
}
