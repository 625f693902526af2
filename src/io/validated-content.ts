import { writeFile } from 'node:fs/promises';
import type { Content } from '../lib/content-model.ts';

/**
 * Hands validated content to the Astro pages as a file (`validatedContentFile` in the site
 * context), so the pages do not validate again: `npm run build` after its validation, `npm run dev`
 * once per content change. `gaps` (the parser's record of unreadable files, for the rules) stays behind.
 */
export async function writeValidatedContent(file: string, content: Content): Promise<void> {
  await writeFile(file, JSON.stringify(content, (key, value) => (key === 'gaps' ? undefined : value)));
}
