import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentDirError } from '../src/io/load-content.ts';
import { validateContentDir } from '../src/io/validate-content.ts';
import { validateContentDirInWorker } from '../src/io/validate-in-worker.ts';
import { ROOT } from './support/run-cli.ts';

const withoutLineOf = ({ lineOf: _lineOf, hasField: _hasField, ...rest }: { lineOf: unknown; hasField: unknown }) => rest;

describe('validating in a worker thread', () => {
  it('gives the same content and diagnostics as on the main thread', async () => {
    const dir = path.join(ROOT, 'test/fixtures/valid');
    const [inWorker, here] = await Promise.all([validateContentDirInWorker(dir, { asOf: '2023-06-30' }), validateContentDir(dir, { asOf: '2023-06-30' })]);
    expect(inWorker.inWorker).toBe(true);
    expect(inWorker.errors).toBe(0);
    expect(withoutLineOf(inWorker.content)).toEqual(withoutLineOf(here.content));
    expect(inWorker.content.parties.length).toBeGreaterThan(0);
    expect(inWorker.content.kinds.map((k) => k.id)).toEqual(['kindertagespflege', 'traeger']);
  });

  it('reports the same errors, with file and line, for invalid content', async () => {
    const dir = path.join(ROOT, 'test/fixtures/invalid/ledger-signed-before-offered');
    const [inWorker, here] = await Promise.all([validateContentDirInWorker(dir), validateContentDir(dir)]);
    expect(inWorker.inWorker).toBe(true);
    expect(inWorker.errors).toBeGreaterThan(0);
    expect(inWorker.diagnostics).toEqual(here.diagnostics);
  });

  it('throws the main thread’s own error when the content folder is missing', async () => {
    await expect(validateContentDirInWorker(path.join(ROOT, 'test/fixtures/gibt-es-nicht'))).rejects.toBeInstanceOf(ContentDirError);
  });
});
