import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadValidContent } from '../src/io/report/render-report.ts';
import { parseContent } from '../src/lib/parse-content.ts';
import { buildCouncilView } from '../src/lib/site/council.ts';
import { buildProvenanceView } from '../src/lib/site/legal.ts';
import { buildReaderView } from '../src/lib/site/reader.ts';
import { signingSnapshots } from '../src/lib/site/signing.ts';
import { applyEdits, ROOT, toContentFiles, validFixture } from './support/content-variants.ts';

/** The papers and sessions the two council documents (../shared/seeds) name. */
const FROM_COUNCIL_DOCUMENTS = { papers: ['A0311/22', 'V2153/18', 'V0986/21'], sessions: ['JHA/036/2022'] };

describe('example data on the site', () => {
  const marked = parseContent(
    toContentFiles(
      applyEdits(validFixture(), [
        { file: 'council/council.yaml', replace: '{ id: V0002/23, kind: vorlage, date: 2023-04-24, title: Änderung der Mustervereinbarung }', with: '{ id: V0002/23, kind: vorlage, date: 2023-04-24, title: Änderung der Mustervereinbarung, beispiel: Datum erfunden }' },
        { file: 'council/council.yaml', replace: 'role: beschließend }', with: 'role: beschließend, beispiel: true }' },
        { file: 'council/council.yaml', replace: '    session: JHA/001/2022\n', with: '    session: JHA/001/2022\n    beispiel: true\n' },
        { file: 'agreements/muster/1.1/version.yaml', replace: 'status: beschlossen\n', with: 'status: beschlossen\nbeispiel: Fassung erfunden\n' },
      ]),
    ),
    'content/',
  ).content;

  it('marks papers, consultations and Beschlusskontrolle entries on the council page, with the note when given', () => {
    const [antrag, vorlage] = buildCouncilView(marked).papers;
    expect(antrag!.example).toBeUndefined();
    expect(vorlage!.example).toEqual({ label: 'Beispieldaten', note: 'Datum erfunden' });
    expect(antrag!.consultations[0]!.example).toEqual({ label: 'Beispieldaten' });
    expect(antrag!.reports[0]!.example).toEqual({ label: 'Beispieldaten' });
  });

  it('marks a version on its reader page and a Beschlusskontrolle on the status page', () => {
    expect(buildReaderView(marked, 'muster', '1.1', 'dsgvo').example).toEqual({ label: 'Beispieldaten', note: 'Fassung erfunden' });
    expect(buildReaderView(marked, 'muster', '1.0', 'dsgvo').example).toBeUndefined();
    const agreement = marked.agreements[0]!;
    expect(signingSnapshots(marked, agreement).map((s) => [s.asOf, s.example?.label])).toContainEqual(['2022-08-24', 'Beispieldaten']);
  });

  it('rejects a mark that is neither true nor a note', () => {
    const { diagnostics } = parseContent(
      toContentFiles(applyEdits(validFixture(), [{ file: 'council/council.yaml', replace: 'role: beschließend }', with: 'role: beschließend, beispiel: false }' }])),
      'content/',
    );
    expect(diagnostics.map((d) => d.message).join('\n')).toContain('muss true oder ein kurzer Hinweis sein');
  });
});

describe('bundled content: facts not in the council documents are marked', async () => {
  const content = await loadValidContent(path.join(ROOT, 'content'));
  const council = content.council!;

  it('every paper, consultation, resolution, offer letter and Beschlusskontrolle beyond A0311/22 is example data', () => {
    const unmarked = [
      ...council.papers.filter((p) => !FROM_COUNCIL_DOCUMENTS.papers.includes(p.id) && !p.beispiel).map((p) => p.id),
      ...council.consultations.filter((c) => c.paper !== 'A0311/22' && !c.beispiel).map((c) => `${c.paper} ${c.date}`),
      ...council.resolutions.filter((r) => r.paper !== 'A0311/22' && !r.beispiel).map((r) => `${r.paper} Punkt ${r.number}`),
      ...council.offer_letters.filter((o) => o.date !== '2022-04-04' && !o.beispiel).map((o) => `Angebot ${o.date}`),
      ...council.beschlusskontrolle.filter((b) => !FROM_COUNCIL_DOCUMENTS.sessions.includes(b.session) && !b.beispiel).map((b) => b.session),
    ];
    expect(unmarked).toEqual([]);
  });

  it('the dates of V2153/18 and V0986/21 are marked (the Antrag names the papers, not their dates)', () => {
    for (const id of ['V2153/18', 'V0986/21']) expect(council.papers.find((p) => p.id === id)!.beispiel).toMatch(/nicht ihr Datum/);
  });

  it('every version whose paper is not A0311/22 is marked, and so is the text of 1.0 (Anlage 1 is not in the documents)', () => {
    const versions = content.agreements.flatMap((a) => a.versions.map((v) => ({ id: `${a.id} ${v.version}`, v })));
    expect(versions.filter(({ v }) => !v.beispiel).map(({ id }) => id)).toEqual([]);
  });

  it('the site names the documents and traces 87, 51, 31.03.2022, 04.04.2022 and JHA/036/2022 to them', () => {
    const view = buildProvenanceView(content)!;
    expect(view.note).toContain('Antrag A0311/22 vom 18.01.2022');
    const traced = view.facts.map((f) => `${f.fact} → ${f.source}`).join('\n');
    for (const fact of ['A 0311/22', 'JHA/036/2022', '31.03.2022', '04.04.2022', '87', '51']) expect(traced).toContain(fact);
  });
});

