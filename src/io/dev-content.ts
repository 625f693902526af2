import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { renderContentErrorHtml, renderContentErrorText, type ContentErrorView } from '../lib/site/content-error-page.ts';
import type { SiteContext } from './astro-config.ts';
import { validateContentDir } from './validate-content.ts';
import { writeValidatedContent } from './validated-content.ts';

type Outcome = { ok: true; file: string } | { ok: false; view: ContentErrorView };

/** Requests Vite and Astro answer from code and assets, not from the content: never held back. */
const TOOL_PATHS = /^\/(@|node_modules\/|src\/|_astro\/|__)/;

/** The content folder as the author reads it in messages: relative to the project, as `npm run validate` shows it. */
function shownDir(contentDir: string): string {
  const relative = path.relative(process.cwd(), contentDir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : contentDir;
}

/**
 * `npm run dev` validates the content in the dev server itself, once after each change, before
 * any page runs. Valid: the pages get the result as a file, as in `npm run build` (no second
 * validation in every page). Invalid: every page request is answered with the validator's
 * messages – a German page with file:line and what to do, HTTP 500 – instead of Astro's English
 * error overlay, whose HTML body is empty for curl.
 */
export function createDevContentGate(context: SiteContext, options: { publicDir: () => string | undefined; log: (text: string, level: 'error' | 'info') => void }) {
  let scratch: Promise<string> | undefined;
  let current: { generation: number; outcome: Promise<Outcome> } | undefined;
  // Files handed to the pages, newest last; the one before stays for a page still rendering.
  const handedOver: string[] = [];

  async function check(generation: number): Promise<Outcome> {
    const dir = shownDir(context.contentDir);
    try {
      const result = await validateContentDir(dir);
      if (result.errors > 0) return { ok: false, view: { diagnostics: result.diagnostics, fileCount: result.content.files.length, contentDir: dir } };
      scratch ??= mkdtemp(path.join(os.tmpdir(), 'vertragswerk-dev-'));
      const file = path.join(await scratch, `content-${generation}.json`);
      await writeValidatedContent(file, result.content);
      handedOver.push(file);
      for (const old of handedOver.splice(0, Math.max(0, handedOver.length - 2))) void rm(old, { force: true });
      return { ok: true, file };
    } catch (error) {
      return { ok: false, view: { diagnostics: [], fileCount: 0, contentDir: dir, failure: (error as Error).message } };
    }
  }

  /** The outcome for the content as it is now (validated once per change). */
  function outcome(): Promise<Outcome> {
    if (current?.generation !== context.generation) {
      const wasValid = current?.outcome;
      const next = check(context.generation);
      current = { generation: context.generation, outcome: next };
      // The terminal says it too, once per change: the author may have no page open.
      void Promise.all([wasValid, next]).then(([before, now]) => {
        if (!now.ok) options.log(renderContentErrorText(now.view), 'error');
        else if (before && !before.ok) options.log('Die Inhalte sind wieder fehlerfrei; die Seiten werden wieder angezeigt.', 'info');
      });
    }
    return current.outcome;
  }

  function isPageRequest(req: IncomingMessage): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (TOOL_PATHS.test(pathname)) return false;
    const publicDir = options.publicDir();
    return !(publicDir && pathname !== '/' && existsSync(path.join(publicDir, pathname)));
  }

  return {
    /** Validates the content as it is now (after a change), before the next page asks. */
    refresh(): void {
      void outcome();
    },
    /** Connect middleware, placed before Astro's own. */
    async handle(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): Promise<void> {
      if (!isPageRequest(req)) return next();
      const result = await outcome();
      if (result.ok) {
        context.validatedContentFile = result.file;
        return next();
      }
      const wantsHtml = /text\/html/.test(req.headers.accept ?? '');
      const body = wantsHtml ? renderContentErrorHtml(result.view, { liveReloadScript: '/@vite/client' }) : renderContentErrorText(result.view);
      res.statusCode = 500;
      res.setHeader('Content-Type', `${wantsHtml ? 'text/html' : 'text/plain'}; charset=utf-8`);
      res.setHeader('Cache-Control', 'no-store');
      res.end(req.method === 'HEAD' ? undefined : body);
    },
    async close(): Promise<void> {
      if (scratch) await rm(await scratch, { recursive: true, force: true });
    },
  };
}
