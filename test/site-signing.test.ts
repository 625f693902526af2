import { describe, expect, it } from 'vitest';
import { buildSigningChart } from '../src/lib/signing/chart.ts';
import { buildSigningStatusView, signingSnapshots } from '../src/lib/site/signing.ts';
import type { SigningFigures } from '../src/lib/signing/figures.ts';
import { signingHeadline } from '../src/lib/signing/sentences.ts';
import { loadSiteFixture } from './support/site-fixture.ts';

describe('signing status', () => {
  it('gives the figures as of the Beschlusskontrolle (version then in force) and as of the latest ledger date', async () => {
    const content = await loadSiteFixture();
    const snapshots = signingSnapshots(content, content.agreements[0]!);
    expect(snapshots.map((s) => `${s.asOf} ${s.version}: ${s.headline} (${s.signedShare})`)).toEqual([
      '2022-08-24 1.0: 1 von 2 Trägern hat unterzeichnet. (50,0\u00a0%)',
      '2023-06-20 1.1: 1 von 2 Trägern hat unterzeichnet. (50,0\u00a0%)',
    ]);
    expect(snapshots[0]!.id).toBe('muster-beschlusskontrolle-2022-08-24');
    expect(snapshots[0]!.rows.map((r) => `${r.label}: ${r.value}${r.share ? ` (${r.share})` : ''}`)).toMatchInlineSnapshot(`
      [
        "Berechtigte Träger (Bedarfsplan 2021/2022): 2",
        "Angebot erhalten: 2 (100,0 %)",
        "Unterzeichnet, Vereinbarung gilt: 1 (50,0 %)",
        "Ohne Vereinbarung, Angebot offen: 1 (50,0 %)",
        "davon Absicht erklärt: 1 (50,0 %)",
        "davon keine Antwort: 0 (0,0 %)",
        "Abgelehnt: 0 (0,0 %)",
        "Gekündigt, Vereinbarung ausgelaufen: 0 (0,0 %)",
        "Noch kein Angebot: 0 (0,0 %)",
        "Plätze im Bedarfsplan: davon bei Unterzeichnenden: 80 von 140 (57,1 %)",
      ]
    `);
    expect(snapshots[0]!.byRegime.map((r) => `${r.label} ${r.signed}/${r.eligible}`)).toEqual(['DSGVO 1/1', 'KDG 0/1']);
    // traeger-001 signed 1.0 and has not yet signed 1.1: version 1.0 still binds it.
    expect(snapshots[1]!.perVersion.map((v) => `${v.version}: ${v.signed} unterzeichnet, gilt für ${v.bound}`)).toEqual(['1.0: 1 unterzeichnet, gilt für 1', '1.1: 0 unterzeichnet, gilt für 0']);
  });

  it.each([
    [1, 1, '1 von 1 Träger hat unterzeichnet.'],
    [51, 87, '51 von 87 Trägern haben unterzeichnet.'],
    [0, 1200, '0 von 1.200 Trägern haben unterzeichnet.'],
  ])('headline for %i of %i', async (signed, eligible, text) => {
    const content = await loadSiteFixture();
    expect(signingHeadline(content.agreements[0]!, { bound: signed, eligible } as SigningFigures)).toBe(text);
  });

  it('lists published providers only, with a chart and its table alternative; no natural persons', async () => {
    const view = buildSigningStatusView(await loadSiteFixture());
    const [a] = view.agreements;
    expect(a!.publishedParties).toEqual([{ name: 'Kinderhaus Elbaue e. V.', href: '/traeger/traeger-001/', statusLabel: 'unterzeichnet (Version 1.0); Version 1.1: Absicht erklärt', dateText: '12.05.2022' }]);
    expect(a!.unpublishedCount).toBe(1);
    expect(a!.chartTable).toEqual([{ date: '2022-05-12', dateShort: '12.05.2022', version: '1.0', signed: '1' }]);
    expect(a!.chart?.description).toContain('Version 1.0: 1 zum Ende des Zeitraums.');
    expect(a!.offerLetters).toEqual([{ dateText: '4.\u00a0April 2022', summary: 'Allen Trägern wurde die Vereinbarung angeboten.', voluntary: true }]);
    expect(JSON.stringify(view)).not.toMatch(/Erika|Maria|Tagesmutter/);
  });
});

describe('buildSigningChart', () => {
  const chart = buildSigningChart({
    title: 'Test',
    start: '2022-04-04',
    end: '2023-04-04',
    max: 10,
    maxLabel: '10 berechtigt',
    series: [
      { label: 'Version 1.0', points: [{ date: '2022-05-01', signed: 5 }, { date: '2022-10-01', signed: 10 }] },
      { label: 'Version 1.1', points: [{ date: '2023-01-01', signed: 10 }] },
    ],
    markers: [{ date: '2022-08-24', label: 'Beschlusskontrolle' }],
  });

  it('lays out a step line from the start to the end of the period', () => {
    expect(chart.plot).toEqual({ x: 52, y: 28, width: 538, height: 252 });
    expect(chart.series[0]!.path.startsWith('M52 280 H')).toBe(true);
    expect(chart.series[0]!.path.endsWith('H590')).toBe(true);
    expect(chart.maxLine.y).toBe(28);
    expect(chart.yTicks.map((t) => t.label)).toEqual(['0', '2', '4', '6', '8', '10']);
    expect(chart.xTicks.map((t) => t.label)).toEqual(['Mai 2022', 'Juli 2022', 'Sept. 2022', 'Nov. 2022', 'Jan. 2023', 'März 2023']);
    expect(chart.markers).toHaveLength(1);
  });

  it('keeps end labels apart when two lines end at the same height, and distinguishes lines by style', () => {
    const [a, b] = chart.series;
    expect(b!.end.labelY - a!.end.labelY).toBeGreaterThanOrEqual(14);
    expect(chart.legend.map((l) => l.className)).toEqual(['reihe-0', 'reihe-1']);
    expect(chart.description).toMatchInlineSnapshot(`"Schrittdiagramm der gültigen Unterschriften vom 4. April 2022 bis 4. April 2023. Version 1.0: 10 zum Ende des Zeitraums. Version 1.1: 10 zum Ende des Zeitraums. Obere Linie: 10 berechtigt. Markiert: Beschlusskontrolle am 24. August 2022."`);
  });
});
