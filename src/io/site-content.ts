import path from 'node:path';
import type { Content } from '../lib/content-model.ts';
import { validateContentDir } from './validate-content.ts';

let cached: Promise<Content> | undefined;

/** Folder the site is built from: `VERTRAGSWERK_CONTENT` (set by `npm run build --content`) or `content/`. */
export function siteContentDir(): string {
  return path.resolve(process.env.VERTRAGSWERK_CONTENT || 'content');
}

/**
 * The validated content for Astro pages, loaded once per build. The build script has
 * validated already; this refuses to render invalid content all the same.
 */
export function getSiteContent(): Promise<Content> {
  cached ??= validateContentDir(siteContentDir(), {}).then((result) => {
    if (result.errors > 0) {
      throw new Error(`Der Inhalt in ${siteContentDir()} enthält ${result.errors} Fehler; bitte zuerst „npm run validate“ ausführen.`);
    }
    return result.content;
  });
  return cached;
}

/** The build's --as-of, if any (set by the site stage). */
export function siteBuildAsOf(): string | undefined {
  return process.env.VERTRAGSWERK_AS_OF || undefined;
}
