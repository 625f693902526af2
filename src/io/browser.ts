import { access, constants } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { waitForLock } from './atomic-dir.ts';
import type { Browser, LaunchOptions } from 'puppeteer-core';

export interface BrowserExecutable {
  executablePath: string;
  /** German, for the build log: where the browser came from. */
  source: string;
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

const SYSTEM_BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export class BrowserNotFoundError extends Error {
  readonly exitCode = 1;
}

/**
 * Finds a Chromium without puppeteer's own download (which fails silently here):
 * `PUPPETEER_EXECUTABLE_PATH`, then a system Chromium, then `@sparticuz/chromium` from npm.
 */
export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<BrowserExecutable> {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH?.trim();
  if (fromEnv) {
    if (!(await isExecutable(fromEnv))) {
      throw new BrowserNotFoundError(
        `PUPPETEER_EXECUTABLE_PATH zeigt auf „${fromEnv}“, dort liegt aber kein ausführbarer Browser. Korrigieren Sie den Pfad oder entfernen Sie die Variable.`,
      );
    }
    return { executablePath: fromEnv, source: `PUPPETEER_EXECUTABLE_PATH (${fromEnv})` };
  }
  for (const candidate of SYSTEM_BROWSERS) {
    if (await isExecutable(candidate)) return { executablePath: candidate, source: `System-Chromium (${candidate})` };
  }
  try {
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
    return { executablePath, source: `@sparticuz/chromium ${await sparticuzVersion()} (${executablePath})` };
  } catch (cause) {
    throw new BrowserNotFoundError(
      `Kein Browser für die PDF-Erzeugung gefunden. Setzen Sie PUPPETEER_EXECUTABLE_PATH auf ein Chromium, installieren Sie Chromium (apt-get install chromium) oder führen Sie „npm install“ aus, damit @sparticuz/chromium vorhanden ist.\n(${(cause as Error).message})`,
    );
  }
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
