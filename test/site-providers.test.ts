import { describe, expect, it } from 'vitest';
import { buildDownloadViews, downloadsByParty, parsePdfManifest } from '../src/lib/site/downloads.ts';
import { buildProviderDirectoryView, buildProviderPageView, providerRoutes } from '../src/lib/site/providers.ts';
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
    [{ entries: [{ ...entry('1.0', 1, 1), regime: 'evangelisch' }] }, /regime/],
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

  it('names each download by agreement, version and party, so two versions never save as the same file', async () => {
    const content = await loadSiteFixture();
    const views = buildDownloadViews(content, [entry('1.0', 812, 1), entry('1.1', 84_213, 11)]);
    expect(views.map((d) => d.fileName)).toEqual(['muster-1.1-traeger-001.pdf', 'muster-1.0-traeger-001.pdf']);
  });
});

describe('providers', () => {
  it('lists only providers with a facility in the Bedarfsplan, by name', async () => {
    const content = await loadSiteFixture();
    expect(providerRoutes(content)).toEqual([{ id: 'traeger-002' }, { id: 'traeger-001' }]);
    const view = buildProviderDirectoryView(content);
    expect(view.summary).toBe('2\u00a0Träger mit 2\u00a0Einrichtungen und 140\u00a0Plätzen im Bedarfsplan 2021/2022.');
    expect(view.rows.map((r) => `${r.name} | ${r.regimeLabel} | ${r.facilities} | ${r.places}`)).toEqual([
      'Katholische Kirchgemeinde St. Muster | KDG | 1 | 60',
      'Kinderhaus Elbaue e. V. | DSGVO | 1 | 80',
    ]);
  });

  it('shows facilities and downloads, the signing status only when published, never private contacts', async () => {
    const content = await loadSiteFixture();
    const published = buildProviderPageView(content, 'traeger-001', [entry('1.1', 84_213, 11)]);
    expect(published.facilitiesSummary).toBe('1\u00a0Einrichtung im Bedarfsplan 2021/2022 mit 80\u00a0Plätzen.');
    expect(published.downloads[0]!.sha256).toBe(SHA);
    expect(published.signing).toEqual([
      { agreement: 'Mustervereinbarung', version: '1.0', statusLabel: 'unterzeichnet (Version 1.0); Version 1.1: Absicht erklärt', detail: 'seit 12.05.2022' },
    ]);
    expect(published.contacts).toEqual([]);
    expect(JSON.stringify(published)).not.toContain('Erika');

    const unpublished = buildProviderPageView(content, 'traeger-002', []);
    expect(unpublished.signing).toBeUndefined();
    expect(unpublished.facilities.map((f) => `${f.name}: ${f.planEntry}`)).toEqual([
      'Hort am Kirchplatz: nicht im Bedarfsplan',
      'Kita St. Muster: KT-0002 (2021/2022)',
    ]);
    expect(JSON.stringify(unpublished)).not.toContain('Paul Probe');
  });

  it('shows a contact marked public', async () => {
    const content = await loadSiteFixture();
    content.providers.find((p) => p.id === 'traeger-001')!.contacts[0]!.oeffentlich = true;
    expect(buildProviderPageView(content, 'traeger-001', []).contacts).toEqual([
      { name: 'Erika Beispiel', function: 'Geschäftsführerin', email: 'erika@elbaue.example', phone: undefined },
    ]);
  });
});
