import { describe, expect, it } from 'vitest';
import { paragraphNumbering as rule } from '../../src/validate/rules/paragraph-numbering.ts';
import { findings, formatAll, locations, replace, type FileEdit } from '../support/content-variants.ts';

const V = 'agreements/muster/1.1';

const ROWS: [string, FileEdit[], string[]][] = [
  ['(1) is followed by (3)', [replace(`${V}/02-sicherheit.mdx`, '(2) Unterauftragsverarbeiter', '(3) Unterauftragsverarbeiter')], [`content/${V}/02-sicherheit.mdx:11:1`]],
  ['the first paragraph is (2)', [replace(`${V}/04-aufsicht.mdx`, '(1) Zuständig', '(2) Zuständig')], [`content/${V}/04-aufsicht.mdx:9:1`]],
  ['unnumbered text between paragraphs is fine', [replace(`${V}/02-sicherheit.mdx`, '(2) Unterauftragsverarbeiter', 'Dazu gilt:\n\n(2) Unterauftragsverarbeiter')], []],
];

describe('rule absatz-nummerierung (paragraph numbering)', () => {
  it('finds nothing in the valid fixture', () => {
    expect(findings(rule)).toEqual([]);
  });

  it.each(ROWS)('%s', (_title, edits, expected) => {
    expect(locations(findings(rule, edits))).toEqual(expected);
  });

  it('words every finding for authors', () => {
    expect(ROWS.map(([title, edits]) => `# ${title}\n${formatAll(findings(rule, edits))}`).join('\n')).toMatchInlineSnapshot(`
      "# (1) is followed by (3)
      Fehler: content/agreements/muster/1.1/02-sicherheit.mdx:11:1 Auf Absatz „(1)“ folgt „(3)“, erwartet war „(2)“.
        → Nummerieren Sie die Absätze fortlaufend ab „(1)“.
      # the first paragraph is (2)
      Fehler: content/agreements/muster/1.1/04-aufsicht.mdx:9:1 Der erste Absatz ist „(2)“, erwartet war „(1)“.
        → Nummerieren Sie die Absätze fortlaufend ab „(1)“.
      # unnumbered text between paragraphs is fine
      "
    `);
  });
});
