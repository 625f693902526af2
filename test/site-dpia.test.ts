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
    const late = buildDpiaVersionView(content, '1.0', '2025-05-01');
    expect([late.overdueText, late.nextReviewText]).toEqual(['Überprüfung überfällig seit 30.\u00a0April 2025', undefined]);
    const onTime = buildDpiaVersionView(content, '1.0', '2025-04-30');
    expect([onTime.overdueText, onTime.nextReviewText]).toEqual([undefined, '30.\u00a0April 2025']);
  });

  it('shows a draft as such, with the version in force, the damage-limiting measures and the records of advice and views', async () => {
    const content = await loadSiteFixture();
    const v1 = content.dpia.versions[0]!;
    const risks = v1.risks.map((r) => (r.id === 'risk-02' ? { ...r, limits_damage: ['tom-vertraulichkeit-02'], damage_note: 'Verschlüsselt.' } : r));
    const draft = {
      ...v1,
      folder: '2.0',
      risks,
      meta: {
        ...v1.meta,
        version: '2.0',
        status: 'entwurf' as const,
        supersedes: '1.0',
        reviews: [],
        dpo_advice: [{ controller: 'katholische-traeger' as const, role: 'Betrieblicher Datenschutzbeauftragter', result: 'Steht aus.', beispiel: true as const }],
        subject_views: [{ body: 'Stadtelternrat', date: '2026-11-10', result: 'Einverstanden.' }],
      },
    };
    content.dpia.versions.push(draft);
    const view = buildDpiaVersionView(content, '2.0');
    expect([view.isDraft, view.isInForce, view.statusLabel, view.inForceText, view.supersedesText]).toEqual([
      true,
      false,
      'Entwurf',
      'Bis zu ihrem Beschluss gilt die Folgenabschätzung in Version 1.0.',
      'Ersetzt die Folgenabschätzung in Version 1.0.',
    ]);
    expect(view.risks[1]!.limitsDamage).toEqual({ label: 'Begrenzt den Schaden selbst', toms: [{ id: 'tom-vertraulichkeit-02', title: expect.any(String), href: '/toms/#tom-vertraulichkeit-02' }], note: 'Verschlüsselt.' });
    expect(view.dpoAdvice).toEqual([{ controller: 'Katholische Träger (KDG)', role: 'Betrieblicher Datenschutzbeauftragter', date: undefined, dateShort: 'ausstehend', result: 'Steht aus.', example: { label: 'Beispieldaten' } }]);
    expect(view.subjectViews.map((v) => `${v.role} ${v.dateShort} ${v.result}`)).toEqual(['Stadtelternrat 10.11.2026 Einverstanden.']);
    const page = buildDpiaView(content);
    expect(page.inForce?.version).toBe('1.0');
    expect(page.versions.map((v) => `${v.version} ${v.statusLabel}`)).toEqual(['2.0 Entwurf', '1.0 In Kraft']);
  });

  it('compares a version’s levels with the version it supersedes, each from its own matrix, new risks „neu“; a first version has no comparison', async () => {
    const content = await loadSiteFixture();
    const v1 = content.dpia.versions[0]!;
    expect(buildDpiaVersionView(content, '1.0').comparison).toBeUndefined();
    const hoch = Object.fromEntries(Object.keys(v1.meta.matrix.rows).map((s) => [s, Object.fromEntries(Object.keys(v1.meta.matrix.rows).map((l) => [l, 'hoch']))]));
    const added = { ...v1.risks[1]!, id: 'risk-03', title: 'Neues Risiko' };
    content.dpia.versions.push({
      ...v1,
      folder: '2.0',
      risks: [v1.risks[0]!, added],
      meta: { ...v1.meta, version: '2.0', status: 'entwurf', supersedes: '1.0', matrix: { source: 'alles hoch', rows: hoch as typeof v1.meta.matrix.rows } },
    });
    const c = buildDpiaVersionView(content, '2.0').comparison!;
    expect([c.caption, c.previousHref]).toEqual(['Risikostufe in Version 1.0 und 2.0', '/dsfa/1.0/']);
    expect(c.rows.map((r) => `${r.id} ${r.before.previousLabel}/${r.before.currentLabel} ${r.after.previousLabel}/${r.after.currentLabel} ${r.after.moveLabel}`)).toEqual([
      'risk-01 hoch/hoch normal/hoch höher',
      'risk-03 neu/hoch neu/hoch neu',
    ]);
    expect(c.dropped).toEqual([{ id: 'risk-02', title: 'Abfangen von Daten' }]);
  });
});
