import { describe, expect, it } from 'vitest';
import { buildManifest, mergeManifests, parseManifest, renderManifestJson, type ManifestEntry } from '../src/lib/pdf/manifest.ts';
import type { PdfJob } from '../src/lib/pdf/party-document.ts';
import { formatDuration, formatProgress } from '../src/lib/pdf/progress.ts';
import { parseShard, selectShard } from '../src/lib/pdf/shard.ts';
import { compileTemplate } from '../src/lib/pdf/template.ts';
import { headingTitles } from '../src/lib/pdf/finalize-pdf.ts';
import { keepQuotesTogetherHtml } from '../src/lib/typography.ts';

describe('print templates', () => {
  it.each([
    ['{{a}}', { a: '<b>&"' }, '&lt;b&gt;&amp;&quot;'],
    ['{{{a}}}', { a: '<b>' }, '<b>'],
    ['{{p.name}}', { p: { name: 'X' } }, 'X'],
    ['{{#list}}[{{.}}]{{/list}}', { list: ['a', 'b'] }, '[a][b]'],
    ['{{#rows}}{{n}}:{{t}};{{/rows}}', { t: 'T', rows: [{ n: 1 }, { n: 2 }] }, '1:T;2:T;'],
    ['{{#flag}}ja{{/flag}}{{^flag}}nein{{/flag}}', { flag: false }, 'nein'],
    ['{{#flag}}ja{{/flag}}{{^flag}}nein{{/flag}}', { flag: true }, 'ja'],
    ['{{#v}}<{{v}}>{{/v}}', { v: null }, ''],
    ['{{#v}}<{{v}}>{{/v}}', { v: 'x' }, '<x>'],
    ['{{^list}}leer{{/list}}', { list: [] }, 'leer'],
    ['a{{! Kommentar }}b', {}, 'ab'],
  ])('%s renders', (source, data, expected) => {
    expect(compileTemplate('t.html', source).render(data)).toBe(expected);
  });

  it.each([
    ['Zeile 1\n{{unbekannt}}', {}],
    ['{{#a}}x', { a: true }],
    ['{{#a}}x{{/b}}', { a: true }],
    ['{{list}}', { list: [1] }],
  ])('refuses %j with a German message naming file and line', (source, data) => {
    expect(() => compileTemplate('cover.html', source).render(data)).toThrowError(/^Druckvorlage „cover\.html“, Zeile \d+: /);
  });

  it('names the unknown placeholder and the known ones', () => {
    expect(() => compileTemplate('cover.html', '\n{{party.nam}}').render({ party: { name: 'X' }, title: 'T' })).toThrowErrorMatchingInlineSnapshot(
      `[Error: Druckvorlage „cover.html“, Zeile 2: den Platzhalter „party.nam“ gibt es nicht. Verfügbar sind hier: party, title.]`,
    );
  });
});

describe('outline titles', () => {
  it('takes every h1–h6 in order as plain text, entities decoded, whitespace joined', () => {
    const html = '<h1 class="t">Vereinbarung über die\n  Nutzung „Kita&#8209;Planer&nbsp;2“</h1><p>x</p><h3 id="a"><a href="#a">§\u00a01</a> Rechte &amp; Pflichten</h3><h2>Anlage&#x20;1</h2>';
    expect(headingTitles(html)).toEqual(['Vereinbarung über die Nutzung „Kita\u2011Planer\u00a02“', '§\u00a01 Rechte & Pflichten', 'Anlage 1']);
  });
});

describe('cover title', () => {
  it('keeps short quoted names on one line and escapes the rest', () => {
    expect(keepQuotesTogetherHtml('Nutzung der Software „Kita-Planer 2“ <b>')).toBe('Nutzung der Software <span class="nowrap">„Kita-Planer 2“</span> &lt;b&gt;');
  });
});

