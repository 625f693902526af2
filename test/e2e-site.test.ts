import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AxePuppeteer } from '@axe-core/puppeteer';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../src/io/browser.ts';
import { formatBytes } from '../src/lib/format.ts';
import { ROOT, runScript } from './support/run-cli.ts';
import { listFiles } from './support/tree-hash.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

/**
 * One build of the fixture through the real pipeline (without PDFs: a small stand-in
 * manifest takes their place), served on 127.0.0.1 and checked in headless Chromium.
 */
const FIXTURE = path.join(ROOT, 'test/fixtures/valid');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One page of every page type. */
const PAGES = [
  ['Start', '/'],
  ['Vereinbarung (Übersicht)', '/vereinbarung/muster/'],
  ['Vertragstext, gültig', '/vereinbarung/muster/1.1/'],
  ['Vertragstext, abgelöst, KDG', '/vereinbarung/muster/1.0/kdg/'],
  ['Änderungen', '/vereinbarung/muster/aenderungen/1.0-1.1/'],
  ['Synopse', '/vereinbarung/muster/aenderungen/1.0-1.1/synopse/'],
  ['Art. 28 Abs. 3', '/vereinbarung/muster/1.1/art-28/'],
  ['TOM-Katalog', '/toms/'],
  ['Folgenabschätzung', '/dsfa/'],
  ['Trägerverzeichnis', '/traeger/'],
  ['Trägerseite', '/traeger/traeger-001/'],
  ['Zeichnungsstand', '/beschlusskontrolle/'],
  ['Berichte zur Beschlusskontrolle', '/beschlusskontrolle/bericht/'],
  ['Bericht an den Stadtrat', '/beschlusskontrolle/bericht/muster/'],
  ['Stadtrat', '/stadtrat/'],
  ['PDF prüfen', '/pruefen/'],
  ['Suche', '/suche/'],
  ['Impressum', '/impressum/'],
  ['Datenschutz', '/datenschutz/'],
  ['Barrierefreiheit', '/barrierefreiheit/'],
  ['Leichte Sprache', '/leichte-sprache/'],
  ['Maschinenlesbare Daten', '/daten/'],
  ['404', '/gibt-es-nicht/'],
] as const;

let work: string;
let dist: string;
let server: StaticServer;
let browser: Browser;
const fakePdf = Buffer.from('%PDF-1.7\n% Vertragswerk Testdatei\n%%EOF\n');
const fakeSha = createHash('sha256').update(fakePdf).digest('hex');
const fakeDsfa = Buffer.from('%PDF-1.7\n% Vertragswerk Testdatei DSFA\n%%EOF\n');
const fakeDsfaSha = createHash('sha256').update(fakeDsfa).digest('hex');
const fakeLetter = Buffer.from('%PDF-1.7\n% Vertragswerk Testdatei Schreiben\n%%EOF\n');
const fakeLetterSha = createHash('sha256').update(fakeLetter).digest('hex');

/** Every request the browser made to a host other than 127.0.0.1 (blocked), across pages and workers. */
const external: string[] = [];

/**
 * Intercepts at the browser level, so requests of web workers (Pagefind searches in one)
 * are caught too: 127.0.0.1 and data:/blob: pass, everything else fails and is recorded.
 */
async function guardRequests(): Promise<void> {
  const session = await browser.target().createCDPSession();
  await session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  session.on('Fetch.requestPaused', (event) => {
    const url = new URL(event.request.url);
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') {
      void session.send('Fetch.continueRequest', { requestId: event.requestId });
    } else {
      external.push(event.request.url);
      void session.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'BlockedByClient' });
    }
  });
}

async function openPage(options: { javaScript?: boolean; width?: number } = {}): Promise<{ page: Page; external: string[] }> {
  const page = await browser.newPage();
  await page.setViewport({ width: options.width ?? 1280, height: 900 });
  await page.setJavaScriptEnabled(options.javaScript ?? true);
  external.length = 0;
  return { page, external };
}

