import { access } from 'node:fs/promises';
import path from 'node:path';
import type { BuildStage } from '../build-pipeline.ts';

/**
 * Pagefind indexes the built site offline (German stemming) and writes its index and UI
 * into `pagefind/` of the staging folder. Only pages marked `data-pagefind-body` are indexed.
 */
export const searchStage: BuildStage = {
  name: 'search',
  label: 'Suchindex erzeugen',
  outputs: { public: ['pagefind'] },
  async run({ stagingOut }) {
    const hasSite = await access(path.join(stagingOut, 'index.html')).then(
      () => true,
      () => false,
    );
    if (!hasSite) return 'übersprungen: keine Website im Build';
    const pagefind = await import('pagefind');
    try {
      const { index, errors } = await pagefind.createIndex({
        forceLanguage: 'de',
        // Navigation, tables of contents and button labels are not content; they would show up in results.
        excludeSelectors: ['nav', '.link-kopieren', '.druck-url', '.reader-toc', '.reader-more', '#tom-filter'],
      });
      if (!index) throw new Error(`Pagefind konnte keinen Index anlegen: ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: stagingOut });
      if (added.errors.length > 0) throw new Error(`Pagefind meldet Fehler beim Lesen der Seiten: ${added.errors.join('; ')}`);
      const written = await index.writeFiles({ outputPath: path.join(stagingOut, 'pagefind') });
      if (written.errors.length > 0) throw new Error(`Pagefind konnte den Index nicht schreiben: ${written.errors.join('; ')}`);
      return `${added.page_count} Seiten gelesen`;
    } finally {
      await pagefind.close();
    }
  },
};
