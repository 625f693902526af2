import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { launchBrowser, type BrowserExecutable, type LaunchedBrowser } from '../browser.ts';

export interface PrintJob {
  /** The document without its font faces; running header and footer are CSS page-margin boxes in it. */
  html: string;
  /** `@font-face` rules: loaded once per page and kept for the next documents (default: none). */
  fontCss?: string;
}

/** Prints one HTML page to PDF bytes; rejects on a crash or after `timeoutMs`. */
export type PrintFn = (job: PrintJob, timeoutMs: number) => Promise<Uint8Array>;

export class PrintTimeoutError extends Error {}

/** Only the page itself and embedded data: nothing leaves the machine. */
function isLocal(url: string): boolean {
  return url.startsWith('data:') || url.startsWith('file:') || url.startsWith('about:');
}

/** A page prints this many PDFs, then a fresh one takes over (bounds whatever a page accumulates). */
const PAGE_USES = 50;

const FONT_STYLE_ID = 'vertragswerk-schriften';

/** A page that holds only the font faces. */
function fontShellHtml(fontCss: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style id="${FONT_STYLE_ID}">${fontCss.replace(/<\//g, '<\\/')}</style></head><body></body></html>`;
}

/**
 * One Chromium; each worker reuses its page for the next PDF. A page first loads all font faces
 * (decoding ten WOFF2 files took more than half of the time per PDF when each document brought
 * its own); every document then replaces head and body around them. The tagged structure names
 * elements after DOM node ids, which differ from a page that opened the document on its own;
 * finalizePdf renumbers them, so the bytes do not depend on which page printed a PDF (a test
 * compares both ways). A page that failed is closed, never reused.
 */
export class PdfPrinter {
  private launched: LaunchedBrowser | undefined;
  private closing = false;
  private readonly idle: Page[] = [];
  private readonly uses = new WeakMap<Page, number>();
  /** The font CSS each page has loaded. */
  private readonly fonts = new WeakMap<Page, string>();
  /** Requests the pages tried to make to anything but data:/file: – all aborted. */
  readonly blockedRequests: string[] = [];

  private readonly env: Record<string, string>;
  private readonly executable: BrowserExecutable | undefined;

  private constructor(env: Record<string, string>, executable: BrowserExecutable | undefined) {
    this.env = env;
    this.executable = executable;
  }

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
        await this.loadFonts(page!, job.fontCss ?? '', timeoutMs);
        await page!.evaluate(swapDocument, FONT_STYLE_ID, job.html);
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

  private async loadFonts(page: Page, fontCss: string, timeoutMs: number): Promise<void> {
    if (this.fonts.get(page) === fontCss) return;
    await page.setContent(fontShellHtml(fontCss), { waitUntil: 'load', timeout: timeoutMs });
    const failed = await page.evaluate(async () => {
      void document.body.offsetHeight;
      const faces = [...document.fonts];
      const results = await Promise.allSettled(faces.map((face) => face.load()));
      return results.flatMap((r, i) => (r.status === 'rejected' ? [`${faces[i]!.family} ${faces[i]!.weight} ${faces[i]!.style}`] : []));
    });
    if (failed.length > 0) throw new Error(`Die Schriften ${failed.join(', ')} ließen sich nicht laden.`);
    this.fonts.set(page, fontCss);
  }

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

/**
 * Runs in the page: replaces the document's head (all but the font styles) and body with those of
 * `html`, then waits for its style sheets, images and fonts, as a page load would. Parsed by
 * DOMParser, so no script of the document runs.
 */
async function swapDocument(fontStyleId: string, html: string): Promise<void> {
  const next = new DOMParser().parseFromString(html, 'text/html');
  const root = document.documentElement;
  for (const name of root.getAttributeNames()) root.removeAttribute(name);
  for (const attr of [...next.documentElement.attributes]) root.setAttribute(attr.name, attr.value);
  for (const el of [...document.head.children]) if (el.id !== fontStyleId) el.remove();
  for (const el of [...next.head.children]) document.head.append(document.adoptNode(el));
  document.body.replaceWith(document.adoptNode(next.body));
  // (No named inner functions: tsx would wrap them in a helper the page does not have.)
  const pending = [
    ...[...document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]')].filter((l) => !l.sheet),
    ...[...document.images].filter((img) => !img.complete),
  ];
  await Promise.all(
    pending.map(
      (el) =>
        new Promise((resolve) => {
          el.addEventListener('load', resolve, { once: true });
          el.addEventListener('error', resolve, { once: true });
        }),
    ),
  );
  // Layout now, so any font the new text needs starts loading before we wait for it.
  void document.body.offsetHeight;
  await document.fonts.ready;
}
