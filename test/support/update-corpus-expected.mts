/**
 * Rewrites the `expected` text of every case in test/fixtures/invalid/cases.ts with what the
 * validator prints now — the corpus's `vitest -u`. Review the diff before committing it.
 *
 *   node_modules/.bin/node test/support/update-corpus-expected.mts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CASES } from '../fixtures/invalid/cases.ts';
import { applyEdits, formatAll, INVALID_DIR, readTree, VALID_DIR, validateTree } from './content-variants.ts';

const file = path.join(INVALID_DIR, 'cases.ts');
let source = readFileSync(file, 'utf8');
const valid = readTree(VALID_DIR);
let changed = 0;
for (const c of CASES) {
  const actual = formatAll(validateTree(applyEdits(valid, c.edits), { asOf: c.asOf }));
  if (actual === c.expected) continue;
  const start = source.indexOf(`name: '${c.name}',`);
  const at = source.indexOf('expected: ', start);
  const end = endOfLiteral(source, at + 'expected: '.length);
  source = `${source.slice(0, at)}expected: ${literal(actual)}${source.slice(end)}`;
  changed++;
  console.log(c.name);
}
writeFileSync(file, source);
console.log(`${changed} von ${CASES.length} Fällen aktualisiert.`);

function literal(text: string): string {
  if (text === '') return "''";
  const escaped = text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\u00a0/g, '\\u00a0');
  return `\`${escaped}\``;
}

function endOfLiteral(text: string, from: number): number {
  const quote = text[from];
  for (let i = from + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  throw new Error(`Unterminated literal at ${from}`);
}
