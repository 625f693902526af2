import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { reportUrls } from '../../lib/report/urls.ts';
import type { BeschlusskontrolleView } from '../../lib/report/view.ts';
import type { BuildStage } from '../build-pipeline.ts';
import { digestOfFiles, fingerprint } from '../build-record.ts';

/**
 * The Beschlusskontrolle letters as HTML and Markdown under /beschlusskontrolle/bericht/: one per
 * agreement, on the date of its latest recorded Beschlusskontrolle (not after --as-of). Aggregate
 * figures only, no names.
 */
export const reportStage: BuildStage = {
  name: 'report',
  label: 'Bericht zur Beschlusskontrolle erzeugen',
  outputs: { public: [reportUrls.index()] },
  inputs: async ({ fileDigests, program, options }) => fingerprint({ program, asOf: options.asOf, content: digestOfFiles(fileDigests) }),
  async run({ content, stagingOut, options }) {
    // Loaded here: a build whose report is unchanged does not need them.
    const [{ renderReportHtml, renderReportIndexHtml, renderReportMarkdown }, { publishedReports }, { buildBeschlusskontrolleView, reportIndexTexts }, { urls }, { loadReportFontCss }] = await Promise.all([
      import('../../lib/report/render.ts'),
      import('../../lib/report/urls.ts'),
      import('../../lib/report/view.ts'),
      import('../../lib/site/urls.ts'),
      import('../report/fonts.ts'),
    ]);
    const fontCss = await loadReportFontCss();
    const views: BeschlusskontrolleView[] = [];
    for (const { agreement, asOf } of publishedReports(content, options.asOf)) {
      const view = buildBeschlusskontrolleView(content, { agreementId: agreement.id, asOf });
      const dir = path.join(stagingOut, ...reportUrls.html(agreement.id).split('/').filter(Boolean));
      await mkdir(dir, { recursive: true });
      const siteLinks = [
        { href: urls.signing(), label: 'Zeichnungsstand' },
        { href: reportUrls.index(), label: 'Alle Berichte zur Beschlusskontrolle' },
        { href: reportUrls.markdown(agreement.id), label: 'Dieser Bericht als Markdown' },
      ];
      await writeFile(path.join(dir, 'index.html'), renderReportHtml(view, { fontCss, siteLinks }));
      await writeFile(path.join(dir, 'bericht.md'), renderReportMarkdown(view));
      views.push(view);
    }
    const indexDir = path.join(stagingOut, ...reportUrls.index().split('/').filter(Boolean));
    await mkdir(indexDir, { recursive: true });
    await writeFile(path.join(indexDir, 'index.html'), renderReportIndexHtml(views, reportIndexTexts(content), { fontCss, siteLinks: [{ href: urls.home(), label: 'Startseite' }, { href: urls.signing(), label: 'Zeichnungsstand' }] }));
    return views.length === 1 ? '1 Bericht' : `${views.length} Berichte`;
  },
};
