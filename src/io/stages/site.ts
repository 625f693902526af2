import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isRunning } from '../atomic-dir.ts';
import type { BuildStage } from '../build-pipeline.ts';
import type { SiteContext } from '../astro-config.ts';
import { digestOfFiles, fingerprint, sha256Of } from '../build-record.ts';
import { lettersDirOf, loadLetterRuns } from '../records.ts';
import { stayOffline } from '../offline.ts';
import { writeValidatedContent } from '../validated-content.ts';

/** Astro builds the public site into the staging folder. */
export const siteStage: BuildStage = {
  name: 'site',
  label: 'Website erzeugen',
  outputs: { public: 'rest' },
  // Astro takes about a second to load: done while the content is validated (unless the build
  // expects nothing to have changed), like its configuration with the MDX integration.
  prepare: () => Promise.all([import('astro'), import('../astro-config.ts')]),
  /** The pages read the content, the PDF directory and the checksums of the letters in the records – nothing else. */
  async inputs({ content, fileDigests, program, options, handover }) {
    const manifest = handover.pdfManifestPath ? await readFile(handover.pdfManifestPath).catch(() => undefined) : undefined;
    // Records that cannot be read: the stage runs and reports them.
    const letters = await loadLetterRuns(lettersDirOf(options.contentDir, content.site)).catch(() => undefined);
    if (!letters) return undefined;
    return fingerprint({
      program,
      asOf: options.asOf,
      content: digestOfFiles(fileDigests),
      manifest: manifest && sha256Of(manifest),
      letters: sha256Of(JSON.stringify(letters.map((run) => run.record))),
    });
  },
  async run({ options, stagingOut, outDir, content, handover }) {
    stayOffline();
    const root = process.cwd();
    // Astro writes its intermediate server bundle to `<cwd>/.astro/.prerender/` when the output
    // folder lies outside the working directory. Two builds at once (tests, CI jobs) would
    // overwrite each other's chunks there. Each build therefore gets its own working folder
    // inside the project (so the bundle still resolves packages from node_modules).
    const scratchParent = path.join(root, 'node_modules', '.cache', 'vertragswerk');
    await mkdir(scratchParent, { recursive: true });
    await removeScratchOfDeadBuilds(scratchParent);
    const scratch = await mkdtemp(path.join(scratchParent, `astro-${process.pid}-`));
    try {
      // The pages read the content validated above from this file: no second validation.
      const validatedContentFile = path.join(scratch, 'content.json');
      await writeValidatedContent(validatedContentFile, content);
      const context: SiteContext = {
        contentDir: path.resolve(options.contentDir),
        asOf: options.asOf,
        pdfManifestPath: handover.pdfManifestPath,
        validatedContentFile,
        generation: 0,
      };
      // Kept between builds into this output (one at a time: the build's lock): the context the
      // pages read, and Astro's cache of rendered pages for those it need not render again.
      const kept = path.join(path.resolve(options.cacheDir), 'site', createHash('sha256').update(outDir).digest('hex').slice(0, 16));
      await mkdir(kept, { recursive: true });
      const contextFile = path.join(kept, 'context.json');
      await writeFile(contextFile, JSON.stringify(context));
      const { astroConfig } = await import('../astro-config.ts');
      const config = astroConfig(context, { siteUrl: content.site?.base_url, contextFile });
      // Astro stores a page's HTML in its cache as it renders it, and the list of what it stored
      // only at the end: after an interrupted build the two may disagree, so the next build
      // renders every page afresh (`force`).
      const interrupted = path.join(kept, 'build-running');
      const force = await readFile(interrupted).then(() => true, () => false);
      await writeFile(interrupted, String(process.pid));
      const { build } = await import('astro');
      process.chdir(scratch);
      await build({
        ...config,
        configFile: false,
        root,
        outDir: path.resolve(root, stagingOut),
        cacheDir: path.join(kept, 'astro'),
        logLevel: 'warn',
        mode: 'production',
        force,
        // The staging folder is new, and the pdf stage has already written pdf/ into it.
        vite: { ...config.vite, build: { ...config.vite?.build, emptyOutDir: false } },
      });
      await rm(interrupted, { force: true });
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
