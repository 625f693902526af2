import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import type { Content } from '../src/lib/content-model.ts';
import { renderStatusText } from '../src/lib/report/ledger-list.ts';
import { buildBeschlusskontrolleView } from '../src/lib/report/view.ts';
import { bindingTimeline, buildSigningFigures, dayAfter, firstOfferDate, latestLedgerDate } from '../src/lib/signing/figures.ts';
import { buildHomeView } from '../src/lib/site/home.ts';
import { buildSigningStatusView, type FigureSnapshotView } from '../src/lib/site/signing.ts';
import { SIGNING_CSV_COLUMNS, signingFigureRowsOn } from '../src/lib/exports/signing-figures.ts';
import type { AgreementEntry } from '../src/lib/content-model.ts';
import type { BeschlusskontrolleView } from '../src/lib/report/view.ts';
import { brokenTotals, disagreements, numberOf, partyKey, readSentences, record, valuesOf, versionColumnKey, type Figures } from './support/labelled-figures.ts';
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

/** Every figure the four outputs print for one agreement and day, by what its words say it means. */
function labelledFigures(content: Content, agreement: AgreementEntry, day: string, letter: BeschlusskontrolleView, snapshot: FigureSnapshotView): Figures {
  const figures: Figures = new Map();
  // The council letter: its paragraphs, the table of the day, the table per version.
  for (const block of letter.points.flatMap((p) => p.blocks)) {
    if (block.type === 'paragraph') {
      readSentences(figures, block.text, 'Brief');
      continue;
    }
    const { caption, header, rows } = block.table;
    if (caption.startsWith('Zeichnungsstand am')) {
      for (const [label, count] of rows) {
        const key = partyKey(label!);
        if (key) record(figures, key, numberOf(count!), `Brief, Tabelle: „${label}“`);
      }
    } else if (caption.startsWith('Stand je Fassung')) {
      for (const row of rows) {
        header.forEach((column, i) => {
          const key = versionColumnKey(column, row[0]!);
          if (key) record(figures, key, numberOf(row[i]!), `Brief, Stand je Fassung: ${row[0]} „${column}“`);
        });
      }
    }
  }
  // The status page: the headline, the split by version, the rows and the table per version.
  readSentences(figures, [snapshot.headline, snapshot.versionSplit ?? ''].join(' '), 'Seite');
  for (const row of snapshot.rows) {
    const key = partyKey(row.label);
    if (key) record(figures, key, numberOf(row.value), `Seite: „${row.label}“`);
  }
  const columns = (snapshot as { perVersionColumns?: Record<string, string | undefined> }).perVersionColumns;
  for (const v of snapshot.perVersion) {
    for (const [field, value] of Object.entries(v)) {
      const label = columns?.[field] ?? { offered: 'angeboten', signed: 'unterzeichnet', open: 'offen', bound: 'gilt für' }[field];
      const key = label ? versionColumnKey(label, v.version) : undefined;
      if (key && typeof value === 'string') record(figures, key, numberOf(value), `Seite, Stand je Version: ${v.version} „${label}“`);
    }
  }
  // `npm run ledger -- status`.
  readSentences(figures, renderStatusText(content, agreement, day), 'ledger status');
  // The open data of that day, by column title.
  const titles = new Map(SIGNING_CSV_COLUMNS.map((c) => [c.name, c.title]));
  for (const row of signingFigureRowsOn(content, agreement, day)) {
    if (row.recht !== 'alle') continue;
    for (const [column, value] of Object.entries(row)) {
      if (typeof value !== 'number') continue;
      const title = titles.get(column)!;
      const key = row.fassung === 'alle' ? partyKey(title) : column === 'unterzeichnet' ? `bound@${row.fassung}` : undefined;
      if (key) record(figures, key, value, `offene Daten ${row.fassung}: „${title}“`);
    }
  }
  return figures;
}

describe('home page, status page, council letter and `ledger status` tell the same figures', () => {
  it('on every day from the first offer to the last ledger entry, for every agreement', async () => {
    const content = await bundled();
    const last = latestLedgerDate(content)!;
    let compared = 0;
    let checkedKeys = new Set<string>();
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
        // One label, one number – in the letter, on the page, in `ledger status` and in the open data –
        // and no part larger than its whole.
        const figures = labelledFigures(content, agreement, day, letter, snapshot);
        expect(disagreements(figures), context).toEqual([]);
        const values = valuesOf(figures);
        expect(brokenTotals(values), context).toEqual([]);
        for (const key of ['eligible', 'bound', 'open', 'intent', 'noAnswer', 'declined', 'offersOpen']) expect(values.has(key), `${context}: ${key}`).toBe(true);
        checkedKeys = new Set([...checkedKeys, ...values.keys()]);
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
    // Over the days, every meaning was read from the outputs at least once, the renewal of 1.1 included.
    expect([...checkedKeys].sort()).toEqual(expect.arrayContaining(['1.1:declined', '1.1:intent', '1.1:offered', '1.1:open', '1.1:openWhileBound', '1.1:signed', 'bound@1.0', 'bound@1.1', 'ended', 'notOffered', 'offered', 'offersOpen:unbound', 'offersOpen:whileBound', 'terminating']));
  }, 120_000);

  it('reads each figure from every output that prints it: sentences, tables, page and open data', async () => {
    const content = await bundled();
    const agreement = content.agreements.find((a) => a.id === 'kita-planer-2')!;
    const day = '2023-12-01';
    const letter = buildBeschlusskontrolleView(content, { agreementId: agreement.id, asOf: day });
    const snapshot = buildSigningStatusView(content, day).agreements.find((a) => a.agreementId === agreement.id)!.snapshots.at(-1)!;
    const figures = labelledFigures(content, agreement, day, letter, snapshot);
    const sources = (key: string) => (figures.get(key) ?? []).map((f) => f.source.replace(/[:,].*$/, '')).sort();
    expect(sources('noAnswer')).toEqual(['Brief', 'Brief', 'Seite', 'ledger status', 'offene Daten alle']);
    expect(sources('intent')).toEqual(['Brief', 'Brief', 'Seite', 'ledger status', 'offene Daten alle']);
    expect(sources('offersOpen')).toEqual(['Brief', 'ledger status']);
    expect(sources('1.1:open')).toEqual(['Brief', 'Brief', 'Seite', 'ledger status']);
    expect(Object.fromEntries(['open', 'intent', 'noAnswer', 'offersOpen', 'offersOpen:unbound', 'offersOpen:whileBound', '1.0:open', '1.1:open', '1.1:intent'].map((k) => [k, figures.get(k)![0]!.value]))).toEqual({
      open: 12,
      intent: 2,
      noAnswer: 10,
      offersOpen: 27,
      'offersOpen:unbound': 12,
      'offersOpen:whileBound': 15,
      '1.0:open': 12,
      '1.1:open': 15,
      '1.1:intent': 3,
    });
  });

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
