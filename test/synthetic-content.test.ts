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
    const a = buildSyntheticContent(base, { parties: 20, seed: 7 });
    expect(buildSyntheticContent(base, { parties: 20, seed: 7 })).toEqual(a);
    expect(buildSyntheticContent(base, { parties: 20, seed: 8 })).not.toEqual(a);
  });

  it('replaces the parties of the main agreement’s kind and their ledger, keeps everything else, and passes validation', () => {
    const files = buildSyntheticContent(base, { parties: 30, seed: 1 });
    const providers = [...files.keys()].filter((f) => f.startsWith('parties/traeger/'));
    expect(providers).toHaveLength(30);
    expect(providers[0]).toBe('parties/traeger/traeger-001.yaml');
    expect(files.get('agreements/muster/1.1/01-gegenstand.mdx')).toBe(base.get('agreements/muster/1.1/01-gegenstand.mdx'));
    const { content, diagnostics } = parse(files);
    const errors = [...diagnostics, ...runRules(content, {})].filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    const generated = content.parties.filter((p) => p.kind === 'traeger');
    // Regimes, names and legal forms come from the fixture's own parties of the kind, never from code.
    expect([...new Set(generated.map((p) => p.regime))].sort()).toEqual(['dsgvo', 'kdg']);
    const baseNames = ['Kinderhaus Elbaue e. V.', 'Katholische Kirchgemeinde St. Muster', 'Waldkinder gGmbH'];
    for (const p of generated) {
      expect(baseNames.some((name) => p.name.startsWith(`${name} (`))).toBe(true);
      expect(p.units!.length).toBeGreaterThanOrEqual(1);
      expect(p.units!.length).toBeLessThanOrEqual(5);
    }
    const agreement = content.agreements.find((a) => a.id === 'muster')!;
    expect(eligibleParties(content, agreement).length).toBeGreaterThan(20);
    expect(planPdfJobs(content).length).toBeGreaterThan(30);
  });

  it('generates parties of a kind without units when the main agreement is made with one', () => {
    const changed = new Map(base);
    changed.set('agreements/muster/agreement.yaml', base.get('agreements/muster/agreement.yaml')!.replace('party_kinds: [traeger]', 'party_kinds: [kindertagespflege]'));
    changed.delete('ledger/muster.yaml');
    const files = buildSyntheticContent(changed, { parties: 12, seed: 3 });
    const generated = [...files.keys()].filter((f) => f.startsWith('parties/kindertagespflege/'));
    expect(generated).toHaveLength(12);
    expect(generated[0]).toBe('parties/kindertagespflege/kindertagespflege-001.yaml');
    expect(files.get(generated[0]!)).not.toContain('units:');
    const { content, diagnostics } = parse(files);
    expect([...diagnostics, ...runRules(content, {})].filter((d) => d.severity === 'error')).toEqual([]);
    expect(eligibleParties(content, content.agreements[0]!).length).toBeGreaterThan(5);
  });

  it('gives every agreement made with the kind (one of them only a draft) a ledger of the generated parties, and keeps other kinds\' entries', async () => {
    const decoder = new TextDecoder();
    const bundled = new Map((await readContentFiles(path.join(ROOT, 'content'))).map((f) => [f.path, decoder.decode(f.bytes)]));
    const files = buildSyntheticContent(bundled, { parties: 25, seed: 3 });
    const { content, diagnostics } = parse(files);
    const errors = [...diagnostics, ...runRules(content, {})].filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
    const ids = new Set(content.parties.filter((p) => p.kind === 'traeger').map((p) => p.id));
    const withKind = content.agreements.filter((a) => a.party_kinds.includes('traeger'));
    expect(withKind.length).toBeGreaterThan(1);
    for (const agreement of withKind) {
      for (const entry of content.ledgers.find((l) => l.agreement === agreement.id)?.entries ?? []) expect(ids.has(entry.party)).toBe(true);
    }
    expect(content.ledgers.find((l) => l.agreement === 'kita-planer-2')!.entries.length).toBeGreaterThan(20);
    // The childminders' ledger is not the generated kind's: it stays as it was.
    expect(files.get('ledger/kindertagespflege.yaml')).toBe(bundled.get('ledger/kindertagespflege.yaml'));
  });

  it('draws numbers in [0, 1) reproducibly', () => {
    const r = createRandom(42);
    const values = Array.from({ length: 1000 }, r);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(Array.from({ length: 1000 }, createRandom(42))).toEqual(values);
  });
});
