import { access, constants } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { waitForLock } from './atomic-dir.ts';
import type { Browser, LaunchOptions } from 'puppeteer-core';

export type BrowserKind = 'env' | 'headless-shell' | 'sparticuz' | 'full';

export interface BrowserExecutable {
  executablePath: string;
  /** German, for the build log: where the browser came from. */
  source: string;
  kind: BrowserKind;
  /**
   * The binary's product and version as it reports them (`--version`), e.g. „Chromium 147.0.7727.0“:
   * in the manifest and the PDF cache key. The same binary gets the same label however it was found.
   */
  label: string;
  /** German, for the log: why this browser is not the best choice. */
  note?: string;
}

/** Flags for a headless Chromium that makes no network connection of its own (puppeteer adds `--headless`). */
export const BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-extensions',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--metrics-recording-only',
  '--mute-audio',
  '--font-render-hinting=none',
];

/** Debian's chromium-headless-shell (the wrapper in /usr/bin only starts the binary in /usr/lib). */
export const HEADLESS_SHELLS = ['/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chromium-headless-shell'];
/** Full browsers: they print too, at about half the speed of a headless shell (TOOLCHAIN.md). */
export const FULL_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

const SLOW_NOTE =
  'Hinweis: Ein vollständiges Chromium druckt etwa halb so schnell wie eine Headless Shell. Schneller: apt-get install chromium-headless-shell (oder npm install für @sparticuz/chromium).';

export class BrowserNotFoundError extends Error {
  readonly exitCode = 1;
}

export interface BrowserSearch {
  env?: NodeJS.ProcessEnv;
  headlessShells?: readonly string[];
  fullBrowsers?: readonly string[];
  /** Stand-in for @sparticuz/chromium (tests): where its binary is and the package version. */
  sparticuz?: () => Promise<PackagedChromium>;
}

/**
 * Finds a Chromium without puppeteer's own download (which fails silently here), fastest first:
 * `PUPPETEER_EXECUTABLE_PATH`, a headless shell (Debian chromium-headless-shell), the Chromium
 * from the npm package `@sparticuz/chromium`, a full system Chromium (with a note: slower).
 */
export async function findBrowser(search: BrowserSearch = {}): Promise<BrowserExecutable> {
  const env = search.env ?? process.env;
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH?.trim();
  if (fromEnv) {
    if (!(await isExecutable(fromEnv))) {
      throw new BrowserNotFoundError(
        `PUPPETEER_EXECUTABLE_PATH zeigt auf „${fromEnv}“, dort liegt aber kein ausführbarer Browser. Korrigieren Sie den Pfad oder entfernen Sie die Variable.`,
      );
    }
    return { executablePath: fromEnv, source: `PUPPETEER_EXECUTABLE_PATH (${fromEnv})`, kind: 'env', label: await binaryLabel(fromEnv) };
  }
  for (const candidate of search.headlessShells ?? HEADLESS_SHELLS) {
    if (await isExecutable(candidate)) {
      return { executablePath: candidate, source: `Chromium Headless Shell (${candidate})`, kind: 'headless-shell', label: await binaryLabel(candidate) };
    }
  }
  let sparticuzError: Error | undefined;
  let packaged: PackagedChromium | undefined;
  try {
    packaged = await (search.sparticuz ?? fromSparticuz)();
  } catch (cause) {
    sparticuzError = cause as Error;
  }
  if (packaged) {
    const { executablePath, version } = packaged;
    return { executablePath, source: `@sparticuz/chromium ${version} (${executablePath})`, kind: 'sparticuz', label: await binaryLabel(executablePath) };
  }
  for (const candidate of search.fullBrowsers ?? FULL_BROWSERS) {
    if (await isExecutable(candidate)) {
      return { executablePath: candidate, source: `System-Chromium (${candidate})`, kind: 'full', label: await binaryLabel(candidate), note: SLOW_NOTE };
    }
  }
  throw new BrowserNotFoundError(
    `Kein Browser für die PDF-Erzeugung gefunden. Installieren Sie apt-get install chromium-headless-shell, führen Sie „npm install“ aus (für @sparticuz/chromium) oder setzen Sie PUPPETEER_EXECUTABLE_PATH auf ein Chromium.\n(${sparticuzError?.message ?? 'kein Browser'})`,
  );
}

