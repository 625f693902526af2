import { execFileSync } from 'node:child_process';
import { requireTools } from '../src/io/tools.ts';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { launchBrowser } from '../src/io/browser.ts';
import { ROOT, runScript } from './support/run-cli.ts';
import { listFiles } from './support/tree-hash.ts';
import { serveStatic, type StaticServer } from './support/static-server.ts';

/**
 * The fixture with a sentinel word in every private field (contacts, signatories,
 * childminders), built with all stages; then every file of the public output is searched,
 * compressed Pagefind files and PDFs included. Public data carries a second sentinel that
 * must be found, so the search is shown to work.
 */
const FIXTURE = path.join(ROOT, 'test/fixtures/valid');
const PRIVATE = 'zzprivat';
const PUBLIC = 'zzoeffentlich';

let work: string;
let dist: string;
let server: StaticServer;
let browser: Browser;
/** Lower-cased readable text of every file in the public output, by relative path. */
const texts = new Map<string, string>();

async function edit(file: string, change: (data: Record<string, unknown>) => void): Promise<void> {
  const data = YAML.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  change(data);
  await writeFile(file, YAML.stringify(data));
}

/** The text a reader or a crawler could get out of a file. */
function readable(file: string, bytes: Buffer): string {
  if (file.endsWith('.pdf')) requireTools('pdftotext');
  if (file.endsWith('.pdf')) return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return gunzipSync(bytes).toString('utf8');
  return bytes.toString('utf8');
}

beforeAll(async () => {
  // Inside the project: Astro puts its prerender chunks next to an out folder inside the working
  // directory, but into one shared .astro/.prerender for any folder outside it – parallel builds would collide.
  await mkdir(path.join(ROOT, 'node_modules/.cache'), { recursive: true });
  work = await mkdtemp(path.join(ROOT, 'node_modules/.cache', 'vw-site-privacy-'));
  const content = path.join(work, 'content');
  dist = path.join(work, 'dist');
  await cp(FIXTURE, content, { recursive: true });
  const traeger = path.join(content, 'parties/traeger');
  for (const name of await readdir(traeger)) {
    await edit(path.join(traeger, name), (p) => {
      p.contacts = [
        { name: `${PRIVATE}kontakt ${PRIVATE}vorname`, function: 'Geschäftsführung', email: `${PRIVATE}.mail@sentinel.example`, phone: `0351 ${PRIVATE}telefon` },
      ];
      if (p.id === 'traeger-001') {
        p.name = `${PUBLIC}träger Kinderhaus e. V.`;
        (p.contacts as unknown[]).push({ name: `${PUBLIC}kontakt Pressestelle`, function: 'Pressestelle', oeffentlich: true });
      }
    });
  }
  for (const name of await readdir(path.join(content, 'parties/kindertagespflege'))) {
    await edit(path.join(content, 'parties/kindertagespflege', name), (c) => {
      c.name = `${PRIVATE}tagespflege ${PRIVATE}vorname`;
      c.address = { street: `${PRIVATE}gasse 7`, postal_code: '01277', city: `${PRIVATE}hausen` };
    });
  }
  await edit(path.join(content, 'ledger/muster.yaml'), (l) => {
    for (const entry of l.entries as Record<string, unknown>[]) {
      if (entry.signed) entry.signatory = { name: `${PRIVATE}unterschrift ${PRIVATE}vorname`, function: 'Vorstand' };
    }
  });
  await edit(path.join(content, 'toms/vertraulichkeit.yaml'), (t) => {
    (t.measures as Record<string, unknown>[])[0]!.title = `${PUBLIC}maßnahme Zwei-Faktor-Anmeldung`;
  });
  const result = await runScript('build', ['--content', content, '--out', dist, '--private-out', path.join(work, 'private'), '--cache-dir', path.join(work, 'cache')]);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  for (const file of await listFiles(dist)) texts.set(path.relative(dist, file), readable(file, await readFile(file)).toLowerCase());
  server = await serveStatic(dist);
  browser = (await launchBrowser()).browser;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

describe('no personal data in the public output', () => {
  it('built HTML, XML, JSON, scripts, the Pagefind index and the PDFs (so the check below covers them)', () => {
    const files = [...texts.keys()];
    expect(files.some((f) => f.endsWith('.html'))).toBe(true);
    expect(files.some((f) => f.endsWith('.xml'))).toBe(true);
    expect(files.some((f) => f.endsWith('.json'))).toBe(true);
    expect(files.some((f) => f.endsWith('.pdf'))).toBe(true);
    expect(files.some((f) => f.endsWith('.pf_fragment'))).toBe(true);
  });

  it('finds the public sentinel in HTML, in the decompressed Pagefind fragments and in a PDF (the search works)', () => {
    const hits = [...texts].filter(([, text]) => text.includes(PUBLIC)).map(([file]) => file);
    expect(hits).toContain('traeger/index.html');
    expect(hits.some((f) => f.endsWith('.pf_fragment'))).toBe(true);
    expect(hits.some((f) => f.endsWith('.pdf'))).toBe(true);
    // A contact marked `oeffentlich: true` is shown.
    expect(texts.get('traeger/traeger-001/index.html')).toContain(`${PUBLIC}kontakt pressestelle`);
  });

  it('contains no private sentinel in any file: contacts, signatories, childminders', () => {
    const leaks = [...texts].filter(([, text]) => text.includes(PRIVATE)).map(([file]) => file);
    expect(leaks).toEqual([]);
  });

  it('returns nothing for the private sentinel in the site search, but finds the public one', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/suche/`, { waitUntil: 'networkidle0' });
    // A string, not a function: vitest would rewrite import() inside a function body.
    const count = (term: string) =>
      page.evaluate(`import('/pagefind/pagefind.js').then((p) => p.search(${JSON.stringify(term)})).then((r) => r.results.length)`) as Promise<number>;
    expect(await count(PUBLIC + 'maßnahme')).toBeGreaterThan(0);
    for (const term of [PRIVATE, `${PRIVATE}kontakt`, `${PRIVATE}unterschrift`, `${PRIVATE}tagespflege`, `${PRIVATE}gasse`, `${PRIVATE}vorname`]) {
      expect(await count(term), term).toBe(0);
    }
    await page.close();
  });
});
