import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildStage } from '../build-pipeline.ts';
import { fingerprint } from '../build-record.ts';

/** The attribute that marks a page's indexed part (BaseLayout's `searchable`). */
const SEARCHABLE = 'data-pagefind-body';

/**
 * Pagefind indexes the built site offline (German stemming) and writes its index and UI
 * into `pagefind/` of the staging folder. Only pages marked `data-pagefind-body` are indexed, so
 * only those are handed to Pagefind: the index depends on them alone, and a build that changed no
 * searchable page carries the previous index over instead of indexing again.
 */
export const searchStage: BuildStage = {
  name: 'search',
  label: 'Suchindex erzeugen',
  outputs: { public: ['pagefind'] },
  async inputs({ stagingOut, program }) {
    const pages = await searchablePages(stagingOut);
    const hash = createHash('sha256');
    for (const page of pages) hash.update(`${page.sourcePath}\0${page.content.length}\0`).update(page.content);
    return fingerprint({ program, pages: hash.digest('hex') });
  },
  async run({ stagingOut }) {
    const pages = await searchablePages(stagingOut);
    if (pages.length === 0) return 'übersprungen: keine durchsuchbare Seite im Build';
    const pagefind = await import('pagefind');
    try {
      const { index, errors } = await pagefind.createIndex({
        forceLanguage: 'de',
        // Navigation, tables of contents and button labels are not content; they would show up in results.
        excludeSelectors: ['nav', '.link-kopieren', '.druck-url', '.reader-toc', '.reader-more', '#tom-filter'],
      });
      if (!index) throw new Error(`Pagefind konnte keinen Index anlegen: ${errors.join('; ')}`);
      for (const page of pages) {
        const added = await index.addHTMLFile(page);
        if (added.errors.length > 0) throw new Error(`Pagefind meldet Fehler beim Lesen von ${page.sourcePath}: ${added.errors.join('; ')}`);
      }
      const written = await index.writeFiles({ outputPath: path.join(stagingOut, 'pagefind') });
      if (written.errors.length > 0) throw new Error(`Pagefind konnte den Index nicht schreiben: ${written.errors.join('; ')}`);
      return `${pages.length === 1 ? '1 durchsuchbare Seite' : `${pages.length} durchsuchbare Seiten`} indexiert`;
    } finally {
      await pagefind.close();
    }
  },
};

/** The built pages with an indexed part, in path order, as Pagefind reads them from the folder. */
async function searchablePages(root: string): Promise<{ sourcePath: string; content: string }[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((rel) => !rel.startsWith('pagefind/'))
    .sort();
  const pages = await Promise.all(files.map(async (sourcePath) => ({ sourcePath, content: await readFile(path.join(root, sourcePath), 'utf8') })));
  return pages.filter((page) => page.content.includes(SEARCHABLE));
}
