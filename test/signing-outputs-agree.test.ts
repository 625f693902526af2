import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import type { Content } from '../src/lib/content-model.ts';
import { renderStatusText } from '../src/lib/report/ledger-list.ts';
import { buildBeschlusskontrolleView } from '../src/lib/report/view.ts';
import { bindingTimeline, buildSigningFigures, dayAfter, firstOfferDate, latestLedgerDate } from '../src/lib/signing/figures.ts';
import { buildHomeView } from '../src/lib/site/home.ts';
import { buildSigningStatusView } from '../src/lib/site/signing.ts';
import { ROOT } from './support/run-cli.ts';

async function bundled(): Promise<Content> {
  const { content, diagnostics } = await loadContent(path.join(ROOT, 'content'));
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return content;
}

function* days(from: string, to: string): Generator<string> {
  for (let day = from; day <= to; day = dayAfter(day)) yield day;
}

const N = '\u00a0';

describe('home page, status page, council letter and `ledger status` tell the same figures', () => {
  it('on every day from the first offer to the last ledger entry, for every agreement', async () => {
    const content = await bundled();
    const last = latestLedgerDate(content)!;
    let compared = 0;
    for (const agreement of content.agreements) {
      const first = firstOfferDate(content, agreement.id)!;
      for (const day of days(first, last)) {
        const letter = buildBeschlusskontrolleView(content, { agreementId: agreement.id, asOf: day });
        const f = letter.figures!;
        const snapshot = buildSigningStatusView(content, day).agreements.find((a) => a.agreementId === agreement.id)!.snapshots.at(-1)!;
        const status = renderStatusText(content, agreement, day);
        const context = `${agreement.id} am ${day}`;

        // The status page's figures for that day are the letter's.
        expect(snapshot.asOf, context).toBe(day);
        expect([snapshot.signed, snapshot.eligible], context).toEqual([f.bound, f.eligible]);
        const row = (label: string) => snapshot.rows.find((r) => r.label.startsWith(label))?.value;
        expect(
          [row('Offen'), row('darunter: Absicht'), row('Abgelehnt'), row('Gekündigt, Vereinbarung ausgelaufen'), row('Noch kein Angebot')],
          context,
        ).toEqual([f.open, f.intent, f.declined, f.ended, f.notOffered].map(String));
        for (const v of f.boundByVersion.filter((b) => b.bound > 0)) {
          if (f.boundByVersion.filter((b) => b.bound > 0).length > 1) expect(row(`davon in Version ${v.version}`), context).toBe(String(v.bound));
        }
        // `ledger status` prints the letter's very sentences.
        for (const sentence of letter.keySentences) expect(status, context).toContain(sentence);
        // The split by version is said the same way everywhere.
        if (snapshot.versionSplit) expect(letter.keySentences, context).toContain(snapshot.versionSplit);
        else expect(letter.keySentences.some((s) => s.includes('gilt die Fassung')), context).toBe(false);

        if (agreement.id === content.site?.main_agreement) {
          const home = buildHomeView(content, day).figures.at(-1)!;
          expect([home.headline, home.detail, home.share], context).toEqual([snapshot.headline, snapshot.versionSplit, snapshot.signedShare]);
        }
        compared++;
      }
      // The chart's timeline, swept party by party, agrees with the figures of every day.
      const timeline = bindingTimeline(content, agreement, last);
      for (const day of days(first, last)) {
        const point = timeline.filter((p) => p.date <= day).at(-1);
        const bound = Object.fromEntries(buildSigningFigures(content, agreement, day).boundByVersion.map((v) => [v.version, v.bound]));
        if (point) expect(point.byVersion, `${agreement.id} am ${day}`).toEqual(Object.fromEntries(Object.keys(point.byVersion).map((v) => [v, bound[v] ?? 0])));
        else expect(Object.values(bound).every((n) => n === 0), `${agreement.id} am ${day}`).toBe(true);
      }
    }
    expect(compared).toBeGreaterThan(500);
  }, 120_000);

  it('the letter for the recorded Beschlusskontrolle still reads 51 of 87', async () => {
    const content = await bundled();
    const letter = buildBeschlusskontrolleView(content);
    expect(letter.asOf).toBe('2022-08-24');
    expect(letter.keySentences[0]).toBe(`Von 87 Trägern, die Einrichtungen im Bedarfsplan 2021/2022 betreiben, haben 51 Träger (58,6${N}%) die Vereinbarung unterzeichnet.`);
  });

  it('on 1 December 2023 everyone says 72 of 87: 57 bound by version 1.1, 15 still by version 1.0', async () => {
    const content = await bundled();
    const agreement = content.agreements.find((a) => a.id === 'kita-planer-2')!;
    const home = buildHomeView(content, '2023-12-01').figures.at(-1)!;
    expect(home.headline).toBe('72 von 87 Trägern haben unterzeichnet.');
    expect(home.detail).toBe('Für 57 von ihnen gilt die Fassung 1.1 und für 15 noch die Fassung 1.0.');
    expect(renderStatusText(content, agreement, '2023-12-01')).toContain('haben 72 Träger (82,8');
    const letter = buildBeschlusskontrolleView(content, { asOf: '2023-12-01' });
    expect(letter.keySentences).toContain(`Für einen Träger ist die Vereinbarung nach seiner Kündigung am 28.${N}Februar 2023 ausgelaufen.`);
  });
});
