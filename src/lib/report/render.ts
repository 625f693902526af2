import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { escapeHtml } from '../html.ts';
import { cssString } from '../pdf/template.ts';
import { renderChartSvg } from '../signing/chart-svg.ts';
import { renderReportMdast } from './mdast.ts';
import type { BeschlusskontrolleView } from './view.ts';

/** The letter as Markdown (GFM tables), from the mdast tree. */
export function renderReportMarkdown(view: BeschlusskontrolleView): string {
  const processor = unified()
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', rule: '-', fences: true })
    .use(remarkGfm, { tablePipeAlign: true });
  return processor.stringify(renderReportMdast(view));
}

const isElement = (node: HastContent | ElementContent | undefined, tag?: string): node is Element =>
  node?.type === 'element' && (tag === undefined || node.tagName === tag);

const hasClass = (node: Element, name: string) => {
  const c = node.properties.className;
  return Array.isArray(c) && c.includes(name);
};

/** Next element sibling after index `i` (skipping the newline text nodes between blocks). */
function nextElement(children: HastContent[], i: number): { node: Element; index: number } | undefined {
  for (let j = i + 1; j < children.length; j++) {
    const node = children[j];
    if (isElement(node)) return { node, index: j };
    if (node?.type === 'text' && node.value.trim() === '') continue;
    return undefined;
  }
  return undefined;
}

/**
 * Print shape for the HTML made from the same tree: the bold line before a table becomes its
 * caption, numeric columns get a class instead of the obsolete `align`, the letterhead is grouped,
 * and the chart goes in front of the table it illustrates.
 */
function shapeLetter(view: BeschlusskontrolleView) {
  return (tree: HastRoot) => {
    const walkCells = (node: Element) => {
      for (const child of node.children) {
        if (!isElement(child)) continue;
        if ((child.tagName === 'td' || child.tagName === 'th') && child.properties.align) {
          const align = child.properties.align;
          delete child.properties.align;
          if (align === 'right') child.properties.className = ['zahl'];
        }
        walkCells(child);
      }
    };
    const children = tree.children;
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      if (!isElement(node, 'p') || !hasClass(node, 'tabellentitel')) continue;
      const next = nextElement(children, i);
      if (!next || next.node.tagName !== 'table') continue;
      const strong = node.children.find((c) => isElement(c, 'strong')) as Element | undefined;
      next.node.children.unshift({ type: 'element', tagName: 'caption', properties: {}, children: strong?.children ?? node.children });
      children.splice(i, next.index - i);
      i--;
    }
    for (const node of children) if (isElement(node)) walkCells(node);

    // The example mark stays above the letterhead, outside its grid.
    const mark = isElement(children[0], 'p') && hasClass(children[0], 'beispielvermerk') ? children.splice(0, 1) : [];
    const headIndex = children.findIndex((n) => isElement(n, 'h1'));
    if (headIndex > 0) {
      const head = children.splice(0, headIndex).filter((n): n is Element => isElement(n));
      children.unshift({ type: 'element', tagName: 'div', properties: { className: ['briefkopf'] }, children: head }, { type: 'text', value: '\n' });
    }
    if (mark.length > 0) children.unshift(...mark, { type: 'text', value: '\n' });
    if (view.timeline?.chart) {
      const heading = children.findIndex((n) => isElement(n, 'h2') && n.properties.id === 'verlauf');
      const intro = heading >= 0 ? nextElement(children, heading) : undefined;
      if (intro) {
        const figure: Element = {
          type: 'element',
          tagName: 'figure',
          // The figure's accessible name becomes the PDF's alternative text for the chart.
          properties: { className: ['verlauf-diagramm'], ariaLabelledBy: ['verlauf-diagramm-titel', 'verlauf-diagramm-beschreibung'] },
          children: [
            { type: 'raw', value: renderChartSvg(view.timeline.chart, 'verlauf-diagramm') } as unknown as ElementContent,
            {
              type: 'element',
              tagName: 'figcaption',
              properties: {},
              children: [{ type: 'text', value: 'Die Zahlen des Diagramms stehen in der Tabelle darunter.' }],
            },
          ],
        };
        children.splice(intro.index + 1, 0, { type: 'text', value: '\n' }, figure);
      }
    }
  };
}

/** The letter's body as HTML (no page around it), from the same mdast tree as the Markdown. */
export function renderReportBodyHtml(view: BeschlusskontrolleView): string {
  const processor = unified()
    .use(remarkRehype)
    .use(() => shapeLetter(view))
    .use(rehypeStringify, { allowDangerousHtml: true });
  const hast = processor.runSync(renderReportMdast(view) as Root);
  return String(processor.stringify(hast as HastRoot));
}

