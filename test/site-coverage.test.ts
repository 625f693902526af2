import { describe, expect, it } from 'vitest';
import { buildCoverageView } from '../src/lib/site/coverage.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

describe('buildCoverageView', () => {
  it('maps each point a–h of Art. 28(3) to the §§ that cover it', async () => {
    const view = buildCoverageView(await loadSiteFixture(), 'muster', '1.1');
    expect(view.complete).toBe(true);
    expect(view.rows.map((r) => `${r.letter}: ${r.cell.sections.map((s) => s.label).join(', ')}`)).toEqual([
      'lit.\u00a0a: §\u00a01',
      'lit.\u00a0b: §\u00a01',
      'lit.\u00a0c: §\u00a02',
      'lit.\u00a0d: §\u00a02',
      'lit.\u00a0e: §\u00a02',
      'lit.\u00a0f: §\u00a02',
      'lit.\u00a0g: §\u00a03',
      'lit.\u00a0h: §\u00a03',
    ]);
    expect(view.rows[6]!.cell.sections[0]!.href).toBe('/vereinbarung/muster/1.1/#loeschung');
    expect(view.matrix.versions.map((v) => `${v.version}${v.current ? '*' : ''}`)).toEqual(['1.0', '1.1*']);
    expect(view.matrix.rows[0]!.cells.map((c) => c.text)).toEqual(['§\u00a01', '§\u00a01']);
  });

  it('names the missing points and notes regime-only coverage', async () => {
    const content = await loadSiteFixture();
    const version = content.agreements[0]!.versions[1]!;
    for (const s of version.sections) {
      if (s.id === 'loeschung') s.covers = [];
      if (s.id === 'aufsicht' && s.regimes.includes('kdg')) s.covers = ['art28-3-h'];
    }
    const view = buildCoverageView(content, 'muster', '1.1');
    expect(view.complete).toBe(false);
    expect(view.verdict).toBe('Nicht abgedeckt: lit.\u00a0g.');
    expect(view.rows[7]!.cell.sections).toEqual([
      { label: '§\u00a04', title: 'Aufsicht', href: '/vereinbarung/muster/1.1/kdg/#aufsicht', note: 'nur in der Fassung für KDG und DSG-EKD' },
    ]);
    expect(view.matrix.rows[6]!.cells.map((c) => c.text)).toEqual(['§\u00a03', 'fehlt']);
  });
});
