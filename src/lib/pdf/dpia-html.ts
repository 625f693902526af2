import { formatNumber, joinGerman } from '../format.ts';
import { keepIdsTogetherHtml, keepQuotesTogetherHtml } from '../typography.ts';
import { DPIA_DRAFT_MARK, type DpiaDocument } from './dpia-document.ts';
import { renderRiskMatrixSvg } from './dpia-matrix-svg.ts';
import { cssString, TEMPLATE_FILES, type PdfTemplates } from './render-html.ts';
import { asTemplateValue, compileTemplate, type CompiledTemplate, type TemplateData } from './template.ts';

/**
 * The DPIA's page template and its own styles in `templates/`; print.css (fonts, page, tables) and
 * running.css (header and footer) are the agreements' own, so both kinds of PDF look alike.
 */
export interface DpiaTemplates {
  html: string;
  css: string;
}
export const DPIA_TEMPLATE_FILES = { html: 'dsfa.html', css: 'dsfa.css' } as const satisfies Record<keyof DpiaTemplates, string>;

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

/** The values dsfa.html and running.css can use: the view model, flattened to text. */
export function buildDpiaTemplateData(doc: DpiaDocument): TemplateData {
  return {
    title: doc.metadata.title,
    documentId: doc.documentId,
    publisher: { ...doc.publisher },
    org: asTemplateValue(doc.org),
    dsfa: {
      title: doc.title,
      titleHtml: keepQuotesTogetherHtml(doc.title),
      version: doc.version,
      dateText: doc.dateText,
      statusLabel: doc.statusLabel,
      isDraft: doc.isDraft,
      result: doc.result,
      nextReviewText: doc.nextReviewText,
      supersedesText: doc.supersedesText,
      agreements: [...doc.agreements],
      hasAgreements: doc.agreements.length > 0,
      matrixSource: doc.matrixSource,
      example: doc.example,
    },
    sections: doc.sections.map((s) => ({ ...s })),
    riskTotal: formatNumber(doc.risks.length),
    levelCounts: doc.levelCounts.map((c) => ({ ...c, before: formatNumber(c.before), after: formatNumber(c.after) })),
    matrices: doc.matrices.map((m) => ({ caption: m.caption, svgHtml: renderRiskMatrixSvg(m) })),
    whatIf: doc.whatIf
      ? {
          intro: doc.whatIf.intro,
          cells: doc.whatIf.cells.map((c) => ({
            label: c.label,
            note: c.note ?? null,
            level: c.level,
            levelLabel: c.levelLabel,
            raisedLevel: c.raisedLevel,
            raisedLabel: c.raisedLabel,
            alsoRaisedText: c.alsoRaisedText,
            beforeHtml: keepIdsTogetherHtml(c.before.text, c.before.newlyHigh),
            afterHtml: keepIdsTogetherHtml(c.after.text, c.after.newlyHigh),
            art36: c.art36,
            art36Html: keepIdsTogetherHtml(c.art36Text, c.art36Risks),
          })),
        }
      : null,
    risks: doc.risks.map((r) => ({
      ...r,
      before: { ...r.before },
      after: { ...r.after },
      toms: r.toms.map((t) => ({ ...t })),
      hasToms: r.toms.length > 0,
      limitsDamage: r.limitsDamage ? { toms: r.limitsDamage.toms.map((t) => ({ ...t })), note: r.limitsDamage.note } : null,
      art36: r.art36 ? { ...r.art36 } : null,
    })),
    measureCount: formatNumber(doc.measures.length),
    measureGroups: groupMeasures(doc),
    referenceVersionsText: joinGerman(doc.referenceVersions),
    hasReferenceVersions: doc.referenceVersions.length > 0,
    comparison: doc.comparison
      ? {
          ...doc.comparison,
          // Under a level that rose or fell, the word for it (colour alone would not say it); a new risk says „neu“ in the earlier column.
          rows: doc.comparison.rows.map((r) => ({ ...r, before: { ...r.before, changed: moved(r.before.move) }, after: { ...r.after, changed: moved(r.after.move) } })),
        }
      : null,
    reviews: doc.reviews.map((r) => ({ ...r })),
    hasReviews: doc.reviews.length > 0,
    dpoAdvice: doc.dpoAdvice.map((r) => ({ ...r })),
    hasDpoAdvice: doc.dpoAdvice.length > 0,
    subjectViews: doc.subjectViews.map((r) => ({ ...r })),
    hasSubjectViews: doc.subjectViews.length > 0,
    subjectViewsNotSought: doc.subjectViewsNotSought,
    changes: doc.changes.map((c) => ({ ...c, risks: [...c.risks], risksText: joinGerman(c.risks) })),
    hasChanges: doc.changes.length > 0,
    // This version's changes stand in full above the table: its row points there.
    history: doc.history.map((h) => ({
      version: h.version,
      dateShort: h.dateShort,
      statusLabel: h.statusLabel,
      lines: h.version === doc.version && doc.changes.length > 0 ? [`Siehe „Änderungen in Version ${doc.version}“ oben.`] : [...h.changes],
    })),
    // running.css is shared with the agreements: its slots get the DPIA's values.
    css: {
      shortTitle: cssString('Datenschutz-Folgenabschätzung'),
      version: cssString(doc.version),
      partyId: cssString(`Stand ${doc.dateText}`),
      documentId: cssString(doc.documentId),
      draftMark: doc.isDraft ? cssString(DPIA_DRAFT_MARK) : 'none',
      exampleMark: doc.exampleMark ? cssString(doc.exampleMark) : 'none',
    },
    exampleMark: doc.exampleMark,
  };
}

const moved = (move: string) => move === 'hoeher' || move === 'niedriger';

/** The measures by protection goal (they come sorted by it), one block each: what it does, who is responsible, where it is regulated, which risks it reduces. */
function groupMeasures(doc: DpiaDocument): TemplateData[] {
  const groups: { label: string; anchor: string; measures: TemplateData[] }[] = [];
  for (const m of doc.measures) {
    const label = m.goalLabel || 'Ohne Eintrag im Maßnahmenkatalog';
    if (groups.at(-1)?.label !== label) groups.push({ label, anchor: `massnahmen-${groups.length + 1}`, measures: [] });
    groups.at(-1)!.measures.push({
      id: m.id,
      title: m.title,
      known: m.description !== '',
      description: m.description,
      responsible: m.responsible,
      statusLabel: m.statusLabel,
      art32: m.art32,
      referencesText: m.references.join('; '),
      hasReferences: m.references.length > 0,
      riskIdsText: joinGerman(m.riskIds),
    });
  }
  return groups;
}

/** What the printer gets: the page without font faces (the printer keeps them loaded), and the faces apart. */
export function renderDpiaPrintJob(doc: DpiaDocument, templates: PdfTemplates, dpia: DpiaTemplates): { html: string; fontCss: string } {
  return { html: renderPage(doc, templates, dpia, ''), fontCss: templates.fontCss };
}

/** The whole document as one HTML page, font faces included (what a browser would open). */
export function renderDpiaHtml(doc: DpiaDocument, templates: PdfTemplates, dpia: DpiaTemplates): string {
  return renderPage(doc, templates, dpia, templates.fontCss);
}

function renderPage(doc: DpiaDocument, templates: PdfTemplates, dpia: DpiaTemplates, fontCss: string): string {
  const data = buildDpiaTemplateData(doc);
  return compile(DPIA_TEMPLATE_FILES.html, dpia.html).render({
    ...data,
    fontCss,
    printCss: `${templates.css}\n${dpia.css}`,
    runningCss: compile(TEMPLATE_FILES.running, templates.running).render(data),
  });
}
