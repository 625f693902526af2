import { renderAgreementBodyHtml } from '../agreement-html.ts';
import type { PartyDocument } from './party-document.ts';
import { DRAFT_MARK } from '../agreement/versions.ts';
import { asTemplateValue, compileTemplate, cssString, type CompiledTemplate, type TemplateData } from './template.ts';
import { keepQuotesTogetherHtml } from '../typography.ts';
import { EXTERNAL_TARGET_PREFIX } from './assemble.ts';
import { headingTitles } from './finalize-pdf.ts';

/** The print templates as text (from `templates/`), plus the font faces as CSS. */
export interface PdfTemplates {
  /** `document.html`: the page skeleton. */
  document: string;
  cover: string;
  annexes: string;
  signature: string;
  /** `running.css`: running header and footer as CSS page-margin boxes. */
  running: string;
  /** `print.css` */
  css: string;
  /** `@font-face` rules with embedded font data. */
  fontCss: string;
  /** Where each template came from (the content's own or the bundled one), for error messages. */
  files?: Partial<Record<keyof typeof TEMPLATE_FILES, string>>;
}

export const TEMPLATE_FILES = {
  document: 'document.html',
  cover: 'cover.html',
  annexes: 'annexes.html',
  signature: 'signature.html',
  running: 'running.css',
  css: 'print.css',
} as const satisfies Record<Exclude<keyof PdfTemplates, 'fontCss' | 'files'>, string>;

interface Compiled {
  document: CompiledTemplate;
  cover: CompiledTemplate;
  annexes: CompiledTemplate;
  signature: CompiledTemplate;
  running: CompiledTemplate;
}

const compiled = new WeakMap<PdfTemplates, Compiled>();

function compile(templates: PdfTemplates): Compiled {
  let hit = compiled.get(templates);
  if (!hit) {
    hit = {
      document: compileTemplate(templates.files?.document ?? TEMPLATE_FILES.document, templates.document),
      cover: compileTemplate(templates.files?.cover ?? TEMPLATE_FILES.cover, templates.cover),
      annexes: compileTemplate(templates.files?.annexes ?? TEMPLATE_FILES.annexes, templates.annexes),
      signature: compileTemplate(templates.files?.signature ?? TEMPLATE_FILES.signature, templates.signature),
      running: compileTemplate(templates.files?.running ?? TEMPLATE_FILES.running, templates.running),
    };
    compiled.set(templates, hit);
  }
  return hit;
}

const NUMBER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

export { cssString } from './template.ts';


/** The values the templates can use: the document's view model, flattened to text. */
export function buildTemplateData(doc: PartyDocument): TemplateData {
  const { cover, party, publisher, dpia } = doc;
  return {
    title: doc.metadata.title,
    documentId: doc.documentId,
    textSha256: doc.textSha256 ?? null,
    publisher: { ...publisher },
    org: asTemplateValue(doc.org),
    agreement: {
      id: doc.agreement.agreementId,
      title: doc.agreement.title,
      shortTitle: doc.agreement.shortTitle,
      regimeLabel: doc.agreement.regimeLabel,
    },
    // For wording that depends on the provider's data-protection law (its DPO's title).
    regime: { dsgvo: doc.agreement.regime === 'dsgvo', kdg: doc.agreement.regime === 'kdg', dsgEkd: doc.agreement.regime === 'dsg-ekd' },
    cover: {
      ...cover,
      titleHtml: keepQuotesTogetherHtml(cover.title),
      adopted: cover.adoptedText !== null,
    },
    party: {
      ...party,
      isProvider: party.kind === 'traeger',
    },
    bedarfsplan: doc.bedarfsplan,
    facilities: doc.facilities.map((f) => ({ ...f, places: NUMBER.format(f.places) })),
    hasFacilities: doc.facilities.length > 0,
    placesTotal: NUMBER.format(doc.placesTotal),
    toms: doc.toms.map((group) => ({
      goal: group.goal,
      label: group.label,
      measures: group.measures.map((m) => ({ ...m })),
    })),
    hasToms: doc.toms.length > 0,
    tomCount: NUMBER.format(doc.tomCount),
    dpia: {
      ...dpia,
      risks: dpia.risks.map((r) => ({ ...r, before: NUMBER.format(r.before), after: NUMBER.format(r.after) })),
      riskTotal: NUMBER.format(dpia.riskTotal),
      reviews: dpia.reviews.map((r) => ({ ...r })),
      hasReviews: dpia.reviews.length > 0,
    },
    partySignature: { ...doc.partySignature },
    css: {
      shortTitle: cssString(doc.agreement.shortTitle),
      version: cssString(cover.version),
      partyId: cssString(party.id),
      documentId: cssString(doc.documentId),
      draftMark: cover.isDraft ? cssString(DRAFT_MARK) : 'none',
      exampleMark: doc.exampleMark ? cssString(doc.exampleMark) : 'none',
    },
    exampleMark: doc.exampleMark,
  };
}

