import { renderAgreementBodyHtml } from '../agreement-html.ts';
import type { PartyDocument } from './party-document.ts';
import { compileTemplate, type CompiledTemplate, type TemplateData } from './template.ts';
import { keepQuotesTogetherHtml } from '../typography.ts';

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
}

export const TEMPLATE_FILES = {
  document: 'document.html',
  cover: 'cover.html',
  annexes: 'annexes.html',
  signature: 'signature.html',
  running: 'running.css',
  css: 'print.css',
} as const satisfies Record<Exclude<keyof PdfTemplates, 'fontCss'>, string>;

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
      document: compileTemplate(TEMPLATE_FILES.document, templates.document),
      cover: compileTemplate(TEMPLATE_FILES.cover, templates.cover),
      annexes: compileTemplate(TEMPLATE_FILES.annexes, templates.annexes),
      signature: compileTemplate(TEMPLATE_FILES.signature, templates.signature),
      running: compileTemplate(TEMPLATE_FILES.running, templates.running),
    };
    compiled.set(templates, hit);
  }
  return hit;
}

const NUMBER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

/**
 * A CSS string literal with quotes, for `content:` in running.css. `<` is escaped too, so no
 * value can close the <style> element.
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.codePointAt(0)!.toString(16).toUpperCase()} `)}"`;
}


/** The values the templates can use: the document's view model, flattened to text. */
export function buildTemplateData(doc: PartyDocument): TemplateData {
  const { cover, party, publisher, dpia } = doc;
  return {
    title: doc.metadata.title,
    documentId: doc.documentId,
    textSha256: doc.textSha256,
    publisher: { ...publisher },
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
      superseded: !cover.isCurrent,
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
    },
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
  const body = renderAgreementBodyHtml(doc.agreement, { partLevel: 2 });
  return t.document.render({
    ...data,
    fontCss,
    printCss: templates.css,
    coverHtml: t.cover.render(data),
    runningCss: t.running.render(data),
    bodyHtml: body,
    annexesHtml: t.annexes.render(data),
    signatureHtml: t.signature.render(data),
  });
}