beforeAll(async () => {
  // Inside the project: Astro puts its prerender chunks next to an out folder inside the working
  // directory, but into one shared .astro/.prerender for any folder outside it – parallel builds would collide.
  await mkdir(path.join(ROOT, 'node_modules/.cache'), { recursive: true });
  work = await mkdtemp(path.join(ROOT, 'node_modules/.cache', 'vw-site-e2e-'));
  dist = path.join(work, 'dist');
  const manifest = {
    format: 1,
    entries: [
      { path: 'pdf/muster/1.1/traeger-001.pdf', party: 'traeger-001', agreement: 'muster', version: '1.1', regime: 'dsgvo', bytes: 84_213, pages: 11, sha256: fakeSha },
    ],
    documents: [
      { kind: 'dsfa', path: 'pdf/dsfa/dsfa-1.0.pdf', version: '1.0', status: 'beschlossen', bytes: 252_004, pages: 23, sha256: fakeDsfaSha, documentId: 'dsfa-1.0-0000abcd' },
    ],
  };
  // What an earlier build's PDF stage left: the site build with --skip pdf carries it over and shows it.
  await mkdir(path.join(dist, 'pdf/muster/1.1'), { recursive: true });
  await writeFile(path.join(dist, 'pdf/manifest.json'), JSON.stringify(manifest));
  await writeFile(path.join(dist, 'pdf/muster/1.1/traeger-001.pdf'), fakePdf);
  await mkdir(path.join(dist, 'pdf/dsfa'), { recursive: true });
  await writeFile(path.join(dist, 'pdf/dsfa/dsfa-1.0.pdf'), fakeDsfa);
  // The fixture with a letter run in its records beside it (akten/ next to content/), as npm run letters leaves it.
  const content = path.join(work, 'content');
  await cp(FIXTURE, content, { recursive: true });
  const run = path.join(work, 'akten/briefe/muster/2023-06-05');
  await mkdir(run, { recursive: true });
  await writeFile(path.join(run, 'angebot-muster-1.1-traeger-002.pdf'), fakeLetter);
  await writeFile(
    path.join(run, 'versand.json'),
    JSON.stringify({ format: 1, agreement: 'muster', date: '2023-06-05', offers: [{ party: 'traeger-002', version: '1.1', kind: 'angebot', file: 'angebot-muster-1.1-traeger-002.pdf', letter_sha256: fakeLetterSha }], reminders: [] }),
  );
  const result = await runScript('build', [
    '--content', content, '--out', dist, '--private-out', path.join(work, 'private'), '--cache-dir', path.join(work, 'cache'), '--skip', 'pdf',
  ]);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  expect(result.stdout).toContain('die Website zeigt die 2 PDFs aus dem bisherigen Verzeichnis');
  server = await serveStatic(dist);
  browser = (await launchBrowser()).browser;
  await guardRequests();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

describe('every page type in Chromium', () => {
  it('blocks and records requests to other hosts (so an empty list below means something)', async () => {
    const { page } = await openPage();
    await page.goto(`${server.origin}/`);
    await page.evaluate(() => fetch('https://fonts.example.com/font.woff2').catch(() => undefined));
    expect(external).toEqual(['https://fonts.example.com/font.woff2']);
    await page.close();
  });

  it.each(PAGES)('%s (%s): no axe violations (WCAG 2.1 AA), no request to another host', async (_name, sitePath) => {
    const { page, external } = await openPage();
    const response = await page.goto(server.origin + sitePath, { waitUntil: 'networkidle0' });
    expect(response?.status()).toBe(sitePath === '/gibt-es-nicht/' ? 404 : 200);
    expect(await page.$eval('html', (html) => html.lang)).toBe('de');
    expect(await page.$$eval('h1', (h) => h.length)).toBe(1);
    const result = await new AxePuppeteer(page).withTags(AXE_TAGS).analyze();
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(violations).toEqual([]);
    // axe must have run real checks, or an empty list proves nothing.
    expect(result.passes.length).toBeGreaterThan(10);
    expect(external).toEqual([]);
    await page.close();
  });

  it('has no axe violations on a phone-sized screen (390 px) either', async () => {
    for (const sitePath of ['/', '/vereinbarung/muster/1.0/kdg/', '/vereinbarung/muster/aenderungen/1.0-1.1/', '/vereinbarung/muster/aenderungen/1.0-1.1/synopse/', '/dsfa/', '/beschlusskontrolle/', '/traeger/traeger-001/']) {
      const { page } = await openPage({ width: 390 });
      await page.goto(server.origin + sitePath, { waitUntil: 'networkidle0' });
      const result = await new AxePuppeteer(page).withTags(AXE_TAGS).analyze();
      expect(result.violations.map((v) => `${sitePath} ${v.id}`)).toEqual([]);
      // Nothing may be wider than the screen (tables scroll inside their own region).
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.close();
    }
  });
});

describe('machine-readable data', () => {
  it('the „Daten“ page lists every file the build wrote under /daten/, with its real size and SHA-256', async () => {
    const html = await readFile(path.join(dist, 'daten/index.html'), 'utf8');
    const rows = [...html.matchAll(/<th scope="row"><a href="([^"]+)">[\s\S]*?<td class="num">([^<]+)<\/td>\s*<td><code class="hash">([0-9a-f]{64})<\/code>/g)].map((m) => ({ href: m[1]!, size: m[2]!, sha: m[3]! }));
    const written = (await listFiles(path.join(dist, 'daten'))).map((f) => `/${path.relative(dist, f)}`).filter((f) => f !== '/daten/index.html').sort();
    expect(rows.map((r) => r.href).sort()).toEqual(written);
    for (const row of rows) {
      const bytes = await readFile(path.join(dist, row.href));
      expect(createHash('sha256').update(bytes).digest('hex'), row.href).toBe(row.sha);
      expect(row.size, row.href).toBe(formatBytes(bytes.length));
    }
  });
});

describe('HTML', () => {
  it('has 0 html-validate errors (standard preset) in every page of the build', async () => {
    const config = JSON.parse(await readFile(path.join(ROOT, '.htmlvalidate.json'), 'utf8'));
    const validator = new HtmlValidate(new StaticConfigLoader(config));
    const pages = (await listFiles(dist)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const errors: string[] = [];
    for (const file of pages) {
      const report = await validator.validateFile(file);
      for (const r of report.results) for (const m of r.messages) errors.push(`${path.relative(dist, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(errors).toEqual([]);
  });

  it('links only to pages and anchors that exist', async () => {
    const pages = (await listFiles(dist)).filter((f) => f.endsWith('.html'));
    const ids = new Map<string, Set<string>>();
    const sources = new Map<string, string>();
    for (const file of pages) {
      // Links inside scripts are templates, not links.
      const html = (await readFile(file, 'utf8')).replace(/<script[\s\S]*?<\/script>/g, '');
      const sitePath = `/${path.relative(dist, file)}`.replace(/index\.html$/, '');
      sources.set(sitePath, html);
      ids.set(sitePath, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)));
    }
    const broken: string[] = [];
    for (const [from, html] of sources) {
      for (const [, href] of html.matchAll(/\shref="([^"]+)"/g)) {
        if (/^(https?:|mailto:)/.test(href!)) continue;
        // Resolve relative links (the report pages use them) the way a browser does.
        const resolved = new URL(href!, `https://test.example${from}`);
        const fragment = resolved.hash ? decodeURIComponent(resolved.hash.slice(1)) : undefined;
        const targetPath = decodeURIComponent(resolved.pathname);
        if (targetPath.endsWith('/')) {
          if (!ids.has(targetPath)) broken.push(`${from} → ${href}`);
          else if (fragment && !ids.get(targetPath)!.has(fragment)) broken.push(`${from} → ${href} (Anker fehlt)`);
        } else {
          const exists = await readFile(path.join(dist, targetPath)).then(() => true, () => false);
          if (!exists) broken.push(`${from} → ${href}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('passes linkinator over the whole site, #fragments included, without leaving it', async () => {
    const { check } = await import('linkinator');
    const result = await check({
      path: `${server.origin}/`,
      recurse: true,
      checkFragments: true,
      checkCss: true,
      concurrency: 8,
      // Offline: links to other hosts (mailto:, the city's own site) are not followed.
      linksToSkip: async (link) => !link.startsWith(server.origin),
    });
    const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.parent ?? ''} → ${l.url} (${l.status ?? ''})`);
    expect(broken).toEqual([]);
    // It really crawled: every page in the sitemap was reached through links.
    const reached = new Set(result.links.filter((l) => l.state === 'OK').map((l) => new URL(l.url).pathname));
    const xml = await readFile(path.join(dist, 'sitemap.xml'), 'utf8');
    const unreached = [...xml.matchAll(/<loc>https:\/\/test\.example(\/[^<]*)<\/loc>/g)].map((m) => m[1]!).filter((p) => !reached.has(p));
    expect(unreached).toEqual([]);
  }, 120_000);

  it('lists every page in the sitemap, and only pages that exist', async () => {
    const xml = await readFile(path.join(dist, 'sitemap.xml'), 'utf8');
    const inSitemap = [...xml.matchAll(/<loc>https:\/\/test\.example(\/[^<]*)<\/loc>/g)].map((m) => m[1]!).sort();
    const built = (await listFiles(dist))
      .filter((f) => f.endsWith('index.html'))
      .map((f) => `/${path.relative(dist, f)}`.replace(/index\.html$/, ''))
      .sort();
    expect(inSitemap).toEqual(built);
  });

  it('self-hosts the fonts (woff2 in the build, no font URL to another host)', async () => {
    const files = await listFiles(dist);
    expect(files.filter((f) => f.endsWith('.woff2')).length).toBeGreaterThanOrEqual(4);
    const css = await Promise.all(files.filter((f) => f.endsWith('.css') && !f.includes('/pagefind/')).map((f) => readFile(f, 'utf8')));
    expect(css.join('\n')).toMatch(/@font-face/);
    expect(css.join('\n')).not.toMatch(/url\((["']?)https?:/);
  });
});

describe('feed', () => {
  it('is well-formed Atom with dates from the content', async () => {
    const { page } = await openPage();
    await page.goto(`${server.origin}/`);
    const feed = await page.evaluate(async () => {
      const text = await (await fetch('/feed.xml')).text();
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.namespaceURI,
        updated: doc.querySelector('feed > updated')?.textContent,
        titles: [...doc.querySelectorAll('entry > title')].map((t) => t.textContent),
      };
    });
    expect(feed.error).toBeNull();
    expect(feed.root).toBe('http://www.w3.org/2005/Atom');
    expect(feed.updated).toBe('2023-05-11T00:00:00Z');
    expect(feed.titles).toContain('Mustervereinbarung: Version 1.1 beschlossen');
    await page.close();
  });
});

describe('behaviour', () => {
  it('is readable without JavaScript: the whole text, every TOM, no copy buttons, no filter', async () => {
    const { page } = await openPage({ javaScript: false });
    await page.goto(`${server.origin}/vereinbarung/muster/1.1/`);
    expect(await page.$$eval('section.paragraph', (s) => s.length)).toBe(4);
    expect(await page.$$eval('button.link-kopieren', (b) => b.filter((x) => !x.hidden).length)).toBe(0);
    await page.goto(`${server.origin}/toms/`);
    expect(await page.$$eval('.tom', (t) => t.filter((x) => x.checkVisibility()).length)).toBe(2);
    expect(await page.$eval('#tom-filter', (f) => (f as HTMLElement).hidden)).toBe(true);
    await page.close();
  });

  it('shows copy-link buttons on each § with JavaScript and announces the copy', async () => {
    const { page } = await openPage();
    await page.goto(`${server.origin}/vereinbarung/muster/1.1/`, { waitUntil: 'networkidle0' });
    const visible = await page.$$eval('button.link-kopieren', (b) => b.filter((x) => !x.hidden).length);
    expect(visible).toBe(4);
    await page.click('button.link-kopieren[data-anker="loeschung"]');
    await page.waitForFunction(() => document.getElementById('kopier-status')?.textContent !== '');
    expect(await page.$eval('#kopier-status', (s) => s.textContent)).toMatch(/§\u00a03/);
    await page.close();
  });

  it('filters the TOM catalogue by status and goal', async () => {
    const { page } = await openPage();
    await page.goto(`${server.origin}/toms/`, { waitUntil: 'networkidle0' });
    const shown = () => page.$$eval('.tom', (t) => t.filter((x) => x.checkVisibility()).map((x) => x.id));
    expect(await shown()).toEqual(['tom-vertraulichkeit-01', 'tom-vertraulichkeit-02']);
    await page.select('#filter-status', 'umgesetzt');
    expect(await shown()).toEqual(['tom-vertraulichkeit-01']);
    expect(await page.$eval('#filter-ergebnis', (r) => r.textContent)).toBe('1 Maßnahme angezeigt.');
    await page.select('#filter-status', '');
    await page.select('#filter-ziel', 'vertraulichkeit');
    expect(await shown()).toEqual(['tom-vertraulichkeit-01', 'tom-vertraulichkeit-02']);
    expect(await page.$$eval('.tom-gruppe', (g) => g.filter((x) => x.checkVisibility()).length)).toBe(1);
    const result = await new AxePuppeteer(page).withTags(AXE_TAGS).analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await page.close();
  });

  it('checks a PDF against the manifest in the browser (Web Crypto), without uploading it', async () => {
    const { page, external } = await openPage();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') posts.push(r.url());
    });
    await page.goto(`${server.origin}/pruefen/`, { waitUntil: 'networkidle0' });
    const good = path.join(work, 'ausfertigung.pdf');
    const bad = path.join(work, 'veraendert.pdf');
    await writeFile(good, fakePdf);
    await writeFile(bad, Buffer.concat([fakePdf, Buffer.from(' ')]));
    const input = (await page.$('#pdf-datei')) as ElementHandle<HTMLInputElement> | null;
    await input!.uploadFile(good);
    await page.waitForSelector('#ergebnis.ok');
    expect(await page.$eval('#ergebnis', (r) => r.textContent)).toContain('Unverändert');
    expect(await page.$eval('#ergebnis', (r) => r.textContent)).toContain(fakeSha);
    // The DPIA PDF is recognised as published and unchanged, and said to be no copy to sign.
    const dsfa = path.join(work, 'dsfa.pdf');
    await writeFile(dsfa, fakeDsfa);
    await input!.uploadFile(dsfa);
    await page.waitForFunction(() => document.querySelector('#ergebnis')?.textContent?.includes('Folgenabschätzung'));
    expect(await page.$eval('#ergebnis', (r) => r.textContent)).toContain('ist die veröffentlichte Datenschutz-Folgenabschätzung Muster in der beschlossenen Version 1.0 vom 15.\u00a0Februar 2022. Sie ist keine Ausfertigung zum Unterzeichnen.');
    // A sent letter from the records: recognised by its checksum, named by day, kind and version – never its addressee.
    const letter = path.join(work, 'schreiben.pdf');
    await writeFile(letter, fakeLetter);
    await input!.uploadFile(letter);
    await page.waitForFunction(() => document.querySelector('#ergebnis')?.textContent?.includes('Schreiben'));
    const said = await page.$eval('#ergebnis', (r) => r.textContent);
    expect(said).toContain('„schreiben.pdf“ ist ein versandtes Schreiben vom 5.\u00a0Juni 2023 (Angebot: Mustervereinbarung, Version 1.1).');
    expect(said).toContain('an wen es ging, zeigt diese Seite nicht');
    expect(said).not.toMatch(/traeger-002|Kirchgemeinde/);
    const register = JSON.parse(await readFile(path.join(dist, 'pruefen/ausfertigungen.json'), 'utf8')) as { letters: object[] };
    expect(register.letters).toEqual([{ sha256: fakeLetterSha, date: '2023-06-05', agreement: 'muster', version: '1.1', sentence: 'ein versandtes Schreiben vom 5.\u00a0Juni 2023 (Angebot: Mustervereinbarung, Version 1.1).' }]);
    // A Word working copy is never checked as a copy, even named .pdf: the page says why.
    const word = path.join(work, 'arbeitskopie.pdf');
    await writeFile(word, Buffer.from('PK\u0003\u0004 word/document.xml', 'latin1'));
    await input!.uploadFile(word);
    await page.waitForFunction(() => document.querySelector('#ergebnis')?.textContent?.includes('Word-Datei'));
    expect(await page.$eval('#ergebnis', (r) => r.className)).toContain('bad');
    expect(await page.$eval('#ergebnis', (r) => r.textContent)).toContain('Eine Word-Datei lässt sich nicht prüfen.');
    await input!.uploadFile(bad);
    await page.waitForFunction(() => document.querySelector('#ergebnis')?.textContent?.includes('Keine Übereinstimmung'));
    expect(await page.$eval('#ergebnis', (r) => r.textContent)).toContain('Keine Übereinstimmung');
    const result = await new AxePuppeteer(page).withTags(AXE_TAGS).analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    expect(posts).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('links the DPIA PDF of each version with size, pages and SHA-256', async () => {
    for (const page of ['dsfa/index.html', 'dsfa/1.0/index.html']) {
      const html = await readFile(path.join(dist, page), 'utf8');
      expect(html, page).toContain('href="/pdf/dsfa/dsfa-1.0.pdf" download="dsfa-1.0.pdf"');
      expect(html, page).toContain('PDF, 252,0\u00a0kB, 23 Seiten');
      expect(html, page).toContain(fakeDsfaSha);
    }
  });

  it('shows the checksum of the frozen text on the page of an adopted version', async () => {
    const html = await readFile(path.join(dist, 'vereinbarung/muster/1.1/index.html'), 'utf8');
    expect(html).toContain('Festgeschriebener Text');
    expect(html).toContain('f542adcbc7fa12a1f2b7fdba2e652a42dd4fda8546adb380f049a3020d5b98a1');
  });

  it('shows size (German format), pages and SHA-256 of each PDF on the provider page', async () => {
    const html = await readFile(path.join(dist, 'traeger/traeger-001/index.html'), 'utf8');
    expect(html).toContain('PDF, 84,2\u00a0kB, 11 Seiten');
    expect(html).toContain(fakeSha);
    expect(html).toContain('href="/pdf/muster/1.1/traeger-001.pdf"');
  });

  it('gives each PDF on the provider page a download name with agreement and version, not only the party', async () => {
    const html = await readFile(path.join(dist, 'traeger/traeger-001/index.html'), 'utf8');
    expect([...html.matchAll(/<a href="(\/pdf\/[^"]+)" download="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['/pdf/muster/1.1/traeger-001.pdf muster-1.1-traeger-001.pdf']);
    expect(html).toContain('Datei muster-1.1-traeger-001.pdf');
  });

  it('finds German words in the self-hosted Pagefind index, with an accessible search UI', async () => {
    const { page, external } = await openPage();
    await page.goto(`${server.origin}/suche/`, { waitUntil: 'networkidle0' });
    // „Kontrolle“ finds „Kontrollen“: German stemming.
    await page.type('#suche input', 'Kontrolle');
    await page.waitForSelector('.pagefind-ui__result-link', { timeout: 15_000 });
    const links = await page.$$eval('.pagefind-ui__result-link', (a) => a.map((x) => x.getAttribute('href')));
    expect(links.some((href) => href?.startsWith('/vereinbarung/muster/'))).toBe(true);
    const result = await new AxePuppeteer(page).withTags(AXE_TAGS).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('can be used with the keyboard: the skip link comes first and has a visible focus', async () => {
    const { page } = await openPage();
    await page.goto(`${server.origin}/dsfa/`, { waitUntil: 'networkidle0' });
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return { text: el.textContent, background: style.backgroundColor, top: box.top };
    });
    expect(focused.text).toBe('Zum Inhalt springen');
    expect(focused.top).toBeGreaterThanOrEqual(0);
    expect(focused.background).toBe('rgb(255, 221, 0)');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    // The next stop after the skip link is inside the main content, not the navigation.
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
    await page.close();
  });
});
