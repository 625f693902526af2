import { describe, expect, it } from 'vitest';
import { paragraphNumbering as rule } from '../../src/validate/rules/paragraph-numbering.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const V = 'agreements/muster/1.1';

const ROWS: RuleCase[] = [
  ['(1) is followed by (3)', [replace(`${V}/02-sicherheit.mdx`, '(2) Unterauftragsverarbeiter', '(3) Unterauftragsverarbeiter')], [`content/${V}/02-sicherheit.mdx:11:1`]],
  ['the first paragraph is (2)', [replace(`${V}/04-aufsicht.mdx`, '(1) Zuständig', '(2) Zuständig')], [`content/${V}/04-aufsicht.mdx:9:1`]],
  ['unnumbered text between paragraphs is fine', [replace(`${V}/02-sicherheit.mdx`, '(2) Unterauftragsverarbeiter', 'Dazu gilt:\n\n(2) Unterauftragsverarbeiter')], []],
];

describe('rule absatz-nummerierung (paragraph numbering)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
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
