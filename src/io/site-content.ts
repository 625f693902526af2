import path from 'node:path';
import type { Content } from '../lib/content-model.ts';

let cached: Promise<Content> | undefined;
let cachedGeneration = 0;

/**
 * Counts content changes while `npm run dev` runs (on globalThis: the dev script and Astro's
 * page modules are different module instances in one process).
 */
const GENERATION = Symbol.for('vertragswerk.content-generation');

/** Called by `npm run dev` when a content file changed: the next page load reads the content again. */
export function markSiteContentChanged(): void {
  const store = globalThis as Record<symbol, number | undefined>;
  store[GENERATION] = (store[GENERATION] ?? 0) + 1;
}

/** Folder the site is built from: `VERTRAGSWERK_CONTENT` (set by `npm run build --content`) or `content/`. */
export function siteContentDir(): string {
  return path.resolve(process.env.VERTRAGSWERK_CONTENT || 'content');
}

/** Where the site stage leaves the content it has validated, for Astro's pages in the same process. */
const HANDOVER = Symbol.for('vertragswerk.validated-content');
type Handover = { dir: string; content: Content };

/** Called by the build's site stage: the pages use this content instead of loading and validating it again. */
export function handOverValidatedContent(dir: string, content: Content): void {
  (globalThis as Record<symbol, Handover | undefined>)[HANDOVER] = { dir: path.resolve(dir), content };
}

/**
 * The validated content for Astro pages, loaded once per build. `npm run build` hands over what
 * it has validated (saves a second pass over 1,000 providers); `astro dev` loads and validates
 * here, and refuses to render invalid content.
 */
export function getSiteContent(): Promise<Content> {
  const handedOver = (globalThis as Record<symbol, Handover | undefined>)[HANDOVER];
  if (handedOver && handedOver.dir === siteContentDir()) return Promise.resolve(handedOver.content);
  const generation = (globalThis as Record<symbol, number | undefined>)[GENERATION] ?? 0;
  if (generation !== cachedGeneration) {
    cached = undefined;
    cachedGeneration = generation;
  }
  // Imported only here: in a build, Astro then neither transforms nor runs the validator again.
  cached ??= import('./validate-content.ts').then(async ({ validateContentDir }) => {
    const result = await validateContentDir(siteContentDir(), {});
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
