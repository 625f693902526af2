import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { isRunning } from '../atomic-dir.ts';
import type { BuildStage } from '../build-pipeline.ts';
import { handOverValidatedContent } from '../site-content.ts';

/** Astro builds the public site into the staging folder. */
export const siteStage: BuildStage = {
  name: 'site',
  label: 'Website erzeugen',
  outputs: { public: 'rest' },
  // Astro takes about a second to load: done while the content is validated.
  prepare: () => import('astro'),
  async run({ options, stagingOut, content }) {
    process.env.ASTRO_TELEMETRY_DISABLED = '1';
    process.env.VERTRAGSWERK_CONTENT = path.resolve(options.contentDir);
    handOverValidatedContent(options.contentDir, content);
    if (content.site) process.env.VERTRAGSWERK_SITE_URL = content.site.base_url;
    if (options.asOf) process.env.VERTRAGSWERK_AS_OF = options.asOf;
    else delete process.env.VERTRAGSWERK_AS_OF;
    const root = process.cwd();
    // Astro writes its intermediate server bundle to `<cwd>/.astro/.prerender/` when the output
    // folder lies outside the working directory. Two builds at once (tests, CI jobs) would
    // overwrite each other's chunks there. Each build therefore gets its own working folder
    // inside the project (so the bundle still resolves packages from node_modules) that also
    // holds Vite's cache: nothing stale from an earlier build, nothing shared with another.
    const scratchParent = path.join(root, 'node_modules', '.cache', 'vertragswerk');
    await mkdir(scratchParent, { recursive: true });
    await removeScratchOfDeadBuilds(scratchParent);
    const scratch = await mkdtemp(path.join(scratchParent, `astro-${process.pid}-`));
    try {
      const { build } = await import('astro');
      process.chdir(scratch);
      await build({
        root,
        outDir: path.resolve(root, stagingOut),
        cacheDir: path.join(scratch, 'vite'),
        logLevel: 'warn',
        mode: 'production',
        // The staging folder is new, and the pdf stage has already written pdf/ into it.
        vite: { build: { emptyOutDir: false } },
      });
    } finally {
      process.chdir(root);
      await rm(scratch, { recursive: true, force: true });
    }
  },
};

/** A killed build (SIGKILL) cannot clean up; the next build removes what it left. */
async function removeScratchOfDeadBuilds(parent: string): Promise<void> {
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const pid = Number(/^astro-(\d+)-/.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isRunning(pid)) await rm(path.join(parent, name), { recursive: true, force: true });
  }
}
