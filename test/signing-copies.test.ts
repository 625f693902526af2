import { describe, expect, it } from 'vitest';
import type { Content } from '../src/lib/content-model.ts';
import { parseContent } from '../src/lib/parse-content.ts';
import { buildCopyRegister, buildLetterRegister, type PublishedCopy } from '../src/lib/signing/copies.ts';
import { applyEdits, replace, toContentFiles, validFixture, type FileEdit } from './support/content-variants.ts';

const sha = (c: string) => c.repeat(64);
const OLD = { document_id: 'muster-1.0-traeger-001-aaaaaaaa', sha256: sha('a') };
const SIGNED = { document_id: 'muster-1.0-traeger-001-bbbbbbbb', sha256: sha('b') };
const OTHER = { document_id: 'muster-1.0-traeger-002-cccccccc', sha256: sha('c') };
const REMINDED = { document_id: 'muster-1.0-traeger-001-ffffffff', sha256: sha('f') };

function content(): Content {
  return contentWith([]);
}

/** The fixture with the copies above in its ledger, plus `more` edits. */
function contentWith(more: FileEdit[]): Content {
  const L = 'ledger/muster.yaml';
  const tree = applyEdits(validFixture(), [
    replace(L, '    offered: 2022-04-04\n    signed: 2022-05-12', `    offered: 2022-04-04\n    offered_copy: { document_id: ${OLD.document_id}, sha256: ${OLD.sha256} }\n    reminders:\n      - date: 2022-05-02\n        copy: { document_id: ${OLD.document_id}, sha256: ${OLD.sha256} }\n      - date: 2022-05-09\n        copy: { document_id: ${REMINDED.document_id}, sha256: ${REMINDED.sha256} }\n    signed: 2022-05-12\n    signed_copy: { document_id: ${SIGNED.document_id}, sha256: ${SIGNED.sha256} }`),
    replace(L, '    offered: 2022-04-04\n    intent: 2022-04-20', `    offered: 2022-04-04\n    offered_copy: { document_id: ${OTHER.document_id}, sha256: ${OTHER.sha256} }\n    intent: 2022-04-20`),
    ...more,
  ]);
  const parsed = parseContent(toContentFiles(tree), 'content/');
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return parsed.content;
}

// The build after a template change: traeger-001's copies have other bytes now, of the same text.
const published: PublishedCopy[] = [
  { path: 'pdf/muster/1.0/traeger-001.pdf', party: 'traeger-001', agreement: 'muster', version: '1.0', regime: 'dsgvo', sha256: sha('d'), documentId: 'muster-1.0-traeger-001-dddddddd' },
  { path: 'pdf/muster/1.1/traeger-001.pdf', party: 'traeger-001', agreement: 'muster', version: '1.1', regime: 'dsgvo', sha256: sha('e'), documentId: 'muster-1.1-traeger-001-eeeeeeee' },
];

