import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BuildStage } from '../build-pipeline.ts';

/** Astro builds the public site into the staging folder. */
export const siteStage: BuildStage = {
  name: 'site',
  label: 'Website erzeugen',
  async run({ options, stagingOut, content }) {
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    process.env.VERTRAGSWERK_CONTENT = path.resolve(options.contentDir);
    if (content.site) process.env.VERTRAGSWERK_SITE_URL = content.site.base_url;
    // A fresh cache per build: no stale data store, and parallel builds cannot collide.
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'vertragswerk-astro-'));
    try {
      const { build } = await import('astro');
      await build({ root: process.cwd(), outDir: stagingOut, cacheDir, logLevel: 'warn', mode: 'production' });
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  },
};
