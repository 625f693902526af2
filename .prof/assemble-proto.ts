// Prototype + evidence: each sample PDF built today's way and assembled from shared prints; checks.
// node_modules/.bin/node --import tsx .prof/assemble-proto.ts   (THROUGHPUT=1 for the timing run)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, PDFHexString, type PDFObject } from 'pdf-lib';
import { validateContentDir } from '../src/io/validate-content.ts';
import { planPdfJobs, buildPartyDocument, type PdfJob } from '../src/lib/pdf/party-document.ts';
import { renderSplitPrintJobs, renderPartyPrintJob } from '../src/lib/pdf/render-html.ts';
import { loadPdfAssets } from '../src/io/pdf/assets.ts';
import { PdfPrinter } from '../src/io/pdf/renderer.ts';
import { finalizePdf, headingTitles } from '../src/lib/pdf/finalize-pdf.ts';
import { assembleAndFinalize, loadSharedPdf } from '../src/lib/pdf/assemble.ts';
import { sha256Hex } from '../src/lib/pdf/party-document.ts';

const OUT = '/tmp/proto';
fs.mkdirSync(OUT, { recursive: true });
const { content } = await validateContentDir('content');
const jobs = planPdfJobs(content);
const assets = await loadPdfAssets();
const printer = await PdfPrinter.start();
const T = 60000;

const facilitiesOf = (j: PdfJob) => buildPartyDocument(content, j.agreementId, j.version, j.partyId).facilities.length;
const pick: { label: string; job: PdfJob; link?: boolean }[] = [];
const add = (label: string, job: PdfJob | undefined, link = false) => job && pick.push({ label, job, link });
add('DSGVO 1.1', jobs.find((j) => j.regime === 'dsgvo' && j.version === '1.1' && !j.isPrivate));
add('DSGVO 1.0', jobs.find((j) => j.regime === 'dsgvo' && j.version === '1.0' && !j.isPrivate && j.agreementId === 'kita-planer-2'));
add('KDG 1.1', jobs.find((j) => j.regime === 'kdg' && j.version === '1.1'));
add('DSG-EKD 1.0', jobs.find((j) => j.regime === 'dsg-ekd' && j.version === '1.0'));
add('many facilities', [...jobs].filter((j) => !j.isPrivate).sort((a, b) => facilitiesOf(b) - facilitiesOf(a))[0]);
add('childminder', jobs.find((j) => j.isPrivate));
add('link to Anlage 2 (injected)', jobs.find((j) => j.regime === 'dsgvo' && j.version === '1.1' && !j.isPrivate), true);

/** Injects `<a href="#anlage-2">` around the first „Anlage 2“ of the agreement text. */
const inject = (html: string) => html.replace(/(ergibt sich aus )Anlage 2/, '$1<a class="test-link" href="#anlage-2">Anlage 2</a>');

const sharedCache = new Map<string, { bytes: Uint8Array; doc: PDFDocument; pages: number }>();
async function shared(html: string, fontCss: string) {
  const key = sha256Hex(html);
  let hit = sharedCache.get(key);
  if (!hit) {
    const bytes = await printer.print({ html, fontCss }, T);
    const doc = await loadSharedPdf(bytes);
    hit = { bytes, doc, pages: doc.getPageCount() };
    sharedCache.set(key, hit);
  }
  return hit;
}

/** The document; with `link`, its agreement text links „Anlage 2“ in § 1 to #anlage-2. */
function docFor(job: PdfJob, link: boolean) {
  const doc = buildPartyDocument(content, job.agreementId, job.version, job.partyId);
  if (!link) return doc;
  const agreement = structuredClone(doc.agreement);
  for (const part of agreement.parts) for (const section of part.sections) section.html = inject(section.html);
  return { ...doc, agreement };
}

async function buildOld(job: PdfJob, link: boolean) {
  const doc = docFor(job, link);
  const pj = renderPartyPrintJob(doc, assets.templates);
  const raw = await printer.print(pj, T);
  return (await finalizePdf(raw, doc.metadata, headingTitles(pj.html))).bytes;
}