/** The Chromium binary of the npm package @sparticuz/chromium, and the package's version (for the log). */
export interface PackagedChromium {
  executablePath: string;
  version: string;
}

async function fromSparticuz(): Promise<PackagedChromium> {
  const chromium = (await import('@sparticuz/chromium')).default;
  // No WebGL needed for printing: skips unpacking SwiftShader.
  chromium.setGraphicsMode = false;
  // The package unpacks the browser into /tmp on first use. Two builds (or test workers)
  // unpacking at once would start a half-written binary (ETXTBSY): one unpacks, the others wait.
  const release = await waitForLock(path.join(os.tmpdir(), 'vertragswerk-chromium-unpack.lock'), 120_000);
  let executablePath: string;
  try {
    executablePath = await chromium.executablePath();
  } finally {
    await release();
  }
  return { executablePath, version: await sparticuzVersion() };
}

/**
 * What a binary says it is: product and version from its `--version` output, without the
 * „built on …“ suffix some builds add – „Chromium 147.0.7727.0“, „Google Chrome 147.0.7727.0“.
 * Never how the binary was found: a path, a package name or a package version would give one
 * binary two labels, two manifests and two PDF caches.
 */
export function parseBrowserVersion(output: string): string | undefined {
  const line = output.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
  const match = /^(.*?)\s*(\d+\.\d+\.\d+\.\d+)(?:\s|$)/.exec(line);
  if (!match) return undefined;
  const product = match[1]!.replace(/[\s/]+$/, '');
  return `${product || 'Chromium'} ${match[2]}`;
}

/** The label of `executable` (see parseBrowserVersion); „unbekannter Browser (<file name>)“ when it does not say. */
export async function binaryLabel(executable: string): Promise<string> {
  const { execFile } = await import('node:child_process');
  const out = await new Promise<string>((resolve) => {
    execFile(executable, ['--version'], { timeout: 10_000 }, (error, stdout) => resolve(error ? '' : String(stdout)));
  });
  return parseBrowserVersion(out) ?? `unbekannter Browser (${path.basename(executable)})`;
}

/** The package hides its package.json from `exports`: walk up from its entry point. */
async function sparticuzVersion(): Promise<string> {
  const { createRequire } = await import('node:module');
  const { readFile } = await import('node:fs/promises');
  let dir = path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium'));
  for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
    const pkg = await readFile(path.join(dir, 'package.json'), 'utf8').then(
      (text) => JSON.parse(text) as { name?: string; version?: string },
      () => undefined,
    );
    if (pkg?.name === '@sparticuz/chromium' && pkg.version) return pkg.version;
  }
  return '(Version unbekannt)';
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

export interface LaunchedBrowser {
  browser: Browser;
  executable: BrowserExecutable;
  /** E.g. „HeadlessChrome/147.0.7727.0“. */
  version: string;
}

/** Starts the browser found by `findBrowser`; `env` is added to the browser's environment (e.g. fontconfig). */
export async function launchBrowser(options: { env?: Record<string, string>; executable?: BrowserExecutable } = {}): Promise<LaunchedBrowser> {
  const executable = options.executable ?? (await findBrowser());
  const puppeteer = (await import('puppeteer-core')).default;
  const launchOptions: LaunchOptions = {
    executablePath: executable.executablePath,
    headless: 'shell',
    // DevTools over a pipe, not a TCP port: nothing listens, and it works without any network (not even loopback).
    pipe: true,
    args: [...BROWSER_ARGS],
    env: { ...process.env, ...options.env },
    // The build handles SIGINT/SIGTERM itself and closes the browser.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  };
  const browser = await puppeteer.launch(launchOptions);
  return { browser, executable, version: await browser.version() };
}
