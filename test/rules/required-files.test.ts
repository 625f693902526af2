import { describe, expect, it } from 'vitest';
import { requiredFiles as rule } from '../../src/validate/rules/required-files.ts';
import { replace, validFixture, type FileEdit } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const remove = (file: string): FileEdit => ({ file, delete: true });

const ROWS: RuleCase[] = [
  ['site.yaml missing', [remove('site.yaml')], ['content/site.yaml']],
  ['organisation.yaml missing', [remove('organisation.yaml')], ['content/organisation.yaml']],
  ['council.yaml missing', [remove('council/council.yaml')], ['content/council/council.yaml']],
  ['no DPIA at all', [...validFixture().keys()].filter((f) => f.startsWith('dpia/')).map(remove), ['content/dpia/']],
  ['a DPIA version without dpia.yaml is reported by the parser, not here', [remove('dpia/1.0/dpia.yaml')], []],
  ['no agreement at all', [...validFixture().keys()].filter((f) => f.startsWith('agreements/')).map(remove), ['content/agreements/']],
  ['a required file that exists but is invalid is reported by its schema, not here', [replace('site.yaml', 'title: Vertragswerk Testinhalt', 'title: [')], []],
];

describe('rule pflichtdateien (required files)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# site.yaml missing
      Fehler: content/site.yaml Die Datei fehlt (Angaben zur Website).
        → Legen Sie sie nach dem Muster in content/README.md an.
      # organisation.yaml missing
      Fehler: content/organisation.yaml Die Datei fehlt (Angaben zur Körperschaft: Name, Vertretung, Amt, Rat).
        → Legen Sie sie nach dem Muster in content/README.md an.
      # council.yaml missing
      Fehler: content/council/council.yaml Die Datei fehlt (Vorlagen, Beratungen und Beschlüsse des Rates).
        → Legen Sie sie nach dem Muster in content/council/README.md an.
      # no DPIA at all
      Fehler: content/dpia/ Es gibt keine Datenschutz-Folgenabschätzung: der Ordner dpia/ enthält keine Version mit dpia.yaml.
        → Legen Sie je Version einen Ordner an (z. B. dpia/1.0/) mit dpia.yaml, risks.yaml und sections/, nach dem Muster in content/dpia/README.md.
      # a DPIA version without dpia.yaml is reported by the parser, not here

      # no agreement at all
      Fehler: content/agreements/ Es gibt keine Vereinbarung: der Ordner fehlt oder ist leer.
        → Legen Sie eine Vereinbarung nach dem Muster in content/agreements/README.md an.
      # a required file that exists but is invalid is reported by its schema, not here
      "
    `);
  });
});
