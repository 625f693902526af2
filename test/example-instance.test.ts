import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import { buildPdfs } from '../src/io/pdf/build-pdfs.ts';
import { renderReport } from '../src/io/report/render-report.ts';
import type { Content } from '../src/lib/content-model.ts';
import { parseManifest } from '../src/lib/pdf/manifest.ts';
import { buildBeschlusskontrolleView } from '../src/lib/report/view.ts';
import { buildLayoutView } from '../src/lib/site/layout.ts';
import { tool } from './support/pdf-build-run.ts';
import { ROOT, runScript } from './support/run-cli.ts';

/**
 * The fixture twice: as it is (a real instance, no marks) and declared an example instance
 * (site.yaml `beispiel: true`). The example's site is built through the real pipeline and its PDFs
 * printed by the real browser; every page and every PDF page must carry the mark, the real ones none.
 */
const MARK = 'Beispielinhalte – nicht amtlich';
let work: string;
const at = (...p: string[]) => path.join(work, ...p);
const contents: Record<'real' | 'example', Content> = {} as Record<'real' | 'example', Content>;

beforeAll(async () => {
  // Inside the project: Astro's prerender chunks go next to the out folder (see e2e-site.test.ts).
  await mkdir(path.join(ROOT, 'node_modules/.cache'), { recursive: true });
  work = await mkdtemp(path.join(ROOT, 'node_modules/.cache', 'vw-example-instance-'));
  for (const kind of ['real', 'example'] as const) {
    await cp(path.join(ROOT, 'test/fixtures/valid'), at(kind, 'content'), { recursive: true });
    if (kind === 'example') {
      const site = at(kind, 'content', 'site.yaml');
      await writeFile(site, `${await readFile(site, 'utf8')}beispiel: true\n`);
    }
    ({ content: contents[kind] } = await loadContent(at(kind, 'content')));
    await buildPdfs({ content: contents[kind], outDir: at(kind, 'dist'), privateOutDir: at(kind, 'priv'), cacheDir: at(kind, 'cache'), log: () => undefined });
  }
  const built = await runScript('build', ['--content', at('example', 'content'), '--out', at('example', 'dist'), '--private-out', at('example', 'priv'), '--cache-dir', at('example', 'cache'), '--skip', 'pdf,search']);
  expect(built.code, built.stdout + built.stderr).toBe(0);
}, 600_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The text of each page of a PDF (pdftotext reads the footer too: it is drawn, as a pagination artifact). */
async function pages(file: string): Promise<string[]> {
  return tool('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])
    .stdout.split('\f')
    .filter((p) => p.trim() !== '');
}

async function printed(kind: 'real' | 'example'): Promise<string[]> {
  const manifest = parseManifest(await readFile(at(kind, 'dist/pdf/manifest.json'), 'utf8'), 'manifest.json');
  const copies = manifest.entries.map((e) => (e.party.startsWith('ktp-') ? at(kind, 'priv', e.path) : at(kind, 'dist', e.path)));
  return [...copies, ...(manifest.documents ?? []).map((d) => at(kind, 'dist', d.path))];
}

describe('an example instance marks every page and every PDF', () => {
  it('every page of the site says so under its header, with a link to where the content comes from when it has one', async () => {
    for (const page of ['index.html', 'toms/index.html', 'dsfa/index.html', 'traeger/traeger-001/index.html', 'impressum/index.html', '404.html']) {
      const html = await readFile(at('example', 'dist', page), 'utf8');
      expect(html, page).toContain(`<div class="beispiel-hinweis" role="note" aria-label="Hinweis zu den Inhalten"><div class="container"><strong>${MARK}</strong>`);
    }
    expect(buildLayoutView(contents.example, { path: '/', title: 'Start' }).example).toEqual({ text: MARK, provenanceHref: undefined });
  });

  it('every page of every copy, DPIA and Synopse PDF carries the mark in its footer, and the cover says it in its text (the footer is a pagination artifact)', async () => {
    const files = await printed('example');
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const texts = await pages(file);
      expect(texts.length, file).toBeGreaterThan(1);
      texts.forEach((text, i) => expect(text, `${path.basename(file)}, Seite ${i + 1}`).toContain(MARK));
      expect(texts[0], file).toMatch(/Beispielinhalte – nicht amtlich: Diese (Ausfertigung|Folgenabschätzung|Synopse) ist aus\s+Beispielinhalten erzeugt/);
    }
  });

  it('the Beschlusskontrolle letter as PDF: at its top and on every page', async () => {
    const view = buildBeschlusskontrolleView(contents.example);
    const file = at('example', 'bericht.pdf');
    await writeFile(file, (await renderReport(view, 'pdf')) as Uint8Array);
    const texts = await pages(file);
    texts.forEach((text, i) => expect(text, `Seite ${i + 1}`).toContain(MARK));
    expect(texts[0]!.trimStart().startsWith(`${MARK}: Dieses Schreiben ist aus Beispielinhalten erzeugt.`)).toBe(true);
  }, 120_000);
});

describe('a real instance shows no mark', () => {
  it('no page of any PDF, no layout', async () => {
    for (const file of await printed('real')) for (const text of await pages(file)) expect(text, file).not.toContain('Beispielinhalte');
    expect(buildLayoutView(contents.real, { path: '/', title: 'Start' }).example).toBeUndefined();
    const report = buildBeschlusskontrolleView(contents.real);
    expect(report.example).toBeUndefined();
  });
});
