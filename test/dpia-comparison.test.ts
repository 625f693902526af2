import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import type { Content, DpiaVersion } from '../src/lib/content-model.ts';
import { compareDpiaLevels, dpiaLevelComparison, previousDpia } from '../src/lib/dpia/comparison.ts';
import { levelOf } from '../src/lib/dpia/versions.ts';
import { DSK_LEVELS } from '../src/schemas/dpia.ts';
import { ROOT } from './support/run-cli.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

let bundled: Content;
beforeAll(async () => {
  ({ content: bundled } = await loadContent(path.join(ROOT, 'content')));
});

const version = (content: Content, v: string) => content.dpia.versions.find((d) => d.meta.version === v)!;

describe('the levels of a DPIA version next to the superseded one', () => {
  it('2.0 against 1.1: one row per 2.0 risk, each level from its own version’s matrix, new risks „neu“', () => {
    const v11 = version(bundled, '1.1');
    const v20 = version(bundled, '2.0');
    expect(previousDpia(bundled, v20)).toBe(v11);
    const c = dpiaLevelComparison(bundled, v20)!;
    expect([c.previousVersion, c.version, c.caption]).toEqual(['1.1', '2.0', 'Risikostufe in Version 1.1 und 2.0']);
    expect(c.rows.map((r) => r.id)).toEqual(v20.risks.map((r) => r.id));
    const old = new Map(v11.risks.map((r) => [r.id, r]));
    for (const row of c.rows) {
      const now = v20.risks.find((r) => r.id === row.id)!;
      expect(row.before.current).toBe(levelOf(v20, now.before));
      expect(row.after.current).toBe(levelOf(v20, now.after));
      const was = old.get(row.id);
      expect(row.isNew).toBe(was === undefined);
      expect(row.before.previous).toBe(was ? levelOf(v11, was.before) : null);
      expect(row.after.previous).toBe(was ? levelOf(v11, was.after) : null);
    }
    expect(c.rows.filter((r) => r.isNew).map((r) => `${r.id} ${r.before.previousLabel} ${r.before.move}`)).toEqual([
      'risk-18 neu neu',
      'risk-19 neu neu',
      'risk-20 neu neu',
      'risk-21 neu neu',
    ]);
    // What dpia.yaml of 2.0 says changed with the DSK matrix: risk-06 hoch before, seven risks normal after.
    expect(c.rows.find((r) => r.id === 'risk-06')!.before).toMatchObject({ previous: 'normal', current: 'hoch', move: 'hoeher', moveLabel: 'höher' });
    const upAfter = c.rows.filter((r) => r.after.move === 'hoeher').map((r) => r.id);
    for (const id of ['risk-01', 'risk-02', 'risk-07', 'risk-10', 'risk-11', 'risk-13', 'risk-15']) expect(upAfter).toContain(id);
    expect(c.counts.neu).toBe(4);
    expect(c.counts.after.hoeher).toBe(upAfter.length);
    expect(c.dropped).toEqual([]);
  });

  it('has nothing to compare for a first version', () => {
    expect(previousDpia(bundled, version(bundled, '1.1'))).toBeUndefined();
    expect(dpiaLevelComparison(bundled, version(bundled, '1.1'))).toBeUndefined();
  });

  it('moves a level when only the matrix changed, lowers one, and names risks the new version dropped', async () => {
    const fixture = await loadSiteFixture();
    const v1 = fixture.dpia.versions[0]!;
    const hoch = Object.fromEntries(DSK_LEVELS.map((s) => [s, Object.fromEntries(DSK_LEVELS.map((l) => [l, 'hoch']))])) as DpiaVersion['meta']['matrix']['rows'];
    const v2: DpiaVersion = {
      ...v1,
      meta: { ...v1.meta, version: '2.0', supersedes: '1.0', matrix: { source: 'jede Zelle hoch', rows: hoch } },
      // risk-01 unchanged in likelihood and severity; risk-02 dropped.
      risks: [v1.risks[0]!],
    };
    const c = compareDpiaLevels(v1, v2);
    expect(c.rows).toHaveLength(1);
    expect(c.rows[0]!.after).toMatchObject({ previous: 'normal', current: 'hoch', move: 'hoeher' });
    expect(c.rows[0]!.before).toMatchObject({ previous: 'hoch', current: 'hoch', move: 'gleich', moveLabel: 'unverändert' });
    expect(c.dropped).toEqual([{ id: 'risk-02', title: 'Abfangen von Daten' }]);
    const back = compareDpiaLevels(v2, { ...v1, meta: { ...v1.meta, supersedes: '2.0' } });
    expect(back.rows.find((r) => r.id === 'risk-01')!.after).toMatchObject({ previous: 'hoch', current: 'normal', move: 'niedriger' });
    expect(back.counts).toEqual({ before: { hoeher: 0, niedriger: 0 }, after: { hoeher: 0, niedriger: 1 }, neu: 1 });
  });
});