async function buildNew(job: PdfJob, link: boolean) {
  const doc = docFor(job, link);
  const split = renderSplitPrintJobs(doc, assets.templates);
  if (!split.splittable) throw new Error('not splittable');
  const s1 = await shared(split.shared[0], split.fontCss);
  const s2 = await shared(split.shared[1], split.fontCss);
  const personal = await printer.print({ html: split.personal([s1.pages, s2.pages]), fontCss: split.fontCss }, T);
  return (await assembleAndFinalize(personal, [s1.doc, s2.doc], doc.metadata, split.titles)).bytes;
}

const sh = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28 });

function ppmPixels(file: string): Buffer {
  const buf = fs.readFileSync(file);
  // P6\nW H\n255\n
  let i = 0, fields = 0;
  while (fields < 4) {
    while (buf[i] === 0x20 || buf[i] === 0x0a) i++;
    while (buf[i] !== 0x20 && buf[i] !== 0x0a) i++;
    fields++;
  }
  return buf.subarray(i + 1);
}

function visualDiff(a: string, b: string, pages: number): { differing: number; perPage: number[] } {
  const da = fs.mkdtempSync(`${OUT}/ppm-`), db = fs.mkdtempSync(`${OUT}/ppm-`);
  execFileSync('pdftoppm', ['-r', '50', a, `${da}/p`]);
  execFileSync('pdftoppm', ['-r', '50', b, `${db}/p`]);
  const perPage: number[] = [];
  const fa = fs.readdirSync(da).sort(), fb = fs.readdirSync(db).sort();
  for (let p = 0; p < Math.max(fa.length, fb.length, pages); p++) {
    if (!fa[p] || !fb[p]) { perPage.push(-1); continue; }
    const x = ppmPixels(`${da}/${fa[p]}`), y = ppmPixels(`${db}/${fb[p]}`);
    let d = 0;
    for (let k = 0; k + 2 < Math.min(x.length, y.length); k += 3) if (x[k] !== y[k] || x[k + 1] !== y[k + 1] || x[k + 2] !== y[k + 2]) d++;
    perPage.push(d + Math.abs(x.length - y.length) / 3);
  }
  fs.rmSync(da, { recursive: true }); fs.rmSync(db, { recursive: true });
  return { differing: perPage.reduce((s, n) => s + Math.max(0, n), 0), perPage };
}

interface OutlineItem { depth: number; title: string; page: number }
function outline(pdf: PDFDocument): OutlineItem[] {
  const pages = new Map(pdf.getPages().map((p, i) => [p.ref.toString(), i]));
  const out: OutlineItem[] = [];
  const walk = (first: PDFDict | undefined, depth: number) => {
    for (let it = first; it; it = it.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const t = it.lookup(PDFName.of('Title'));
      const title = t instanceof PDFHexString ? t.decodeText() : t instanceof PDFString ? t.decodeText() : '';
      const dest = it.lookupMaybe(PDFName.of('Dest'), PDFArray);
      out.push({ depth, title, page: pages.get(dest?.get(0)?.toString() ?? '') ?? -1 });
      walk(it.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict), 0);
  return out;
}

function numberTree(node: PDFDict | undefined, out = new Map<number, PDFObject>()): Map<number, PDFObject> {
  if (!node) return out;
  const nums = node.lookupMaybe(PDFName.of('Nums'), PDFArray);
  if (nums) for (let i = 0; i + 1 < nums.size(); i += 2) out.set((nums.get(i) as PDFNumber).asNumber(), nums.get(i + 1));
  const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
  if (kids) for (let i = 0; i < kids.size(); i++) numberTree(kids.lookup(i, PDFDict), out);
  return out;
}

/** Links: [page, dest page] for every link annotation with a named or explicit dest. */
function links(pdf: PDFDocument): { from: number; to: number; name: string }[] {
  const pages = new Map(pdf.getPages().map((p, i) => [p.ref.toString(), i]));
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const out: { from: number; to: number; name: string }[] = [];
  pdf.getPages().forEach((page, i) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let a = 0; annots && a < annots.size(); a++) {
      const annot = annots.lookup(a, PDFDict);
      const dest = annot.get(PDFName.of('Dest'));
      if (dest instanceof PDFName) {
        const name = dest.decodeText();
        const target = dests?.lookupMaybe(dest, PDFArray)?.get(0);
        out.push({ from: i, to: pages.get(target?.toString() ?? '') ?? -1, name });
      } else if (dest) {
        const arr = pdf.context.lookup(dest);
        out.push({ from: i, to: arr instanceof PDFArray ? (pages.get(arr.get(0).toString()) ?? -1) : -1, name: '(explicit)' });
      } else out.push({ from: i, to: -2, name: 'URI/other' });
    }
  });
  return out;
}

