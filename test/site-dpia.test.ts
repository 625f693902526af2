import { describe, expect, it } from 'vitest';
import { buildDpiaVersionView, buildDpiaView, buildRiskMatrix } from '../src/lib/site/dpia.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

describe('buildDpiaView', () => {
  it('shows the version in force with sections, the register with links to TOMs and the review record', async () => {
    const view = buildDpiaView(await loadSiteFixture());
    const v = view.inForce!;
    expect(v.title).toBe('Datenschutz-Folgenabschätzung Muster');
    expect(v.dateText).toBe('15.\u00a0Februar 2022');
    expect(v.isInForce).toBe(true);
    expect(v.statusLabel).toBe('In Kraft');
    expect(v.agreements).toEqual(['Mustervereinbarung, Versionen 1.0 und 1.1']);
    expect(v.sections).toEqual([
      expect.objectContaining({ anchor: 'abschnitt-beschreibung', title: 'Beschreibung der Verarbeitung', art35: expect.stringContaining('lit.\u00a0a') }),
    ]);
    expect(v.sections[0]!.html).toContain('<p>Die Software verwaltet');
    expect(v.risks[0]).toMatchObject({
      id: 'risk-01',
      groups: ['Kinder', 'Eltern und Sorgeberechtigte'],
      before: { likelihood: 'substanziell', severity: 'groß', level: 'hoch' },
      after: { likelihood: 'geringfügig', severity: 'groß', level: 'normal' },
      toms: [{ id: 'tom-vertraulichkeit-01', title: 'Zwei-Faktor-Anmeldung', href: '/toms/#tom-vertraulichkeit-01', statusLabel: 'umgesetzt' }],
    });
    expect(v.reviews).toEqual([{ role: 'Datenschutzbeauftragter der Landeshauptstadt Musterstadt', date: '2022-02-15', dateShort: '15.02.2022', result: 'Keine Einwände.' }]);
    expect(view.versions.map((x) => `${x.version} ${x.statusLabel} ${x.href}`)).toEqual(['1.0 In Kraft /dsfa/1.0/']);
  });

  it('places each risk in a 4×4 matrix, severity down from „groß“, each cell from the version’s table, with a text alternative', async () => {
    const content = await loadSiteFixture();
    const dpia = content.dpia.versions[0]!;
    const before = buildRiskMatrix(dpia, 'before');
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
    const after = buildRiskMatrix(dpia, 'after');
    expect(after.summary[0]!.text).toBe('keines');
  });

  it('takes every level from the table in the content, not from arithmetic', async () => {
    const content = await loadSiteFixture();
    const dpia = content.dpia.versions[0]!;
    dpia.meta.matrix.rows.gross.substanziell = 'normal';
    const before = buildRiskMatrix(dpia, 'before');
    expect(before.rows[0]!.cells[2]!.level).toBe('normal');
    expect(before.summary[0]!.text).toBe('keines');
  });

  it('warns on the page when the version in force is past its review date on the build date', async () => {
    const content = await loadSiteFixture();
    content.dpia.versions[0]!.meta.next_review = '2025-04-30';
    expect(buildDpiaVersionView(content, '1.0', '2025-05-01').overdueText).toBe('Überprüfung überfällig seit 30.\u00a0April 2025');
    expect(buildDpiaVersionView(content, '1.0', '2025-04-30').overdueText).toBeUndefined();
  });
});
