import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildManifest, mergeManifests, parseManifest, renderManifestJson, type ManifestEntry } from '../src/lib/pdf/manifest.ts';

const entry = (party: string): ManifestEntry => ({
  path: `pdf/muster/1.1/${party}.pdf`,
  party,
  agreement: 'muster',
  version: '1.1',
  regime: 'dsgvo',
  bytes: 1,
  pages: 1,
  sha256: createHash('sha256').update(party).digest('hex'),
});

describe('the browser in the PDF manifest', () => {
  it('names the browser after the shard and survives a round trip', () => {
    const manifest = buildManifest([entry('traeger-001')], { index: 1, count: 2 }, 'Chromium 156.0.8078.114');
    expect(Object.keys(manifest)).toEqual(['format', 'shard', 'browser', 'entries']);
    expect(parseManifest(renderManifestJson(manifest), 'm').browser).toBe('Chromium 156.0.8078.114');
  });

  it('keeps it when merging shards, refuses shards printed by different browsers', () => {
    const a = buildManifest([entry('traeger-001')], { index: 1, count: 2 }, 'Chromium 156.0.8078.114');
    const b = buildManifest([entry('traeger-002')], { index: 2, count: 2 }, 'Chromium 156.0.8078.114');
    expect(mergeManifests([{ manifest: a, source: 'a' }, { manifest: b, source: 'b' }]).browser).toBe('Chromium 156.0.8078.114');
    const c = buildManifest([entry('traeger-002')], { index: 2, count: 2 }, 'Chromium 147.0.7727.0');
    expect(() => mergeManifests([{ manifest: a, source: 'a' }, { manifest: c, source: 'c' }])).toThrowErrorMatchingInlineSnapshot(
      `[Error: Die Teile wurden mit verschiedenen Browsern gedruckt (Chromium 156.0.8078.114, Chromium 147.0.7727.0). Bauen Sie alle Teile mit demselben Browser.]`,
    );
  });
});
