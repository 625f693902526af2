import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import { loadPdfAssets, type PdfAssets } from '../src/io/pdf/assets.ts';
import type { Content } from '../src/lib/content-model.ts';
import { compareVersions } from '../src/lib/parse-content.ts';
import { buildPartyDocument, planPdfJobs } from '../src/lib/pdf/party-document.ts';
import { buildVersionRecordViewFor } from '../src/lib/version-text.ts';
import { cssString, renderPartyDocumentHtml } from '../src/lib/pdf/render-html.ts';
import { ROOT } from './support/run-cli.ts';

let content: Content;
let assets: PdfAssets;

beforeAll(async () => {
  ({ content } = await loadContent(path.join(ROOT, 'test/fixtures/valid')));
  assets = await loadPdfAssets();
});

/** The fixture plus a childminders' agreement (same text), for the private-output cases. */
function withChildminderAgreement(base: Content): Content {
  const muster = base.agreements.find((a) => a.id === 'muster')!;
  return { ...base, agreements: [...base.agreements, { ...muster, id: 'tagespflege', party_kind: 'kindertagespflege' }] };
}

function withProvider(base: Content, id: string, change: (p: Content['providers'][number]) => Content['providers'][number]): Content {
  return { ...base, providers: base.providers.map((p) => (p.id === id ? change(p) : p)) };
}

