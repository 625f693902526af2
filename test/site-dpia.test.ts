import { describe, expect, it } from 'vitest';
import { buildDpiaView, buildRiskMatrix } from '../src/lib/site/dpia.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

describe('buildDpiaView', () => {
  it('renders sections, the register with links to TOMs and the review record', async () => {
    const view = buildDpiaView(await loadSiteFixture());
    expect(view.title).toBe('Datenschutz-Folgenabschätzung Muster');
    expect(view.dateText).toBe('15.\u00a0Februar 2022');
    expect(view.sections).toEqual([
      expect.objectContaining({ anchor: 'abschnitt-beschreibung', title: 'Beschreibung der Verarbeitung', art35: expect.stringContaining('lit.\u00a0a') }),
    ]);
    expect(view.sections[0]!.html).toContain('<p>Die Software verwaltet');
    expect(view.risks[0]).toMatchObject({
      id: 'risk-01',
      groups: ['Kinder', 'Eltern und Sorgeberechtigte'],
      before: { likelihood: 'substanziell', severity: 'groß', level: 'hoch', score: 12 },
      after: { likelihood: 'geringfügig', severity: 'groß', level: 'normal', score: 4 },
      toms: [{ id: 'tom-vertraulichkeit-01', title: 'Zwei-Faktor-Anmeldung', href: '/toms/#tom-vertraulichkeit-01', statusLabel: 'umgesetzt' }],
    });
    expect(view.reviews).toEqual([{ role: 'Datenschutzbeauftragter der Landeshauptstadt Musterstadt', date: '2022-02-15', dateShort: '15.02.2022', result: 'Keine Einwände.' }]);
  });

  it('places each risk in a 4×4 matrix, severity down from „groß“, with a text alternative', async () => {
    const content = await loadSiteFixture();
    const before = buildRiskMatrix(content.dpia.risks, 'before');
    expect(before.columns).toEqual(['geringfügig', 'überschaubar', 'substanziell', 'groß']);
    expect(before.rows.map((r) => r.label)).toEqual(['groß', 'substanziell', 'überschaubar', 'geringfügig']);
    expect(before.rows.map((r) => r.cells.map((c) => `${c.levelLabel[0]}${c.risks.map((x) => `:${x.id}`).join('')}`).join(' '))).toEqual([
      'n n h:risk-01 h',
      'g n:risk-02 h h',
      'g n n n',
      'g g g n',
    ]);
    expect(before.summary.map((s) => `${s.label}: ${s.text}`)).toEqual([
      'Hohes Risiko: 1\u00a0Risiko – Unbefugter Zugriff (risk-01)',
      'Normales Risiko: 1\u00a0Risiko – Abfangen von Daten (risk-02)',
      'Geringes Risiko: keines',
    ]);
    const after = buildRiskMatrix(content.dpia.risks, 'after');
    expect(after.summary[0]!.text).toBe('keines');
  });
});
