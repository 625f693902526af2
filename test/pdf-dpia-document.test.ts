import { createHash } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import { loadPdfAssets, type PdfAssets } from '../src/io/pdf/assets.ts';
import type { Content, DpiaVersion } from '../src/lib/content-model.ts';
import { levelOf } from '../src/lib/dpia/versions.ts';
import { buildDpiaDocument, buildDpiaDocuments, dpiaPdfFileName } from '../src/lib/pdf/dpia-document.ts';
import { buildDpiaTemplateData, renderDpiaHtml } from '../src/lib/pdf/dpia-html.ts';
import { buildManifest, manifestPaths, mergeIntoManifest, mergeManifests, parseManifest, renderManifestJson, type DocumentEntry, type ManifestEntry } from '../src/lib/pdf/manifest.ts';
import { buildDocumentRegister, buildDpiaDownloads, parsePdfDocuments, parsePdfManifest } from '../src/lib/site/downloads.ts';
import { buildCopyRegister } from '../src/lib/signing/copies.ts';
import { DSK_LEVELS } from '../src/schemas/dpia.ts';
import { compareDpiaLevels } from '../src/lib/dpia/comparison.ts';
import { tomAnnexListings, tomCatalogue } from '../src/lib/toms/catalogue.ts';
import { personNames } from './support/person-names.ts';
import { ROOT } from './support/run-cli.ts';

let fixture: Content;
let bundled: Content;
let assets: PdfAssets;

beforeAll(async () => {
  ({ content: fixture } = await loadContent(path.join(ROOT, 'test/fixtures/valid')));
  ({ content: bundled } = await loadContent(path.join(ROOT, 'content')));
  assets = await loadPdfAssets();
});

/** The fixture's DPIA plus a draft 2.0 that supersedes it, with one change and a stricter matrix. */
function withDraft(content: Content): { content: Content; draft: DpiaVersion } {
  const base = content.dpia.versions.at(-1)!;
  const hoch = Object.fromEntries(DSK_LEVELS.map((l) => [l, 'hoch'])) as Record<(typeof DSK_LEVELS)[number], 'hoch'>;
  const draft: DpiaVersion = {
    ...base,
    folder: '2.0',
    meta: {
      ...base.meta,
      version: '2.0',
      status: 'entwurf',
      date: '2024-03-01',
      supersedes: base.meta.version,
      matrix: { source: 'Strenger Entwurf: jede Zelle hoch.', rows: Object.fromEntries(DSK_LEVELS.map((l) => [l, hoch])) as DpiaVersion['meta']['matrix']['rows'] },
      changes: [{ risks: ['risk-01'], text: 'Risiko neu bewertet.', reason: 'Neuer Angriffsweg bekannt.' }],
    },
  };
  return { content: { ...content, dpia: { versions: [...content.dpia.versions, draft] } }, draft };
}

