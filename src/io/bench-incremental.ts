import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Measured } from './pdf/bench-tools.ts';

/** The goals of issue 24 for builds after a change, end to end (`npm run build`, site included). */
export const INCREMENTAL_GOALS = { rebuildSeconds: 5, oneChangedSeconds: 5 } as const;

export interface IncrementalFigures {
  /** The first build into a new output (copies from the PDF cache when the PDF run filled it). */
  first: Measured;
  again: Measured;
  changed: Measured;
  /** The party whose file was changed, and how many PDFs that build printed. */
  party: string;
  printed: string;
}

/**
 * `npm run build` three times into one output: first, again without a change, and after one
 * party's address changed – what a body's everyday build costs. `buildArgs` names content,
 * outputs and cache (with `--skip pdf` when the bench leaves out the PDFs); `kindId` the kind of
 * the generated parties (their folder parties/<kind>/).
 */
export async function measureIncrementalBuilds(
  run: (args: string[]) => Promise<Measured>,
  buildArgs: string[],
  contentDir: string,
  outDir: string,
  failed: (label: string, m: Measured) => never,
  kindId: string,
): Promise<IncrementalFigures> {
  const first = await run(buildArgs);
  if (first.code !== 0) failed('Der erste Build', first);
  const again = await run(buildArgs);
  if (again.code !== 0) failed('Der Build ohne Änderung', again);
  const party = await partyWithCopies(contentDir, outDir, kindId);
  const file = path.join(contentDir, 'parties', kindId, `${party}.yaml`);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace(/street: (.*)/, 'street: $1b'));
  const changed = await run(buildArgs);
  if (changed.code !== 0) failed('Der Build mit einem geänderten Vertragspartner', changed);
  const printed = /PDFs erzeugen[^\n]*?(\d+) neu/.exec(changed.stdout)?.[1] ?? (changed.stdout.includes('PDFs erzeugen: übersprungen') ? '0' : '?');
  return { first, again, changed, party, printed };
}

/** The last party with a copy in the public directory; without PDFs the first party of the kind in a plan. */
async function partyWithCopies(contentDir: string, outDir: string, kindId: string): Promise<string> {
  const manifest = await readFile(path.join(outDir, 'pdf/manifest.json'), 'utf8').then(
    (text) => JSON.parse(text) as { entries: { party: string; path: string }[] },
    () => undefined,
  );
  const withCopies = manifest?.entries.map((e) => e.party);
  if (withCopies && withCopies.length > 0) return withCopies[withCopies.length - 1]!;
  const dir = path.join(contentDir, 'parties', kindId);
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.yaml')).sort()) {
    if ((await readFile(path.join(dir, name), 'utf8')).includes('plan:')) return name.replace(/\.yaml$/, '');
  }
  throw new Error(`In ${dir} steht kein Vertragspartner mit einem Registereintrag (plan:).`);
}