describe('bundled content: invented facts are marked where the pages show them', async () => {
  const { buildDpiaVersionView } = await import('../src/lib/site/dpia.ts');
  const { buildDpiaDocument } = await import('../src/lib/pdf/dpia-document.ts');
  const { buildTomCatalogView } = await import('../src/lib/site/toms.ts');
  const { buildProviderDirectoryView, buildProviderPageView } = await import('../src/lib/site/providers.ts');
  const { buildHomeView } = await import('../src/lib/site/home.ts');
  const { buildPartyDocument } = await import('../src/lib/pdf/party-document.ts');
  const content = await loadValidContent(path.join(ROOT, 'content'));

  it('DPIA 1.1: every review (DPO, working group, IT security) and the version itself, on the page and in the PDF', () => {
    const page = buildDpiaVersionView(content, '1.1');
    expect(page.reviews.map((r) => [r.role, r.example?.label])).toEqual(page.reviews.map((r) => [r.role, 'Beispieldaten']));
    for (const role of [/^Arbeitsgemeinschaft nach/, /^Datenschutzbeauftragter der Landeshauptstadt/, /^IT-Sicherheitsbeauftragter/]) expect(page.reviews.some((r) => role.test(r.role)), String(role)).toBe(true);
    expect(page.example?.note).toMatch(/^Fassung 1\.1 /);
    const pdf = buildDpiaDocument(content, content.dpia.versions.find((v) => v.meta.version === '1.1')!);
    expect(pdf.reviews.every((r) => r.example?.startsWith('Beispieldaten: '))).toBe(true);
  });

  it('Anlage 3 of a copy that carries DPIA 1.1 marks its reviews too', () => {
    const doc = buildPartyDocument(content, 'kita-planer-2', '1.1', 'traeger-001');
    expect(doc.dpia.reviews.length).toBeGreaterThan(0);
    expect(doc.dpia.reviews.every((r) => r.example?.startsWith('Beispieldaten: '))).toBe(true);
  });

  it('/toms/: status and responsible body of every measure, once per protection goal', () => {
    const groups = buildTomCatalogView(content).groups.filter((g) => g.toms.length > 0);
    expect(groups.map((g) => g.example?.note)).toEqual(groups.map(() => 'Stand der Umsetzung und Verantwortung sind Beispieldaten.'));
    expect(groups.flatMap((g) => g.toms).filter((t) => t.example)).toEqual([]);
  });

  it('/traeger/: one mark for all providers above the table, and on each provider’s page', () => {
    const directory = buildProviderDirectoryView(content);
    expect(directory.example?.note).toBe('alle 87\u00a0Träger: Name, Anschrift, Einrichtungen und Plätze sind erfunden.');
    expect(directory.rows.filter((r) => r.example)).toEqual([]);
    expect(buildProviderPageView(content, 'traeger-001', []).example?.note).toBe('Name, Anschrift, Einrichtungen und Plätze sind erfunden.');
  });

  it('signing figures: the status page marks the figures from the example ledger; the home page marks all but the recorded 51 of 87', () => {
    const agreement = content.agreements.find((a) => a.id === 'kita-planer-2')!;
    const snapshots = signingSnapshots(content, agreement, '2023-12-01');
    expect(snapshots.map((s) => [s.asOf, s.figuresExample?.label, s.headlineRecorded ?? false])).toEqual([
      ['2022-08-24', 'Beispieldaten', true],
      ['2023-12-01', 'Beispieldaten', false],
    ]);
    const [recorded, later] = buildHomeView(content, '2023-12-01').figures;
    expect(recorded!.headline).toBe('51 von 87 Trägern haben unterzeichnet.');
    expect(recorded!.example?.note).toMatch(/^Monat des Briefdatums angenommen/);
    expect(later!.example?.note).toMatch(/^Die Einträge sind erfunden; aus der Hausmitteilung/);
  });
});
