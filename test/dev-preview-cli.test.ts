import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runScript } from './support/run-cli.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'vw-dev-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe.each(['dev', 'preview'])('npm run %s', (script) => {
  it('answers --help in German with exit code 0', async () => {
    const result = await runScript(script, ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Aufruf: npm run ${script} -- [`);
    expect(result.stdout).toContain('Beenden mit Strg+C.');
  });

  it.each([
    [['--bogus'], 'Unbekannte Option „--bogus“.'],
    [['--port', 'achtzig'], '--port erwartet eine Zahl von 1 bis 65535, erhalten: „achtzig“.'],
    [['dist'], 'Unerwartetes Argument „dist“.'],
  ])('refuses %j with exit code 2', async (args, message) => {
    const result = await runScript(script, args);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(message);
  });
});

it('npm run preview without a built site says to build first (exit 2)', async () => {
  const result = await runScript('preview', ['--out', path.join(work, 'gibtsnicht')]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('liegt keine erzeugte Website. Erzeugen Sie sie zuerst mit „npm run build“');
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function fetchWhenUp(url: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return await response.text();
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String((error as Error).cause ?? error); // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

it('npm run dev shows an edited content file on the next page load, and invalid content as the German messages with file:line', async () => {
  const content = path.join(work, 'content');
  await cp(path.join(ROOT, 'test/fixtures/valid'), content, { recursive: true });
  const port = await freePort();
  const child = spawn(path.join(ROOT, 'node_modules/.bin/node'), [path.join(ROOT, 'scripts/dev.ts'), '--content', content, '--port', String(port)], {
    cwd: ROOT,
    // Without vitest's variables (NODE_ENV=test, VITEST…): the dev server should run as a user starts it.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST'))), ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  try {
    const url = `http://localhost:${port}/traeger/traeger-001/`;
    const first = await fetchWhenUp(url, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${log}`);
    });
    expect(first).toContain('Kinderhaus Elbaue e. V.');
    const file = path.join(content, 'parties/traeger/traeger-001.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('name: Kinderhaus Elbaue e. V.', 'name: Kinderhaus Elbtal e. V.'));
    let page = '';
    for (let i = 0; i < 40 && !page.includes('Kinderhaus Elbtal e. V.'); i++) {
      await new Promise((r) => setTimeout(r, 250));
      page = await fetchWhenUp(url, 10_000);
    }
    expect(page, log).toContain('Kinderhaus Elbtal e. V.');
    expect(page).not.toContain('Kinderhaus Elbaue e. V.');

    // Invalid content: the validator's German messages with file:line, for a browser and for curl alike, HTTP 500.
    await writeFile(file, (await readFile(file, 'utf8')).replace('name: Kinderhaus Elbtal e. V.', 'name: [Kinderhaus Elbtal'));
    let plain = await fetch(url);
    for (let i = 0; i < 40 && plain.status === 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      plain = await fetch(url);
    }
    const text = await plain.text();
    expect(plain.status, log).toBe(500);
    expect(plain.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text).toMatch(/^Die Inhalte enthalten einen Fehler – die Seite kann nicht angezeigt werden\.$/m);
    expect(text).toMatch(/^Fehler: \S*content\/parties\/traeger\/traeger-001\.yaml:2:7 YAML-Syntaxfehler: Die Klammer „\[“ wird nicht mit „\]“ geschlossen\.$/m);
    expect(text).toContain('  → Schließen Sie die Klammer am Ende der Zeile mit „]“.');
    expect(text).toContain('Was tun: Beheben Sie die genannten Stellen und speichern Sie die Datei');

    const browser = await fetch(url, { headers: { accept: 'text/html,application/xhtml+xml' } });
    const html = await browser.text();
    expect(browser.status).toBe(500);
    expect(browser.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1>Die Inhalte enthalten einen Fehler</h1>');
    expect(html).toMatch(/<code>\S*content\/parties\/traeger\/traeger-001\.yaml:2:7<\/code>/);
    expect(html).toContain('<h2>Was ist zu tun?</h2>');
    expect(html).not.toMatch(/An error occurred|Stack Trace/);
    expect(log).toContain('traeger-001.yaml:2:7 YAML-Syntaxfehler');

    // Fixed: the page is back.
    await writeFile(file, (await readFile(file, 'utf8')).replace('name: [Kinderhaus Elbtal', 'name: Kinderhaus Elbaue e. V.'));
    let back = '';
    for (let i = 0; i < 40 && !back.includes('Kinderhaus Elbaue e. V.'); i++) {
      await new Promise((r) => setTimeout(r, 250));
      back = await fetchWhenUp(url, 10_000).catch(() => '');
    }
    expect(back, log).toContain('Kinderhaus Elbaue e. V.');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('close', r));
  }
}, 90_000);