/** The whole document as one HTML page, font faces included (what a browser would open). */
export function renderPartyDocumentHtml(doc: PartyDocument, templates: PdfTemplates): string {
  return renderDocument(doc, templates, templates.fontCss);
}

/** What the printer gets: the document without its font faces, and the font faces apart. */
export interface PartyPrintJob {
  html: string;
  /** The same for every document: the printer loads it once per page and keeps it. */
  fontCss: string;
}

export function renderPartyPrintJob(doc: PartyDocument, templates: PdfTemplates): PartyPrintJob {
  return { html: renderDocument(doc, templates, ''), fontCss: templates.fontCss };
}

function renderDocument(doc: PartyDocument, templates: PdfTemplates, fontCss: string): string {
  const t = compile(templates);
  const data = buildTemplateData(doc);
  return renderPage(t, templates, data, {
    fontCss,
    coverHtml: t.cover.render(data),
    runningCss: t.running.render(data),
    bodyHtml: renderAgreementBodyHtml(doc.agreement, { partLevel: 2 }),
    annexesHtml: t.annexes.render(data),
    signatureHtml: t.signature.render(data),
  });
}

/** What document.html is filled with; a part left out stays empty. */
interface PageParts {
  title?: string;
  fontCss?: string;
  runningCss?: string;
  coverHtml?: string;
  bodyHtml?: string;
  annexesHtml?: string;
  signatureHtml?: string;
}

function renderPage(t: Compiled, templates: PdfTemplates, data: TemplateData, parts: PageParts): string {
  return t.document.render({
    ...data,
    ...(parts.title === undefined ? {} : { title: parts.title }),
    fontCss: parts.fontCss ?? '',
    printCss: templates.css,
    runningCss: parts.runningCss ?? '',
    coverHtml: parts.coverHtml ?? '',
    bodyHtml: parts.bodyHtml ?? '',
    annexesHtml: parts.annexesHtml ?? '',
    signatureHtml: parts.signatureHtml ?? '',
  });
}

/**
 * The document split for printing the shared parts once: `shared` are the parts that read the
 * same for every party of an agreement version and regime (the agreement text with Anlage 1, and
 * Anlage 3), printed without running header and footer; `personal(frames)` is the party's own
 * document, where each shared part is replaced by as many empty „frame“ pages as it has, so that
 * the frames carry header, footer and the right page numbers.
 */
export interface SplitPrintJobs {
  /** [agreement text + Anlage 1, Anlage 3] as complete documents. */
  shared: [string, string];
  /** The personal document with `frames[i]` empty pages in place of shared part i. */
  personal: (frames: [number, number]) => string;
  fontCss: string;
  /** The headings of the whole document in order (what its outline shows), as headingTitles gives them. */
  titles: string[];
  /**
   * False when a link crosses parts in a way the assembly cannot keep (e.g. from the agreement
   * text to Anlage 3, or from the cover into the text): then the document is printed whole.
   */
  splittable: boolean;
}


const FRAME_CSS = `
.vw-rahmen { break-before: page; height: 0; margin: 0; padding: 0; }
.vw-verweis { display: block; width: 1px; height: 1px; }
`;

