import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from './support/run-cli.ts';

let tmp: string;
let onePdf: string;
beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'vw-check-pdf-'));
  const doc = await PDFDocument.create();
  doc.addPage();
  onePdf = path.join(tmp, 'eins.pdf');
  writeFileSync(onePdf, await doc.save());
  mkdirSync(path.join(tmp, 'leer'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run check:pdf', () => {
  it('a path that does not exist: exit 2, the path named, nothing checked', async () => {
    const result = await runScript('check-pdf', ['does/not/exist.pdf']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe('Den Pfad „does/not/exist.pdf“ gibt es nicht. Geben Sie PDF-Dateien oder Ordner mit PDFs an; es wurde nichts geprüft.');
  });

  it('a missing path beside an existing PDF is not skipped (it would pass as „alle erfüllen“)', async () => {
    const result = await runScript('check-pdf', [onePdf, 'gibt/es/nicht', path.join(tmp, 'leer')]);
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain('Prüfe');
    expect(result.stderr.split('\n')[0]).toBe(
      `Den Pfad „gibt/es/nicht“ gibt es nicht. In „${path.join(tmp, 'leer')}“ liegt keine PDF-Datei. Geben Sie PDF-Dateien oder Ordner mit PDFs an; es wurde nichts geprüft.`,
    );
  });

  it('one PDF is „1 PDF“ (veraPDF runs: a PDF without PDF/UA and PDF/A claims fails, exit 1)', async () => {
    const result = await runScript('check-pdf', [onePdf]);
    expect(result.stdout).toContain('Prüfe 1\u00a0PDF mit veraPDF');
    expect(result.stdout).not.toContain('PDFs');
    expect(result.stdout).toMatch(/^1 PDF geprüft .*: 1 mit Fehlern/m);
    expect(result.code).toBe(1);
  }, 120_000);
});
