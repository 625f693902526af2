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
      annexText: 'Mustervereinbarung seit Version 1.0',
      references: [],
    });
    expect(first!.risks).toEqual([{ id: 'risk-01', title: 'Unbefugter Zugriff', href: '/dsfa/#risk-01', levels: 'hoch → normal' }]);
    expect(view.statusSummary.map((s) => `${s.count} ${s.label}`)).toEqual(['1 umgesetzt', '1 in Umsetzung', '0 geplant']);
    expect(view.filters.goals).toEqual([{ value: 'vertraulichkeit', label: 'Vertraulichkeit' }]);
    expect(view.filters.statuses.map((s) => s.value)).toEqual(['umgesetzt', 'in-umsetzung', 'geplant']);
    // The OSCAL catalog of each agreement's version offered for signature.
    expect(view.dataLinks.map((l) => `${l.label}: ${l.href}`)).toEqual([
      'als Tabelle (CSV): /daten/tom-katalog.csv',
      'als OSCAL-Katalog (Mustervereinbarung, Version 1.1): /daten/oscal/muster-1.1-tom-katalog.json',
      'alle maschinenlesbaren Daten: /daten/',
    ]);
  });

  it('names each agreement’s annex and its §§, numbered for the agreement’s current version', async () => {
    const content = await loadSiteFixture();
    const muster = content.agreements[0]!;
    // A childminders' agreement whose current version numbers „sicherheit“ as § 5.
    const current = muster.versions[muster.versions.length - 1]!;
    const renumbered = { ...current, sections: current.sections.map((s) => (s.id === 'sicherheit' ? { ...s, number: 5 } : s)) };
    const tagespflege = { ...muster, id: 'tagespflege', short_title: 'Vereinbarung Tagespflege', versions: [renumbered] };
    const toms = content.toms.map((t) =>
      t.id === 'tom-vertraulichkeit-02'
        ? { ...t, agreements: [{ agreement: 'muster' }, { agreement: 'tagespflege', since: '1.1' }], refs: [{ agreement: 'muster', section: 'sicherheit', paragraph: 1 }, { agreement: 'tagespflege', section: 'sicherheit' }] }
        : { ...t, agreements: [{ agreement: 'muster' }] },
    );
    const view = buildTomCatalogView({ ...content, agreements: [muster, tagespflege], toms });
    const [first, second] = view.groups[3]!.toms;
    expect([first!.annexText, first!.references]).toEqual(['Mustervereinbarung seit Version 1.0', []]);
    expect(second!.annexText).toBe('Mustervereinbarung seit Version 1.1; Vereinbarung Tagespflege seit Version 1.1');
    expect(second!.references).toEqual(['§\u00a02 Abs.\u00a01 der Mustervereinbarung (Version 1.1)', '§\u00a05 der Vereinbarung Tagespflege (Version 1.1)']);
  });
});
