import { describe, expect, it } from 'vitest';
import { idStability as rule } from '../../src/validate/rules/id-stability.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const V = 'agreements/muster/1.1';

const ROWS: RuleCase[] = [
  [
    'a section id moves to the other part',
    [replace(`${V}/04-aufsicht.mdx`, 'part: B', 'part: A'), replace(`${V}/04-aufsicht-kirchlich.mdx`, 'part: B', 'part: A')],
    [`content/${V}/04-aufsicht-kirchlich.mdx:4:1 part`, `content/${V}/04-aufsicht.mdx:4:1 part`],
  ],
  ['a section id gets an unrelated title (warning)', [replace(`${V}/02-sicherheit.mdx`, 'title: Sicherheit der Verarbeitung', 'title: Haftung')], [`Warnung content/${V}/02-sicherheit.mdx:5:1 title`]],
  ['a title that keeps a word is a revision, not a new section', [replace(`${V}/02-sicherheit.mdx`, 'title: Sicherheit der Verarbeitung', 'title: Sicherheit und Unterauftragsverarbeitung')], []],
];

describe('rule kennungen-stabil (id stability)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# a section id moves to the other part
      Fehler: content/agreements/muster/1.1/04-aufsicht-kirchlich.mdx:4:1 Feld „part“: Der Paragraph „aufsicht“ stand in Version 1.0 in Teil B, hier in Teil A.
        → Eine Kennung darf nicht für eine andere Regelung wiederverwendet werden: vergeben Sie eine neue Kennung.
      Fehler: content/agreements/muster/1.1/04-aufsicht.mdx:4:1 Feld „part“: Der Paragraph „aufsicht“ stand in Version 1.0 in Teil B, hier in Teil A.
        → Eine Kennung darf nicht für eine andere Regelung wiederverwendet werden: vergeben Sie eine neue Kennung.
      # a section id gets an unrelated title (warning)
      Warnung: content/agreements/muster/1.1/02-sicherheit.mdx:5:1 Feld „title“: Der Paragraph „sicherheit“ hieß in Version 1.0 „Sicherheit der Verarbeitung“ und hat hier einen ganz anderen Titel „Haftung“.
        → Wenn es eine andere Regelung ist, vergeben Sie eine neue Kennung.
      # a title that keeps a word is a revision, not a new section
      "
    `);
  });
});
