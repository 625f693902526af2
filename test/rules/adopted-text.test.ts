import { describe, expect, it } from 'vitest';
import { normaliseVersionText, versionTextChecksum } from '../../src/lib/version-text.ts';
import { adoptedText as rule } from '../../src/validate/rules/adopted-text.ts';
import { refreeze, replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const V10 = 'agreements/muster/1.0/version.yaml';
const V11 = 'agreements/muster/1.1/version.yaml';
const S2 = 'agreements/muster/1.1/02-sicherheit.mdx';
const S4K = 'agreements/muster/1.1/04-aufsicht-kirchlich.mdx';
const SUM11 = 'f542adcbc7fa12a1f2b7fdba2e652a42dd4fda8546adb380f049a3020d5b98a1';
const ZERO = '0'.repeat(64);
const TYPO = replace(S2, 'nach Art. 28 Abs. 2 und 4', 'nach Art.\u00a028 Abs.\u00a02 und 4');
const erratum = (file: string, date = '2023-07-03', sum = ZERO) =>
  `\nerrata:\n  - file: ${file}\n    date: ${date}\n    reason: Geschützte Leerzeichen ergänzt\n    text_sha256: ${sum}`;
const withErratum = (file: string, date?: string) => replace(V11, `text_sha256: ${SUM11}`, `text_sha256: ${SUM11}${erratum(file, date)}`);

const ROWS: RuleCase[] = [
  ['a word changed in a § of the version in force', [replace(S2, 'Es gelten die', 'Es gelten grundsätzlich die')], [`content/${V11}:11:1 text_sha256`]],
  ['a regime variant changed', [replace(S4K, 'kirchliche', 'staatliche')], [`content/${V11}:11:1 text_sha256`]],
  ['a § file added', [{ file: 'agreements/muster/1.1/05-neu.mdx', write: '---\nid: neu\nnumber: 5\npart: B\ntitle: Neu\n---\n\n(1) Neu.\n' }], [`content/${V11}:11:1 text_sha256`]],
  ['a § file removed', [{ file: S4K, delete: true }], [`content/${V11}:11:1 text_sha256`]],
  ['a superseded version changed', [replace('agreements/muster/1.0/02-sicherheit.mdx', '(1) Es gelten', '(1) Es gilt')], [`content/${V10}:10:1 text_sha256`]],
  ['no checksum at all', [replace(V11, `text_sha256: ${SUM11}\n`, '')], [`content/${V11}:2:1 status`]],
  ['a typographic fix recorded as an erratum', [TYPO, withErratum('02-sicherheit.mdx'), refreeze(V11)], []],
  ['a typographic fix without an erratum', [TYPO], [`content/${V11}:11:1 text_sha256`]],
  ['a further change after the erratum', [TYPO, withErratum('02-sicherheit.mdx'), refreeze(V11), replace(S2, '(1) Es gelten', '(1) Es gilt')], [`content/${V11}:16:5 errata[0].text_sha256`]],
  ['an erratum naming a file that does not exist', [TYPO, withErratum('02-sicherheitt.mdx'), refreeze(V11)], [`content/${V11}:13:5 errata[0].file`]],
  ['an erratum before the adoption', [TYPO, withErratum('02-sicherheit.mdx', '2023-05-01'), refreeze(V11)], [`content/${V11}:14:5 errata[0].date`]],
  ['an erratum that changes nothing', [withErratum('02-sicherheit.mdx'), replace(V11, `    text_sha256: ${ZERO}`, `    text_sha256: ${SUM11}`)], [`content/${V11}:16:5 errata[0].text_sha256`]],
  ['a draft is not checked', [replace(V11, 'status: beschlossen', 'status: entwurf'), replace(V11, `text_sha256: ${SUM11}\n`, ''), replace(S2, 'Es gelten die', 'Es gelten jetzt die')], []],
  ['a draft that still carries a checksum', [replace(V11, 'status: beschlossen', 'status: entwurf')], [`Warnung content/${V11}:11:1 text_sha256`]],
  ['an unreadable § file: the checksum is not judged', [replace(S2, 'number: 2', 'number: [2')], []],
];

describe('rule festgeschrieben (adopted text is frozen)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS.filter(([title]) => ['a word changed in a § of the version in force', 'no checksum at all', 'an erratum naming a file that does not exist', 'an erratum before the adoption', 'an erratum that changes nothing', 'a draft that still carries a checksum'].includes(title)))).toMatchInlineSnapshot(`
      "# a word changed in a § of the version in force
      Fehler: content/agreements/muster/1.1/version.yaml:11:1 Feld „text_sha256“: Der Text der beschlossenen Version 1.1 wurde geändert: die §-Dateien in content/agreements/muster/1.1/ ergeben jetzt die Prüfsumme c358b4d9a02cda9ac3ac84c6b5b6d9193774c45412de94f3602ecd2979b860e9, festgeschrieben ist f542adcbc7fa12a1f2b7fdba2e652a42dd4fda8546adb380f049a3020d5b98a1.
        → Eine beschlossene Version bleibt, wie sie beschlossen wurde: machen Sie die Änderung rückgängig und legen Sie für neuen Text eine neue Version an (neuer Ordner mit „supersedes: "1.1"“). Nur eine rein typografische Berichtigung darf bleiben – dann als Erratum unter „errata“ mit file, date, reason und „text_sha256: c358b4d9a02cda9ac3ac84c6b5b6d9193774c45412de94f3602ecd2979b860e9“.
      # no checksum at all
      Fehler: content/agreements/muster/1.1/version.yaml:2:1 Feld „status“: Version 1.1 ist beschlossen, aber ihr Text ist nicht festgeschrieben: das Feld „text_sha256“ fehlt.
        → Prüfen Sie, dass die §§ in content/agreements/muster/1.1/ dem Beschluss entsprechen, und tragen Sie dann „text_sha256: f542adcbc7fa12a1f2b7fdba2e652a42dd4fda8546adb380f049a3020d5b98a1“ ein.
      # an erratum naming a file that does not exist
      Fehler: content/agreements/muster/1.1/version.yaml:13:5 Feld „errata[0].file“: Das Erratum nennt die Datei „02-sicherheitt.mdx“, die es in content/agreements/muster/1.1/ nicht gibt.
        → Tragen Sie den Namen der berichtigten §-Datei ein, z. B. „01-gegenstand.mdx“.
      # an erratum before the adoption
      Fehler: content/agreements/muster/1.1/version.yaml:14:5 Feld „errata[0].date“: Das Erratum vom 1. Mai 2023 liegt vor dem Beschluss der Version am 11. Mai 2023.
        → Vor dem Beschluss wird der Text ohne Erratum geändert; prüfen Sie das Datum.
      # an erratum that changes nothing
      Fehler: content/agreements/muster/1.1/version.yaml:16:5 Feld „errata[0].text_sha256“: Das Erratum ändert die Prüfsumme nicht: es berichtigt nichts.
        → Tragen Sie die Prüfsumme nach der Berichtigung ein (npm run validate -- --print-checksums) oder entfernen Sie das Erratum.
      # a draft that still carries a checksum
      Warnung: content/agreements/muster/1.1/version.yaml:11:1 Feld „text_sha256“: Version 1.1 ist ein Entwurf und noch nicht festgeschrieben, hat aber „text_sha256“.
        → Entfernen Sie „text_sha256“; die Prüfsumme kommt erst mit dem Beschluss dazu (npm run validate -- --print-checksums zeigt sie)."
    `);
  });
});

describe('the checksum of a version’s text', () => {
  const files = [
    { name: '01-a.mdx', text: '---\nid: a\n---\n\n(1) Text.\n' },
    { name: '02-b.mdx', text: '---\nid: b\n---\n\n(1) Mehr „Text“.\n' },
  ];
  const sum = versionTextChecksum(files);

  it('is the same with Windows line endings, a BOM, spaces at line ends, or extra final newlines, and in any order', () => {
    const variant = [
      { name: '02-b.mdx', text: `\ufeff${files[1]!.text.replace(/\n/g, '\r\n')}` },
      { name: '01-a.mdx', text: files[0]!.text.replace('(1) Text.', '(1) Text.   ') + '\n\n' },
    ];
    expect(versionTextChecksum(variant)).toBe(sum);
  });

  it.each([
    ['a changed word', [files[0]!, { ...files[1]!, text: files[1]!.text.replace('Mehr', 'Weniger') }]],
    ['a typographic change (straight quotes)', [files[0]!, { ...files[1]!, text: files[1]!.text.replace('„Text“', '"Text"') }]],
    ['a non-breaking space', [files[0]!, { ...files[1]!, text: files[1]!.text.replace('(1) Mehr', '(1)\u00a0Mehr') }]],
    ['a renamed file', [files[0]!, { ...files[1]!, name: '02-c.mdx' }]],
    ['text moved between files', [{ ...files[0]!, text: files[0]!.text.replace('Text.', 'Text. Mehr') }, { ...files[1]!, text: files[1]!.text.replace('Mehr ', '') }]],
    ['a missing file', [files[0]!]],
  ])('changes with %s', (_title, changed) => {
    expect(versionTextChecksum(changed)).not.toBe(sum);
  });

  it('normalises only what editors change invisibly', () => {
    expect(normaliseVersionText('\ufeffa  \r\nb\t\r\n\r\n\r\n')).toBe('a\nb\n');
    expect(normaliseVersionText('Cafe\u0301')).toBe('Caf\u00e9\n');
  });
});