/** Structure checks; returns problems and a serialization of the tree for comparison. */
function structure(pdf: PDFDocument): { problems: string[]; tree: string[]; top: string[] } {
  const problems: string[] = [];
  const ctx = pdf.context;
  const pageList = pdf.getPages();
  const pages = new Map(pageList.map((p, i) => [p.ref.toString(), i]));
  const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const parentTree = numberTree(root.lookupMaybe(PDFName.of('ParentTree'), PDFDict));
  // MCIDs on pages vs ParentTree.
  pageList.forEach((page, i) => {
    const contents = page.node.lookup(PDFName.of('Contents'));
    const streams: PDFRawStream[] = contents instanceof PDFArray ? Array.from({ length: contents.size() }, (_, k) => contents.lookup(k, PDFRawStream)) : [contents as PDFRawStream];
    const text = streams.map((s) => zlib.inflateSync(Buffer.from(s.contents)).toString('latin1')).join('\n');
    const mcids = [...text.matchAll(/\/MCID (\d+)/g)].map((m) => Number(m[1]));
    const sp = page.node.get(PDFName.of('StructParents'));
    const entry = sp instanceof PDFNumber ? parentTree.get(sp.asNumber()) : undefined;
    const arr = entry ? ctx.lookup(entry) : undefined;
    for (const mcid of mcids) {
      const elem = arr instanceof PDFArray ? arr.get(mcid) : undefined;
      const dict = elem instanceof PDFRef ? ctx.lookup(elem) : undefined;
      if (!(dict instanceof PDFDict)) problems.push(`page ${i + 1}: MCID ${mcid} not in ParentTree`);
      else {
        // The element must claim this MCID on this page: an integer kid (on its /Pg) or an MCR.
        const pg = dict.get(PDFName.of('Pg'));
        const k = dict.lookup(PDFName.of('K'));
        const kids = k instanceof PDFArray ? Array.from({ length: k.size() }, (_, q) => k.lookup(q)) : [k];
        const claims = kids.some((kid) =>
          (kid instanceof PDFNumber && kid.asNumber() === mcid && pages.get(pg?.toString() ?? '') === i) ||
          (kid instanceof PDFDict && kid.get(PDFName.of('Type')) === PDFName.of('MCR') && (kid.get(PDFName.of('MCID')) as PDFNumber).asNumber() === mcid && pages.get((kid.get(PDFName.of('Pg')) ?? pg)?.toString() ?? '') === i));
        if (!claims) problems.push(`page ${i + 1}: MCID ${mcid} not claimed by its ParentTree element`);
      }
    }
    // Frame XObjects must not carry MCIDs.
    const xo = page.node.lookupMaybe(PDFName.of('Resources'), PDFDict)?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, ref] of xo?.entries() ?? []) {
      const s = ctx.lookup(ref);
      if (s instanceof PDFRawStream && /\/MCID/.test(zlib.inflateSync(Buffer.from(s.contents)).toString('latin1'))) problems.push(`page ${i + 1}: XObject with MCID`);
    }
  });
  // Annotations' StructParent.
  pageList.forEach((page, i) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let a = 0; annots && a < annots.size(); a++) {
      const sp = annots.lookup(a, PDFDict).get(PDFName.of('StructParent'));
      if (sp instanceof PDFNumber && !(ctx.lookup(parentTree.get(sp.asNumber())!) instanceof PDFDict)) problems.push(`page ${i + 1}: annotation StructParent ${sp.asNumber()} dangling`);
    }
  });
  const next = root.get(PDFName.of('ParentTreeNextKey'));
  const maxKey = Math.max(...parentTree.keys());
  if (!(next instanceof PDFNumber) || next.asNumber() <= maxKey) problems.push(`ParentTreeNextKey ${next} <= max key ${maxKey}`);
  // Walk elements: /Pg on a page of this document; serialize.
  const tree: string[] = [];
  const ids = new Set<string>();
  const walk = (obj: PDFObject | undefined, depth: number, parent: PDFRef | undefined) => {
    const v = obj instanceof PDFRef ? ctx.lookup(obj) : obj;
    if (v instanceof PDFArray) { for (let k = 0; k < v.size(); k++) walk(v.get(k), depth, parent); return; }
    if (v instanceof PDFNumber) { tree.push(`${' '.repeat(depth)}mcid`); return; }
    if (!(v instanceof PDFDict)) return;
    const type = v.get(PDFName.of('Type'));
    if (type === PDFName.of('MCR') || type === PDFName.of('OBJR')) { tree.push(`${' '.repeat(depth)}${type}`); return; }
    const pg = v.get(PDFName.of('Pg'));
    if (pg && !pages.has(pg.toString())) problems.push(`elem ${v.get(PDFName.of('S'))} /Pg not a page of the document`);
    if (parent && v.get(PDFName.of('P'))?.toString() !== parent.toString()) problems.push(`elem ${v.get(PDFName.of('S'))} /P wrong`);
    const id = v.lookup(PDFName.of('ID'));
    if (id) { const s = (id as PDFString).asString(); if (ids.has(s)) problems.push(`duplicate ID ${s}`); ids.add(s); }
    tree.push(`${' '.repeat(depth)}${v.get(PDFName.of('S'))}`);
    walk(v.get(PDFName.of('K')), depth + 1, obj instanceof PDFRef ? obj : undefined);
  };
  const docRef = root.get(PDFName.of('K'));
  walk(docRef, 0, undefined);
  const docElem = ctx.lookup(docRef as PDFRef, PDFDict);
  const kids = docElem.lookup(PDFName.of('K'), PDFArray);
  const top: string[] = [];
  for (let k = 0; k < kids.size(); k++) {
    const kid = kids.lookup(k, PDFDict);
    // first page of its content
    let first = -1;
    const find = (o: PDFObject | undefined): boolean => {
      const v = o instanceof PDFRef ? ctx.lookup(o) : o;
      if (v instanceof PDFDict) { const pg = v.get(PDFName.of('Pg')); if (pg && hasNum(v.get(PDFName.of('K')))) { first = pages.get(pg.toString()) ?? -1; return true; } return find(v.get(PDFName.of('K'))); }
      if (v instanceof PDFArray) { for (let q = 0; q < v.size(); q++) if (find(v.get(q))) return true; }
      return false;
    };
    const hasNum = (o: PDFObject | undefined) => o instanceof PDFNumber || (o instanceof PDFArray && Array.from({ length: o.size() }, (_, q) => o.get(q)).some((x) => x instanceof PDFNumber));
    find(kid);
    top.push(`${kid.get(PDFName.of('S'))}@p${first + 1}`);
  }
  // IDTree keys sorted and unique
  const idtree = root.lookupMaybe(PDFName.of('IDTree'), PDFDict);
  const names = idtree?.lookupMaybe(PDFName.of('Names'), PDFArray);
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

