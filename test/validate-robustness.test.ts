import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../src/lib/diagnostics.ts';
import { applyEdits, validateTree, validFixture } from './support/content-variants.ts';

/** Things an author, an editor or a bad merge may leave in any file. */
const NASTY: [string, string][] = [
  ['null', 'null\n'],
  ['a number', '42\n'],
  ['a string', 'hallo\n'],
  ['a list', '- a\n- b\n'],
  ['an empty map', '{}\n'],
  ['only a comment', '# nichts\n'],
  ['only front matter fences', '---\n---\n'],
  ['an unknown alias', 'a: *b\n'],
  ['a binary tag', 'a: !!binary aGFsbG8=\n'],
  ['a complex key', '? [a]\n: 1\n'],
  ['merge conflict markers', '<<<<<<< HEAD\nid: a\n=======\nid: b\n>>>>>>> main\n'],
  ['deep nesting', `${'['.repeat(500)}${']'.repeat(500)}\n`],
  ['a prototype key', '__proto__: { polluted: true }\nconstructor: 1\n'],
  ['front matter with a list', '---\n- a\n---\n\nText\n'],
  ['front matter and JSX only', '---\nid: x\n---\n\n<X />\n'],
];

const KINDS = [
  'site.yaml',
  'agreements/muster/agreement.yaml',
  'agreements/muster/1.1/version.yaml',
  'agreements/muster/1.1/02-sicherheit.mdx',
  'toms/vertraulichkeit.yaml',
  'dpia/1.0/dpia.yaml',
  'dpia/1.0/risks.yaml',
  'dpia/1.0/sections/01-beschreibung.mdx',
  'parties/traeger/traeger-002.yaml',
  'parties/kindertagespflege/ktp-001.yaml',
  'ledger/muster.yaml',
  'council/council.yaml',
];

function expectAuthorFacing(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) {
    const text = formatDiagnostic(d);
    expect(text).not.toMatch(/undefined|\[object |\bNaN\b/);
    expect(text).not.toMatch(/\b(expected|received|invalid input|must)\b/i);
    expect(d.file).toMatch(/^content\//);
  }
}

describe('the validator never crashes and always answers in German', () => {
  it.each(KINDS.flatMap((file) => NASTY.map(([what, text]) => [file, what, text] as const)))('%s holding %s', (file, _what, text) => {
    let diagnostics: Diagnostic[] = [];
    expect(() => (diagnostics = validateTree(applyEdits(validFixture(), [{ file, write: text }])))).not.toThrow();
    expect(diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
    expectAuthorFacing(diagnostics);
  });

  it('survives every file cut off after any line', () => {
    let runs = 0;
    for (const [file, bytes] of validFixture()) {
      const lines = new TextDecoder().decode(bytes).split('\n');
      for (let keep = 0; keep < lines.length - 1; keep++) {
        const text = lines.slice(0, keep).join('\n');
        const diagnostics = validateTree(applyEdits(validFixture(), [{ file, write: text }]));
        expectAuthorFacing(diagnostics);
        runs++;
      }
    }
    expect(runs).toBeGreaterThan(200);
  });
});
