import { describe, expect, it } from 'vitest';
import { buildTomCatalogView } from '../src/lib/site/toms.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

describe('buildTomCatalogView', () => {
  it('groups the measures by the seven SDM goals, each with the risks that name it', async () => {
    const view = buildTomCatalogView(await loadSiteFixture());
    expect(view.groups.map((g) => `${g.label} (${g.countText})`)).toEqual([
      'Datenminimierung (0 Maßnahmen)',
      'Verfügbarkeit (0 Maßnahmen)',
      'Integrität (0 Maßnahmen)',
      'Vertraulichkeit (2 Maßnahmen)',
      'Nichtverkettung (0 Maßnahmen)',
      'Transparenz (0 Maßnahmen)',
      'Intervenierbarkeit (0 Maßnahmen)',
    ]);
    const [first] = view.groups[3]!.toms;
    expect(first).toMatchObject({
      id: 'tom-vertraulichkeit-01',
      statusLabel: 'umgesetzt',
      art32: ['Art.\u00a032 Abs.\u00a01 lit.\u00a0b'],
      sinceText: 'Teil der Anlage seit Version 1.0',
    });
    expect(first!.risks).toEqual([{ id: 'risk-01', title: 'Unbefugter Zugriff', href: '/dsfa/#risk-01', levels: 'hoch → normal' }]);
    expect(view.statusSummary.map((s) => `${s.count} ${s.label}`)).toEqual(['1 umgesetzt', '1 in Umsetzung', '0 geplant']);
    expect(view.filters.goals).toEqual([{ value: 'vertraulichkeit', label: 'Vertraulichkeit' }]);
    expect(view.filters.statuses.map((s) => s.value)).toEqual(['umgesetzt', 'in-umsetzung', 'geplant']);
  });
});
