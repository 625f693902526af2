import path from 'node:path';
import mdx from '@astrojs/mdx';
import type { AstroIntegration, AstroUserConfig } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';

/**
 * What the pages need from the build that runs them, handed over explicitly as a virtual
 * module (`virtual:vertragswerk/site-context`) instead of environment variables or globals.
 */
export interface SiteContext {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** The build's --as-of, if any. */
  asOf?: string;
  /** The PDF directory the site shows downloads and checksums from (absent: no copies). */
  pdfManifestPath?: string;
  /** The content the build has already validated, as JSON: the pages do not validate again. */
  validatedContentFile?: string;
  /** Bumped by `npm run dev` on every content change, so the pages read the content again. */
  generation: number;
}

export const SITE_CONTEXT_MODULE = 'virtual:vertragswerk/site-context';
const RESOLVED = `\0${SITE_CONTEXT_MODULE}`;

export interface SiteContextOptions {
  /** `npm run dev`: reload the pages when content changes. */
  watch?: boolean;
  /**
   * A build: the module reads the context from this file (written by the site stage) instead of
   * holding it. Its code is then the same in every build into one output – it is part of every
   * page's dependency hash, which decides whether a page of an incremental build must be rendered.
   */
  contextFile?: string;
}

/** The Vite plugin that serves the context; with `watch`, it also reloads the pages when content changes. */
export function siteContextPlugin(context: SiteContext, options: SiteContextOptions = {}): Plugin {
  const code = options.contextFile
    ? `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(options.contextFile)}, 'utf8'));\n`
    : `export default ${JSON.stringify(context)};\n`;
  return {
    name: 'vertragswerk-site-context',
    resolveId: (id) => (id === SITE_CONTEXT_MODULE ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? code : undefined),
    async configureServer(server: ViteDevServer) {
      if (!options.watch) return;
      // Before Astro's own middleware: invalid content gets the validator's messages, not Astro's
      // overlay. Loaded here only: a build does not need the validator in this thread.
      const { createDevContentGate } = await import('./dev-content.ts');
      const gate = createDevContentGate(context, {
        publicDir: () => server.config.publicDir || undefined,
        log: (text, level) => server.config.logger[level](text, { timestamp: true }),
      });
      server.middlewares.use((req, res, next) => void gate.handle(req, res, next).catch(next));
      server.httpServer?.once('close', () => void gate.close());
      gate.refresh();
      // The pages read content/ through getSiteContent(), not through imports Vite could follow.
      server.watcher.add(context.contentDir);
      const changed = (file: string) => {
        if (!path.resolve(file).startsWith(context.contentDir + path.sep)) return;
        context.generation++;
        gate.refresh();
        const module = server.moduleGraph.getModuleById(RESOLVED);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
      };
      for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, changed);
    },
  };
}

function siteContextIntegration(context: SiteContext, options: SiteContextOptions): AstroIntegration {
  return {
    name: 'vertragswerk-site-context',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [siteContextPlugin(context, options)] } });
      },
    },
  };
}

/** A neutral address for `astro check`, `npm run dev` and a bare `astro build` (the build stage passes site.yaml's `base_url`). */
export const DEFAULT_SITE_URL = 'https://vereinbarungen.example';

/**
 * The one Astro configuration: astro.config.mjs uses it with the defaults, the build stage and
 * `npm run dev` with their own context (and `configFile: false`, so nothing is merged twice).
 */
export function astroConfig(context: SiteContext, options: SiteContextOptions & { siteUrl?: string } = {}): AstroUserConfig {
  return {
    // A page whose route returns a cacheKey is rendered only when the key or its code changed
    // (the provider pages: src/pages/traeger/[id].astro); its previous HTML comes from cacheDir.
    // Only builds with a context file: there the dependency hashes stay the same between builds.
    ...(options.contextFile ? { experimental: { incrementalBuild: true } } : {}),
    site: options.siteUrl ?? DEFAULT_SITE_URL,
    trailingSlash: 'always',
    build: { format: 'directory' },
    integrations: [mdx(), siteContextIntegration(context, options)],
    devToolbar: { enabled: false },
    prefetch: false,
    vite: {
      build: {
        rollupOptions: {
          onwarn(warning, warn) {
            if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
            warn(warning);
          },
        },
      },
    },
  };
}