const entry = (path: string, sha256 = 'a'.repeat(64)): ManifestEntry => ({
  path,
  party: path.split('/')[3]!.replace('.pdf', ''),
  agreement: 'muster',
  version: '1.1',
  regime: 'dsgvo',
  bytes: 100,
  pages: 3,
  sha256,
});

describe('manifest', () => {
  it('sorts entries and writes deterministic JSON', () => {
    const m = buildManifest([entry('pdf/muster/1.1/traeger-002.pdf'), entry('pdf/muster/1.1/traeger-001.pdf')]);
    expect(m.entries.map((e) => e.party)).toEqual(['traeger-001', 'traeger-002']);
    const json = renderManifestJson(m);
    expect(json).toBe(renderManifestJson(buildManifest([...m.entries].reverse())));
    expect(parseManifest(json, 'x.json')).toEqual(m);
  });

  it('merges shard manifests and refuses conflicting hashes or missing shards', () => {
    const a = { manifest: buildManifest([entry('pdf/muster/1.1/traeger-001.pdf')], { index: 1, count: 2 }), source: 'a.json' };
    const b = { manifest: buildManifest([entry('pdf/muster/1.1/traeger-002.pdf')], { index: 2, count: 2 }), source: 'b.json' };
    expect(mergeManifests([b, a]).entries.map((e) => e.party)).toEqual(['traeger-001', 'traeger-002']);
    expect(() => mergeManifests([a])).toThrowErrorMatchingInlineSnapshot(`[Error: Es fehlen die Teilverzeichnisse 2/2.]`);
    const clash = { manifest: buildManifest([entry('pdf/muster/1.1/traeger-001.pdf', 'b'.repeat(64))], { index: 2, count: 2 }), source: 'c.json' };
    expect(() => mergeManifests([a, clash])).toThrowError(/verschiedenen SHA-256-Werten/);
  });

  it('refuses a file that is no manifest', () => {
    expect(() => parseManifest('{"entries": 1}', 'x.json')).toThrowErrorMatchingInlineSnapshot(
      `[Error: x.json: kein PDF-Verzeichnis von Vertragswerk (erwartet „format“: 1 und „entries“).]`,
    );
  });
});

describe('shards', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    ['0/4', undefined],
    ['5/4', undefined],
    ['a/b', undefined],
  ])('parses %s', (value, expected) => {
    expect(parseShard(value)).toEqual(expected);
  });

  it('deals parties out completely, without overlap, all versions of a party together', () => {
    const jobs: PdfJob[] = [];
    for (let i = 1; i <= 10; i++) {
      for (const version of ['1.0', '1.1']) {
        const partyId = `traeger-${String(i).padStart(3, '0')}`;
        jobs.push({ agreementId: 'muster', version, partyId, partyKind: 'traeger', regime: 'dsgvo', isPrivate: false, path: `pdf/muster/${version}/${partyId}.pdf` });
      }
    }
    const parts = [1, 2, 3].map((index) => selectShard(jobs, { index, count: 3 }));
    expect(parts.flat().length).toBe(jobs.length);
    expect(new Set(parts.flat().map((j) => j.path)).size).toBe(jobs.length);
    for (const part of parts) for (const job of part) expect(part.filter((j) => j.partyId === job.partyId)).toHaveLength(2);
    expect(parts.map((p) => p.length)).toEqual([6, 6, 8]);
  });
});

describe('progress', () => {
  it.each([
    [0, 240, 0, 'PDFs: 0/240 (0\u00a0%) · 0,0/s · noch –'],
    [120, 240, 20, 'PDFs: 120/240 (50\u00a0%) · 6,0/s · noch 0:20'],
    [240, 240, 40, 'PDFs: 240/240 (100\u00a0%) · 6,0/s · noch 0:00'],
  ])('%i of %i after %i s', (done, total, seconds, expected) => {
    expect(formatProgress(done, total, seconds)).toBe(expected);
  });

  it.each([
    [7, '0:07'],
    [65, '1:05'],
    [3725, '1:02:05'],
  ])('formats %i s as %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});
