import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderDiagnostics, type Diagnostic } from '../src/lib/diagnostics.ts';
import { validateContentDir } from '../src/io/validate-content.ts';
import { CASES, type CorpusCase } from './fixtures/invalid/cases.ts';
import { applyEdits, formatAll, INVALID_DIR, readTree, VALID_DIR, validateTree, type FileEdit, type FileTree } from './support/content-variants.ts';

const valid = readTree(VALID_DIR);
const treeOf = (c: CorpusCase): FileTree => applyEdits(valid, c.edits);
const invalid = CASES.filter((c) => c.expected !== '');
const accepted = CASES.filter((c) => c.expected === '');
const committed = CASES.filter((c) => c.commit !== false);
const table = (cases: CorpusCase[]) => cases.map((c) => [c.name, c] as const);

/** Every text file with a byte-order mark and Windows line endings. */
function withBomAndCrlf(tree: FileTree): FileTree {
  const edits: FileEdit[] = [...tree.keys()].flatMap((file) => [
    { file, encode: 'crlf' as const },
    { file, encode: 'bom' as const },
  ]);
  return applyEdits(tree, edits);
}

describe('bad-input corpus', () => {
  it('covers at least 45 defects, and names each case once', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(45);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(table(invalid))('%s: the validator names file, line, field and remedy in German', (_name, c) => {
    let diagnostics: Diagnostic[] = [];
    expect(() => (diagnostics = validateTree(treeOf(c), { asOf: c.asOf }))).not.toThrow();
    expect(formatAll(diagnostics)).toBe(c.expected);
    // Exit code 1 follows from at least one error; every finding says what to do.
    expect(diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
    // Root causes come first: a consequence („Folgefehler“) never opens the list nor precedes a root cause.
    const firstConsequence = diagnostics.findIndex((d) => d.consequenceOf);
    if (firstConsequence >= 0) {
      expect(firstConsequence).toBeGreaterThan(0);
      expect(diagnostics.slice(firstConsequence).every((d) => d.consequenceOf)).toBe(true);
      for (const d of diagnostics.slice(firstConsequence)) for (const cause of d.consequenceOf!) expect(diagnostics.some((r) => r.file === cause && !r.consequenceOf)).toBe(true);
    }
    for (const d of diagnostics) {
      expect(d.hint, d.message).toBeTruthy();
      expect(`${d.message} ${d.hint}`).not.toMatch(/\b(expected|received|invalid|must|unexpected|missing)\b/i);
    }
  });

  it.each(table(accepted))('%s: is accepted without findings', (_name, c) => {
    expect(validateTree(treeOf(c), { asOf: c.asOf })).toEqual([]);
  });

  const textOnly = invalid.filter((c) => c.edits.every((e) => 'replace' in e || 'delete' in e || 'rename' in e || ('write' in e && typeof e.write === 'string')));
  it.each(table(textOnly))('%s: gives the same messages and lines with BOM and CRLF in every file', (_name, c) => {
    expect(formatAll(validateTree(withBomAndCrlf(treeOf(c)), { asOf: c.asOf }))).toBe(c.expected);
  });

  it('accepts the valid fixture with BOM and CRLF in every file', () => {
    expect(validateTree(withBomAndCrlf(valid))).toEqual([]);
  });
});

describe('materialised folders under test/fixtures/invalid', () => {
  it.each(table(committed))('%s: equals what cases.ts produces (else run test/support/materialise-invalid.mts)', (name, c) => {
    const folder = path.join(INVALID_DIR, name);
    expect(existsSync(folder), `missing folder ${folder}`).toBe(true);
    const onDisk = readTree(folder);
    const expected = treeOf(c);
    expect([...onDisk.keys()]).toEqual([...expected.keys()]);
    for (const [file, bytes] of expected) expect(Buffer.from(onDisk.get(file)!).equals(Buffer.from(bytes)), file).toBe(true);
  });

  it.each(table(committed))('%s: read from disk, gives the message `npm run validate` prints', async (name, c) => {
    const folder = path.join(INVALID_DIR, name);
    const result = await validateContentDir(folder, { asOf: c.asOf });
    const shown = `${path.relative(process.cwd(), folder).split(path.sep).join('/')}/`;
    const diagnostics = result.diagnostics.map((d) => {
      expect(d.file.startsWith(shown), d.file).toBe(true);
      const relocate = (text: string) => text.replaceAll(shown, 'content/');
      return { ...d, file: relocate(d.file), message: relocate(d.message), hint: d.hint && relocate(d.hint) };
    });
    expect(formatAll(orderDiagnostics(diagnostics))).toBe(c.expected);
    expect(result.errors > 0).toBe(c.expected !== '');
  });

  it('holds a folder for every committed case and nothing else', () => {
    const folders = readdirSync(INVALID_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    const generated = CASES.filter((c) => c.commit === false).map((c) => c.name);
    expect(folders.filter((f) => !generated.includes(f)).sort()).toEqual(committed.map((c) => c.name).sort());
  });

  it('keeps generated cases out of git and the fixtures’ bytes untouched by it', () => {
    const ignored = readFileSync(path.join(INVALID_DIR, '.gitignore'), 'utf8').split('\n').filter((l) => l.startsWith('/'));
    expect(ignored).toEqual(CASES.filter((c) => c.commit === false).map((c) => `/${c.name}/`));
    expect(readFileSync(path.join(INVALID_DIR, '.gitattributes'), 'utf8')).toMatch(/^\* -text$/m);
  });
});