describe('which PDFs a build writes', () => {
  it('gives every eligible provider each version it was offered and the current one; no PDF without a facility in the Bedarfsplan', () => {
    expect(planPdfJobs(content).map((j) => `${j.path} ${j.regime}${j.isPrivate ? ' privat' : ''}`)).toEqual([
      'pdf/muster/1.0/traeger-001.pdf dsgvo',
      'pdf/muster/1.0/traeger-002.pdf kdg',
      'pdf/muster/1.1/traeger-001.pdf dsgvo',
      'pdf/muster/1.1/traeger-002.pdf kdg',
    ]);
  });

  it('marks childminders’ copies private', () => {
    const jobs = planPdfJobs(withChildminderAgreement(content)).filter((j) => j.partyKind === 'kindertagespflege');
    expect(jobs.map((j) => [j.path, j.isPrivate])).toEqual([['pdf/tagespflege/1.1/ktp-001.pdf', true]]);
  });

  it.each([
    ['1.9', '1.10', -1],
    ['1.1', '1.1', 0],
    ['2.0', '1.12', 1],
  ])('orders version %s against %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe('the document of one party', () => {
  it('lists only the facilities in the agreement’s Bedarfsplan', () => {
    const doc = buildPartyDocument(content, 'muster', '1.1', 'traeger-002');
    expect(doc.facilities.map((f) => [f.name, f.entry, f.places])).toEqual([['Kita St. Muster', 'KT-0002', 60]]);
    expect(doc.placesTotal).toBe(60);
  });

  it.each([
    ['1.0', ['tom-vertraulichkeit-01']],
    ['1.1', ['tom-vertraulichkeit-01', 'tom-vertraulichkeit-02']],
  ])('annexes to version %s the TOMs valid since then', (version, ids) => {
    const doc = buildPartyDocument(content, 'muster', version, 'traeger-001');
    expect(doc.toms.flatMap((g) => g.measures.map((m) => m.id))).toEqual(ids);
    expect(doc.tomCount).toBe(ids.length);
  });

  it.each([
    ['traeger-001', 'dsgvo', 'staatliche Aufsichtsbehörde', false],
    ['traeger-002', 'kdg', 'kirchliche Datenschutzaufsicht', true],
  ])('reads the regime variant of %s (%s)', (partyId, regime, text, note) => {
    const doc = buildPartyDocument(content, 'muster', '1.1', partyId);
    expect(doc.party.regime).toBe(regime);
    const html = renderPartyDocumentHtml(doc, assets.templates);
    expect(html).toContain(text);
    expect(html.includes('Fassung für Träger unter KDG')).toBe(note);
  });

  it('prints the checksum the version was frozen with, the one its reader page shows, for every regime', () => {
    const a = buildPartyDocument(content, 'muster', '1.1', 'traeger-001');
    const b = buildPartyDocument(content, 'muster', '1.1', 'traeger-002');
    const recorded = buildVersionRecordViewFor(content, 'muster', '1.1').checksum;
    expect(recorded).toMatch(/^[0-9a-f]{64}$/);
    expect(a.textSha256).toBe(recorded);
    expect(b.textSha256).toBe(recorded);
    expect(buildPartyDocument(content, 'muster', '1.0', 'traeger-001').textSha256).not.toBe(recorded);
    expect(a.documentId).toMatch(/^muster-1\.1-traeger-001-[0-9a-f]{8}$/);
  });

  it('leaves the provider’s signatory lines blank, even when the ledger knows who signed', () => {
    // traeger-001 signed 1.0; the ledger names Erika Beispiel, Geschäftsführerin.
    const doc = buildPartyDocument(content, 'muster', '1.0', 'traeger-001');
    expect(doc.partySignature).toEqual({ role: 'Für den Träger', party: 'Kinderhaus Elbaue e. V.', function: null, name: null });
    const html = renderPartyDocumentHtml(doc, assets.templates);
    expect(html).toContain('Name und Funktion in Druckschrift');
    expect(html).not.toContain('Geschäftsführerin');
    expect(JSON.stringify(doc)).not.toContain('Erika Beispiel');
  });

  it('is the same document whatever the ledger records: offer, reminder, signature, withdrawal', () => {
    const html = (c: Content, version: string, party: string) => renderPartyDocumentHtml(buildPartyDocument(c, 'muster', version, party), assets.templates);
    const recorded: Content = {
      ...content,
      ledgers: content.ledgers.map((l) => ({
        ...l,
        entries: [
          ...l.entries.map((e) =>
            e.party === 'traeger-002'
              ? { ...e, reminders: [{ date: '2022-05-02' }], signed: '2022-05-10', form: 'schriftlich' as const, signatory: { name: 'Paul Probe', function: 'Vorstand', oeffentlich: true }, withdrawn: '2023-01-31' }
              : e,
          ),
          { source: l.entries[0]!.source, party: 'traeger-002', version: '1.1', offered: '2023-06-05', reminders: [{ date: '2023-08-01' }], signed: '2023-09-01', form: 'elektronisch' as const, signatory: { name: 'Paul Probe', function: 'Vorstand', oeffentlich: true } },
        ],
      })),
    };
    for (const version of ['1.0', '1.1']) {
      const before = buildPartyDocument(content, 'muster', version, 'traeger-002');
      const after = buildPartyDocument(recorded, 'muster', version, 'traeger-002');
      expect(after.documentId, version).toBe(before.documentId);
      expect(after.digest, version).toBe(before.digest);
      expect(html(recorded, version, 'traeger-002')).toBe(html(content, version, 'traeger-002'));
    }
    expect(html(recorded, '1.1', 'traeger-002')).not.toMatch(/Angeboten am|Paul Probe|Vorstand/);
  });

  it('keeps a copy of an adopted version as it was when a newer version follows or its status changes', () => {
    const muster = content.agreements.find((a) => a.id === 'muster')!;
    const v11 = muster.versions.find((v) => v.version === '1.1')!;
    const later: Content = {
      ...content,
      agreements: content.agreements.map((a) =>
        a.id === 'muster'
          ? { ...a, versions: [...a.versions.map((v) => (v.version === '1.1' ? { ...v, status: 'abgeloest' as const } : v)), { ...v11, version: '1.2', status: 'beschlossen' as const, adopted: '2024-03-01', effective: '2024-04-01', supersedes: '1.1' }] }
          : a,
      ),
    };
    const before = buildPartyDocument(content, 'muster', '1.1', 'traeger-001');
    const after = buildPartyDocument(later, 'muster', '1.1', 'traeger-001');
    expect(after.documentId).toBe(before.documentId);
    const html = renderPartyDocumentHtml(after, assets.templates);
    expect(html).toBe(renderPartyDocumentHtml(before, assets.templates));
    expect(html).not.toContain('abgelöst');
  });

  it('summarises the DPIA: result, risk counts before and after, link to the site', () => {
    const { dpia, publisher } = buildPartyDocument(content, 'muster', '1.1', 'traeger-001');
    expect(dpia.result).toBe('Nach den Maßnahmen verbleibt kein hohes Risiko.');
    expect(dpia.risks.map((r) => [r.level, r.before, r.after])).toEqual([
      ['hoch', 1, 0],
      ['normal', 1, 1],
      ['gering', 0, 1],
    ]);
    expect(dpia.version).toBe('1.0');
    expect(publisher.dpiaUrl).toBe('https://test.example/dsfa/1.0/');
  });

  it('quotes the DPIA version tied to the agreement version, with that version’s matrix', () => {
    const v1 = content.dpia.versions[0]!;
    const draft = {
      ...v1,
      folder: '2.0',
      meta: {
        ...v1.meta,
        version: '2.0',
        status: 'entwurf' as const,
        agreements: [{ agreement: 'muster', versions: ['1.1'] }],
        // Every cell „hoch“: the counts show which table was used.
        matrix: { source: 'S', rows: Object.fromEntries(Object.keys(v1.meta.matrix.rows).map((k) => [k, { geringfuegig: 'hoch', ueberschaubar: 'hoch', substanziell: 'hoch', gross: 'hoch' }])) as typeof v1.meta.matrix.rows },
      },
    };
    const two = { ...content, dpia: { versions: [{ ...v1, meta: { ...v1.meta, agreements: [{ agreement: 'muster', versions: ['1.0'] }] } }, draft] } };
    const old = buildPartyDocument(two, 'muster', '1.0', 'traeger-001');
    expect([old.dpia.version, old.dpia.isDraft, old.publisher.dpiaUrl]).toEqual(['1.0', false, 'https://test.example/dsfa/1.0/']);
    const next = buildPartyDocument(two, 'muster', '1.1', 'traeger-001');
    expect([next.dpia.version, next.dpia.isDraft, next.dpia.statusLabel, next.publisher.dpiaUrl]).toEqual(['2.0', true, 'Entwurf', 'https://test.example/dsfa/2.0/']);
    expect(next.dpia.risks.map((r) => [r.level, r.before, r.after])).toEqual([
      ['hoch', 2, 2],
      ['normal', 0, 0],
      ['gering', 0, 0],
    ]);
    const html = renderPartyDocumentHtml(next, assets.templates);
    expect(html).toContain('Version 2.0 vom 15.\u00a0Februar 2022 (Entwurf, noch nicht beschlossen)');
    expect(html).toContain('Risikomatrix: S');
    expect(renderPartyDocumentHtml(old, assets.templates)).not.toContain('Entwurf, noch nicht beschlossen');
    const none = buildPartyDocument({ ...content, dpia: { versions: [] } }, 'muster', '1.1', 'traeger-001');
    expect([none.dpia.available, none.dpia.riskTotal]).toEqual([false, 0]);
    expect(renderPartyDocumentHtml(none, assets.templates)).toContain('Dieser Fassung der Vereinbarung ist noch keine Datenschutz-Folgenabschätzung zugeordnet.');
  });

  it('takes the PDF dates from the version, never the clock', () => {
    const { metadata } = buildPartyDocument(content, 'muster', '1.1', 'traeger-001');
    expect(metadata).toMatchObject({ creationDate: '2023-05-11', modDate: '2023-06-01', author: 'Landeshauptstadt Musterstadt', creator: 'Vertragswerk', language: 'de' });
    expect(metadata.title).toBe('Mustervereinbarung – Version 1.1 – Kinderhaus Elbaue e. V.');
  });

  it('puts the childminder’s own name into her (private) copy and signs as Kindertagespflegeperson', () => {
    const doc = buildPartyDocument(withChildminderAgreement(content), 'tagespflege', '1.1', 'ktp-001');
    expect(doc.job.isPrivate).toBe(true);
    expect(doc.party.name).toBe('Maria Tagesmutter');
    expect(doc.partySignature).toMatchObject({ function: 'Kindertagespflegeperson', name: 'Maria Tagesmutter' });
    expect(doc.facilities).toEqual([{ name: 'Kindertagespflegestelle', street: 'Beispielweg 2', postalCode: '01277', city: 'Musterstadt', entry: 'TP-0001', places: 5 }]);
    expect(doc.metadata.title).not.toContain('Maria');
  });
});

describe('Anlage 1 of each agreement', () => {
  /** Both agreements list tom-vertraulichkeit-02 from 1.1; it refers to „sicherheit“ in each, numbered § 5 in the childminders' text. */
  function withReferences(base: Content): Content {
    const both = withChildminderAgreement(base);
    const agreements = both.agreements.map((a) =>
      a.id === 'tagespflege'
        ? { ...a, short_title: 'Vereinbarung Tagespflege', versions: a.versions.map((v) => ({ ...v, sections: v.sections.map((s) => (s.id === 'sicherheit' ? { ...s, number: 5 } : s)) })) }
        : a,
    );
    const refs = [{ agreement: 'muster', section: 'sicherheit', paragraph: 1 }, { agreement: 'tagespflege', section: 'sicherheit' }];
    return { ...both, agreements, toms: both.toms.map((t) => (t.id === 'tom-vertraulichkeit-02' ? { ...t, refs } : t)) };
  }

  it('cites the §§ of its own agreement and version only', () => {
    const content2 = withReferences(content);
    const row = (agreement: string, party: string) => buildPartyDocument(content2, agreement, '1.1', party).toms.flatMap((g) => g.measures).find((m) => m.id === 'tom-vertraulichkeit-02')!;
    expect(row('muster', 'traeger-001').references).toBe('§\u00a02 Abs.\u00a01 der Mustervereinbarung');
    expect(row('tagespflege', 'ktp-001').references).toBe('§\u00a05 der Vereinbarung Tagespflege');
    const html = renderPartyDocumentHtml(buildPartyDocument(content2, 'tagespflege', '1.1', 'ktp-001'), assets.templates);
    expect(html).toContain('§\u00a05 der Vereinbarung Tagespflege</p>');
    expect(html).not.toContain('Mustervereinbarung</p>');
  });

  it('leaves a measure out of an agreement whose annex does not list it', () => {
    const onlyMuster = withChildminderAgreement(content);
    const restricted = { ...onlyMuster, toms: onlyMuster.toms.map((t) => (t.id === 'tom-vertraulichkeit-02' ? { ...t, agreements: [{ agreement: 'muster' }] } : t)) };
    const ids = (agreement: string, party: string) => buildPartyDocument(restricted, agreement, '1.1', party).toms.flatMap((g) => g.measures.map((m) => m.id));
    expect(ids('muster', 'traeger-001')).toEqual(['tom-vertraulichkeit-01', 'tom-vertraulichkeit-02']);
    expect(ids('tagespflege', 'ktp-001')).toEqual(['tom-vertraulichkeit-01']);
  });
});

describe('the HTML for the printer', () => {
  it('escapes names from the content: <script> comes out as text, also in the running header', () => {
    const evil = '<script>alert(1)</script> & „Co“';
    const tampered = withProvider(content, 'traeger-001', (p) => ({ ...p, name: evil, facilities: p.facilities.map((f) => ({ ...f, name: `${evil} Kita` })) }));
    const doc = buildPartyDocument(tampered, 'muster', '1.1', 'traeger-001');
    const html = renderPartyDocumentHtml(doc, assets.templates);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; „Co“');
    expect(html).toContain(`@top-left {\n    content: "Mustervereinbarung" " · Version " "1.1";`);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('is a German document with cover, §§, three annexes and a signature page; footer counts pages', () => {
    const doc = buildPartyDocument(content, 'muster', '1.1', 'traeger-001');
    const html = renderPartyDocumentHtml(doc, assets.templates);
    expect(html).toMatch(/^<!doctype html>\n<html lang="de">/);
    for (const text of ['Persönliche Ausfertigung', '§\u00a01</a> Gegenstand', 'Anlage 1 –', 'Anlage 2 –', 'Anlage 3 –', 'Unterschriften', doc.documentId, doc.textSha256!]) {
      expect(html).toContain(text);
    }
    expect(html).toContain("@font-face{font-family:'Source Serif 4'");
    expect(html).not.toMatch(/(src|href)="?https?:/);
    expect(html).toContain('content: "Seite " counter(page) " von " counter(pages);');
    expect(html).toContain(`content: "${doc.documentId}";`);
  });

  it('says on the cover and the signature page that the checksum is the frozen text’s, as on the reader page, not the file’s', () => {
    const doc = buildPartyDocument(content, 'muster', '1.1', 'traeger-001');
    const text = renderPartyDocumentHtml(doc, assets.templates).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain(`Prüfsumme des Vertragstexts ${doc.textSha256} SHA-256 des beim Beschluss festgeschriebenen Textes (alle Paragraphen, alle Fassungen), wie auf der Leseseite der Version; nicht die Prüfsumme dieser PDF-Datei`);
    expect(text).toContain(`Prüfsumme des Vertragstexts (SHA-256 des festgeschriebenen Textes, nicht der Datei) ${doc.textSha256}`);
    expect(text).not.toContain('Inhaltsstand');
  });

  it('numbers the annexes as the agreement text does: 1 TOMs, 2 facilities with fill-in contacts, 3 DPIA', () => {
    const html = (id: string) => renderPartyDocumentHtml(buildPartyDocument(content, 'muster', '1.1', id), assets.templates);
    const dsgvo = html('traeger-001');
    expect(dsgvo).toContain('Anlage 1 – Technische und organisatorische Maßnahmen');
    expect(dsgvo).toContain('Anlage 2 – Einrichtungen und Ansprechstellen des Trägers');
    expect(dsgvo.indexOf('Anlage 1 –')).toBeLessThan(dsgvo.indexOf('Anlage 2 –'));
    expect(dsgvo).toContain('Datenschutzbeauftragte oder Datenschutzbeauftragter des Trägers');
    const kdg = html('traeger-002');
    expect(kdg).toContain('Betrieblicher Datenschutzbeauftragter nach dem KDG');
    expect(kdg).not.toContain('Datenschutzbeauftragter des Trägers');
    // Childminders fill in nothing: no contact form in their copy.
    expect(renderPartyDocumentHtml(buildPartyDocument(withChildminderAgreement(content), 'tagespflege', '1.1', 'ktp-001'), assets.templates)).not.toContain('vom Träger auszufüllen');
  });

  it.each([
    ['Kita-Planer 2', '"Kita-Planer 2"'],
    ['a "b" \\ c', '"a \\22 b\\22  \\5C  c"'],
    ['</style><script>', '"\\3C /style\\3E \\3C script\\3E "'],
  ])('writes %j as the CSS string %s', (text, expected) => {
    expect(cssString(text)).toBe(expected);
  });

  it('refuses a template with an unknown placeholder instead of printing a gap', () => {
    const doc = buildPartyDocument(content, 'muster', '1.1', 'traeger-001');
    const broken = { ...assets.templates, cover: '<p>{{party.nmae}}</p>' };
    expect(() => renderPartyDocumentHtml(doc, broken)).toThrowError(/^Druckvorlage „templates\/cover\.html“, Zeile 1: den Platzhalter „party\.nmae“ gibt es nicht/);
  });
});

describe('the body on cover and signature page comes from organisation.yaml', () => {
  it('prints the bundled city with its representative, department and processor', () => {
    const html = renderPartyDocumentHtml(buildPartyDocument(content, 'muster', '1.1', 'traeger-001'), assets.templates);
    expect(html).toContain('<p class="zwischen">zwischen der</p>');
    expect(html).toContain('vertreten durch den Oberbürgermeister, handelnd durch das Amt für Kindertagesbetreuung,<br>');
    expect(html).toContain('als Auftragsverarbeiter handelnd durch ihren Eigenbetrieb IT-Dienstleistungen<br>');
    expect(html).toContain('die Landeshauptstadt verarbeitet die Daten durch ihren Eigenbetrieb IT-Dienstleistungen in seinem Auftrag.');
    expect(html).toContain('<p class="rolle">Für die Landeshauptstadt Musterstadt</p>');
    expect(html).toContain('<p class="beschluss">Beschlossen vom Jugendhilfeausschuss am');
  });

  it('prints another body in its own words: a masculine Zweckverband without a processor of its own', () => {
    const other: Content = {
      ...content,
      organisation: {
        ...content.organisation!,
        name: 'Zweckverband Kommunale Geodaten',
        gender: 'm',
        short_name: 'Zweckverband',
        address: 'Zweckverband Kommunale Geodaten, Am Markt 1, 09999 Musterhausen',
        representative: { function: 'Die Verbandsvorsitzende', represented_by: 'die Verbandsvorsitzende' },
        department: { name: 'Geschäftsstelle', gender: 'f' },
        processor: undefined,
        council: { ...content.organisation!.council, name: 'Verbandsversammlung', gender: 'f', genitive: undefined, committees: [{ name: 'Jugendhilfeausschuss', gender: 'f' }] },
      },
    };
    const html = renderPartyDocumentHtml(buildPartyDocument(other, 'muster', '1.1', 'traeger-001'), assets.templates);
    expect(html).toContain('<p class="zwischen">zwischen dem</p>');
    expect(html).toContain('<strong>Zweckverband Kommunale Geodaten</strong>');
    expect(html).toContain('vertreten durch die Verbandsvorsitzende, handelnd durch die Geschäftsstelle,<br>');
    expect(html).not.toContain('Auftragsverarbeiter handelnd durch');
    expect(html).toContain('der Zweckverband verarbeitet die Daten in seinem Auftrag.');
    expect(html).toContain('<p class="rolle">Für den Zweckverband Kommunale Geodaten</p>');
    expect(html).toContain('<p class="funktion">Die Verbandsvorsitzende</p>');
    // The committee's gender from organisation.yaml gives the article.
    expect(html).toContain('<p class="beschluss">Beschlossen von der Jugendhilfeausschuss am');
    const cover = html.slice(html.indexOf('<section class="deckblatt"'), html.indexOf('</section>', html.indexOf('<section class="deckblatt"')));
    const signatures = html.slice(html.indexOf('<section class="unterschriften"'));
    expect(cover + signatures).not.toMatch(/Oberbürgermeister|Landeshauptstadt|Eigenbetrieb|Amt für/);
  });
});

