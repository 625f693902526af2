import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findBrowser, launchBrowser, parseBrowserVersion, type LaunchedBrowser } from '../src/io/browser.ts';
import { loadContent } from '../src/io/load-content.ts';
import { loadPdfAssets } from '../src/io/pdf/assets.ts';
import { PdfPrinter } from '../src/io/pdf/renderer.ts';
import { finalizePdf, headingTitles } from '../src/lib/pdf/finalize-pdf.ts';
import { buildPartyDocument, sha256Hex } from '../src/lib/pdf/party-document.ts';
import { renderPartyDocumentHtml, renderPartyPrintJob } from '../src/lib/pdf/render-html.ts';
import { ROOT } from './support/run-cli.ts';

describe('finding the browser', () => {
  const none = { headlessShells: [], fullBrowsers: [], sparticuz: () => Promise.reject(new Error('nicht da')) };
  const fake = (executablePath: string) => async () => ({ executablePath, version: '147.0.0' });

  it('takes PUPPETEER_EXECUTABLE_PATH first', async () => {
    const found = await findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: process.execPath }, headlessShells: [process.execPath] });
    expect(found).toMatchObject({ executablePath: process.execPath, source: `PUPPETEER_EXECUTABLE_PATH (${process.execPath})`, kind: 'env' });
    expect(found.note).toBeUndefined();
  });

  it('says in German what to do when PUPPETEER_EXECUTABLE_PATH points nowhere', async () => {
    await expect(findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: '/gibt/es/nicht/chrome' } })).rejects.toThrowErrorMatchingInlineSnapshot(
      `[Error: PUPPETEER_EXECUTABLE_PATH zeigt auf „/gibt/es/nicht/chrome“, dort liegt aber kein ausführbarer Browser. Korrigieren Sie den Pfad oder entfernen Sie die Variable.]`,
    );
  });

  it('prefers a headless shell, then @sparticuz/chromium, then a full Chromium with a note that it is slower', async () => {
    const shell = await findBrowser({ ...none, env: {}, headlessShells: ['/gibt/es/nicht', process.execPath], fullBrowsers: [process.execPath], sparticuz: fake('sparticuz') });
    expect(shell).toMatchObject({ kind: 'headless-shell', executablePath: process.execPath });
    const packaged = await findBrowser({ ...none, env: {}, fullBrowsers: [process.execPath], sparticuz: fake(process.execPath) });
    expect(packaged).toMatchObject({ kind: 'sparticuz', source: `@sparticuz/chromium 147.0.0 (${process.execPath})` });
    const full = await findBrowser({ ...none, env: {}, fullBrowsers: [process.execPath] });
    expect(full).toMatchObject({ kind: 'full', executablePath: process.execPath });
    expect(full.note).toContain('apt-get install chromium-headless-shell');
  });

  it('names the binary by what it reports, never by how it was found (manifest and PDF cache key)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vw-browser-'));
    try {
      const binary = path.join(dir, 'chromium');
      writeFileSync(binary, '#!/bin/sh\necho "Chromium 147.0.7727.0 built on Debian GNU/Linux 13 (trixie)"\n');
      chmodSync(binary, 0o755);
      const found = [
        await findBrowser({ ...none, env: { PUPPETEER_EXECUTABLE_PATH: binary } }),
        await findBrowser({ ...none, env: {}, headlessShells: [binary] }),
        await findBrowser({ ...none, env: {}, sparticuz: fake(binary) }),
        await findBrowser({ ...none, env: {}, fullBrowsers: [binary] }),
      ];
      expect(found.map((f) => f.kind)).toEqual(['env', 'headless-shell', 'sparticuz', 'full']);
      expect(new Set(found.map((f) => f.label))).toEqual(new Set(['Chromium 147.0.7727.0']));
      // The log still says where it came from.
      expect(found[2]!.source).toBe(`@sparticuz/chromium 147.0.0 (${binary})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['Chromium 147.0.7727.0\n', 'Chromium 147.0.7727.0'],
    ['Chromium 156.0.8078.114 built on Debian GNU/Linux 13 (trixie)\n', 'Chromium 156.0.8078.114'],
    ['Google Chrome 147.0.7727.55 \n', 'Google Chrome 147.0.7727.55'],
    ['HeadlessChrome/147.0.7727.0', 'HeadlessChrome 147.0.7727.0'],
    ['147.0.7727.0', 'Chromium 147.0.7727.0'],
    ['v24.1.0', undefined],
    ['', undefined],
  ])('reads the product and version from %j', (output, label) => {
    expect(parseBrowserVersion(output)).toBe(label);
  });

  it('gives the same label to the browser found on this machine when PUPPETEER_EXECUTABLE_PATH names the same binary', async () => {
    const found = await findBrowser();
    const again = await findBrowser({ env: { PUPPETEER_EXECUTABLE_PATH: found.executablePath } });
    expect(again.kind).toBe('env');
    expect(again.label).toBe(found.label);
    expect(found.label).toMatch(/^\S.* \d+\.\d+\.\d+\.\d+$/);
  });

  it('names the packages to install when there is no browser at all', async () => {
    await expect(findBrowser({ ...none, env: {} })).rejects.toThrow(/apt-get install chromium-headless-shell.*npm install/);
  });

  it('finds a browser on this machine, never by a download', async () => {
    const found = await findBrowser();
    expect(found.source).toMatch(/^(Chromium Headless Shell \(|System-Chromium \(\/usr\/bin\/|@sparticuz\/chromium \d+\.\d+\.\d+ \(|PUPPETEER_EXECUTABLE_PATH)/);
    expect(found.label).toMatch(/\d+\.\d+/);
  });
});

describe('the printing browser', () => {
  let printer: PdfPrinter;
  beforeAll(async () => {
    printer = await PdfPrinter.start();
  }, 120_000);
  afterAll(async () => {
    await printer?.close();
  });

  it('prints a page to PDF and lets no request leave the machine', async () => {
    const html = `<!doctype html><html lang="de"><head><title>t</title>
      <link rel="stylesheet" href="https://fonts.example.invalid/x.css"></head>
      <body><p>Hallo</p><img src="http://tracker.example.invalid/p.gif" alt=""><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""></body></html>`;
    const pdf = await printer.print({ html }, 30_000);
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    expect([...printer.blockedRequests].sort()).toEqual(['http://tracker.example.invalid/p.gif', 'https://fonts.example.invalid/x.css']);
    // „HeadlessChrome/147…“ from a headless shell, „Chrome/156…“ from a full Chromium.
    expect(printer.description).toMatch(/(HeadlessChrome|Chrome)\/\d+/);
  });
});

describe('printing on a page that keeps its fonts', () => {
  let printer: PdfPrinter;
  let standalone: LaunchedBrowser;
  beforeAll(async () => {
    [printer, standalone] = await Promise.all([PdfPrinter.start(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([printer?.close(), standalone?.browser.close()]);
  });

  it('gives the same bytes as the document opened on a page of its own', async () => {
    const { content } = await loadContent(path.join(ROOT, 'test/fixtures/valid'));
    const assets = await loadPdfAssets();
    const docs = ['traeger-001', 'traeger-002'].map((party) => buildPartyDocument(content, 'muster', '1.1', party));
    const finalize = async (raw: Uint8Array, i: number) =>
      sha256Hex((await finalizePdf(raw, docs[i]!.metadata, headingTitles(renderPartyDocumentHtml(docs[i]!, assets.templates)))).bytes);

    // The printer's page has printed traeger-002 before traeger-001, and kept its fonts.
    const viaPrinter = [] as string[];
    for (const i of [1, 0]) viaPrinter[i] = await finalize(await printer.print(renderPartyPrintJob(docs[i]!, assets.templates), 30_000), i);

    const viaOwnPage = [] as string[];
    for (const i of [0, 1]) {
      const page = await standalone.browser.newPage();
      await page.setContent(renderPartyDocumentHtml(docs[i]!, assets.templates), { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const raw = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true });
      viaOwnPage[i] = await finalize(raw, i);
      await page.close();
    }
    expect(viaPrinter[0]).not.toBe(viaPrinter[1]);
    expect(viaPrinter).toEqual(viaOwnPage);
  }, 120_000);
});
