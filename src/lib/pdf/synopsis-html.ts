import { keepQuotesTogetherHtml } from '../typography.ts';
import { cssString, TEMPLATE_FILES, type PdfTemplates } from './render-html.ts';
import type { SynopsisDocument } from './synopsis-document.ts';
import { compileTemplate, type CompiledTemplate, type TemplateData } from './template.ts';

/**
 * The Synopse's page template and its own styles in `templates/`; print.css (fonts, tables) and
 * running.css (header and footer) are the agreements' own, synopse.css turns the page to landscape.
 */
export interface SynopsisTemplates {
  html: string;
  css: string;
}
export const SYNOPSIS_TEMPLATE_FILES = { html: 'synopse.html', css: 'synopse.css' } as const satisfies Record<keyof SynopsisTemplates, string>;

const compiled = new Map<string, CompiledTemplate>();
function compile(name: string, source: string): CompiledTemplate {
  const key = `${name}\u0000${source}`;
  let hit = compiled.get(key);
  if (!hit) {
    hit = compileTemplate(name, source);
    compiled.set(key, hit);
  }
  return hit;
}

/** The values synopse.html and running.css can use: the view model, flattened to text. */
export function buildSynopsisTemplateData(doc: SynopsisDocument): TemplateData {
  const changed = doc.changedCount === 1 ? '1 Paragraph ändert sich' : `${doc.changedCount} Paragraphen ändern sich`;
  const unchanged = doc.unchangedCount === 1 ? '1 bleibt unverändert' : `${doc.unchangedCount} bleiben unverändert`;
  return {
    title: doc.title,
    documentId: doc.documentId,
    publisher: { ...doc.publisher },
    agreementTitleHtml: keepQuotesTogetherHtml(doc.agreementTitle),
    shortTitle: doc.shortTitle,
    isDraft: doc.isDraft,
    old: { ...doc.old },
    neu: { ...doc.neu },
    oldColumn: doc.oldColumn,
    newColumn: doc.newColumn,
    oldEmpty: doc.oldEmpty,
    newEmpty: doc.newEmpty,
    countText: `${changed}, ${unchanged}.`,
    hasChanges: doc.changes.length > 0,
    changes: doc.changes.map((c) => ({ label: c.label, sectionsText: c.sectionsText, text: c.text, exampleText: c.exampleText ?? null })),
    items: doc.items.map((item) => ({
      ...item,
      reasons: item.reasons.map((r) => ({ ...r })),
      titleRow: item.titleRow ? { ...item.titleRow } : null,
      rows: item.rows.map((r) => ({ ...r })),
    })),
    // running.css is shared with the agreements: its slots get the Synopse's values.
    css: {
      shortTitle: cssString(`Synopse ${doc.shortTitle}`),
      version: cssString(`${doc.from} und ${doc.to}`),
      partyId: cssString(`Stand ${doc.dateText}`),
      documentId: cssString(doc.documentId),
      draftMark: doc.isDraft ? cssString(`Vergleich mit dem Entwurf der Version ${doc.to}`) : 'none',
      exampleMark: doc.exampleMark ? cssString(doc.exampleMark) : 'none',
    },
    exampleMark: doc.exampleMark,
  };
}

/** What the printer gets: the page without font faces (the printer keeps them loaded), and the faces apart. */
export function renderSynopsisPrintJob(doc: SynopsisDocument, templates: PdfTemplates, synopsis: SynopsisTemplates): { html: string; fontCss: string } {
  return { html: renderPage(doc, templates, synopsis, ''), fontCss: templates.fontCss };
}

/** The whole document as one HTML page, font faces included (what a browser would open). */
export function renderSynopsisHtml(doc: SynopsisDocument, templates: PdfTemplates, synopsis: SynopsisTemplates): string {
  return renderPage(doc, templates, synopsis, templates.fontCss);
}

function renderPage(doc: SynopsisDocument, templates: PdfTemplates, synopsis: SynopsisTemplates, fontCss: string): string {
  const data = buildSynopsisTemplateData(doc);
  return compile(SYNOPSIS_TEMPLATE_FILES.html, synopsis.html).render({
    ...data,
    fontCss,
    printCss: `${templates.css}\n${synopsis.css}`,
    runningCss: compile(TEMPLATE_FILES.running, templates.running).render(data),
  });
}
