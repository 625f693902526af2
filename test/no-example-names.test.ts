import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/run-cli.ts';

/**
 * Toolkit, not instance: no file of code or bundled template knows the bundled example's body,
 * place, council, committee, software or state – in text and in comments. The body describes
 * itself in content (organisation.yaml, content/templates/, content/pages/).
 */
const EXAMPLE_NAMES: { name: string; pattern: RegExp }[] = [
  { name: 'Dresden', pattern: /dresden/i },
  { name: 'Kita-Planer', pattern: /kita-?planer/i },
  { name: 'Kita', pattern: /kita/i },
  { name: 'Stadtrat', pattern: /stadtrat/i },
  { name: 'Jugendhilfeausschuss', pattern: /jugendhilfeausschuss/i },
  { name: 'Oberbürgermeister', pattern: /oberbürgermeister/i },
  { name: 'Eigenbetrieb', pattern: /eigenbetrieb/i },
  { name: 'Amt für Kindertagesbetreuung', pattern: /amt für kindertagesbetreuung/i },
  { name: 'netgo', pattern: /netgo/i },
  { name: 'Sachsen', pattern: /sachsen/i },
  { name: 'Sächsisch', pattern: /sächs/i },
  { name: 'JHA', pattern: /\bJHA\b/ },
];

const FOLDERS = ['src', 'scripts', 'templates'];

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesBelow(full) : [full];
  });
}

/** `file:line: Name („the line“)` for every line that names one of the example's names. */
function findExampleNames(files: { file: string; text: string }[]): string[] {
  const hits: string[] = [];
  for (const { file, text } of files) {
    text.split('\n').forEach((line, i) => {
      for (const { name, pattern } of EXAMPLE_NAMES) {
        if (pattern.test(line)) hits.push(`${file}:${i + 1}: ${name} („${line.trim().slice(0, 120)}“)`);
      }
    });
  }
  return hits;
}

describe('no example names in code and bundled templates', () => {
  it('finds a name where there is one (comments included)', () => {
    expect(findExampleNames([{ file: 'x.ts', text: 'const a = 1;\n// wie in Dresden\n<p>Sächsische Aufsicht, JHA</p>' }])).toEqual([
      'x.ts:2: Dresden („// wie in Dresden“)',
      'x.ts:3: Sächsisch („<p>Sächsische Aufsicht, JHA</p>“)',
      'x.ts:3: JHA („<p>Sächsische Aufsicht, JHA</p>“)',
    ]);
  });

  it.each(FOLDERS)('%s/ names none of the bundled example’s body, place, council or software', (folder) => {
    const files = filesBelow(path.join(ROOT, folder)).map((full) => ({ file: path.relative(ROOT, full), text: readFileSync(full, 'utf8') }));
    expect(findExampleNames(files)).toEqual([]);
  });
});
