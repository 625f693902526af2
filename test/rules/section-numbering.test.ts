import { describe, expect, it } from 'vitest';
import { sectionNumbering as rule } from '../../src/validate/rules/section-numbering.ts';
import { replace, validFixture } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const V = 'agreements/muster/1.1';
const at = (file: string, where: string) => `content/${V}/${file}:${where}`;

const ROWS: RuleCase[] = [
  ['§ 4 renumbered to § 5', [replace(`${V}/04-aufsicht.mdx`, 'number: 4', 'number: 5'), replace(`${V}/04-aufsicht-kirchlich.mdx`, 'number: 4', 'number: 5')], [at('04-aufsicht-kirchlich.mdx', '3:1 number')]],
  ['two missing numbers in a row', [replace(`${V}/04-aufsicht.mdx`, 'number: 4', 'number: 6'), replace(`${V}/04-aufsicht-kirchlich.mdx`, 'number: 4', 'number: 6'), replace(`${V}/03-loeschung.mdx`, 'number: 3', 'number: 5')], [at('03-loeschung.mdx', '3:1 number')]],
  ['numbering starts at § 2', [replace(`${V}/01-gegenstand.mdx`, 'number: 1', 'number: 5')], [at('02-sicherheit.mdx', '3:1 number')]],
  ['two sections with number 2', [replace(`${V}/03-loeschung.mdx`, 'number: 3', 'number: 2')], [at('03-loeschung.mdx', '3:1 number'), at('04-aufsicht-kirchlich.mdx', '3:1 number')]],
  ['a gap only for the church regimes', [replace(`${V}/04-aufsicht-kirchlich.mdx`, 'number: 4', 'number: 5')], [at('04-aufsicht-kirchlich.mdx', '3:1 number'), at('04-aufsicht-kirchlich.mdx', '3:1 number')]],
  ['variants overlap in KDG', [replace(`${V}/04-aufsicht.mdx`, 'regimes: [dsgvo]', 'regimes: [dsgvo, kdg]')], [at('04-aufsicht.mdx', '6:1 regimes')]],
  ['a version without sections', [...validFixture().keys()].filter((f) => f.startsWith(`${V}/`) && f.endsWith('.mdx')).map((file) => ({ file, delete: true as const })), [`content/${V}/version.yaml:1:1`]],
  ['a section that cannot be read: numbering waits for it', [replace(`${V}/03-loeschung.mdx`, 'number: 3', 'number: [3')], []],
];

describe('rule paragraphen-nummerierung (section numbering)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# § 4 renumbered to § 5
      Fehler: content/agreements/muster/1.1/04-aufsicht-kirchlich.mdx:3:1 Feld „number“: Nach § 3 folgt § 5: § 4 fehlt.
        → Legen Sie § 4 an oder nummerieren Sie die Paragraphen lückenlos ab § 1.
      # two missing numbers in a row
      Fehler: content/agreements/muster/1.1/03-loeschung.mdx:3:1 Feld „number“: Nach § 2 folgt § 5: §§ 3–4 fehlen.
        → Legen Sie §§ 3–4 an oder nummerieren Sie die Paragraphen lückenlos ab § 1.
      # numbering starts at § 2
      Fehler: content/agreements/muster/1.1/02-sicherheit.mdx:3:1 Feld „number“: Die Nummerierung beginnt mit § 2: § 1 fehlt.
        → Legen Sie § 1 an oder nummerieren Sie die Paragraphen lückenlos ab § 1.
      # two sections with number 2
      Fehler: content/agreements/muster/1.1/03-loeschung.mdx:3:1 Feld „number“: § 2 ist doppelt vergeben: auch „sicherheit“ in content/agreements/muster/1.1/02-sicherheit.mdx:3 hat diese Nummer.
        → Nummerieren Sie die Paragraphen fortlaufend und ohne Doppelungen.
      Fehler: content/agreements/muster/1.1/04-aufsicht-kirchlich.mdx:3:1 Feld „number“: Nach § 2 folgt § 4: § 3 fehlt.
        → Legen Sie § 3 an oder nummerieren Sie die Paragraphen lückenlos ab § 1.
      # a gap only for the church regimes
      Fehler: content/agreements/muster/1.1/04-aufsicht-kirchlich.mdx:3:1 Feld „number“: Der Paragraph „aufsicht“ hat hier die Nummer 5, in content/agreements/muster/1.1/04-aufsicht.mdx:3 aber 4.
        → Fassungen desselben Paragraphen müssen dieselbe Nummer tragen.
      Fehler: content/agreements/muster/1.1/04-aufsicht-kirchlich.mdx:3:1 Feld „number“: Nach § 3 folgt § 5: § 4 fehlt (für KDG und DSG-EKD).
        → Legen Sie § 4 an oder nummerieren Sie die Paragraphen lückenlos ab § 1.
      # variants overlap in KDG
      Fehler: content/agreements/muster/1.1/04-aufsicht.mdx:6:1 Feld „regimes“: Die Fassungen von „aufsicht“ überschneiden sich: auch content/agreements/muster/1.1/04-aufsicht-kirchlich.mdx:6 gilt für KDG.
        → Jede Fassung eines Paragraphen gilt für andere Rechtsrahmen: passen Sie „regimes“ an oder vergeben Sie eine neue Kennung.
      # a version without sections
      Fehler: content/agreements/muster/1.1/version.yaml:1:1 Version 1.1 hat keine Paragraphen.
        → Legen Sie im Ordner der Version je Paragraph eine MDX-Datei an (Muster in content/agreements/README.md).
      # a section that cannot be read: numbering waits for it
      "
    `);
  });
});
