import { describe, expect, it } from 'vitest';
import { buildAgreementOverviewView, buildReaderView, readerRoutes } from '../src/lib/site/reader.ts';
import { publishedRegimes, variantSectionIds } from '../src/lib/site/agreements.ts';
import { currentVersionOn } from '../src/lib/agreement/versions.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

describe('reader routes', () => {
  it('builds every version for all three regimes when a § differs by regime', async () => {
    const content = await loadSiteFixture();
    expect(readerRoutes(content).map((r) => `${r.version}/${r.regime}`)).toEqual(['1.0/dsgvo', '1.0/kdg', '1.0/dsg-ekd', '1.1/dsgvo', '1.1/kdg', '1.1/dsg-ekd']);
  });

  it('builds DSGVO only when all regimes read the same text', async () => {
    const content = await loadSiteFixture();
    const version = content.agreements[0]!.versions[1]!;
    const plain = { ...version, sections: version.sections.map((s) => ({ ...s, regimes: ['dsgvo', 'kdg', 'dsg-ekd'] })) };
    expect(publishedRegimes(content, plain)).toEqual(['dsgvo']);
    expect(variantSectionIds(content, version)).toEqual(['aufsicht']);
  });

  it.each([
    ['2022-03-30', undefined],
    ['2022-03-31', '1.0'],
    ['2023-05-10', '1.0'],
    ['2023-05-11', '1.1'],
  ])('the version in force on %s is %s', async (date, expected) => {
    const content = await loadSiteFixture();
    expect(currentVersionOn(content.agreements[0]!, date)?.version).toBe(expected);
  });
});

describe('buildReaderView', () => {
  it('shows the current version without a banner, with TOC, regime switch and the shared markup with copy buttons', async () => {
    const view = buildReaderView(await loadSiteFixture(), 'muster', '1.1', 'dsgvo');
    expect(view.banner).toBeUndefined();
    expect(view.pageTitle).toBe('Mustervereinbarung, Version 1.1 (DSGVO)');
    expect(view.statusText).toMatchInlineSnapshot(`"Beschlossen am 11. Mai 2023 vom Jugendhilfeausschuss (Sitzung JHA/002/2023), gültig ab 1. Juni 2023."`);
    expect(view.toc.map((p) => [p.title, p.sections.map((s) => `${s.label} ${s.title}${s.isVariant ? ' ◆' : ''}`)])).toEqual([
      ['Teil A – Auftragsverarbeitung', ['§\u00a01 Gegenstand', '§\u00a02 Sicherheit der Verarbeitung', '§\u00a03 Löschung und Kontrollen']],
      ['Teil B – Zusammenarbeit', ['§\u00a04 Aufsicht ◆']],
    ]);
    expect(view.regimeSwitch?.options.map((o) => `${o.label}${o.current ? '*' : ''} ${o.href}`)).toEqual([
      'DSGVO* /vereinbarung/muster/1.1/',
      'KDG /vereinbarung/muster/1.1/kdg/',
      'DSG-EKD /vereinbarung/muster/1.1/dsg-ekd/',
    ]);
    expect(view.regimeSwitch?.differing).toEqual([{ label: '§\u00a04', title: 'Aufsicht', href: '#aufsicht' }]);
    expect(view.bodyHtml).toContain('class="link-kopieren" data-anker="loeschung" hidden');
    expect(view.bodyHtml).toContain('staatliche Aufsichtsbehörde');
    expect(view.searchable).toBe(true);
    expect(view.printUrl).toBe('https://test.example/vereinbarung/muster/1.1/');
  });

  it('indexes the full text once (DSGVO) and, on KDG and DSG-EKD pages, only their own clauses', async () => {
    const content = await loadSiteFixture();
    const dsgvo = buildReaderView(content, 'muster', '1.1', 'dsgvo');
    expect(dsgvo.bodyHtml).not.toContain('data-pagefind-ignore');
    const kdg = buildReaderView(content, 'muster', '1.1', 'kdg');
    expect(kdg.searchable).toBe(true);
    expect(kdg.searchOnlyVariants).toBe(true);
    expect(kdg.bodyHtml).toContain('<section class="paragraph" id="loeschung" aria-labelledby="loeschung-titel" data-pagefind-ignore="all">');
    expect(kdg.bodyHtml).toContain('<section class="paragraph" id="aufsicht" aria-labelledby="aufsicht-titel" data-variante="kdg">');
  });

  it('marks a superseded version and links to the current one under the same regime', async () => {
    const view = buildReaderView(await loadSiteFixture(), 'muster', '1.0', 'kdg');
    expect(view.banner).toEqual({
      kind: 'abgeloest',
      heading: 'Ältere Fassung',
      text: 'Version 1.1 hat diese Fassung (Version 1.0) abgelöst (gültig ab 1.\u00a0Juni 2023). Für einen Träger, der Version 1.1 noch nicht unterzeichnet hat, gilt diese Fassung weiter.',
      link: { href: '/vereinbarung/muster/1.1/kdg/', label: 'Zur gültigen Version 1.1' },
    });
    expect(view.bodyHtml).toContain('kirchliche Datenschutzaufsicht');
    expect(view.bodyHtml).toContain('data-variante="kdg"');
    expect(view.searchable).toBe(true); // its own clauses only, see above
    expect(view.related.map((l) => l.href)).toContain('/vereinbarung/muster/aenderungen/1.0-1.1/');
    expect(view.versions.map((v) => `${v.version} ${v.statusLabel}${v.current ? '*' : ''} ${v.href}`)).toEqual([
      '1.0 gilt noch für 1 Träger* /vereinbarung/muster/1.0/kdg/',
      '1.1 gültig /vereinbarung/muster/1.1/kdg/',
    ]);
  });
});

describe('an adopted version’s record needs no edit when a newer one is adopted', () => {
  it('reads 1.0 as superseded whether its version.yaml still says „beschlossen“ or „abgeloest“', async () => {
    const recorded = await loadSiteFixture();
    const untouched = await loadSiteFixture();
    const v10 = untouched.agreements.find((a) => a.id === 'muster')!.versions.find((v) => v.version === '1.0')!;
    expect(v10.status).toBe('abgeloest');
    v10.status = 'beschlossen';
    for (const version of ['1.0', '1.1']) {
      const a = buildReaderView(recorded, 'muster', version, 'kdg');
      const b = buildReaderView(untouched, 'muster', version, 'kdg');
      expect(b.banner).toEqual(a.banner);
      expect(b.versions).toEqual(a.versions);
    }
    expect(buildReaderView(untouched, 'muster', '1.0', 'kdg').banner?.kind).toBe('abgeloest');
  });
});

describe('buildAgreementOverviewView', () => {
  it('lists versions newest first with their links', async () => {
    const view = buildAgreementOverviewView(await loadSiteFixture(), 'muster');
    expect(view.current).toMatchObject({ version: '1.1', href: '/vereinbarung/muster/1.1/' });
    expect(view.versions.map((v) => [v.version, v.statusLabel, v.tone, v.changesLink?.href ?? null, v.readers.length])).toEqual([
      ['1.1', 'gültig', 'gueltig', '/vereinbarung/muster/aenderungen/1.0-1.1/', 3],
      ['1.0', 'gilt noch für 1 Träger', 'neutral', null, 3],
    ]);
    expect(view.paperLink).toEqual({ href: '/stadtrat/#vorlage-a0001-22', label: 'Antrag A0001/22' });
  });
});
