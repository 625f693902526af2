import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import type { Content, DpiaVersion } from '../src/lib/content-model.ts';
import { riskLevel } from '../src/lib/dpia/risk.ts';
import { dpiaForAgreementVersion, dpiaInForce, levelOf, reviewOverdueSince } from '../src/lib/dpia/versions.ts';
import { DSK_LEVELS, type RiskMatrix } from '../src/schemas/dpia.ts';
import { ROOT } from './support/run-cli.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

/** A second version of the fixture's DPIA, in memory. */
function withVersion(content: Content, patch: Partial<DpiaVersion['meta']>): Content {
  const v1 = content.dpia.versions[0]!;
  const v2: DpiaVersion = { ...v1, folder: patch.version ?? '2.0', meta: { ...v1.meta, version: '2.0', ...patch } };
  return { ...content, dpia: { versions: [v1, v2] } };
}

describe('riskLevel', () => {
  const flat = (level: 'gering' | 'normal' | 'hoch'): RiskMatrix => ({
    source: 'S',
    rows: Object.fromEntries(DSK_LEVELS.map((s) => [s, Object.fromEntries(DSK_LEVELS.map((l) => [l, level]))])) as RiskMatrix['rows'],
  });
  it('looks the cell up: row severity, column likelihood', () => {
    const m = flat('gering');
    m.rows.gross.ueberschaubar = 'hoch';
    expect(riskLevel({ likelihood: 'ueberschaubar', severity: 'gross' }, m)).toBe('hoch');
    expect(riskLevel({ likelihood: 'gross', severity: 'ueberschaubar' }, m)).toBe('gering');
  });
});

describe('which DPIA version', () => {
  it('in force: the newest adopted one dated by the day; a draft never', async () => {
    const content = withVersion(await loadSiteFixture(), { status: 'entwurf', date: '2024-01-01' });
    expect(dpiaInForce(content)?.meta.version).toBe('1.0');
    expect(dpiaInForce(content, '2025-01-01')?.meta.version).toBe('1.0');
    const adopted = withVersion(await loadSiteFixture(), { status: 'beschlossen', date: '2024-01-01' });
    expect(dpiaInForce(adopted, '2023-12-31')?.meta.version).toBe('1.0');
    expect(dpiaInForce(adopted, '2024-01-01')?.meta.version).toBe('2.0');
    expect(dpiaInForce(adopted, '2022-02-14')).toBeUndefined();
  });

  it('of an agreement version: the one whose `agreements` names it, else none', async () => {
    const base = await loadSiteFixture();
    const content = withVersion(base, { status: 'entwurf', agreements: [{ agreement: 'muster', versions: ['1.2'] }] });
    expect(dpiaForAgreementVersion(content, 'muster', '1.1')?.meta.version).toBe('1.0');
    expect(dpiaForAgreementVersion(content, 'muster', '1.2')?.meta.version).toBe('2.0');
    expect(dpiaForAgreementVersion(content, 'muster', '0.9')).toBeUndefined();
    expect(dpiaForAgreementVersion(content, 'andere', '1.1')).toBeUndefined();
  });

  it('is overdue only after its review date', async () => {
    const dpia = (await loadSiteFixture()).dpia.versions[0]!;
    const due = { ...dpia, meta: { ...dpia.meta, next_review: '2025-04-30' } };
    expect([reviewOverdueSince(due, '2025-04-30'), reviewOverdueSince(due, '2025-05-01'), reviewOverdueSince(due, undefined)]).toEqual([undefined, '2025-04-30', undefined]);
    expect(reviewOverdueSince(dpia, '2099-01-01')).toBeUndefined();
  });
});

describe('the bundled DPIA versions', () => {
  let content: Content;
  beforeAll(async () => {
    content = (await loadContent(path.join(ROOT, 'content'))).content;
  });
  const table = (v: DpiaVersion) => [...DSK_LEVELS].map((s) => DSK_LEVELS.map((l) => v.meta.matrix.rows[s][l][0]).join(''));

  it('1.1 keeps the levels it was adopted with: its table is the product banding (≤ 3 gering, 4–8 normal, ≥ 9 hoch)', () => {
    const v11 = content.dpia.versions.find((v) => v.meta.version === '1.1')!;
    const banded = DSK_LEVELS.map((s, si) => DSK_LEVELS.map((_, li) => ((si + 1) * (li + 1) <= 3 ? 'g' : (si + 1) * (li + 1) <= 8 ? 'n' : 'h')).join(''));
    expect(table(v11)).toEqual(banded);
    expect(v11.meta.matrix.source).toContain('nicht die Risikomatrix des DSK-Kurzpapiers');
  });

  it('every processing agreement version has its DPIA: the drafts 2.0, the adopted versions 1.1; the Ergänzungsvereinbarungen have none (no Anlage 3)', () => {
    const tied = (processing: boolean) =>
      content.agreements.filter((a) => a.auftragsverarbeitung === processing).flatMap((a) => a.versions.map((v) => `${a.id} ${v.version} → ${dpiaForAgreementVersion(content, a.id, v.version)?.meta.version}`));
    expect(tied(true)).toEqual(['kindertagespflege 1.0 → 1.1', 'kindertagespflege 1.1 → 2.0', 'kita-planer-2 1.0 → 1.1', 'kita-planer-2 1.1 → 1.1', 'kita-planer-2 1.2 → 2.0']);
    expect(tied(false)).toEqual(['elternportal-kindertagespflege 1.0 → undefined', 'elternportal-traeger 1.0 → undefined']);
    expect(dpiaInForce(content, '2026-12-02')?.meta.version).toBe('1.1');
  });

  it('2.0 uses the DSK matrix as entered (rows severity geringfügig → groß, columns likelihood)', () => {
    const v20 = content.dpia.versions.find((v) => v.meta.version === '2.0')!;
    expect(v20.meta.status).toBe('entwurf');
    // Symmetric (the first reading had geringfügig × substanziell „gering“ against substanziell × geringfügig „normal“) and monotone.
    expect(table(v20)).toEqual(['ggnn', 'gnnh', 'nnhh', 'nhhh']);
    expect(table(v20).map((row, s) => [...row].map((_, l) => table(v20)[l]![s]).join(''))).toEqual(table(v20));
    // The cells on which the result hangs are marked „zu prüfen“ until compared with the figure.
    expect(v20.meta.matrix.contested?.map((c) => `${c.severity} × ${c.likelihood}`)).toEqual(['gross × geringfuegig', 'geringfuegig × gross', 'substanziell × geringfuegig', 'geringfuegig × substanziell']);
    expect(v20.meta.matrix.source).toMatch(/^DSK-Kurzpapier Nr\. 18 „Risiko für die Rechte und Freiheiten natürlicher Personen“, Anhang/);
    // No risk stays high after the measures under the new matrix.
    expect(v20.risks.filter((r) => levelOf(v20, r.after) === 'hoch').map((r) => r.id)).toEqual([]);
  });
});
