import { describe, expect, it } from 'vitest';
import { parseContent } from '../src/lib/parse-content.ts';
import { buildVersionRecordViewFor } from '../src/lib/version-text.ts';
import { applyEdits, replace, refreeze, toContentFiles, validFixture } from './support/content-variants.ts';

const V11 = 'agreements/muster/1.1/version.yaml';
const SUM11 = 'f542adcbc7fa12a1f2b7fdba2e652a42dd4fda8546adb380f049a3020d5b98a1';

function contentWith(edits: Parameters<typeof applyEdits>[1]) {
  return parseContent(toContentFiles(applyEdits(validFixture(), edits))).content;
}

describe('the record of an adopted version on its page', () => {
  it('shows the recorded checksum and no errata for the fixture', () => {
    expect(buildVersionRecordViewFor(contentWith([]), 'muster', '1.1')).toEqual({ checksum: SUM11, errata: [] });
  });

  it('lists each erratum with date, §, reason, and the checksum after the last one', () => {
    const content = contentWith([
      replace('agreements/muster/1.1/04-aufsicht-kirchlich.mdx', '(1) Zuständig', '(1)\u00a0Zuständig'),
      replace(
        V11,
        `text_sha256: ${SUM11}`,
        `text_sha256: ${SUM11}\nerrata:\n  - file: 04-aufsicht-kirchlich.mdx\n    date: 2023-07-03\n    reason: Geschütztes Leerzeichen ergänzt\n    text_sha256: ${'0'.repeat(64)}`,
      ),
      refreeze(V11),
    ]);
    const view = buildVersionRecordViewFor(content, 'muster', '1.1');
    expect(view.checksum).not.toBe(SUM11);
    expect(view.checksum).toBe(view.errata[0]!.checksum);
    expect(view.errata.map(({ checksum: _, ...rest }) => rest)).toEqual([
      { dateText: '3.\u00a0Juli 2023', sectionLabel: '§\u00a04 Aufsicht (04-aufsicht-kirchlich.mdx)', reason: 'Geschütztes Leerzeichen ergänzt' },
    ]);
  });

  it('shows nothing for a draft or an unknown version', () => {
    const draft = contentWith([replace(V11, 'status: beschlossen', 'status: entwurf'), replace(V11, `text_sha256: ${SUM11}\n`, '')]);
    expect(buildVersionRecordViewFor(draft, 'muster', '1.1')).toEqual({ errata: [] });
    expect(buildVersionRecordViewFor(draft, 'muster', '9.9')).toEqual({ errata: [] });
  });
});
