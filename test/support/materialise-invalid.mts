/**
 * Writes the bad-input corpus (test/fixtures/invalid/cases.ts) as content folders, so that
 * `npm run validate -- --content test/fixtures/invalid/<case>` shows each message.
 *
 *   node_modules/.bin/node test/support/materialise-invalid.mts            # all committed cases
 *   node_modules/.bin/node test/support/materialise-invalid.mts file-10-mb # named cases, also generated ones
 *
 * Run it after changing cases.ts or test/fixtures/valid; test/validate-corpus.test.ts fails
 * until the folders match again.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CASES } from '../fixtures/invalid/cases.ts';
import { applyEdits, INVALID_DIR, readTree, VALID_DIR, writeTree } from './content-variants.ts';

const names = process.argv.slice(2);
const unknown = names.filter((name) => !CASES.some((c) => c.name === name));
if (unknown.length > 0) {
  console.error(`Unbekannter Fall: ${unknown.join(', ')}`);
  process.exit(2);
}
const valid = readTree(VALID_DIR);
const chosen = names.length > 0 ? CASES.filter((c) => names.includes(c.name)) : CASES.filter((c) => c.commit !== false);
for (const c of chosen) {
  writeTree(path.join(INVALID_DIR, c.name), applyEdits(valid, c.edits));
  console.log(`${c.name}${c.asOf ? ` (mit --as-of ${c.asOf})` : ''}`);
}
if (names.length === 0) {
  // Folders of cases that no longer exist would otherwise linger as untested fixtures.
  for (const entry of readdirSync(INVALID_DIR, { withFileTypes: true })) {
    if (entry.isDirectory() && !CASES.some((c) => c.name === entry.name)) {
      rmSync(path.join(INVALID_DIR, entry.name), { recursive: true });
      console.log(`entfernt: ${entry.name}`);
    }
  }
}
