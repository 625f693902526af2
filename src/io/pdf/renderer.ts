import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { launchBrowser, type BrowserExecutable, type LaunchedBrowser } from '../browser.ts';

export interface PrintJob {
  /** The whole document; running header and footer are CSS page-margin boxes in it. */
  html: string;
}

/** Prints one HTML page to PDF bytes; rejects on a crash or after `timeoutMs`. */
export type PrintFn = (job: PrintJob, timeoutMs: number) => Promise<Uint8Array>;

export class PrintTimeoutError extends Error {}

/** Only the page itself and embedded data: nothing leaves the machine. */
function isLocal(url: string): boolean {
  return url.startsWith('data:') || url.startsWith('file:') || url.startsWith('about:');
}

/** A page prints this many PDFs, then a fresh one takes over (bounds whatever a page accumulates). */
const PAGE_USES = 10;

/**
 * One Chromium; each worker reuses its page for the next PDF (about twice as fast as a new page
 * per PDF). A reused page gives other structure-element ids than a fresh one; finalizePdf
 * renumbers them, so the bytes do not depend on which page printed a PDF. A page that failed is
 * closed, never reused.
 */
export class PdfPrinter {
  private launched: LaunchedBrowser | undefined;
  private closing = false;
  private readonly idle: Page[] = [];
  private readonly uses = new WeakMap<Page, number>();
  /** Requests the pages tried to make to anything but data:/file: – all aborted. */
  readonly blockedRequests: string[] = [];

  private constructor(
    private readonly env: Record<string, string>,
    private readonly executable: BrowserExecutable | undefined,
  ) {}

  static async start(options: { env?: Record<string, string>; executable?: BrowserExecutable } = {}): Promise<PdfPrinter> {
    const printer = new PdfPrinter(options.env ?? {}, options.executable);
    await printer.ensureBrowser();
    return printer;
  }

  get description(): string {
    const l = this.launched;
    return l ? `${l.executable.source}, ${l.version}` : 'nicht gestartet';
  }

  private async ensureBrowser(): Promise<Browser> {
    if (this.launched?.browser.connected) return this.launched.browser;
    if (this.launched) await this.launched.browser.close().catch(() => undefined);
    this.idle.length = 0;
    this.launched = await launchBrowser({ env: this.env, executable: this.executable ?? this.launched?.executable });
    return this.launched.browser;
  }

  private async acquirePage(browser: Browser): Promise<Page> {
    for (let page = this.idle.pop(); page; page = this.idle.pop()) if (!page.isClosed()) return page;
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      if (isLocal(request.url())) void request.continue();
      else {
        this.blockedRequests.push(request.url());
        void request.abort('blockedbyclient');
      }
    });
    return page;
  }

  private async releasePage(page: Page, ok: boolean): Promise<void> {
    const used = (this.uses.get(page) ?? 0) + 1;
    this.uses.set(page, used);
    if (ok && used < PAGE_USES && !this.closing && !page.isClosed()) {
      this.idle.push(page);
      return;
    }
    // A hung page may not close; do not wait for it forever.
    await Promise.race([page.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
  }

  readonly print: PrintFn = async (job, timeoutMs) => {
    const browser = await this.ensureBrowser();
    let page: Page | undefined;
    let timer: NodeJS.Timeout | undefined;
    let ok = false;
    let onError: ((error: Error) => void) | undefined;
    const work = (async () => {
      page = await this.acquirePage(browser);
      const crashed = new Promise<never>((_, reject) => {
        onError = (error) => reject(new Error(`Die Seite ist abgestürzt (${error.message}).`));
        page!.once('error', onError);
      });
      crashed.catch(() => undefined);
      const run = async () => {
        await page!.setContent(job.html, { waitUntil: 'load', timeout: timeoutMs });
        await page!.evaluate(() => document.fonts.ready.then(() => undefined));
        return page!.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          tagged: true,
          outline: true,
          // Header and footer come from CSS margin boxes (running.css): half the printing time of
          // headerTemplate/footerTemplate, and they use the document's embedded fonts.
          displayHeaderFooter: false,
          timeout: timeoutMs,
        });
      };
      return Promise.race([run(), crashed]);
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PrintTimeoutError(`Zeitüberschreitung nach ${(timeoutMs / 1000).toLocaleString('de-DE')} s.`)), timeoutMs);
    });
    try {
      const pdf = await Promise.race([work, timeout]);
      ok = true;
      return pdf;
    } finally {
      clearTimeout(timer);
      work.catch(() => undefined);
      const p = page as Page | undefined;
      if (p) {
        if (onError) p.off('error', onError);
        await this.releasePage(p, ok);
      }
    }
  };

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    const browser = this.launched?.browser;
    if (!browser) return;
    const proc = browser.process();
    await Promise.race([browser.close().catch(() => undefined), new Promise((r) => setTimeout(r, 5000))]);
    if (proc && proc.exitCode === null) proc.kill('SIGKILL');
  }
}
