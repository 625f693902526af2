import { beforeAll, describe, expect, it } from 'vitest';
import type { Content } from '../src/lib/content-model.ts';
import { signingFigureRowsOn } from '../src/lib/exports/signing-figures.ts';
import { buildLetters } from '../src/lib/letters/plan.ts';
import { buildPartyDocument } from '../src/lib/pdf/party-document.ts';
import { renderPartyDocumentHtml } from '../src/lib/pdf/render-html.ts';
import { buildBeschlusskontrolleView } from '../src/lib/report/view.ts';
import { buildSigningFigures } from '../src/lib/signing/figures.ts';
import { buildReaderView, readerRoutes } from '../src/lib/site/reader.ts';
import { signingSnapshots } from '../src/lib/site/signing.ts';
import { runRules } from '../src/validate/index.ts';
import { loadPdfAssets, type PdfAssets } from '../src/io/pdf/assets.ts';
import { applyEdits, parseTree, refreeze, replace, validFixture } from './support/content-variants.ts';

/**
 * A regime added in content alone – a fourth data-protection law in vocabularies.yaml, a § that
 * reads the same as under the DSGVO, one party under it – gets its label, its row in Anlage 2, its
 * sentence in letters, its reading page and its figures, with no line of code that knows it.
 */
const NAK = {
  id: 'nak',
  label: 'DSG-NAK',
  long: 'DSG-NAK (Datenschutzrecht der Neuapostolischen Kirche)',
  letter: 'Ihre Ausfertigung ist die Fassung nach dem Datenschutzgesetz der Neuapostolischen Kirche (DSG-NAK).',
  dpo: 'Beauftragte oder Beauftragter für den Datenschutz nach dem DSG-NAK',
};

let content: Content;
let assets: PdfAssets;

beforeAll(async () => {
  const edits = [
    replace('vocabularies.yaml', 'regimes_note:', `  - id: ${NAK.id}\n    label: ${NAK.label}\n    long: ${NAK.long}\n    letter_sentence: ${NAK.letter}\n    dpo_label: ${NAK.dpo}\nregimes_note:`),
    // The § that differs by regime: the new law reads the state version.
    replace('agreements/muster/1.0/04-aufsicht.mdx', 'regimes: [dsgvo]', 'regimes: [dsgvo, nak]'),
    replace('agreements/muster/1.1/04-aufsicht.mdx', 'regimes: [dsgvo]', 'regimes: [dsgvo, nak]'),
    refreeze('agreements/muster/1.0/version.yaml'),
    refreeze('agreements/muster/1.1/version.yaml'),
    replace('parties/traeger/traeger-001.yaml', 'regime: dsgvo', `regime: ${NAK.id}`),
  ];
  const parsed = parseTree(applyEdits(validFixture(), edits));
  content = parsed.content;
  expect([...parsed.diagnostics, ...runRules(content)].filter((d) => d.severity === 'error')).toEqual([]);
  assets = await loadPdfAssets();
});

describe('a regime declared only in vocabularies.yaml', () => {
  it('has its own reading page, labelled, next to the others', () => {
    expect(readerRoutes(content).filter((r) => r.version === '1.1').map((r) => `${r.regime}:${r.segment ?? ''}`)).toEqual(['dsgvo:', 'kdg:kdg', 'dsg-ekd:dsg-ekd', 'nak:nak']);
    const view = buildReaderView(content, 'muster', '1.1', NAK.id);
    expect(view.path).toBe('/vereinbarung/muster/1.1/nak/');
    expect(view.regimeLabel).toBe(NAK.label);
    expect(view.pageTitle).toBe(`Mustervereinbarung, Version 1.1 (${NAK.label})`);
    expect(view.regimeSwitch?.options.map((o) => `${o.label} ${o.href}`)).toContain(`${NAK.label} /vereinbarung/muster/1.1/nak/`);
    expect(view.bodyHtml).toContain('staatliche Aufsichtsbehörde');
  });

  it('prints its label on the cover and its row for the data protection officer in Anlage 2', () => {
    const doc = buildPartyDocument(content, 'muster', '1.1', 'traeger-001');
    expect(doc.party.regimeLabel).toBe(NAK.label);
    expect(doc.party.dpoLabel).toBe(NAK.dpo);
    const html = renderPartyDocumentHtml(doc, assets.templates);
    expect(html).toContain(`<span class="nowrap">${NAK.label}-Fassung</span>`);
    expect(html).toContain(`<tr><th scope="row">${NAK.dpo}</th><td class="feld"></td></tr>`);
  });

  it('gives the letter its own sentence, not the DSGVO one', () => {
    const [letter] = buildLetters(content, content.agreements[0]!, { asOf: '2023-05-11', party: 'traeger-001' });
    expect(letter!.kind).toBe('aenderung');
    expect(letter!.paragraphs[0]).toContain(NAK.letter);
    expect(letter!.paragraphs.join(' ')).not.toContain('Datenschutz-Grundverordnung');
    expect(letter!.enclosures[0]).toContain(`Fassung ${NAK.label}`);
  });

  it('counts its parties in the figures, on the site, in the report and in the open data', () => {
    const agreement = content.agreements[0]!;
    const figures = buildSigningFigures(content, agreement, '2022-08-24');
    expect(figures.byRegime).toEqual({ dsgvo: { eligible: 0, bound: 0 }, kdg: { eligible: 1, bound: 0 }, 'dsg-ekd': { eligible: 0, bound: 0 }, nak: { eligible: 1, bound: 1 } });
    const [snapshot] = signingSnapshots(content, agreement);
    expect(snapshot!.byRegime.map((r) => `${r.label} ${r.eligible}/${r.signed}`)).toEqual(['KDG 1/0', `${NAK.label} 1/1`]);
    const report = buildBeschlusskontrolleView(content);
    const table = report.points.flatMap((p) => p.blocks).find((b) => b.type === 'table' && b.table.header[0] === 'Datenschutzrecht');
    expect(table?.type === 'table' && table.table.rows.map((r) => r[0])).toEqual(['KDG (katholisches Datenschutzrecht)', NAK.long]);
    expect(signingFigureRowsOn(content, agreement, '2022-08-24').filter((r) => r.recht === NAK.id)).toEqual([
      { vereinbarung: 'muster', stichtag: '2022-08-24', fassung: 'alle', recht: NAK.id, berechtigt: 1, unterzeichnet: 1 },
    ]);
  });
});