function pageTexts(file: string): string[] {
  return sh('pdftotext', ['-layout', file, '-']).stdout.split('\f');
}

const results: string[] = [];
const log = (s: string) => { console.log(s); results.push(s); };

if (!process.env.THROUGHPUT) {
  for (const { label, job, link } of pick) {
    const name = `${job.partyId}-${job.version}${link ? '-link' : ''}`;
    const oldFile = `${OUT}/${name}-old.pdf`, newFile = `${OUT}/${name}-new.pdf`;
    fs.writeFileSync(oldFile, await buildOld(job, link ?? false));
    fs.writeFileSync(newFile, await buildNew(job, link ?? false));
    const [po, pn] = [await PDFDocument.load(fs.readFileSync(oldFile)), await PDFDocument.load(fs.readFileSync(newFile))];
    log(`\n## ${label}: ${job.path} (${job.regime})  sizes old ${fs.statSync(oldFile).size} new ${fs.statSync(newFile).size}`);
    log(`pages: old ${po.getPageCount()} new ${pn.getPageCount()} ${po.getPageCount() === pn.getPageCount() ? 'OK' : 'DIFF'}`);
    const [to, tn] = [pageTexts(oldFile), pageTexts(newFile)];
    const textDiff = to.map((t, i) => (t === tn[i] ? -1 : i + 1)).filter((x) => x > 0);
    log(`pdftotext -layout: ${textDiff.length === 0 && to.length === tn.length ? 'identical on every page' : `DIFF on pages ${textDiff.join(',')}`}`);
    const squeeze = (t: string) => t.split('\n').map((l) => l.trimEnd()).filter(Boolean).join('\n');
    const textDiff2 = to.map((t, i) => (squeeze(t) === squeeze(tn[i] ?? '') ? -1 : i + 1)).filter((x) => x > 0);
    log(`pdftotext -layout ignoring blank lines: ${textDiff2.length === 0 && to.length === tn.length ? 'identical on every page' : `DIFF on pages ${textDiff2.join(',')}`}`);
    const raw = sh('pdftotext', ['-raw', newFile, '-']).stdout === sh('pdftotext', ['-raw', oldFile, '-']).stdout;
    log(`pdftotext -raw (content order): ${raw ? 'identical' : 'differs'}`);
    const vis = visualDiff(oldFile, newFile, po.getPageCount());
    log(`pixels (pdftoppm -r 50): ${vis.differing} differing${vis.differing ? ` per page ${vis.perPage.map((n, i) => n ? `p${i + 1}:${n}` : '').filter(Boolean).join(' ')}` : ''}`);
    for (const f of [oldFile, newFile]) {
      const which = f === oldFile ? 'old' : 'new';
      const info = sh('pdfinfo', [f]).stdout;
      const q = sh('qpdf', ['--check', f]);
      const fonts = sh('pdffonts', [f]).stdout.split('\n').slice(2).filter(Boolean);
      const notEmb = fonts.filter((l) => l.split(/\s+/).at(-5) !== 'yes');
      log(`${which}: Tagged ${/Tagged:\s+yes/.test(info) ? 'yes' : 'NO'}; qpdf --check exit ${q.status}${q.stderr.trim() ? ` stderr: ${q.stderr.trim().slice(0, 200)}` : ''}${/No syntax or stream encoding errors/.test(q.stdout) ? ' (no errors)' : ''}; fonts ${fonts.length}, not embedded ${notEmb.length}`);
    }
    const [oo, on] = [outline(po), outline(pn)];
    const same = oo.length === on.length && oo.every((o, i) => o.title === on[i]!.title && o.depth === on[i]!.depth && o.page === on[i]!.page);
    log(`outline: old ${oo.length} items, new ${on.length}; titles+nesting+target page ${same ? 'identical' : 'DIFF'}`);
    if (!same) for (let i = 0; i < Math.max(oo.length, on.length); i++) if (JSON.stringify(oo[i]) !== JSON.stringify(on[i])) { log(`  first diff #${i}: old ${JSON.stringify(oo[i])} new ${JSON.stringify(on[i])}`); break; }
    const [lo, ln] = [links(po), links(pn)];
    const badNew = ln.filter((l) => l.to < 0);
    const sameLinks = JSON.stringify(lo) === JSON.stringify(ln);
    log(`links: old ${lo.length}, new ${ln.length}, unresolved in new ${badNew.length}; (from page, to page, name) ${sameLinks ? 'identical' : 'DIFF'}`);
    const a2 = ln.filter((l) => l.name === 'anlage-2');
    const a2page = to.findIndex((t) => /^Anlage 2 – /m.test(t));
    if (link) log(`link to Anlage 2: old ${JSON.stringify(lo.filter((l) => l.name === 'anlage-2'))} new ${JSON.stringify(a2)}; Anlage 2 is on page ${a2page + 1}`);
    const [so, sn] = [structure(po), structure(pn)];
    log(`structure old: ${so.problems.length} problems${so.problems.length ? ` (${so.problems.slice(0, 3).join("; ")})` : ""}; new: ${sn.problems.length} problems${sn.problems.length ? ` (${sn.problems.slice(0, 3).join("; ")})` : ""}`);
    log(`structure tree (element types, nesting, MCID/OBJR leaves): ${JSON.stringify(so.tree) === JSON.stringify(sn.tree) ? 'identical' : `DIFF (${so.tree.length} vs ${sn.tree.length} nodes)`}`);
    if (JSON.stringify(so.tree) !== JSON.stringify(sn.tree)) {
      const d = (await import('diff')).diffArrays(so.tree, sn.tree);
      for (const part of d) if (part.added || part.removed) log(`  ${part.added ? '+' : '-'} ${part.value.map((v) => v.trim()).join(' ')} (after node ${so.tree.indexOf(part.value[0]!)})`);
    }
    log(`top-level reading order old: ${so.top.join(' ')}`);
    log(`top-level reading order new: ${sn.top.join(' ')}`);
  }
  fs.writeFileSync(`${OUT}/report.txt`, results.join('\n'));
}