export const REPORT_CSS = `
:root { --schrift: 'Source Sans 3', 'Liberation Sans', Arial, sans-serif; --linie: #8c8c8c; }
@page { size: A4; margin: 20mm 20mm 24mm 25mm;
  @bottom-right { content: "Seite " counter(page) " von " counter(pages); font: 9pt var(--schrift); color: #444; } }
html { font-family: var(--schrift); font-size: 11pt; line-height: 1.45; color: #111; background: #fff; }
body { margin: 0; }
.brief { max-width: 165mm; margin: 0 auto; padding: 12mm 6mm; }
@media print { .brief { max-width: none; padding: 0; } }
.briefkopf { display: grid; grid-template-columns: 1fr auto; column-gap: 12mm; margin-bottom: 10mm; }
.briefkopf p { margin: 0 0 4mm; }
.dokumentart { grid-column: 1 / -1; font-size: 18pt; letter-spacing: 0.02em; border-bottom: 1.5pt solid #111; padding-bottom: 2mm; margin-bottom: 6mm !important; }
.absender { grid-column: 1; font-weight: 600; }
.empfaenger { grid-column: 1; }
.angaben { grid-column: 2; grid-row: 2 / span 2; }
h1 { font-size: 12pt; margin: 0 0 1mm; }
.betreff-titel { margin-top: 0; }
.betreff-titel strong { font-weight: 400; }
.anrede { margin-top: 8mm; }
h2 { font-size: 11pt; margin: 7mm 0 2mm; break-after: avoid; page-break-after: avoid; }
blockquote { margin: 0 0 3mm; padding: 0 0 0 5mm; border-left: 1.5pt solid var(--linie); font-style: italic; }
blockquote p { margin: 0; }
table { border-collapse: collapse; min-width: 75%; margin: 3mm 0 5mm; break-inside: avoid; page-break-inside: avoid; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: 1.5mm; }
th, td { padding: 1mm 3mm 1mm 0; border-bottom: 0.5pt solid var(--linie); text-align: left; vertical-align: top; }
th { border-bottom: 1pt solid #111; font-weight: 600; }
.zahl { text-align: right; padding-left: 4mm; padding-right: 0; }
figure { margin: 4mm 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; font-family: var(--schrift); }
figcaption { font-size: 9pt; color: #444; }
.berichte li { margin-bottom: 4mm; }
.website { max-width: 165mm; margin: 0 auto; padding: 6mm 6mm 0; font-size: 10pt; }
@media print { .website { display: none; } }
.gruss { margin-top: 8mm; break-after: avoid; page-break-after: avoid; }
.unterschrift { margin-top: 10mm; }
.kenntnisnahme { margin-top: 8mm; }
.beispielvermerk { border: 1.5pt solid #8a1c12; padding: 2mm 3mm; margin: 0 0 6mm; font-size: 9.5pt; line-height: 1.35; }
.wiedergabe { margin-top: 10mm; padding-top: 2mm; border-top: 0.5pt solid var(--linie); font-size: 8.5pt; color: #333; }
`;

export interface ReportPageOptions {
  /** `@font-face` rules with embedded fonts; without them the page falls back to system fonts. */
  fontCss?: string;
  /** Printed at the bottom left of every page (the example instance's mark). */
  footerMark?: string;
  /** Links back into the website, for the copies published there (not printed). */
  siteLinks?: { href: string; label: string }[];
}

function page(title: string, description: string, author: string, body: string, options: ReportPageOptions): string {
  const { fontCss, siteLinks = [], footerMark } = options;
  // The mark on every printed page: a page-margin box, which the PDF keeps as a pagination artifact (the tagged text has it once, at the top).
  const footer = footerMark ? `\n@page { @bottom-left { content: ${cssString(footerMark)}; font: 600 9pt var(--schrift); color: #8a1c12; } }` : '';
  const nav = siteLinks.length
    ? `<nav class="website" aria-label="Website">\n${siteLinks.map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`).join(' · ')}\n</nav>\n`
    : '';
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(description)}">
<meta name="author" content="${escapeHtml(author)}">
<style>
${fontCss ? `${fontCss}\n` : ''}${REPORT_CSS.trim()}${footer}
</style>
</head>
<body>
${nav}<main class="brief">
${body}
</main>
</body>
</html>
`;
}

/** A complete, print-ready HTML page: no external request, no script, no clock. */
export function renderReportHtml(view: BeschlusskontrolleView, options: ReportPageOptions = {}): string {
  const description = `${view.metadata.subject} – ${view.final ? 'abschließender Stand' : 'Zwischenstand'} am ${view.asOfText}`;
  return page(view.metadata.pageTitle, description, view.metadata.author, renderReportBodyHtml(view), { footerMark: view.example?.instance, ...options });
}

/** The list of reports at /beschlusskontrolle/bericht/ (links relative to it); `texts` from templates/report/beschlusskontrolle.yaml (reportIndexTexts). */
export function renderReportIndexHtml(views: BeschlusskontrolleView[], texts: { intro: string; description: string }, options: ReportPageOptions = {}): string {
  const items = views.map((v) => {
    const kind = v.final ? 'abschließender Stand' : 'Zwischenstand';
    return `<li><a href="${escapeHtml(v.agreementId)}/">${escapeHtml(v.letter.subject)}</a><br>${escapeHtml(v.letter.title)}<br>${kind} am ${escapeHtml(v.asOfText)} – <a href="${escapeHtml(v.agreementId)}/bericht.md">Markdown-Fassung</a></li>`;
  });
  const body = [
    '<h1>Berichte zur Beschlusskontrolle</h1>',
    `<p>${escapeHtml(texts.intro)}</p>`,
    items.length > 0 ? `<ul class="berichte">\n${items.join('\n')}\n</ul>` : '<p>Es ist noch keine Beschlusskontrolle eingetragen.</p>',
  ].join('\n');
  return page('Berichte zur Beschlusskontrolle', texts.description, views[0]?.metadata.author ?? '', body, options);
}
