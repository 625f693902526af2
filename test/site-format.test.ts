import { describe, expect, it } from 'vitest';
import { compareGerman, formatBytes, formatCount, formatNumber, formatPercent, joinGerman, legalSpaces } from '../src/lib/format.ts';
import { absoluteUrl, paperAnchor, urls } from '../src/lib/site/urls.ts';

describe('format', () => {
  it.each([
    [0, '0\u00a0Byte'],
    [812, '812\u00a0Byte'],
    [84_213, '84,2\u00a0kB'],
    [999_949, '999,9\u00a0kB'],
    [1_300_000, '1,3\u00a0MB'],
  ])('formatBytes(%i) = %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });

  it.each([
    [51, 87, '58,6\u00a0%'],
    [0, 2, '0,0\u00a0%'],
    [2, 2, '100,0\u00a0%'],
    [1, 0, '–'],
  ])('formatPercent(%i, %i) = %s', (part, whole, expected) => {
    expect(formatPercent(part, whole)).toBe(expected);
  });

  it('groups thousands and picks singular or plural', () => {
    expect(formatNumber(12345)).toBe('12.345');
    expect(formatCount(1, 'Einrichtung', 'Einrichtungen')).toBe('1\u00a0Einrichtung');
    expect(formatCount(1000, 'Platz', 'Plätzen')).toBe('1.000\u00a0Plätzen');
  });

  it.each([
    [[], ''],
    [['§ 3'], '§ 3'],
    [['KDG', 'DSG-EKD'], 'KDG und DSG-EKD'],
    [['a', 'b', 'c'], 'a, b und c'],
  ])('joinGerman(%j) = %s', (items, expected) => {
    expect(joinGerman(items)).toBe(expected);
  });

  it('puts non-breaking spaces into legal references', () => {
    expect(legalSpaces('nach Art. 28 Abs. 2 und 4 sowie § 5 und lit. b')).toBe('nach Art.\u00a028 Abs.\u00a02 und 4 sowie §\u00a05 und lit.\u00a0b');
  });

  it('sorts names the German way (Ä with A, case-insensitive)', () => {
    expect(['Zwerg', 'Ärztehaus', 'apfel', 'Baum'].sort(compareGerman)).toEqual(['apfel', 'Ärztehaus', 'Baum', 'Zwerg']);
  });
});

describe('urls', () => {
  it.each([
    [urls.reader('kp', '1.1'), '/vereinbarung/kp/1.1/'],
    [urls.reader('kp', '1.1', 'kdg'), '/vereinbarung/kp/1.1/kdg/'],
    [urls.reader('kp', '1.0', 'dsg-ekd'), '/vereinbarung/kp/1.0/dsg-ekd/'],
    [urls.changes('kp', '1.0', '1.1'), '/vereinbarung/kp/aenderungen/1.0-1.1/'],
    [urls.coverage('kp', '1.1'), '/vereinbarung/kp/1.1/art-28/'],
    [urls.tom('tom-x-01'), '/toms/#tom-x-01'],
    [urls.directory('traeger'), '/traeger/'],
    [urls.party('traeger', 'traeger-001'), '/traeger/traeger-001/'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('makes absolute URLs and paper anchors', () => {
    expect(absoluteUrl('https://x.example/', '/toms/')).toBe('https://x.example/toms/');
    expect(absoluteUrl('https://x.example', 'feed.xml')).toBe('https://x.example/feed.xml');
    expect(paperAnchor('A0311/22')).toBe('vorlage-a0311-22');
  });
});
