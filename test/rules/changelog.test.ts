import { describe, expect, it } from 'vitest';
import { differingSections } from '../../src/lib/agreement/changelog.ts';
import { parseContent } from '../../src/lib/parse-content.ts';
import { buildChangesView } from '../../src/lib/site/changes.ts';
import { changelog as rule } from '../../src/validate/rules/changelog.ts';
import { applyEdits, refreeze, replace, toContentFiles, validFixture } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const V11 = 'agreements/muster/1.1/version.yaml';
const S1 = 'agreements/muster/1.1/01-gegenstand.mdx';
const S2 = 'agreements/muster/1.1/02-sicherheit.mdx';
const S4K = 'agreements/muster/1.1/04-aufsicht-kirchlich.mdx';
const CHANGE = '{ sections: [loeschung], text: Löschfristen verkürzt, reason: Drei Monate waren länger als nötig. }';

const ROWS: RuleCase[] = [
  ['a changed § the changelog does not name', [replace(S1, 'sind zur Vertraulichkeit', 'sind schriftlich zur Vertraulichkeit'), refreeze(V11)], [`content/${V11}:9:1 changes`]],
  ['only the title changed', [replace(S2, 'title: Sicherheit der Verarbeitung', 'title: Sicherheit'), refreeze(V11)], [`content/${V11}:9:1 changes`]],
  ['only a regime variant changed', [replace(S4K, '---\n\n', '---\n\nNeuer Satz.\n\n'), refreeze(V11)], [`content/${V11}:9:1 changes`]],
  ['named, so no finding', [replace(S1, 'sind zur Vertraulichkeit', 'sind schriftlich zur Vertraulichkeit'), refreeze(V11), replace(V11, 'sections: [loeschung]', 'sections: [loeschung, gegenstand]')], []],
  ['a plain-text change without §§ and reason', [replace(V11, CHANGE, 'Löschfristen verkürzt')], [`content/${V11}:9:1 changes`, `content/${V11}:10:5 changes[0]`]],
  ['names a § that exists in neither version', [replace(V11, 'sections: [loeschung]', 'sections: [loeschung, loeschen]')], [`content/${V11}:10:29 changes[0].sections[1]`]],
  ['a first version may keep plain-text changes', [], []],
];

describe('rule aenderungen (changelog)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS.slice(0, 1))).toMatchInlineSnapshot(`
      "# a changed § the changelog does not name
      Fehler: content/agreements/muster/1.1/version.yaml:9:1 Feld „changes“: § 1 „Gegenstand“ (gegenstand) unterscheidet sich von Version 1.0, steht aber in keiner Änderung.
        → Nennen Sie „gegenstand“ unter „sections“ einer Änderung in „changes“, mit „text“ (was sich ändert) und „reason“ (warum)."
    `);
    expect(wordedFindings(rule, ROWS.slice(4, 6))).toMatchInlineSnapshot(`
      "# a plain-text change without §§ and reason
      Fehler: content/agreements/muster/1.1/version.yaml:9:1 Feld „changes“: § 3 „Löschung und Kontrollen“ (loeschung) unterscheidet sich von Version 1.0, steht aber in keiner Änderung.
        → Nennen Sie „loeschung“ unter „sections“ einer Änderung in „changes“, mit „text“ (was sich ändert) und „reason“ (warum).
      Fehler: content/agreements/muster/1.1/version.yaml:10:5 Feld „changes[0]“: Die Änderung „Löschfristen verkürzt“ nennt weder Paragraphen noch Begründung.
        → Schreiben Sie sie als „{ sections: [kennung, …], text: …, reason: … }“: die Kennungen der geänderten Paragraphen (Feld „id“ der §-Datei) und warum sie sich ändern.
      # names a § that exists in neither version
      Fehler: content/agreements/muster/1.1/version.yaml:10:29 Feld „changes[0].sections[1]“: Einen Paragraphen „loeschen“ gibt es weder in Version 1.1 noch in Version 1.0.
        → Nennen Sie die Kennung (Feld „id“ der §-Datei), z. B. „gegenstand“, „sicherheit“ und „loeschung“."
    `);
  });
});

describe('differingSections and the changes page agree', () => {
  it('the page shows an entry for exactly the §§ the rule compares', () => {
    for (const edits of [[], ROWS[0]![1], ROWS[2]![1]]) {
      const { content } = parseContent(toContentFiles(applyEdits(validFixture(), edits)), 'content/');
      const [from, to] = content.agreements[0]!.versions;
      const page = [...new Set(buildChangesView(content, 'muster', '1.0', '1.1').entries.map((e) => e.sectionId))].sort();
      expect(differingSections(from!, to!).map((d) => d.id).sort()).toEqual(page);
    }
  });

  it('the changes page shows each change with its §§ and reason', () => {
    const { content } = parseContent(toContentFiles(validFixture()), 'content/');
    expect(buildChangesView(content, 'muster', '1.0', '1.1').summary).toEqual([
      { sections: ['loeschung'], sectionLabels: ['§\u00a03 Löschung und Kontrollen'], text: 'Löschfristen verkürzt', reason: 'Drei Monate waren länger als nötig.', example: undefined, version: '1.1', number: 1 },
    ]);
  });
});
