import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readContentFiles } from '../src/io/load-content.ts';
import { eligibleParties } from '../src/lib/parties/eligibility.ts';
import { parseContent } from '../src/lib/parse-content.ts';
import { planPdfJobs } from '../src/lib/pdf/party-document.ts';
import { buildSyntheticContent, createRandom, type ContentFiles } from '../src/lib/synthetic-content.ts';
import { runRules } from '../src/validate/index.ts';
import { ROOT } from './support/run-cli.ts';

let base: ContentFiles;

beforeAll(async () => {
  const decoder = new TextDecoder();
  base = new Map((await readContentFiles(path.join(ROOT, 'test/fixtures/valid'))).map((f) => [f.path, decoder.decode(f.bytes)]));
});

function parse(files: ContentFiles) {
  const encoder = new TextEncoder();
  return parseContent([...files].map(([p, text]) => ({ path: p, bytes: encoder.encode(text) })), '');
}

describe('synthetic content for the benchmark', () => {
  it('is the same for the same seed and different for another', () => {
    const a = buildSyntheticContent(base, { providers: 20, seed: 7 });
    expect(buildSyntheticContent(base, { providers: 20, seed: 7 })).toEqual(a);
    expect(buildSyntheticContent(base, { providers: 20, seed: 8 })).not.toEqual(a);
  });

  it('replaces the providers and their ledger, keeps everything else, and passes validation', () => {
    const files = buildSyntheticContent(base, { providers: 30, seed: 1 });
    const providers = [...files.keys()].filter((f) => f.startsWith('parties/traeger/'));
    expect(providers).toHaveLength(30);
    expect(providers[0]).toBe('parties/traeger/traeger-001.yaml');
    expect(files.get('agreements/muster/1.1/01-gegenstand.mdx')).toBe(base.get('agreements/muster/1.1/01-gegenstand.mdx'));
    const { content, diagnostics } = parse(files);
    const errors = [...diagnostics, ...runRules(content, {})].filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    const regimes = new Set(content.providers.map((p) => p.regime));
    expect([...regimes].sort()).toEqual(['dsg-ekd', 'dsgvo', 'kdg']);
    for (const p of content.providers) {
      expect(p.facilities.length).toBeGreaterThanOrEqual(1);
      expect(p.facilities.length).toBeLessThanOrEqual(5);
    }
    const agreement = content.agreements.find((a) => a.id === 'muster')!;
    expect(eligibleParties(content, agreement).length).toBeGreaterThan(20);
    expect(planPdfJobs(content).length).toBeGreaterThan(30);
  });

  it('gives every provider agreement of the bundled content (one of them only a draft) a ledger of the new providers', async () => {
    const decoder = new TextDecoder();
    const bundled = new Map((await readContentFiles(path.join(ROOT, 'content'))).map((f) => [f.path, decoder.decode(f.bytes)]));
    const files = buildSyntheticContent(bundled, { providers: 25, seed: 3 });
    const { content, diagnostics } = parse(files);
    const errors = [...diagnostics, ...runRules(content, {})].filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    const ids = new Set(content.providers.map((p) => p.id));
    const providerAgreements = content.agreements.filter((a) => a.party_kind === 'traeger');
    expect(providerAgreements.length).toBeGreaterThan(1);
    for (const agreement of providerAgreements) {
      for (const entry of content.ledgers.find((l) => l.agreement === agreement.id)?.entries ?? []) expect(ids.has(entry.party)).toBe(true);
    }
  });

  it('draws numbers in [0, 1) reproducibly', () => {
    const r = createRandom(42);
    const values = Array.from({ length: 1000 }, r);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(Array.from({ length: 1000 }, createRandom(42))).toEqual(values);
  });
});
