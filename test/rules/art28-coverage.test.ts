import { describe, expect, it } from 'vitest';
import { art28Coverage as rule } from '../../src/validate/rules/art28-coverage.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const V = 'agreements/muster/1.1';

const ROWS: RuleCase[] = [
  ['an adopted version misses lit. h', [replace(`${V}/03-loeschung.mdx`, 'covers: [art28-3-g, art28-3-h]', 'covers: [art28-3-g]')], [`content/${V}/version.yaml:2:1`]],
  [
    'lit. h covered only in the DSGVO variant: missing for the church regimes',
    [replace(`${V}/03-loeschung.mdx`, 'covers: [art28-3-g, art28-3-h]', 'covers: [art28-3-g]'), replace(`${V}/04-aufsicht.mdx`, 'regimes: [dsgvo]', 'regimes: [dsgvo]\ncovers: [art28-3-h]')],
    [`content/${V}/version.yaml:2:1`],
  ],
  ['a superseded version is checked too', [replace('agreements/muster/1.0/03-loeschung.mdx', 'covers: [art28-3-g, art28-3-h]', 'covers: [art28-3-h]')], ['content/agreements/muster/1.0/version.yaml:2:1']],
  ['a draft may be incomplete', [replace(`${V}/version.yaml`, 'status: beschlossen', 'status: entwurf'), replace(`${V}/03-loeschung.mdx`, 'covers: [art28-3-g, art28-3-h]', 'covers: []')], []],
  ['a section that cannot be read may be the covering one', [replace(`${V}/03-loeschung.mdx`, 'title: Löschung und Kontrollen', 'title: "Löschung')], []],
  [
    'an agreement that declares itself no processing agreement is not asked for coverage',
    [replace('agreements/muster/agreement.yaml', 'party_kinds: [traeger]', 'party_kinds: [traeger]\nauftragsverarbeitung: false'), replace(`${V}/03-loeschung.mdx`, 'covers: [art28-3-g, art28-3-h]', 'covers: [art28-3-g]')],
    [],
  ],
];

describe('rule art28-abdeckung (Art. 28(3) coverage)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS)).toMatchInlineSnapshot(`
      "# an adopted version misses lit. h
      Fehler: content/agreements/muster/1.1/version.yaml:2:1 Version 1.1 deckt Art. 28 Abs. 3 lit. h DSGVO („Informationen und Überprüfungen (Audits)“) in keinem Paragraphen ab.
        → Tragen Sie „art28-3-h“ unter „covers“ in den Paragraphen ein, der diese Regelung enthält, oder ergänzen Sie eine solche Regelung.
      # lit. h covered only in the DSGVO variant: missing for the church regimes
      Fehler: content/agreements/muster/1.1/version.yaml:2:1 Version 1.1 deckt Art. 28 Abs. 3 lit. h DSGVO („Informationen und Überprüfungen (Audits)“) für KDG und DSG-EKD in keinem Paragraphen ab.
        → Tragen Sie „art28-3-h“ unter „covers“ in den Paragraphen ein, der diese Regelung enthält, oder ergänzen Sie eine solche Regelung.
      # a superseded version is checked too
      Fehler: content/agreements/muster/1.0/version.yaml:2:1 Version 1.0 deckt Art. 28 Abs. 3 lit. g DSGVO („Löschung oder Rückgabe nach Ende der Verarbeitung“) in keinem Paragraphen ab.
        → Tragen Sie „art28-3-g“ unter „covers“ in den Paragraphen ein, der diese Regelung enthält, oder ergänzen Sie eine solche Regelung.
      # a draft may be incomplete

      # a section that cannot be read may be the covering one

      # an agreement that declares itself no processing agreement is not asked for coverage
      "
    `);
  });
});
