import { describe, expect, it } from 'vitest';
import { buildHomeView } from '../src/lib/site/home.ts';
import { buildLayoutView } from '../src/lib/site/layout.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

describe('buildHomeView', () => {
  it('shows the current version, the key figures with their date and where to go next', async () => {
    const view = buildHomeView(await loadSiteFixture());
    expect(view.main).toMatchObject({
      version: '1.1',
      statusLabel: 'gültig',
      statusText: 'Beschlossen am 11.\u00a0Mai 2023 vom Jugendhilfeausschuss, gültig ab 1.\u00a0Juni 2023',
      readerHref: '/vereinbarung/muster/1.1/',
      changes: { href: '/vereinbarung/muster/aenderungen/1.0-1.1/', label: 'Änderungen gegenüber Version 1.0' },
    });
    expect(view.figures.map((f) => `${f.heading}: ${f.headline}`)).toEqual([
      'Stand der Beschlusskontrolle vom 24.\u00a0August 2022: 1 von 2 Trägern hat unterzeichnet.',
      'Aktueller Stand laut Zeichnungsregister (20.\u00a0Juni 2023): 1 von 2 Trägern hat unterzeichnet.',
    ]);
    expect(view.paths.map((p) => p.heading)).toEqual(['Für Träger', 'Für Mitglieder des Stadtrates', 'Für Datenschutzbeauftragte']);
    expect(view.others).toEqual([]);
    expect(view.news).toHaveLength(4);
  });
});

describe('buildLayoutView', () => {
  it.each([
    ['/', 'Start', 'Vertragswerk Testinhalt'],
    ['/vereinbarung/muster/1.1/kdg/', 'Vereinbarung', 'Seite – Vertragswerk Testinhalt'],
    ['/pruefen/', 'Träger', 'Seite – Vertragswerk Testinhalt'],
  ])('on %s marks „%s“ in the navigation', async (sitePath, active, title) => {
    const view = buildLayoutView(await loadSiteFixture(), { path: sitePath, title: 'Seite' });
    expect(view.nav.filter((n) => n.active).map((n) => n.label)).toEqual([active]);
    expect(view.documentTitle).toBe(title);
    expect(view.canonicalUrl).toBe(`https://test.example${sitePath}`);
    expect(view.lang).toBe('de');
  });

  it('marks the exact page as current (aria-current) only on the page itself', async () => {
    const view = buildLayoutView(await loadSiteFixture(), { path: '/toms/', title: 'TOM' });
    expect(view.nav.filter((n) => n.current).map((n) => n.href)).toEqual(['/toms/']);
  });
});