describe('copies the check page recognises', () => {
  const register = buildCopyRegister(content(), published);
  const bySha = (s: string) => register.find((c) => c.sha256 === s);

  it('recognises the copies the ledger names, after the published bytes have changed, with every event in words', () => {
    // The same copy offered and enclosed again with a reminder: one entry, both events.
    expect(register.filter((c) => c.sha256 === OLD.sha256)).toHaveLength(1);
    expect(bySha(OLD.sha256)).toMatchObject({
      party: 'traeger-001',
      version: '1.0',
      documentId: OLD.document_id,
      what: 'die Ausfertigung, die das Zeichnungsregister beim Angebot vom 4.\u00a0April 2022 und bei der Erinnerung vom 2.\u00a0Mai 2022 nennt',
    });
    expect(bySha(REMINDED.sha256)).toMatchObject({ documentId: REMINDED.document_id, what: 'die Ausfertigung, die das Zeichnungsregister bei der Erinnerung vom 9.\u00a0Mai 2022 nennt' });
    expect(bySha(SIGNED.sha256)).toMatchObject({ what: 'die Ausfertigung, die das Zeichnungsregister bei der Unterschrift vom 12.\u00a0Mai 2022 nennt', newer: { version: '1.1', path: '/pdf/muster/1.1/traeger-001.pdf', lead: 'Es gibt eine neuere Ausfertigung für diesen Träger:' } });
  });

  it('speaks of a newer copy only when the text differs: another version, not other bytes of the same one', () => {
    // The published 1.0 copy: 1.1 is the text traeger-001 would sign today.
    expect(bySha(sha('d'))?.newer).toEqual({ version: '1.1', path: '/pdf/muster/1.1/traeger-001.pdf', lead: 'Es gibt eine neuere Ausfertigung für diesen Träger:' });
    expect(bySha(sha('e'))).toMatchObject({ what: 'die aktuell veröffentlichte Ausfertigung', path: '/pdf/muster/1.1/traeger-001.pdf' });
    expect(bySha(sha('e'))?.newer).toBeUndefined();
    // A 1.1 copy from an earlier build (offered, then the template changed): same text, so no „newer copy“.
    const earlier = { document_id: 'muster-1.1-traeger-001-abababab', sha256: 'ab'.repeat(32) };
    const c = contentWith([replace('ledger/muster.yaml', '    offered: 2023-06-05\n', `    offered: 2023-06-05\n    offered_copy: { document_id: ${earlier.document_id}, sha256: ${earlier.sha256} }\n`)]);
    const copy = buildCopyRegister(c, published).find((k) => k.sha256 === earlier.sha256)!;
    expect(copy).toMatchObject({ version: '1.1', what: 'die Ausfertigung, die das Zeichnungsregister beim Angebot vom 5.\u00a0Juni 2023 nennt' });
    expect(copy.newer).toBeUndefined();
  });

  it('speaks of a newer copy when the version’s text was corrected after the copy was offered (erratum)', () => {
    const earlier = { document_id: 'muster-1.1-traeger-001-abababab', sha256: 'ab'.repeat(32) };
    const c = contentWith([replace('ledger/muster.yaml', '    offered: 2023-06-05\n', `    offered: 2023-06-05\n    offered_copy: { document_id: ${earlier.document_id}, sha256: ${earlier.sha256} }\n`)]);
    const muster = c.agreements.find((a) => a.id === 'muster')!;
    const v11 = muster.versions.find((v) => v.version === '1.1')!;
    const corrected = { ...c, agreements: c.agreements.map((a) => (a === muster ? { ...a, versions: a.versions.map((v) => (v === v11 ? { ...v, errata: [{ file: '03-loeschung.mdx', date: '2023-07-01', reason: 'Tippfehler', text_sha256: sha('7') }] } : v)) } : a)) };
    expect(buildCopyRegister(corrected, published).find((k) => k.sha256 === earlier.sha256)?.newer).toEqual({
      version: '1.1',
      path: '/pdf/muster/1.1/traeger-001.pdf',
      lead: 'Der Text dieser Version wurde seither berichtigt; die aktuelle Ausfertigung:',
    });
    // The copy published after the erratum holds the corrected text: nothing newer.
    expect(buildCopyRegister(corrected, published).find((k) => k.sha256 === sha('e'))?.newer).toBeUndefined();
  });

  it('ends the sentence once after a name that ends with a period („e. V.“)', () => {
    expect(bySha(sha('e'))?.sentence).toBe('die aktuell veröffentlichte Ausfertigung (Dokumentkennung muster-1.1-traeger-001-eeeeeeee): Mustervereinbarung, Version 1.1, für Kinderhaus Elbaue e. V.');
    for (const copy of register) expect(copy.sentence, copy.sha256).not.toMatch(/\.\.|\s\./);
  });

  it('says what the ledger records of the published copy itself when the provider publishes its status', () => {
    // The copy published now is the one offered and signed (copies no longer change with the ledger).
    const c = contentWith([replace('ledger/muster.yaml', '    offered: 2023-06-05\n', `    offered: 2023-06-05\n    offered_copy: { document_id: muster-1.1-traeger-001-eeeeeeee, sha256: ${sha('e')} }\n`)]);
    const copy = buildCopyRegister(c, published).find((k) => k.sha256 === sha('e'))!;
    expect(copy.sentence).toBe(
      'die aktuell veröffentlichte Ausfertigung (Dokumentkennung muster-1.1-traeger-001-eeeeeeee): Mustervereinbarung, Version 1.1, für Kinderhaus Elbaue e. V. Das Zeichnungsregister nennt sie beim Angebot vom 5.\u00a0Juni 2023.',
    );
  });

  it('tells nothing about the events of a provider that did not agree to publish its signing status', () => {
    expect(bySha(OTHER.sha256)?.what).toBe('eine im Zeichnungsregister vermerkte Ausfertigung');
    expect(bySha(OTHER.sha256)?.sentence).not.toMatch(/2022|angeboten|Absicht/);
    expect(JSON.stringify(register)).not.toMatch(/Erika|Paul Probe|ktp-/);
  });
});

describe('letters the check page recognises', () => {
  it('names day, kind, agreement and version of a sent letter, never its addressee', () => {
    const letters = buildLetterRegister(content(), [
      { sha256: sha('1'), kind: 'erinnerung', date: '2022-05-02', agreement: 'muster', version: '1.0' },
      { sha256: sha('2'), kind: 'aenderung', date: '2023-06-05', agreement: 'muster', version: '1.1' },
      { sha256: sha('1'), kind: 'erinnerung', date: '2022-05-02', agreement: 'muster', version: '1.0' },
    ]);
    expect(letters).toEqual([
      { sha256: sha('1'), date: '2022-05-02', agreement: 'muster', version: '1.0', sentence: 'ein versandtes Schreiben vom 2.\u00a0Mai 2022 (Erinnerung: Mustervereinbarung, Version 1.0).' },
      { sha256: sha('2'), date: '2023-06-05', agreement: 'muster', version: '1.1', sentence: 'ein versandtes Schreiben vom 5.\u00a0Juni 2023 („Was ändert sich für Sie?“: Mustervereinbarung, Version 1.1).' },
    ]);
  });
});
