import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** The faces the letter uses; the Latin subset covers German, „“, – and §. */
const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 600, style: 'normal' },
] as const;

/**
 * `@font-face` rules with Source Sans 3 embedded as data URLs: the report page is one
 * self-contained file that requests nothing and prints with the same fonts everywhere.
 */
export async function loadReportFontCss(): Promise<string> {
  const dir = path.dirname(require.resolve('@fontsource/source-sans-3/package.json'));
  const rules: string[] = [];
  for (const face of FACES) {
    const file = path.join(dir, 'files', `source-sans-3-latin-${face.weight}-${face.style}.woff2`);
    const data = await readFile(file);
    rules.push(
      `@font-face{font-family:'Source Sans 3';font-style:${face.style};font-weight:${face.weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${data.toString('base64')}) format('woff2');}`,
    );
  }
  return rules.join('\n');
}
