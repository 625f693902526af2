import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './support/run-cli.ts';

// The pipelines a body copies (README, „Viele Ausfertigungen: Teile in der CI“) must run the
// steps test/shard-merge.test.ts proves equal to one machine: shards, merge-shards, build --skip pdf.
const MERGE_STEPS = ['npm run pdf -- merge-shards', 'npm run build -- --skip pdf'];

async function load(file: string): Promise<any> {
  return parse(await readFile(path.join(ROOT, 'templates/ci', file), 'utf8'));
}

describe('CI pipelines in templates/ci/', () => {
  it('GitLab: parallel shards with their own cache and artifacts, then merge and site', async () => {
    const ci = await load('gitlab-ci.yml');
    expect(ci.stages).toEqual(['pruefen', 'ausfertigungen', 'website']);
    expect(ci.pruefen.script).toEqual(['npm run validate']);
    const shards = ci.ausfertigungen;
    expect(shards.parallel).toBeGreaterThanOrEqual(2);
    expect(shards.script).toEqual(['npm run pdf -- --shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"']);
    expect(shards.cache.some((c: any) => c.paths.includes('.cache/') && String(c.key).includes('$CI_NODE_INDEX'))).toBe(true);
    expect(shards.artifacts.paths).toEqual(['dist/pdf/', 'dist-private/pdf/']);
    expect(ci.website.script).toEqual(MERGE_STEPS);
    expect(ci.default.before_script).toEqual(['npm install --no-audit --no-fund']);
  });

  it('GitHub Actions: a matrix as long as SHARDS, each shard cached by content hash, artifacts merged into the site job', async () => {
    const workflow = await load('github-actions.yml');
    const runs = (job: string) => workflow.jobs[job].steps.filter((s: any) => s.run).map((s: any) => s.run.trim());
    expect(runs('pruefen')).toEqual(['npm install --no-audit --no-fund', 'npm run validate']);
    const shards = workflow.jobs.ausfertigungen;
    expect(shards.needs).toBe('pruefen');
    expect(shards.strategy.matrix.shard).toEqual(Array.from({ length: Number(workflow.env.SHARDS) }, (_, i) => i + 1));
    expect(runs('ausfertigungen')).toEqual(['npm install --no-audit --no-fund', 'npm run pdf -- --shard ${{ matrix.shard }}/${{ env.SHARDS }}']);
    const cache = shards.steps.find((s: any) => String(s.uses).startsWith('actions/cache@'));
    expect(cache.with.path).toBe('.cache');
    expect(cache.with.key).toContain("hashFiles('content/**'");
    expect(cache.with['restore-keys']).toContain('${{ matrix.shard }}');
    const uploads = shards.steps.filter((s: any) => String(s.uses).startsWith('actions/upload-artifact@')).map((s: any) => [s.with.name, s.with.path]);
    expect(uploads).toEqual([
      ['ausfertigungen-${{ matrix.shard }}', 'dist/pdf/'],
      ['nicht-oeffentlich-${{ matrix.shard }}', 'dist-private/pdf/'],
    ]);
    const site = workflow.jobs.website;
    expect(site.needs).toBe('ausfertigungen');
    const downloads = site.steps.filter((s: any) => String(s.uses).startsWith('actions/download-artifact@')).map((s: any) => [s.with.pattern, s.with.path, s.with['merge-multiple']]);
    expect(downloads).toEqual([
      ['ausfertigungen-*', 'dist/pdf', true],
      ['nicht-oeffentlich-*', 'dist-private/pdf', true],
    ]);
    expect(runs('website')).toEqual(['npm install --no-audit --no-fund', ...MERGE_STEPS]);
  });

  it('name only npm scripts the project has', async () => {
    const scripts = Object.keys(JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>);
    for (const file of ['gitlab-ci.yml', 'github-actions.yml']) {
      const text = await readFile(path.join(ROOT, 'templates/ci', file), 'utf8');
      const used = [...text.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
      expect(used.length).toBeGreaterThan(3);
      for (const name of used) expect(scripts, `${file}: npm run ${name}`).toContain(name);
    }
  });
});
