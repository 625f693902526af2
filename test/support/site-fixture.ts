import path from 'node:path';
import type { Content } from '../../src/lib/content-model.ts';
import { loadContent } from '../../src/io/load-content.ts';
import { ROOT } from './run-cli.ts';

/** The valid fixture as the site sees it (loaded fresh per call, so memo caches start empty). */
export async function loadSiteFixture(): Promise<Content> {
  const { content, diagnostics } = await loadContent(path.join(ROOT, 'test/fixtures/valid'));
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`Fixture invalid: ${errors.map((e) => e.message).join('; ')}`);
  return content;
}
