import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DefaultFile } from '../lib/parse-content.ts';
import { ContentError } from './cli.ts';

/**
 * The one place that finds a template: the content folder's own (`<content>/templates/<name>`;
 * a page `<content>/pages/<slug>.md`) first, the neutral one bundled with Vertragswerk
 * (`templates/<name>`) otherwise. The PDF stage, the letters, the report and the site all read
 * templates through here, so `--content OTHER` brings its own.
 */

/** The templates Vertragswerk ships: neutral, no body, place, council or law in them. */
export const BUNDLED_TEMPLATES_DIR = path.resolve(import.meta.dirname, '../../templates');

export interface TemplateSource {
  /** Name below templates/: `cover.html`, `letters/angebot.yaml`, `pages/impressum.md`. */
  name: string;
  text: string;
  /** The file as messages name it (relative to the working directory where it is inside it). */
  file: string;
  origin: 'content' | 'bundled';
}

export interface TemplateDirs {
  /** The content folder whose own templates come first; none: only the bundled ones. */
  contentDir?: string;
  /** For tests: another folder of bundled templates. */
  bundledDir?: string;
}

/** Where the content folder holds its own version of a template: pages in `pages/`, the rest in `templates/`. */
export function contentTemplatePath(contentDir: string, name: string): string {
  return name.startsWith('pages/') ? path.join(contentDir, name) : path.join(contentDir, 'templates', name);
}

function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith('..') ? file : relative).split(path.sep).join('/');
}

async function readIfExists(file: string): Promise<string | undefined> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'EISDIR') return undefined;
    throw error;
  });
}

/** A template by name: the content's own, else the bundled one; refused when neither exists. */
export async function loadTemplate(name: string, dirs: TemplateDirs = {}): Promise<TemplateSource> {
  const found = await findTemplate(name, dirs);
  if (found) return found;
  const bundled = path.join(dirs.bundledDir ?? BUNDLED_TEMPLATES_DIR, name);
  throw new ContentError(`Die Vorlage ${shown(bundled)} fehlt. Stellen Sie sie aus der Versionsverwaltung wieder her.`);
}

/** Like loadTemplate, but undefined when neither the content nor Vertragswerk has the template. */
export async function findTemplate(name: string, dirs: TemplateDirs = {}): Promise<TemplateSource | undefined> {
  if (dirs.contentDir) {
    const own = contentTemplatePath(dirs.contentDir, name);
    const text = await readIfExists(own);
    if (text !== undefined) return { name, text, file: shown(own), origin: 'content' };
  }
  const bundled = path.join(dirs.bundledDir ?? BUNDLED_TEMPLATES_DIR, name);
  const text = await readIfExists(bundled);
  return text === undefined ? undefined : { name, text, file: shown(bundled), origin: 'bundled' };
}

/** The bundled files below a folder of templates (e.g. `pages`, `letters`), as template names, sorted. */
export async function listBundledTemplates(folder: string, dirs: TemplateDirs = {}): Promise<string[]> {
  const dir = path.join(dirs.bundledDir ?? BUNDLED_TEMPLATES_DIR, folder);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.') && e.name !== 'README.md')
    .map((e) => `${folder}/${e.name}`)
    .sort();
}

/** Folders of bundled named texts (letters' and report's wording) a content folder may override text by text. */
export const TEXT_TEMPLATE_FOLDERS = ['letters', 'report'] as const;

/** Every bundled template a content folder may have its own version of in `templates/`: the print templates and the texts. */
export async function overridableTemplateNames(dirs: TemplateDirs = {}): Promise<Set<string>> {
  const root = dirs.bundledDir ?? BUNDLED_TEMPLATES_DIR;
  const top = await readdir(root, { withFileTypes: true }).catch(() => []);
  const names = top.filter((e) => e.isFile() && !e.name.startsWith('.') && e.name !== 'README.md').map((e) => e.name);
  for (const folder of TEXT_TEMPLATE_FOLDERS) names.push(...(await listBundledTemplates(folder, dirs)));
  return new Set(names.sort());
}

/**
 * The bundled pages and texts as defaults of the content model: `pages/<slug>.md` where the
 * content has no page of that name, `templates/letters/….yaml` beneath the content's own texts.
 */
export async function loadTextDefaults(dirs: TemplateDirs = {}): Promise<DefaultFile[]> {
  const root = dirs.bundledDir ?? BUNDLED_TEMPLATES_DIR;
  const out: DefaultFile[] = [];
  for (const name of await listBundledTemplates('pages', dirs)) {
    if (!name.endsWith('.md')) continue;
    const file = path.join(root, name);
    out.push({ path: name, bytes: new Uint8Array(await readFile(file)), shown: shown(file) });
  }
  for (const folder of TEXT_TEMPLATE_FOLDERS) {
    for (const name of await listBundledTemplates(folder, dirs)) {
      if (!name.endsWith('.yaml')) continue;
      const file = path.join(root, name);
      out.push({ path: `templates/${name}`, bytes: new Uint8Array(await readFile(file)), shown: shown(file) });
    }
  }
  return out;
}
