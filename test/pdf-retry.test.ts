import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/io/load-content.ts';
import { createFinalizePool } from '../src/io/pdf/finalize-pool.ts';
import { finalizePdf } from '../src/lib/pdf/finalize-pdf.ts';
import { buildPartyDocument } from '../src/lib/pdf/party-document.ts';
import type { PrintFn } from '../src/io/pdf/renderer.ts';
import type { Content } from '../src/lib/content-model.ts';
import { startPdfBuild } from './support/pdf-build-run.ts';
import { ROOT } from './support/run-cli.ts';

// The retry logic with a stand-in printer: no browser, so crashes and hangs can be staged.
let content: Content;
let tinyPdf: Uint8Array;
let work: string;

beforeAll(async () => {
  ({ content } = await loadContent(path.join(ROOT, 'test/fixtures/valid')));
  const doc = await PDFDocument.create();
  doc.addPage();
  tinyPdf = await doc.save();
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-pdf-retry-'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function run(name: string, print: PrintFn, options: { parties?: string[]; timeoutMs?: number } = {}) {
  return startPdfBuild(path.join(work, name), content, print, { parties: options.parties, timeoutMs: options.timeoutMs ?? 2000 });
}

async function files(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true }).catch(() => [] as string[])).filter((f) => f.endsWith('.pdf') || f.endsWith('.json')).sort();
}

describe('a crashed or hung page', () => {
  it('is tried once more, and the build goes on', async () => {
    let calls = 0;
    const { result, log } = await run('once', async () => {
      calls++;
      if (calls === 1) throw new Error('Die Seite ist abgestürzt (Target closed).');
      return tinyPdf;
    });
    const done = await result;
    expect(done.rendered).toBe(4);
    expect(done.dpia.rendered).toBe(1);
    // 4 copies, the retry, the DPIA and the Synopse of 1.0 → 1.1.
    expect(calls).toBe(7);
    expect(log.filter((l) => l.startsWith('Warnung:'))).toEqual([expect.stringMatching(/^Warnung: pdf\/muster\/1\.0\/traeger-001\.pdf – Die Seite ist abgestürzt \(Target closed\)\. Neuer Versuch …$/)]);
  });

  it('fails the build with a German message after the second failure and writes no PDF', async () => {
    const { result, dir } = await run('twice', async () => {
      throw new Error('Die Seite ist abgestürzt (Target closed).');
    });
    await expect(result).rejects.toThrowErrorMatchingInlineSnapshot(`
      [Error: Das PDF pdf/muster/1.0/traeger-001.pdf (muster, Version 1.0, traeger-001) konnte auch im zweiten Versuch nicht erzeugt werden: Die Seite ist abgestürzt (Target closed).
      Es wurde keine unvollständige Datei geschrieben; die bisherige Ausgabe bleibt unverändert. Prüfen Sie die Druckvorlagen in templates/ und ob der Browser startet, und bauen Sie dann erneut.]
    `);
    expect(await files(dir)).toEqual([]);
  });

  it('counts as failed when it hangs past the time limit', async () => {
    const { result, log, dir } = await run('hang', () => new Promise<Uint8Array>(() => undefined), { parties: ['traeger-002'], timeoutMs: 10 });
    await expect(result).rejects.toThrowError(/traeger-002\) konnte auch im zweiten Versuch nicht erzeugt werden: Zeitüberschreitung nach 0,01 s\./);
    expect(log[0]).toMatch(/Zeitüberschreitung nach 0,01 s\. Neuer Versuch …$/);
    expect(await files(dir)).toEqual([]);
  });

  it('refuses an unknown party id as a wrong call (exit 2), a party without a copy as a content error (exit 1)', async () => {
    const unknown = await run('unknown', async () => tinyPdf, { parties: ['traeger-0002'] }).result.catch((error: Error & { exitCode?: number }) => error);
    expect((unknown as { exitCode?: number }).exitCode).toBe(2);
    expect(String(unknown)).toMatchInlineSnapshot(`
      "Error: Den Partner „traeger-0002“ gibt es nicht. Meinten Sie „traeger-002“?
        → Prüfen Sie die Kennung; die Partner stehen in test/fixtures/valid/parties/kindertagespflege/ und test/fixtures/valid/parties/traeger/."
    `);
    const ineligible = await run('ineligible', async () => tinyPdf, { parties: ['traeger-003'] }).result.catch((error: Error & { exitCode?: number }) => error);
    expect((ineligible as { exitCode?: number }).exitCode).toBe(1);
    expect(String(ineligible)).toMatchInlineSnapshot(`
      "Error: Für „traeger-003“ gibt es keine PDFs (test/fixtures/valid/parties/traeger/traeger-003.yaml): Der Partner steht in keinem Register und Plan einer Vereinbarung, oder es ist noch keine Version beschlossen.
        → Ergänzen Sie den Registereintrag (register: { plan, entry }) beim Partner, falls er fehlt, oder lassen Sie die Kennung bei --party weg."
    `);
  });
});

describe('finalizing in a worker thread', () => {
  it('gives the same bytes as on the main thread', async () => {
    const { metadata } = buildPartyDocument(content, 'muster', '1.1', 'traeger-001');
    const pool = createFinalizePool();
    try {
      const [inWorker, inMain] = await Promise.all([pool.finalize(tinyPdf, metadata, []), finalizePdf(tinyPdf, metadata, [])]);
      expect(pool.usesWorker).toBe(true);
      expect(inWorker.pages).toBe(1);
      expect(Buffer.from(inWorker.bytes).equals(Buffer.from(inMain.bytes))).toBe(true);
    } finally {
      await pool.close();
    }
  });
});