if (process.env.THROUGHPUT) {
  const { createFinalizePool } = await import('../src/io/pdf/finalize-pool.ts');
  const publicJobs = jobs.filter((j) => !j.isPrivate);
  const C = 2;
  const docs = publicJobs.map((j) => buildPartyDocument(content, j.agreementId, j.version, j.partyId));
  const mode = process.env.THROUGHPUT;
  // warm-up
  await Promise.all([0, 1].map(() => printer.print(renderPartyPrintJob(docs[0]!, assets.templates), T)));
  const pool = createFinalizePool();
  const t0 = performance.now();
  if (mode === 'old') {
    let next = 0;
    await Promise.all(Array.from({ length: C }, async () => {
      while (next < docs.length) {
        const doc = docs[next++]!;
        const pj = renderPartyPrintJob(doc, assets.templates);
        const raw = await printer.print(pj, T);
        await pool.finalize(raw, doc.metadata, headingTitles(pj.html));
      }
    }));
  } else {
    const splits = docs.map((d) => renderSplitPrintJobs(d, assets.templates));
    // Shared prints first (distinct ones), at concurrency C.
    const distinct = [...new Map(splits.flatMap((s) => s.shared.map((h) => [sha256Hex(h), h] as const))).entries()];
    const sharedBytes = new Map<string, { bytes: Uint8Array; pages: number }>();
    let next = 0;
    await Promise.all(Array.from({ length: C }, async () => {
      while (next < distinct.length) {
        const [key, html] = distinct[next++]!;
        const bytes = await printer.print({ html, fontCss: assets.templates.fontCss }, T);
        sharedBytes.set(key, { bytes, pages: (await loadSharedPdf(bytes)).getPageCount() });
      }
    }));
    const tShared = performance.now();
    log(`shared prints: ${distinct.length} in ${((tShared - t0) / 1000).toFixed(1)} s`);
    next = 0;
    await Promise.all(Array.from({ length: C }, async () => {
      while (next < docs.length) {
        const i = next++;
        const split = splits[i]!;
        const keys = split.shared.map((h) => sha256Hex(h));
        const parts = keys.map((k) => sharedBytes.get(k)!);
        const personal = await printer.print({ html: split.personal([parts[0]!.pages, parts[1]!.pages]), fontCss: split.fontCss }, T);
        await pool.assemble(personal, keys.map((key, k) => ({ key, bytes: parts[k]!.bytes })), docs[i]!.metadata, split.titles);
      }
    }));
  }
  const s = (performance.now() - t0) / 1000;
  log(`${mode}: ${docs.length} PDFs in ${s.toFixed(1)} s = ${(docs.length / s).toFixed(2)} PDFs/s`);
  await pool.close();
}
await printer.close();
