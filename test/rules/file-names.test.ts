import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileNames as rule } from '../../src/validate/rules/file-names.ts';
import { replace, VALID_DIR } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const ROWS: RuleCase[] = [
  ['provider id differs from its file name', [replace('parties/traeger/traeger-003.yaml', 'id: traeger-003', 'id: traeger-030')], ['content/parties/traeger/traeger-003.yaml:1:1 id']],
  ['a copied provider file that kept the original’s id', [{ file: 'parties/traeger/traeger-004.yaml', write: readFileSync(path.join(VALID_DIR, 'parties/traeger/traeger-001.yaml'), 'utf8') }], ['content/parties/traeger/traeger-004.yaml:1:1 id']],
  ['childminder file renamed', [{ file: 'parties/kindertagespflege/ktp-001.yaml', rename: 'parties/kindertagespflege/ktp-002.yaml' }], ['content/parties/kindertagespflege/ktp-002.yaml:1:1 id']],
];

describe('rule dateinamen (file names)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# provider id differs from its file name
      Fehler: content/parties/traeger/traeger-003.yaml:1:1 Feld „id“: Die Datei heißt „traeger-003.yaml“, die Kennung lautet aber „traeger-030“.
        → Datei und Kennung müssen übereinstimmen: benennen Sie die Datei in „traeger-030.yaml“ um oder korrigieren Sie die Kennung.
      # a copied provider file that kept the original’s id
      Fehler: content/parties/traeger/traeger-004.yaml:1:1 Feld „id“: Die Datei heißt „traeger-004.yaml“, trägt aber die Kennung „traeger-001“ von content/parties/traeger/traeger-001.yaml – vielleicht eine Kopie, deren Kennung noch nicht geändert wurde.
        → Schreiben Sie hier „id: traeger-004“ und passen Sie die übrigen Angaben an (Name, Einheiten mit eigenen Kennungen, Ansprechpersonen); die Datei „traeger-001.yaml“ gibt es schon.
      # childminder file renamed
      Fehler: content/parties/kindertagespflege/ktp-002.yaml:1:1 Feld „id“: Die Datei heißt „ktp-002.yaml“, die Kennung lautet aber „ktp-001“.
        → Datei und Kennung müssen übereinstimmen: benennen Sie die Datei in „ktp-001.yaml“ um oder korrigieren Sie die Kennung."
    `);
  });
});
