import { describe, expect, it } from 'vitest';
import { buildCouncilView } from '../src/lib/site/council.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

describe('buildCouncilView', () => {
  it('orders papers by date, with the advisory sequence, resolution points and their status', async () => {
    const view = buildCouncilView(await loadSiteFixture());
    expect(view.papers.map((p) => `${p.kindLabel} ${p.id} (${p.anchor})`)).toEqual(['Antrag A0001/22 (vorlage-a0001-22)', 'Vorlage V0002/23 (vorlage-v0002-23)']);
    const [antrag, vorlage] = view.papers;
    expect(antrag!.consultations).toEqual([
      { date: '2022-03-31', dateText: '31.\u00a0März 2022', body: 'Jugendhilfeausschuss', role: 'beschließend', publicLabel: 'öffentlich', isDecision: true },
    ]);
    expect(antrag!.resolutions.map((r) => [r.number, r.status, r.statusText])).toEqual([
      [1, 'beschlossen', ['Beschlossen am 31.\u00a0März 2022 vom Jugendhilfeausschuss.']],
      [
        2,
        'in-umsetzung',
        [
          'Angebot mit Schreiben vom 4.\u00a0April 2022; die Teilnahme ist freiwillig.',
          'Stand der Beschlusskontrolle vom 24.\u00a0August 2022: 1 von 2 Trägern hat unterzeichnet.',
          'Aktueller Stand laut Zeichnungsregister (20.\u00a0Juni 2023): 1 von 2 Trägern hat unterzeichnet.',
        ],
      ],
    ]);
    expect(antrag!.versions).toEqual([{ href: '/vereinbarung/muster/1.0/', label: 'Mustervereinbarung, Version 1.0' }]);
    expect(antrag!.reports).toEqual([
      expect.objectContaining({ anchor: 'beschlusskontrolle-jha-001-2022', session: 'JHA/001/2022', figuresHref: '/beschlusskontrolle/#muster-beschlusskontrolle-2022-08-24' }),
    ]);
    expect(vorlage!.versions.map((v) => v.href)).toEqual(['/vereinbarung/muster/1.1/']);
  });

  it('calls a point open while no offer letter was sent', async () => {
    const content = await loadSiteFixture();
    content.council!.offer_letters = [];
    const point = buildCouncilView(content).papers[0]!.resolutions[1]!;
    expect(point.status).toBe('offen');
    expect(point.statusLabel).toBe('offen');
  });
});
