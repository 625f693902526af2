import { describe, expect, it } from 'vitest';
import { tomReferences as rule } from '../../src/validate/rules/tom-references.ts';
import { replace, validFixture, type FileEdit } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const T = 'toms/vertraulichkeit.yaml';
/** Appends fields to the file's last measure (tom-vertraulichkeit-02, since 1.1), so earlier lines keep their numbers. */
const addToLast = (yaml: string): FileEdit => replace(T, '    since_version: "1.1"\n', `    since_version: "1.1"\n${yaml}`);

/** A second agreement „tagespflege“: a copy of „muster“ (its § 2 „sicherheit“ has two paragraphs). */
function secondAgreement(): FileEdit[] {
  return [...validFixture()]
    .filter(([file]) => file.startsWith('agreements/muster/'))
    .map(([file, bytes]) => ({
      file: file.replace('agreements/muster/', 'agreements/tagespflege/'),
      write: new TextDecoder().decode(bytes).replace('id: muster\n', 'id: tagespflege\n'),
    }));
}

const ROWS: RuleCase[] = [
  ['valid annex and references: nothing to report', [addToLast('    agreements:\n      - { agreement: muster, since: "1.1" }\n    refs:\n      - { agreement: muster, section: sicherheit, paragraph: 2 }\n      - { agreement: muster, section: loeschung }\n')], []],
  ['references into both agreements, each listed: nothing to report', [...secondAgreement(), addToLast('    refs:\n      - { agreement: muster, section: sicherheit }\n      - { agreement: tagespflege, section: sicherheit, paragraph: 1 }\n')], []],
  ['annex of an unknown agreement', [addToLast('    agreements:\n      - { agreement: kita }\n')], ['content/toms/vertraulichkeit.yaml:19:11 measures[1].agreements[0].agreement']],
  ['annex from a version the agreement lacks', [addToLast('    agreements:\n      - { agreement: muster, since: "2.0" }\n')], ['content/toms/vertraulichkeit.yaml:19:30 measures[1].agreements[0].since']],
  ['reference to an unknown agreement', [addToLast('    refs:\n      - { agreement: kita, section: sicherheit }\n')], ['content/toms/vertraulichkeit.yaml:19:11 measures[1].refs[0].agreement']],
  ['reference to an agreement whose annex does not list the measure', [...secondAgreement(), addToLast('    agreements:\n      - { agreement: muster }\n    refs:\n      - { agreement: tagespflege, section: sicherheit }\n')], ['content/toms/vertraulichkeit.yaml:21:11 measures[1].refs[0].agreement']],
  ['reference to a § number instead of its id', [addToLast('    refs:\n      - { agreement: muster, section: paragraph-2 }\n')], ['content/toms/vertraulichkeit.yaml:19:30 measures[1].refs[0].section']],
  // tom-vertraulichkeit-02 is listed from 1.1 only: 1.0 is not checked.
  ['reference to a paragraph the § lacks in a listed version', [addToLast('    refs:\n      - { agreement: muster, section: sicherheit, paragraph: 3 }\n')], ['content/toms/vertraulichkeit.yaml:19:51 measures[1].refs[0].paragraph']],
  // tom-vertraulichkeit-01 is listed from 1.0: both versions lack Abs. 3, one finding names both.
  ['a measure listed in two versions: one finding for the versions that lack the paragraph', [replace(T, '    since_version: "1.0"\n', '    since_version: "1.0"\n    refs: [{ agreement: muster, section: loeschung, paragraph: 3 }]\n')], ['content/toms/vertraulichkeit.yaml:10:53 measures[0].refs[0].paragraph']],
  ['agreement file unreadable: references to it are not reported', [addToLast('    refs:\n      - { agreement: muster, section: nirgends }\n'), replace('agreements/muster/agreement.yaml', 'id: muster', 'id: [muster')], []],
];

describe('rule tom-verweise (TOM references to agreements)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# valid annex and references: nothing to report

      # references into both agreements, each listed: nothing to report

      # annex of an unknown agreement
      Fehler: content/toms/vertraulichkeit.yaml:19:11 Feld „measures[1].agreements[0].agreement“: Die Vereinbarung „kita“ gibt es nicht.
        → Vorhandene Vereinbarungen: „muster“.
      # annex from a version the agreement lacks
      Fehler: content/toms/vertraulichkeit.yaml:19:30 Feld „measures[1].agreements[0].since“: Die Vereinbarung „muster“ hat keine Version „2.0“.
        → Vorhandene Versionen: „1.0“ und „1.1“.
      # reference to an unknown agreement
      Fehler: content/toms/vertraulichkeit.yaml:19:11 Feld „measures[1].refs[0].agreement“: Die Vereinbarung „kita“ gibt es nicht.
        → Vorhandene Vereinbarungen: „muster“.
      # reference to an agreement whose annex does not list the measure
      Fehler: content/toms/vertraulichkeit.yaml:21:11 Feld „measures[1].refs[0].agreement“: Die Maßnahme verweist auf die Vereinbarung „tagespflege“, deren Anlage sie nach „agreements“ nicht aufführt.
        → Nehmen Sie „tagespflege“ unter „agreements“ auf oder streichen Sie den Verweis.
      # reference to a § number instead of its id
      Fehler: content/toms/vertraulichkeit.yaml:19:30 Feld „measures[1].refs[0].section“: Einen Paragraphen mit der Kennung „paragraph-2“ gibt es in keiner Version der Vereinbarung „muster“.
        → Nennen Sie die Kennung („id“) der §-Datei, nicht ihre Nummer. Kennungen in Version 1.1: „gegenstand“, „sicherheit“, „loeschung“ und „aufsicht“.
      # reference to a paragraph the § lacks in a listed version
      Fehler: content/toms/vertraulichkeit.yaml:19:51 Feld „measures[1].refs[0].paragraph“: Der Paragraph „sicherheit“ der Vereinbarung „muster“ (§ 2) hat in Version 1.1 keinen Absatz 3.
        → Absätze in Version 1.1: 1 und 2. Verweisen Sie auf den ganzen Paragraphen, wenn sich die Absätze zwischen den Versionen verschieben.
      # a measure listed in two versions: one finding for the versions that lack the paragraph
      Fehler: content/toms/vertraulichkeit.yaml:10:53 Feld „measures[0].refs[0].paragraph“: Der Paragraph „loeschung“ der Vereinbarung „muster“ (§ 3) hat in den Versionen 1.0 und 1.1 keinen Absatz 3.
        → Absätze in Version 1.1: 1 und 2. Verweisen Sie auf den ganzen Paragraphen, wenn sich die Absätze zwischen den Versionen verschieben.
      # agreement file unreadable: references to it are not reported
      "
    `);
  });
});
