import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PDF_PIPELINE_VERSION } from '../../lib/pdf/party-document.ts';
import { TEMPLATE_FILES, type PdfTemplates } from '../../lib/pdf/render-html.ts';
import { DPIA_TEMPLATE_FILES, type DpiaTemplates } from '../../lib/pdf/dpia-html.ts';
import { SYNOPSIS_TEMPLATE_FILES, type SynopsisTemplates } from '../../lib/pdf/synopsis-html.ts';
import { loadTemplate, type TemplateDirs } from '../templates.ts';

const require = createRequire(import.meta.url);

interface FontFace {
  pkg: '@fontsource/source-serif-4' | '@fontsource/source-sans-3';
  family: string;
  weight: 400 | 600;
  style: 'normal' | 'italic';
}

const FACES: FontFace[] = [
  { pkg: '@fontsource/source-serif-4', family: 'Source Serif 4', weight: 400, style: 'normal' },
  { pkg: '@fontsource/source-serif-4', family: 'Source Serif 4', weight: 400, style: 'italic' },
  { pkg: '@fontsource/source-serif-4', family: 'Source Serif 4', weight: 600, style: 'normal' },
  { pkg: '@fontsource/source-sans-3', family: 'Source Sans 3', weight: 400, style: 'normal' },
  { pkg: '@fontsource/source-sans-3', family: 'Source Sans 3', weight: 600, style: 'normal' },
];
const SUBSETS = ['latin', 'latin-ext'] as const;

export interface PdfAssets {
  templates: PdfTemplates;
  /** SHA-256 over templates, fonts and the pipeline version: part of every cache key. */
  hash: string;
  /**
   * The DPIA's page template (`dsfa.html`) and the hash its PDFs are cached under: the shared
   * hash plus that template, so editing it prints the DPIA again but no agreement copy.
   */
  dpia: DpiaTemplates & { hash: string };
  /** The Synopse's template (`synopse.html`, `synopse.css`) and its cache hash, likewise. */
  synopsis: SynopsisTemplates & { hash: string };
}

function packageDir(pkg: string): string {
  return path.dirname(require.resolve(`${pkg}/package.json`));
}

/**
 * Reads the print templates (the content folder's own first, the bundled ones otherwise) and the
 * self-hosted fonts.
 */
export async function loadPdfAssets(dirs: TemplateDirs = {}): Promise<PdfAssets> {
  const hash = createHash('sha256').update(PDF_PIPELINE_VERSION);
  const texts: Partial<Record<keyof typeof TEMPLATE_FILES, string>> = {};
  const names: Partial<Record<keyof typeof TEMPLATE_FILES, string>> = {};
  for (const [key, file] of Object.entries(TEMPLATE_FILES) as [keyof typeof TEMPLATE_FILES, string][]) {
    const template = await loadTemplate(file, dirs);
    texts[key] = template.text;
    names[key] = template.file;
    hash.update(`\0${file}\0${template.text}`);
  }
  const css: string[] = [];
  for (const face of FACES) {
    const dir = packageDir(face.pkg);
    const unicode = JSON.parse(await readFile(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    const stem = face.pkg.replace('@fontsource/', '');
    for (const subset of SUBSETS) {
      const base = path.join(dir, 'files', `${stem}-${subset}-${face.weight}-${face.style}`);
      const woff2 = await readFile(`${base}.woff2`);
      hash.update(woff2);
      css.push(
        `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight};font-display:block;` +
          `src:url(data:font/woff2;base64,${woff2.toString('base64')}) format('woff2');unicode-range:${unicode[subset]};}`,
      );
    }
  }
  const fontCss = css.join('\n');
  const templates: PdfTemplates = {
    document: texts.document!,
    cover: texts.cover!,
    annexes: texts.annexes!,
    signature: texts.signature!,
    running: texts.running!,
    css: texts.css!,
    fontCss,
    files: names,
  };
  const digest = hash.digest('hex');
  /** A document's own templates: its cache hash is the shared one plus them, so editing them reprints that kind only. */
  const ownTemplates = async <K extends string>(files: Record<K, string>) => {
    const own = createHash('sha256').update(digest);
    const texts = {} as Record<K, string>;
    for (const [key, file] of Object.entries(files) as [K, string][]) {
      texts[key] = (await loadTemplate(file, dirs)).text;
      own.update(`\0${file}\0${texts[key]}`);
    }
    return { ...texts, hash: own.digest('hex') };
  };
  const dpia = await ownTemplates<keyof DpiaTemplates>(DPIA_TEMPLATE_FILES);
  const synopsis = await ownTemplates<keyof SynopsisTemplates>(SYNOPSIS_TEMPLATE_FILES);
  return { templates, hash: digest, dpia, synopsis };
}
