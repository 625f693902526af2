import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../src/io/browser.ts';
import { PdfPrinter } from '../src/io/pdf/renderer.ts';

describe('finding the browser', () => {
  it('takes PUPPETEER_EXECUTABLE_PATH first', async () => {
    const found = await findBrowser({ PUPPETEER_EXECUTABLE_PATH: process.execPath });
    expect(found).toEqual({ executablePath: process.execPath, source: `PUPPETEER_EXECUTABLE_PATH (${process.execPath})` });
  });

  it('says in German what to do when PUPPETEER_EXECUTABLE_PATH points nowhere', async () => {
    await expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/gibt/es/nicht/chrome' })).rejects.toThrowErrorMatchingInlineSnapshot(
      `[Error: PUPPETEER_EXECUTABLE_PATH zeigt auf „/gibt/es/nicht/chrome“, dort liegt aber kein ausführbarer Browser. Korrigieren Sie den Pfad oder entfernen Sie die Variable.]`,
    );
  });

  it('falls back to a system Chromium or @sparticuz/chromium, never to a download', async () => {
    const found = await findBrowser({});
    expect(found.source).toMatch(/^(System-Chromium \(\/usr\/bin\/|@sparticuz\/chromium \d+\.\d+\.\d+ \()/);
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
    expect(printer.description).toMatch(/HeadlessChrome\/\d+/);
  });
});