const ids = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
const hrefs = (html: string) => new Set([...html.matchAll(/\shref="#([^"]+)"/g)].map((m) => m[1]!));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Wrappers of document.html left empty by the split (e.g. <main> without the text) take no room. */
const SPLIT_CSS = `
main:not(:has(*)) { display: none; }
.vw-platzhalter { position: absolute; width: 0; height: 0; }
`;

const ANNEX_START = /<section\b[^>]*\bid="anlage-(\d)"/g;

/** Splits the rendered annexes at their sections: Anlage 1, 2 and 3. */
function splitAnnexes(html: string): [string, string, string] {
  const starts = [...html.matchAll(ANNEX_START)].map((m) => ({ n: m[1], index: m.index }));
  if (starts.length !== 3 || starts.map((s) => s.n).join('') !== '123') {
    throw new Error('annexes.html muss genau die Abschnitte id="anlage-1", "anlage-2" und "anlage-3" in dieser Reihenfolge enthalten.');
  }
  return [html.slice(0, starts[1]!.index), html.slice(starts[1]!.index, starts[2]!.index), html.slice(starts[2]!.index)];
}

export function renderSplitPrintJobs(doc: PartyDocument, templates: PdfTemplates): SplitPrintJobs {
  const t = compile(templates);
  const data = buildTemplateData(doc);
  const body = renderAgreementBodyHtml(doc.agreement, { partLevel: 2 });
  const [annex1, annex2, annex3] = splitAnnexes(t.annexes.render(data));
  const cover = t.cover.render(data);
  const signature = t.signature.render(data);
  // The shared prints must not depend on the party: their <title> names only agreement and version.
  const sharedTitle = `${doc.agreement.shortTitle} – Version ${doc.cover.version}`;
  const page = (parts: PageParts) => renderPage(t, templates, data, { ...parts, runningCss: (parts.runningCss ?? '') + SPLIT_CSS });
  // Links from a shared part to a target in the personal print (e.g. „Anlage 2“): Chromium only
  // writes a link whose target exists, so the shared print gets a placeholder target
  // „vw-extern-…“, the personal print a hidden link to the real target on a frame page (so that
  // it writes the destination); the assembler points the placeholder at it.
  const personalIds = new Set([...ids(cover), ...ids(annex2), ...ids(signature)]);
  let splittable = [cover, annex2, signature].every((part) => [...hrefs(part)].every((h) => personalIds.has(h)));
  const toPersonal = new Set<string>();
  const linkOut = (parts: string[]): string[] => {
    const own = ids(parts.join(''));
    const out = [...parts];
    let placeholders = '';
    for (const target of hrefs(parts.join(''))) {
      if (own.has(target)) continue;
      if (!personalIds.has(target)) {
        splittable = false;
        continue;
      }
      toPersonal.add(target);
      const href = new RegExp(`(\\shref=")#${escapeRegExp(target)}"`, 'g');
      for (let i = 0; i < out.length; i++) out[i] = out[i]!.replace(href, `$1#${EXTERNAL_TARGET_PREFIX}${target}"`);
      placeholders += `<span class="vw-platzhalter" id="${EXTERNAL_TARGET_PREFIX}${target}" aria-hidden="true"></span>`;
    }
    out[out.length - 1] += placeholders;
    return out;
  };
  const [sharedBody, sharedAnnex1] = linkOut([body, annex1]) as [string, string];
  const [shared2] = linkOut([annex3]) as [string];
  const hiddenLinks = [...toPersonal].map((target) => `<a class="vw-verweis" href="#${target}" aria-hidden="true" tabindex="-1"></a>`).join('');
  const frames = (n: number) =>
    Array.from({ length: n }, (_, i) => `<div class="vw-rahmen" aria-hidden="true">${i === 0 ? hiddenLinks : ''}</div>\n`).join('');
  return {
    shared: [page({ bodyHtml: sharedBody, annexesHtml: sharedAnnex1, title: sharedTitle }), page({ annexesHtml: shared2, title: sharedTitle })],
    personal: ([n1, n2]) =>
      page({
        coverHtml: cover + frames(n1),
        annexesHtml: annex2 + frames(n2),
        signatureHtml: signature,
        runningCss: t.running.render(data) + FRAME_CSS,
      }),
    fontCss: templates.fontCss,
    titles: headingTitles([cover, body, annex1, annex2, annex3, signature].join('\n')),
    splittable,
  };
}
