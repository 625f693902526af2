import { describe, expect, it } from 'vitest';
import { buildDownloadViews, downloadsByParty, parsePdfManifest } from '../src/lib/site/downloads.ts';
import { buildCheckPageView, buildDirectoryView, buildPartyPageView, copyKindWords, directoryRoutes, partyRoutes } from '../src/lib/site/directory.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

const SHA = 'a'.repeat(64);
const entry = (version: string, bytes: number, pages: number) => ({
  path: `pdf/muster/${version}/traeger-001.pdf`,
  party: 'traeger-001',
  agreement: 'muster',
  version,
  regime: 'dsgvo' as const,
  bytes,
  pages,
  sha256: SHA,
});

describe('PDF manifest', () => {
  it('accepts the manifest object and a bare list', () => {
    expect(parsePdfManifest({ format: 1, entries: [entry('1.0', 1, 1)] })).toHaveLength(1);
    expect(parsePdfManifest([entry('1.0', 1, 1)])).toHaveLength(1);
  });

  it.each([
    [{ entries: [{ ...entry('1.0', 1, 1), sha256: 'xyz' }] }, /entries|0\.sha256/],
    [{ entries: [{ ...entry('1.0', 1, 1), regime: 7 }] }, /regime/],
    [null, /ungültig/],
  ])('refuses a broken manifest with a German message (%#)', (data, pattern) => {
    expect(() => parsePdfManifest(data)).toThrow(/Das PDF-Verzeichnis \(manifest.json\) ist ungültig/);
    expect(() => parsePdfManifest(data)).toThrow(pattern);
  });

  it('lists downloads newest version first, with German size and page count', async () => {
    const content = await loadSiteFixture();
    const manifest = [entry('1.0', 812, 1), entry('1.1', 84_213, 11)];
    expect(downloadsByParty(manifest).get('traeger-001')).toHaveLength(2);
    expect(downloadsByParty(manifest)).toBe(downloadsByParty(manifest));
    expect(buildDownloadViews(content, manifest).map((d) => `${d.version} ${d.details} ${d.href}`)).toEqual([
      '1.1 PDF, 84,2\u00a0kB, 11 Seiten /pdf/muster/1.1/traeger-001.pdf',
      '1.0 PDF, 812\u00a0Byte, 1 Seite /pdf/muster/1.0/traeger-001.pdf',
    ]);
  });
});

describe('the directory of a kind (directory: true)', () => {
  it('lists only parties with a unit in the register plan, by name, in the kind’s words', async () => {
    const content = await loadSiteFixture();
    expect(directoryRoutes(content)).toEqual([{ kind: 'traeger', slug: 'traeger' }]);
    expect(partyRoutes(content)).toEqual([
      { kind: 'traeger', slug: 'traeger', id: 'traeger-002' },
      { kind: 'traeger', slug: 'traeger', id: 'traeger-001' },
    ]);
    const view = buildDirectoryView(content, 'traeger');
    expect(view.path).toBe('/traeger/');
    expect(view.title).toBe('Träger und ihre Ausfertigungen');
    expect(view.intro).toBe('Alle freien Träger mit mindestens einer Einrichtung im Bedarfsplan 2021/2022. Jeder Träger hat eine eigene Seite mit seinen Einrichtungen und den persönlichen PDF-Ausfertigungen der Vereinbarung.');
    expect(view.summary).toBe('2\u00a0Träger mit 2\u00a0Einrichtungen und 140\u00a0Plätzen im Bedarfsplan 2021/2022.');
    expect(view.tableLabel).toBe('Trägerverzeichnis');
    expect(view.caption).toBe('Träger mit Einrichtungen im Bedarfsplan');
    expect(view.columns).toEqual({ party: 'Träger', units: { full: 'Einrichtungen', short: 'Einr.' }, weight: 'Plätze' });
    expect(view.rows.map((r) => `${r.name} | ${r.regimeLabel} | ${r.units} | ${r.weight}`)).toEqual([
      'Katholische Kirchgemeinde St. Muster | KDG | 1 | 60',
      'Kinderhaus Elbaue e. V. | DSGVO | 1 | 80',
    ]);
  });

  it('has no directory for natural persons, even when the kind file asks for one', async () => {
    const content = await loadSiteFixture();
    const kinds = content.kinds.map((k) => (k.id === 'kindertagespflege' ? { ...k, directory: true } : k));
    expect(directoryRoutes({ ...content, kinds }).map((r) => r.kind)).toEqual(['traeger']);
  });

  it('shows units and downloads, the signing status only when published, never private contacts', async () => {
    const content = await loadSiteFixture();
    const published = buildPartyPageView(content, 'traeger', 'traeger-001', [entry('1.1', 84_213, 11)]);
    expect(published.page.path).toBe('/traeger/traeger-001/');
    expect(published.kicker).toEqual({ href: '/traeger/', label: 'Träger' });
    expect(published.noDownloadsText).toBe('Für diesen Träger liegt in diesem Stand der Website noch keine PDF-Ausfertigung vor.');
    expect(published.signingConsentText).toBe('Der Träger hat der Veröffentlichung zugestimmt.');
    expect(published.units!.summary).toBe('1\u00a0Einrichtung im Bedarfsplan 2021/2022 mit 80\u00a0Plätzen.');
    expect(published.units!.caption).toBe('Einrichtungen des Trägers');
    expect(published.units!.columns).toEqual({ unit: 'Einrichtung', register: 'Bedarfsplan', weight: 'Plätze' });
    expect(published.downloads[0]!.sha256).toBe(SHA);
    expect(published.signing).toEqual([
      { agreement: 'Mustervereinbarung', version: '1.0', statusLabel: 'unterzeichnet (Version 1.0); Version 1.1: Absicht erklärt', detail: 'seit 12.05.2022' },
    ]);
    expect(published.contacts).toEqual([]);
    expect(JSON.stringify(published)).not.toContain('Erika');

    const unpublished = buildPartyPageView(content, 'traeger', 'traeger-002', []);
    expect(unpublished.signing).toBeUndefined();
    expect(unpublished.units!.rows.map((f) => `${f.name}: ${f.planEntry}`)).toEqual([
      'Hort am Kirchplatz: nicht im Bedarfsplan',
      'Kita St. Muster: KT-0002 (2021/2022)',
    ]);
    expect(JSON.stringify(unpublished)).not.toContain('Paul Probe');
  });

  it('shows a contact marked public', async () => {
    const content = await loadSiteFixture();
    content.parties.find((p) => p.id === 'traeger-001')!.contacts[0]!.oeffentlich = true;
    expect(buildPartyPageView(content, 'traeger', 'traeger-001', []).contacts).toEqual([
      { name: 'Erika Beispiel', function: 'Geschäftsführerin', email: 'erika@elbaue.example', phone: undefined },
    ]);
  });

  it('names the kind on the check page and in the copy register', async () => {
    const content = await loadSiteFixture();
    expect(copyKindWords(content)).toEqual({ traeger: { pages: '/traeger/', pageLabel: 'Zur Seite des Trägers' } });
    expect(buildCheckPageView(content)).toEqual({
      noscript: 'Die Prüfung im Browser braucht JavaScript. Ohne JavaScript können Sie die Prüfsumme selbst berechnen und mit der Angabe auf der Seite des Trägers vergleichen (siehe unten).',
      sources: { before: 'Die Prüfsumme jeder Ausfertigung steht auf der Seite des jeweiligen Trägers im ', link: { href: '/traeger/', label: 'Trägerverzeichnis' }, after: ' und im ' },
    });
  });
});
