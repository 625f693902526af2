import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseContent, type ContentFile, type DefaultFile, type ParseContentResult } from '../lib/parse-content.ts';
import { MAX_CONTENT_FILE_BYTES } from '../lib/source-text.ts';
import { loadTextDefaults, overridableTemplateNames } from './templates.ts';

/**
 * Reads every file below `contentDir` and parses it into the content model, with the bundled
 * pages, texts and vocabularies as defaults for those the content does not bring itself.
 */
export async function loadContent(contentDir: string): Promise<ParseContentResult> {
  const root = path.resolve(contentDir);
  const files = await readContentFiles(root);
  const prefix = displayPrefixFor(root);
  return parseContent(files, prefix, { defaults: [...(await loadTextDefaults()), ...(await loadBundledDefaults())], templateNames: await overridableTemplateNames() });
}

/** The bundled defaults for content files a body may leave out (templates/defaults/). */
export const BUNDLED_DEFAULTS_DIR = path.resolve(import.meta.dirname, '../../templates/defaults');

/** Files a content folder may leave out, with the bundled default of each (now: vocabularies.yaml). */
export async function loadBundledDefaults(dir = BUNDLED_DEFAULTS_DIR): Promise<DefaultFile[]> {
  const out: DefaultFile[] = [];
  for (const name of ['vocabularies.yaml']) {
    const full = path.join(dir, name);
    const bytes = await readFile(full).catch(() => undefined);
    if (!bytes) continue;
    const shown = path.relative(process.cwd(), full).split(path.sep).join('/');
    out.push({ path: name, bytes: new Uint8Array(bytes), shown: shown.startsWith('..') ? full : shown });
  }
  return out;
}

/** Paths in messages are shown relative to the working directory, e.g. `content/toms/x.yaml`. */
/** How messages show a content folder: relative to the working directory when inside it, else absolute. */
export function displayPrefixFor(root: string): string {
  const relative = path.relative(process.cwd(), root).split(path.sep).join('/');
  if (relative === '') return '';
  return relative.startsWith('..') ? `${root.split(path.sep).join('/')}/` : `${relative}/`;
}

export async function readContentFiles(root: string): Promise<ContentFile[]> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new ContentDirError(root);
  const paths: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) paths.push(full);
    }
  };
  await walk(root);
  // Read many at once: a thousand small files one after another wait on the disk a thousand times.
  const out: ContentFile[] = new Array(paths.length);
  const read = async (index: number) => {
    const full = paths[index]!;
    const relative = path.relative(root, full).split(path.sep).join('/');
    const size = (await stat(full)).size;
    // Oversized files are reported by the parser; reading only the start keeps memory flat.
    const bytes = size > MAX_CONTENT_FILE_BYTES ? new Uint8Array(size) : new Uint8Array(await readFile(full));
    out[index] = { path: relative, bytes };
  };
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(32, paths.length) }, async () => {
    while (next < paths.length) await read(next++);
  }));
  return out;
}

export class ContentDirError extends Error {
  readonly code = 'CONTENT_DIR_MISSING';
  readonly dir: string;
  // No parameter property: the validation worker may run on Node's own type stripping.
  constructor(dir: string) {
    super(`Der Inhaltsordner „${dir}“ existiert nicht. Geben Sie mit --content einen vorhandenen Ordner an.`);
    this.dir = dir;
  }
}