describe('the DPIA document of one version', () => {
  it('prints every version, named by version; a draft says so in its name, metadata and running header', () => {
    const { content, draft } = withDraft(fixture);
    expect(buildDpiaDocuments(content).map((d) => d.path)).toEqual(['pdf/dsfa/dsfa-1.0.pdf', 'pdf/dsfa/dsfa-2.0-entwurf.pdf']);
    const doc = buildDpiaDocument(content, draft);
    expect([doc.isDraft, doc.statusLabel, doc.metadata.title]).toEqual([true, 'Entwurf', 'Datenschutz-Folgenabschätzung Muster – Version 2.0 (Entwurf)']);
    expect((buildDpiaTemplateData(doc).css as Record<string, string>).draftMark).toBe('"Entwurf"');
    expect((buildDpiaTemplateData(buildDpiaDocument(content, content.dpia.versions[0]!)).css as Record<string, string>).draftMark).toBe('none');
    expect(dpiaPdfFileName('1.1', 'abgeloest')).toBe('dsfa-1.1.pdf');
  });

  it('takes every level from the version’s own matrix, in the risk list, the counts and the matrix cells alike', () => {
    const { content, draft } = withDraft(fixture);
    const adopted = buildDpiaDocument(content, content.dpia.versions[0]!);
    for (const r of fixture.dpia.versions[0]!.risks) {
      const d = adopted.risks.find((x) => x.id === r.id)!;
      expect([d.before.level, d.after.level]).toEqual([levelOf(fixture.dpia.versions[0]!, r.before), levelOf(fixture.dpia.versions[0]!, r.after)]);
    }
    const strict = buildDpiaDocument(content, draft);
    expect(new Set(strict.risks.flatMap((r) => [r.before.level, r.after.level]))).toEqual(new Set(['hoch']));
    expect(strict.levelCounts.find((c) => c.level === 'hoch')).toMatchObject({ before: 2, after: 2 });
    expect(new Set(strict.matrices.flatMap((m) => m.rows.flatMap((row) => row.cells.map((c) => c.level))))).toEqual(new Set(['hoch']));
    expect(strict.matrixSource).toBe('Strenger Entwurf: jede Zelle hoch.');
  });

  it('places each risk in exactly one cell of each matrix and lists every cell’s risks in the text alternative', () => {
    const doc = buildDpiaDocument(bundled, bundled.dpia.versions.at(-1)!);
    for (const m of doc.matrices) {
      const placed = m.rows.flatMap((row) => row.cells.flatMap((c) => c.riskIds));
      expect(placed.sort()).toEqual(doc.risks.map((r) => r.id).sort());
      for (const row of m.rows) {
        for (const cell of row.cells) {
          if (cell.riskIds.length === 0) continue;
          expect(m.description).toContain(`Schwere ${cell.severity}, Wahrscheinlichkeit ${cell.likelihood} (Risiko ${cell.levelLabel}): `);
          for (const id of cell.riskIds) expect(m.description).toContain(id);
        }
      }
      expect(m.description).toMatch(/Die übrigen \d+ Zellen sind leer\.$/);
    }
    const fixtureDoc = buildDpiaDocument(fixture, fixture.dpia.versions[0]!);
    expect(fixtureDoc.matrices[1].description).toMatchInlineSnapshot(
      `"Vier Stufen der Eintrittswahrscheinlichkeit (waagerecht) mal vier Stufen der Schwere des Schadens (senkrecht), 2\u00a0Risiken. Schwere groß, Wahrscheinlichkeit geringfügig (Risiko normal): risk-01. Schwere substanziell, Wahrscheinlichkeit geringfügig (Risiko gering): risk-02. Die übrigen 14 Zellen sind leer."`,
    );
  });

  it('names the measures with their TOM ids and titles and the risks they reduce, in catalogue order', () => {
    const doc = buildDpiaDocument(bundled, bundled.dpia.versions.at(-1)!);
    const toms = new Map(bundled.toms.map((t) => [t.id, t.title]));
    expect(doc.measures.length).toBeGreaterThan(40);
    for (const m of doc.measures) {
      expect(m.title).toBe(toms.get(m.id));
      expect(m.riskIds.length).toBeGreaterThan(0);
    }
    expect(doc.measures[0]!.goalLabel).toBe('Datenminimierung');
    const r1 = doc.risks.find((r) => r.id === 'risk-01')!;
    expect(r1.toms.map((t) => t.id)).toEqual(bundled.dpia.versions.at(-1)!.risks[0]!.toms);
  });

  it('gives each measure the catalogue’s description and responsible body, and its §§ in the agreement versions this DPIA belongs to', () => {
    const v20 = bundled.dpia.versions.find((v) => v.meta.version === '2.0')!;
    const doc = buildDpiaDocument(bundled, v20);
    const catalogue = new Map(tomCatalogue(bundled).flatMap((g) => g.measures).map((m) => [m.id, m]));
    for (const m of doc.measures) {
      const row = catalogue.get(m.id)!;
      expect([m.title, m.description, m.responsible, m.statusLabel, m.goalLabel]).toEqual([row.title, row.description, row.responsible, row.statusLabel, row.goalLabel]);
      expect(m.description.length, m.id).toBeGreaterThan(20);
      expect(m.responsible.length, m.id).toBeGreaterThan(3);
    }
    // The §§ are counted as in Kita-Planer 2 1.2 and Kindertagespflege 1.1, the versions 2.0 belongs to.
    expect(doc.referenceVersions).toEqual(['Kooperationsvereinbarung Kita-Planer 2, Version 1.2', 'Kooperationsvereinbarung Kindertagespflege, Version 1.1']);
    const dm01 = doc.measures.find((m) => m.id === 'tom-datenminimierung-01')!;
    const entry = catalogue.get('tom-datenminimierung-01')!.entry;
    const expected = [
      ...tomAnnexListings(bundled, entry, { agreement: 'kita-planer-2', version: '1.2' }),
      ...tomAnnexListings(bundled, entry, { agreement: 'kindertagespflege', version: '1.1' }),
    ].flatMap((l) => l.references);
    expect(expected.length).toBeGreaterThan(1);
    expect(dm01.references).toEqual(expected);
    // A measure without refs has none; none is printed empty.
    const unregulated = doc.measures.filter((m) => m.references.length === 0).map((m) => m.id);
    for (const id of unregulated) expect(catalogue.get(id)!.entry.refs).toEqual([]);
    // Grouped by protection goal in SDM order, as the catalogue orders them.
    const order = [...catalogue.keys()];
    expect(doc.measures.map((m) => m.id)).toEqual([...doc.measures.map((m) => m.id)].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });

  it('compares the levels with the superseded version, each from its own matrix; a first version has no comparison', () => {
    const v11 = bundled.dpia.versions.find((v) => v.meta.version === '1.1')!;
    const v20 = bundled.dpia.versions.find((v) => v.meta.version === '2.0')!;
    expect(buildDpiaDocument(bundled, v11).comparison).toBeNull();
    const c = buildDpiaDocument(bundled, v20).comparison!;
    const lib = compareDpiaLevels(v11, v20);
    expect(c.caption).toBe('Risikostufe in Version 1.1 und 2.0');
    expect(c.rows.map((r) => `${r.id} ${r.before.previous}/${r.before.current} ${r.after.previous}/${r.after.current}`)).toEqual(
      lib.rows.map((r) => `${r.id} ${r.before.previousLabel}/${r.before.currentLabel} ${r.after.previousLabel}/${r.after.currentLabel}`),
    );
    expect(c.rows.find((r) => r.id === 'risk-21')).toMatchObject({ isNew: true, before: { previous: 'neu' }, after: { previous: 'neu' } });
    expect(c.summary).toMatch(/^Gegenüber Version 1\.1: vor den Maßnahmen .+; nach den Maßnahmen .+; 4\u00a0Risiken neu\.$/);
    expect(c.droppedText).toBeNull();
  });

  it('keeps the record of participation to roles and bodies, and the history to the versions up to this one', () => {
    const { content, draft } = withDraft(fixture);
    const doc = buildDpiaDocument(content, draft);
    expect(doc.reviews).toEqual([{ controller: '', role: 'Datenschutzbeauftragter der Landeshauptstadt Musterstadt', date: '2022-02-15', dateShort: '15.02.2022', result: 'Keine Einwände.', example: null }]);
    expect(doc.changes).toEqual([{ risks: ['risk-01'], text: 'Risiko neu bewertet.', reason: 'Neuer Angriffsweg bekannt.', example: null }]);
    expect(doc.history.map((h) => `${h.version} ${h.dateShort} ${h.statusLabel}: ${h.changes.join(' / ')}`)).toEqual([
      '1.0 15.02.2022 Beschlossen: ',
      '2.0 01.03.2024 Entwurf: Risiko neu bewertet. (Neuer Angriffsweg bekannt.)',
    ]);
    expect(buildDpiaDocument(content, content.dpia.versions[0]!).history.map((h) => h.version)).toEqual(['1.0']);
    expect(doc.supersedesText).toBe('Ersetzt die Folgenabschätzung in Version 1.0.');
  });

  it('takes its dates from the content and its id from what it shows: the same content, the same document', () => {
    const v = fixture.dpia.versions[0]!;
    const doc = buildDpiaDocument(fixture, v);
    expect([doc.metadata.creationDate, doc.metadata.modDate, doc.metadata.language]).toEqual(['2022-02-15', '2022-02-15', 'de']);
    expect(buildDpiaDocument(fixture, v)).toEqual(doc);
    expect(doc.documentId).toMatch(/^dsfa-1\.0-[0-9a-f]{8}$/);
    const changed = buildDpiaDocument(fixture, { ...v, meta: { ...v.meta, result: 'Anders.' } });
    expect(changed.documentId).not.toBe(doc.documentId);
  });
});

describe('the DPIA document as HTML', () => {
  it('is a German page with both matrices as figures whose name lists the cells, and no request to elsewhere', () => {
    const doc = buildDpiaDocument(bundled, bundled.dpia.versions.at(-1)!);
    const html = renderDpiaHtml(doc, assets.templates, assets.dpia);
    expect(html.startsWith('<!doctype html>\n<html lang="de">') || html.includes('<html lang="de">')).toBe(true);
    for (const id of ['matrix-vorher', 'matrix-nachher']) {
      expect(html).toContain(`<figure class="dsfa-matrix" id="${id}" aria-labelledby="${id}-titel ${id}-beschreibung">`);
      expect(html).toMatch(new RegExp(`<svg [^>]*role="img" aria-labelledby="${id}-titel ${id}-beschreibung"`));
    }
    expect(html.match(/<desc id="matrix-[a-z]+-beschreibung">[^<]*risk-17/g)?.length).toBe(2);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toContain('<script');
    // Every risk and every section heading is there.
    for (const r of doc.risks) expect(html).toContain(`id="${r.id}"`);
    for (const s of doc.sections) expect(html).toContain(`id="${s.anchor}-titel"`);
  });

  it('prints one block per measure under its protection goal, with description, responsible body, §§ and risks, and no empty field', () => {
    const v20 = bundled.dpia.versions.find((v) => v.meta.version === '2.0')!;
    const doc = buildDpiaDocument(bundled, v20);
    const html = renderDpiaHtml(doc, assets.templates, assets.dpia);
    const section = html.slice(html.indexOf('<section class="dsfa-anhang" id="massnahmen"'), html.indexOf('<section class="dsfa-anhang" id="beteiligung"'));
    const blocks = section.split('<div class="tom dsfa-massnahme">').slice(1);
    expect(blocks).toHaveLength(doc.measures.length);
    const text = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&amp;', '&');
    doc.measures.forEach((m, i) => {
      const block = text(blocks[i]!);
      expect(block).toContain(`<strong>${m.title}</strong> <span class="tom-id">${m.id}</span>`);
      expect(block).toContain(`<p class="tom-text">${m.description}</p>`);
      expect(block).toContain(`<dt>Verantwortlich</dt><dd>${m.responsible}</dd>`);
      expect(block).toContain(`<dt>Mindert</dt><dd class="kennung">${m.riskIds.join(', ').replace(/, ([^,]*)$/, ' und $1')}</dd>`);
      if (m.references.length > 0) expect(block).toContain(`<dt>Geregelt in</dt><dd>${m.references.join('; ')}</dd>`);
      else expect(block).not.toContain('Geregelt in');
    });
    // One heading per protection goal, in the order of the measures.
    const goals = [...new Set(doc.measures.map((m) => m.goalLabel))];
    expect([...section.matchAll(/<h3 id="massnahmen-\d+">([^<]+)<\/h3>/g)].map((x) => x[1])).toEqual(goals);
    expect(section).not.toMatch(/<(dd|dt|td|th)[^>]*>\s*<\/\1>/);
    expect(section).not.toContain('<table');
  });

  it('prints the comparison with the superseded version as a table with row headers and no empty cell; 1.1 has none', () => {
    const v20 = bundled.dpia.versions.find((v) => v.meta.version === '2.0')!;
    const doc = buildDpiaDocument(bundled, v20);
    const html = renderDpiaHtml(doc, assets.templates, assets.dpia);
    expect(html).toContain('<h3 id="vergleich" class="neue-seite">Risikostufe in Version 1.1 und 2.0</h3>');
    const table = html.slice(html.indexOf('<table class="dsfa-vergleich">'), html.indexOf('</table>', html.indexOf('<table class="dsfa-vergleich">')));
    expect(table).toContain('<caption>Risikostufe in Version 1.1 und 2.0 je Risiko, vor und nach den Maßnahmen; „neu“: in Version 1.1 nicht bewertet</caption>');
    expect([...table.matchAll(/<th scope="col">/g)]).toHaveLength(5);
    const rows = [...table.matchAll(/<tr><th scope="row">(.*?)<\/tr>/g)].map((x) => x[1]!);
    expect(rows).toHaveLength(doc.risks.length);
    for (const row of rows) expect([...row.matchAll(/<td[^>]*>/g)]).toHaveLength(4);
    expect(table).not.toMatch(/<(td|th)[^>]*>\s*<\/\1>/);
    // A new risk: „neu“ in the 1.1 columns; a risen level says so in words under the 2.0 level.
    expect(rows.find((r) => r.includes('risk-21'))).toMatch(/<td class="neu">neu<\/td>.*<td class="neu">neu<\/td>/);
    expect(rows.find((r) => r.includes('risk-06'))).toContain('<td>normal</td><td><span class="stufe hoch">hoch</span><br><span class="einordnung">höher</span></td>');
    expect(html).toContain(doc.comparison!.summary);
    const v11 = renderDpiaHtml(buildDpiaDocument(bundled, bundled.dpia.versions[0]!), assets.templates, assets.dpia);
    expect(v11).not.toContain('<table class="dsfa-vergleich"');
    expect(v11).not.toContain('id="vergleich"');
  });

  it.each([
    ['the bundled content', () => bundled],
    ['the test fixture', () => fixture],
  ])('names no signatory, contact or childminder of %s', (_label, content) => {
    const c = content();
    const names = personNames(c);
    expect(names.length).toBeGreaterThan(0);
    for (const v of c.dpia.versions) {
      const doc = buildDpiaDocument(c, v);
      const text = `${renderDpiaHtml(doc, assets.templates, assets.dpia)}\n${JSON.stringify(doc)}`;
      for (const name of names) expect(text).not.toContain(name);
    }
  });
});

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const copy = (party: string): ManifestEntry => ({ path: `pdf/muster/1.1/${party}.pdf`, party, agreement: 'muster', version: '1.1', regime: 'dsgvo', bytes: 1, pages: 1, sha256: sha(party) });
const dsfa = (version: string): DocumentEntry => ({ kind: 'dsfa', path: `pdf/dsfa/dsfa-${version}.pdf`, version, status: 'beschlossen', bytes: 252_004, pages: 23, sha256: sha(version), documentId: `dsfa-${version}-0000abcd` });

describe('the DPIA in the PDF manifest', () => {
  it('is listed under documents, apart from the copies, and survives a round trip', () => {
    const m = buildManifest([copy('traeger-001')], undefined, undefined, [dsfa('1.1')]);
    expect(Object.keys(m)).toEqual(['format', 'entries', 'documents']);
    expect(parseManifest(renderManifestJson(m), 'm')).toEqual(m);
    expect(manifestPaths(m)).toEqual(['pdf/muster/1.1/traeger-001.pdf', 'pdf/dsfa/dsfa-1.1.pdf']);
    // Without documents the manifest is written as before.
    expect(Object.keys(buildManifest([copy('traeger-001')]))).toEqual(['format', 'entries']);
  });

  it('is no copy: „PDF prüfen“, the ledger’s and the site’s list of copies never see it', () => {
    const data = JSON.parse(renderManifestJson(buildManifest([copy('traeger-001')], undefined, undefined, [dsfa('1.0')])));
    const copies = parsePdfManifest(data);
    expect(copies.map((c) => c.path)).toEqual(['pdf/muster/1.1/traeger-001.pdf']);
    expect(buildCopyRegister(fixture, copies).map((c) => c.sha256)).not.toContain(sha('1.0'));
    expect(parsePdfDocuments(data).map((d) => d.path)).toEqual(['pdf/dsfa/dsfa-1.0.pdf']);
    // „PDF prüfen“ names it apart: unchanged, but no copy.
    expect(buildDocumentRegister(fixture, parsePdfDocuments(data))).toEqual([
      {
        sha256: sha('1.0'),
        kind: 'dsfa',
        what: 'Datenschutz-Folgenabschätzung Muster in der beschlossenen Version 1.0 vom 15.\u00a0Februar 2022',
        sentence: 'die veröffentlichte Datenschutz-Folgenabschätzung Muster in der beschlossenen Version 1.0 vom 15.\u00a0Februar 2022. Sie ist keine Ausfertigung zum Unterzeichnen.',
        path: '/pdf/dsfa/dsfa-1.0.pdf',
        page: '/dsfa/1.0/',
        pageLabel: 'Zur Folgenabschätzung',
      },
    ]);
  });

  it('stays in the manifest after a partial run while its file is there, and merges from shards once', () => {
    const full = buildManifest([copy('traeger-001')], undefined, undefined, [dsfa('1.1')]);
    expect(mergeIntoManifest(full, [copy('traeger-002')], () => true).documents).toEqual([dsfa('1.1')]);
    expect(mergeIntoManifest(full, [copy('traeger-002')], (p) => !p.startsWith('pdf/dsfa/')).documents).toBeUndefined();
    const a = buildManifest([copy('traeger-001')], { index: 1, count: 2 }, undefined, [dsfa('1.1')]);
    const b = buildManifest([copy('traeger-002')], { index: 2, count: 2 });
    expect(mergeManifests([{ manifest: a, source: 'a' }, { manifest: b, source: 'b' }]).documents).toEqual([dsfa('1.1')]);
    const clash = buildManifest([], { index: 2, count: 2 }, undefined, [{ ...dsfa('1.1'), sha256: sha('x') }]);
    expect(() => mergeManifests([{ manifest: a, source: 'a' }, { manifest: clash, source: 'c' }])).toThrow(/pdf\/dsfa\/dsfa-1\.1\.pdf steht in a und in c/);
  });

  it('gives the DPIA page a link per version with size, pages and SHA-256', () => {
    expect(buildDpiaDownloads([dsfa('1.1')]).get('1.1')).toEqual({
      version: '1.1',
      href: '/pdf/dsfa/dsfa-1.1.pdf',
      fileName: 'dsfa-1.1.pdf',
      details: 'PDF, 252,0\u00a0kB, 23 Seiten',
      sha256: sha('1.1'),
      documentId: 'dsfa-1.1-0000abcd',
    });
  });
});
