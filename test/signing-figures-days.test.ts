import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readContentFiles } from '../src/io/load-content.ts';
import type { AgreementEntry, Content } from '../src/lib/content-model.ts';
import { parseContent } from '../src/lib/parse-content.ts';
import { buildSigningFigures, dayAfter, firstOfferDate, latestLedgerDate, signingCountsOnDays } from '../src/lib/signing/figures.ts';
import { buildSyntheticContent } from '../src/lib/synthetic-content.ts';
import { ROOT } from './support/run-cli.ts';

async function bundledFiles(): Promise<Map<string, string>> {
  const decoder = new TextDecoder();
  return new Map((await readContentFiles(path.join(ROOT, 'content'))).map((f) => [f.path, decoder.decode(f.bytes)]));
}

function parse(files: Map<string, string>): Content {
  const encoder = new TextEncoder();
  const { content, diagnostics } = parseContent([...files].map(([p, text]) => ({ path: p, bytes: encoder.encode(text) })), '');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return content;
}

function* days(from: string, to: string): Generator<string> {
  for (let day = from; day <= to; day = dayAfter(day)) yield day;
}

/** The figures of one day computed on their own, without the parties' standings. */
function alone(content: Content, agreement: AgreementEntry, day: string) {
  const { parties: _parties, ...counts } = buildSigningFigures(content, agreement, day);
  return counts;
}

function compareEveryDay(content: Content, step: number): number {
  let compared = 0;
  for (const agreement of content.agreements) {
    const first = firstOfferDate(content, agreement.id);
    if (!first) continue;
    // From a month before the first offer to a year after the last event: plan changes and terminations run out late.
    const all = [...days(`${Number(first.slice(0, 4)) - 1}${first.slice(4)}`, `${Number(latestLedgerDate(content)!.slice(0, 4)) + 1}-12-31`)].filter((_, i) => i % step === 0);
    const swept = signingCountsOnDays(content, agreement, all);
    all.forEach((day, i) => expect(swept[i], `${agreement.id} am ${day}`).toEqual(alone(content, agreement, day)));
    compared += all.length;
  }
  return compared;
}

describe('signing figures of many days at once', () => {
  it('equal the figures of each day on its own, every day of the bundled ledgers (signatures, renewals, terminations, plan entries starting and ending)', async () => {
    const files = await bundledFiles();
    // Plan entries with a start and an end, on days of their own: the party's share changes without a ledger event.
    const withPlanDates = (file: string, dates: string) => files.set(file, files.get(file)!.replace(/(register: \{ plan: "[^"]+", entry: "[^"]+")/, `$1, ${dates}`));
    withPlanDates('parties/traeger/traeger-003.yaml', 'since: "2022-09-14"');
    withPlanDates('parties/traeger/traeger-005.yaml', 'until: "2023-02-27"');
    withPlanDates('parties/kindertagespflege/ktp-001.yaml', 'since: "2022-03-03", until: "2023-08-08"');
    const content = parse(files);
    expect(content.ledgers.some((l) => l.entries.some((e) => e.withdrawn))).toBe(true);
    const dated = (ref: unknown) => [ref].flat().some((r) => Boolean((r as { since?: string; until?: string } | undefined)?.since || (r as { until?: string } | undefined)?.until));
    expect(content.parties.filter((p) => p.kind === 'traeger' && p.units!.some((u) => dated(u.register)))).toHaveLength(2);
    expect(content.parties.filter((p) => p.kind === 'kindertagespflege' && dated(p.register))).toHaveLength(1);
    expect(compareEveryDay(content, 1)).toBeGreaterThan(1000);
  });

  it('equal them for synthetic content with many parties, on days in any order and repeated', async () => {
    const content = parse(buildSyntheticContent(await bundledFiles(), { parties: 150, seed: 5 }));
    expect(compareEveryDay(content, 9)).toBeGreaterThan(100);
    const agreement = content.agreements.find((a) => a.id === content.site?.main_agreement)!;
    const shuffled = ['2023-05-01', '2022-07-15', '2023-05-01', '2021-01-01', '2024-02-29'];
    expect(signingCountsOnDays(content, agreement, shuffled)).toEqual(shuffled.map((day) => alone(content, agreement, day)));
    expect(signingCountsOnDays(content, agreement, [])).toEqual([]);
  });

  it('equal them when the rule follows the plan in force and a new plan begins: every party is counted again that day', async () => {
    const files = await bundledFiles();
    // A second plan from 1 August 2023; the agreement follows the plan in force, one provider is in both plans.
    files.set('registers/bedarfsplan.yaml', `${files.get('registers/bedarfsplan.yaml')!}  - plan: "2023/2024"\n    from: 2023-08-01\n`);
    files.set('agreements/kita-planer-2/agreement.yaml', files.get('agreements/kita-planer-2/agreement.yaml')!.replace('eligibility: { register: bedarfsplan, plan: "2021/2022" }', 'eligibility: { register: bedarfsplan, plan: in-force }'));
    const file = 'parties/traeger/traeger-003.yaml';
    files.set(file, files.get(file)!.replace(/register: (\{ plan: "2021\/2022", entry: "[^"]+" \})/, 'register: [$1, { plan: "2023/2024", entry: "KT-9003" }]'));
    const content = parse(files);
    const agreement = content.agreements.find((a) => a.id === 'kita-planer-2')!;
    const before = alone(content, agreement, '2023-07-31');
    const after = alone(content, agreement, '2023-08-01');
    expect(before.eligible).toBeGreaterThan(1);
    expect(after.eligible).toBe(1);
    expect(compareEveryDay(content, 3)).toBeGreaterThan(300);
  });
});
