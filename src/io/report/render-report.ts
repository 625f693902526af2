import type { Content } from '../../lib/content-model.ts';
import { formatDiagnostic, summarizeDiagnostics } from '../../lib/diagnostics.ts';
import { renderReportHtml, renderReportMarkdown } from '../../lib/report/render.ts';
import type { BeschlusskontrolleView } from '../../lib/report/view.ts';
import { ContentError } from '../cli.ts';
import { validateContentDir } from '../validate-content.ts';
import { loadReportFontCss } from './fonts.ts';
import { renderReportPdf } from './pdf.ts';

export const REPORT_FORMATS = ['md', 'html', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Loads the content and refuses to report on content with errors (the figures could be wrong). */
export async function loadValidContent(contentDir: string): Promise<Content> {
  const result = await validateContentDir(contentDir);
  if (result.errors > 0) {
    const lines = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    throw new ContentError(
      `${lines.join('\n')}\n\n${summarizeDiagnostics(result.diagnostics, result.content.files.length)}\nBeheben Sie die Fehler (npm run validate); erst dann stimmen die Zahlen des Berichts.`,
    );
  }
  return result.content;
}

/** The report in one format: Markdown and HTML as text, PDF as bytes. */
export async function renderReport(view: BeschlusskontrolleView, format: ReportFormat): Promise<string | Uint8Array> {
  if (format === 'md') return renderReportMarkdown(view);
  const html = renderReportHtml(view, { fontCss: await loadReportFontCss() });
  if (format === 'html') return html;
  return renderReportPdf(html, view);
}
