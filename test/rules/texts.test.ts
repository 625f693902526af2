import { describe, expect, it } from 'vitest';
import { texts as rule } from '../../src/validate/rules/texts.ts';
import { replace } from '../support/content-variants.ts';
import { itFindsExactlyTheCases, wordedFindings, type RuleCase } from '../support/rule-cases.ts';

const write = (file: string, text: string) => ({ file, write: text });

const ROWS: RuleCase[] = [
  ['a text the bundled file does not have', [write('templates/letters/common.yaml', '# eigene Fassung\nfreiwillig: Die Teilnahme ist freiwillig.\n')], ['content/templates/letters/common.yaml:2:1 freiwillig']],
  ['a text whose section is never closed', [write('templates/letters/common.yaml', 'closing: >-\n  Mit {{#org.name}}freundlichen\n  Grüßen\n')], ['content/templates/letters/common.yaml:2 closing']],
  ['a page with an unknown placeholder', [write('pages/impressum.md', '---\ntitle: Impressum\n---\n## Anbieter\n\n{{org.nmae}}\n')], ['content/pages/impressum.md:6']],
  ['a page that takes an address of the site', [write('pages/daten.md', '---\ntitle: Daten\n---\nText.\n')], ['content/pages/daten.md']],
  ['a council page at the address of a page', [replace('organisation.yaml', '  name: Stadtrat\n', '  name: Stadtrat\n  slug: impressum\n')], ['content/organisation.yaml:19:3 council.slug']],
  ['the content’s own texts and pages as intended', [write('templates/letters/common.yaml', 'voluntary: Die Teilnahme ist freiwillig; {{org.nominative}} zwingt niemanden.\n'), write('pages/kontakt.md', '---\ntitle: Kontakt\n---\n<{{{org.contactEmail}}}>\n')], []],
];

describe('rule vorlagen (the content’s own texts and pages)', () => {
  itFindsExactlyTheCases(rule, ROWS);

  it('words every finding for authors', () => {
    expect(wordedFindings(rule, ROWS.slice(0, 5))).toMatchInlineSnapshot(`
      "# a text the bundled file does not have
      Fehler: content/templates/letters/common.yaml:2:1 Feld „freiwillig“: Einen Text „freiwillig“ hat templates/letters/common.yaml nicht; er würde nie verwendet.
        → Prüfen Sie den Namen. Die Datei kennt: „resolution“, „voluntary“, „how_to_sign“, „contact“, „binding“, „closing“ und „enclosure“.
      # a text whose section is never closed
      Fehler: content/templates/letters/common.yaml:2 Feld „closing“: Der Text „closing“ ist keine gültige Vorlage: „{{#org.name}}“ wird nie mit „{{/org.name}}“ geschlossen.
        → Die Platzhalter und Abschnitte beschreibt templates/README.md.
      # a page with an unknown placeholder
      Fehler: content/pages/impressum.md:6 Die Seite lässt sich nicht füllen: den Platzhalter „org.nmae“ gibt es nicht. Verfügbar sind hier: org, site.
        → Die Platzhalter einer Seite (org.…, site.…) beschreibt templates/README.md.
      # a page that takes an address of the site
      Fehler: content/pages/daten.md Die Adresse /daten/ gehört der Website selbst.
        → Benennen Sie die Datei um.
      # a council page at the address of a page
      Fehler: content/organisation.yaml:19:3 Feld „council.slug“: Die Adresse /impressum/ der Ratsseite gehört der Seite „Impressum“.
        → Wählen Sie in organisation.yaml eine andere „council.slug“."
    `);
  });
});
