import { describe, expect, it } from 'vitest';
import type { Content } from '../src/lib/content-model.ts';
import { parseContent } from '../src/lib/parse-content.ts';
import { buildCopyRegister, type PublishedCopy } from '../src/lib/signing/copies.ts';
import { applyEdits, replace, toContentFiles, validFixture } from './support/content-variants.ts';

const sha = (c: string) => c.repeat(64);
const OLD = { document_id: 'muster-1.0-traeger-001-aaaaaaaa', sha256: sha('a') };
const SIGNED = { document_id: 'muster-1.0-traeger-001-bbbbbbbb', sha256: sha('b') };
const OTHER = { document_id: 'muster-1.0-traeger-002-cccccccc', sha256: sha('c') };
const REMINDED = { document_id: 'muster-1.0-traeger-001-ffffffff', sha256: sha('f') };

function content(): Content {
  const L = 'ledger/muster.yaml';
  const tree = applyEdits(validFixture(), [
    replace(L, '    offered: 2022-04-04\n    signed: 2022-05-12', `    offered: 2022-04-04\n    offered_copy: { document_id: ${OLD.document_id}, sha256: ${OLD.sha256} }\n    reminders:\n      - date: 2022-05-02\n        copy: { document_id: ${OLD.document_id}, sha256: ${OLD.sha256} }\n      - date: 2022-05-09\n        copy: { document_id: ${REMINDED.document_id}, sha256: ${REMINDED.sha256} }\n    signed: 2022-05-12\n    signed_copy: { document_id: ${SIGNED.document_id}, sha256: ${SIGNED.sha256} }`),
    replace(L, '    offered: 2022-04-04\n    intent: 2022-04-20', `    offered: 2022-04-04\n    offered_copy: { document_id: ${OTHER.document_id}, sha256: ${OTHER.sha256} }\n    intent: 2022-04-20`),
  ]);
  const parsed = parseContent(toContentFiles(tree), 'content/');
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return parsed.content;
}

// The build after a template change: traeger-001's copies have other bytes now.
const published: PublishedCopy[] = [
  { path: 'pdf/muster/1.0/traeger-001.pdf', party: 'traeger-001', agreement: 'muster', version: '1.0', sha256: sha('d'), documentId: 'muster-1.0-traeger-001-dddddddd' },
  { path: 'pdf/muster/1.1/traeger-001.pdf', party: 'traeger-001', agreement: 'muster', version: '1.1', sha256: sha('e'), documentId: 'muster-1.1-traeger-001-eeeeeeee' },
];

describe('copies the check page recognises', () => {
  const register = buildCopyRegister(content(), published);
  const bySha = (s: string) => register.find((c) => c.sha256 === s);

  it('recognises the copies the ledger names, after the published bytes have changed', () => {
    expect(bySha(OLD.sha256)).toMatchObject({ party: 'traeger-001', version: '1.0', documentId: OLD.document_id, what: 'die Ausfertigung, die im Zeichnungsregister als angeboten am 04.04.2022 vermerkt ist' });
    // The same copy enclosed again is named by its offer; a reminder's copy from a later build by the reminder.
    expect(register.filter((c) => c.sha256 === OLD.sha256)).toHaveLength(1);
    expect(bySha(REMINDED.sha256)).toMatchObject({ documentId: REMINDED.document_id, what: 'die Ausfertigung, die im Zeichnungsregister als mit der Erinnerung vom 09.05.2022 versandt vermerkt ist' });
    expect(bySha(SIGNED.sha256)).toMatchObject({ what: 'die Ausfertigung, die im Zeichnungsregister als unterzeichnet am 12.05.2022 vermerkt ist', newer: { version: '1.1', path: '/pdf/muster/1.1/traeger-001.pdf' } });
  });

  it('says of the current copies that they are current, and which one is the newest', () => {
    expect(bySha(sha('e'))).toMatchObject({ what: 'die aktuell veröffentlichte Ausfertigung', newer: undefined, path: '/pdf/muster/1.1/traeger-001.pdf' });
    expect(bySha(sha('d'))?.newer).toEqual({ version: '1.1', path: '/pdf/muster/1.1/traeger-001.pdf' });
  });

  it('tells nothing about the events of a provider that did not agree to publish its signing status', () => {
    expect(bySha(OTHER.sha256)?.what).toBe('eine im Zeichnungsregister vermerkte Ausfertigung');
    expect(JSON.stringify(register)).not.toMatch(/Erika|Paul Probe|ktp-/);
  });
});
