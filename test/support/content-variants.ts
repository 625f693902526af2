import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compareDiagnostics, formatDiagnostic, formatLocation, type Diagnostic } from '../../src/lib/diagnostics.ts';
import { parseContent, type ContentFile, type DefaultFile, type ParseContentResult } from '../../src/lib/parse-content.ts';
import { checkContent } from '../../src/validate/index.ts';
import { versionTextChecksum } from '../../src/lib/version-text.ts';
import type { Rule, RuleOptions } from '../../src/validate/rule.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const VALID_DIR = path.join(ROOT, 'test/fixtures/valid');
export const INVALID_DIR = path.join(ROOT, 'test/fixtures/invalid');

/** One change to a copy of the valid fixture. Paths are relative to the content folder. */
export type FileEdit =
  /** Replace text that must occur exactly once (so a drifting fixture fails loudly). */
  | { file: string; replace: string; with: string }
  /** Write the file (new or overwritten); a function generates large bytes lazily. */
  | { file: string; write: string | Uint8Array | (() => Uint8Array) }
  | { file: string; delete: true }
  | { file: string; rename: string }
  /** Re-encode the file: UTF-8 byte-order mark, Windows line endings, or ISO-8859-1. */
  | { file: string; encode: 'bom' | 'crlf' | 'latin1' }
  /**
   * Sets the last `text_sha256` in this version.yaml to the checksum of the § files next to it, as an author
   * does when the text is adopted: a case whose defect is elsewhere then has no frozen-text error too.
   */
  | { file: string; refreeze: true };

export type FileTree = Map<string, Uint8Array>;

/** Reads a folder as the loader does: every file except dot files, relative POSIX paths. */
export function readTree(dir: string): FileTree {
  const tree: FileTree = new Map();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else tree.set(path.relative(dir, full).split(path.sep).join('/'), new Uint8Array(readFileSync(full)));
    }
  };
  walk(dir);
  return new Map([...tree].sort(([a], [b]) => a.localeCompare(b, 'en')));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Applies edits in order to a copy of `tree`; throws when an edit does not fit the tree. */
export function applyEdits(tree: FileTree, edits: readonly FileEdit[]): FileTree {
  const out: FileTree = new Map(tree);
  const existing = (file: string) => {
    const bytes = out.get(file);
    if (!bytes) throw new Error(`Edit refers to a missing file: ${file}`);
    return bytes;
  };
  for (const edit of edits) {
    if ('replace' in edit) {
      const text = utf8.decode(existing(edit.file));
      const count = text.split(edit.replace).length - 1;
      if (count !== 1) throw new Error(`Expected exactly one „${edit.replace}“ in ${edit.file}, found ${count}`);
      out.set(edit.file, encoder.encode(text.replace(edit.replace, () => edit.with)));
    } else if ('write' in edit) {
      const value = typeof edit.write === 'function' ? edit.write() : edit.write;
      out.set(edit.file, typeof value === 'string' ? encoder.encode(value) : value);
    } else if ('delete' in edit) {
      existing(edit.file);
      out.delete(edit.file);
    } else if ('rename' in edit) {
      const bytes = existing(edit.file);
      out.delete(edit.file);
      out.set(edit.rename, bytes);
    } else if ('refreeze' in edit) {
      const dir = edit.file.replace(/version\.yaml$/, '');
      const lenient = new TextDecoder('utf-8');
      const files = [...out]
        .filter(([p]) => p.startsWith(dir) && p.endsWith('.mdx') && !p.slice(dir.length).includes('/'))
        .map(([p, bytes]) => ({ name: p.slice(dir.length), text: lenient.decode(bytes) }));
      const text = utf8.decode(existing(edit.file));
      // The last one: with errata, the newest erratum's checksum is the one that applies.
      const last = [...text.matchAll(/^( *(?:- )?)text_sha256: [0-9a-f]{64}$/gm)].at(-1);
      if (!last) throw new Error(`No text_sha256 line in ${edit.file}`);
      const line = `${last[1]}text_sha256: ${versionTextChecksum(files)}`;
      out.set(edit.file, encoder.encode(text.slice(0, last.index) + line + text.slice(last.index + last[0].length)));
    } else {
      out.set(edit.file, encode(existing(edit.file), edit.encode));
    }
  }
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b, 'en')));
}

function encode(bytes: Uint8Array, how: 'bom' | 'crlf' | 'latin1'): Uint8Array {
  const text = utf8.decode(bytes);
  if (how === 'bom') return encoder.encode(`\ufeff${text}`);
  if (how === 'crlf') return encoder.encode(text.replace(/\r?\n/g, '\r\n'));
  return Uint8Array.from(text, (char) => {
    const code = char.codePointAt(0)!;
    if (code > 0xff) throw new Error(`Cannot encode „${char}“ as ISO-8859-1`);
    return code;
  });
}

export function toContentFiles(tree: FileTree): ContentFile[] {
  return [...tree].map(([file, bytes]) => ({ path: file, bytes }));
}

let textDefaults: DefaultFile[] | undefined;

/**
 * The pages and named texts Vertragswerk bundles (templates/pages, templates/letters,
 * templates/report), as the io layer hands them to the parser (src/io/templates.ts loadTextDefaults).
 */
export function bundledTextDefaults(): DefaultFile[] {
  if (textDefaults) return textDefaults;
  const out: DefaultFile[] = [];
  const folder = (name: string, ext: string, contentPath: (file: string) => string) => {
    for (const file of readdirSync(path.join(ROOT, 'templates', name)).sort()) {
      if (!file.endsWith(ext)) continue;
      out.push({ path: contentPath(file), bytes: new Uint8Array(readFileSync(path.join(ROOT, 'templates', name, file))), shown: `templates/${name}/${file}` });
    }
  };
  folder('pages', '.md', (file) => `pages/${file}`);
  folder('letters', '.yaml', (file) => `templates/letters/${file}`);
  folder('report', '.yaml', (file) => `templates/report/${file}`);
  return (textDefaults = out);
}

/** Parses content held in memory with the bundled pages and texts, as `loadContent` does from disk. */
export function parseTree(tree: FileTree, displayPrefix = 'content/'): ParseContentResult {
  return parseContent(toContentFiles(tree), displayPrefix, { defaults: bundledTextDefaults() });
}

/** Parses and cross-checks content held in memory, as `npm run validate` does from disk. */
export function validateTree(tree: FileTree, options: RuleOptions = {}, displayPrefix = 'content/'): Diagnostic[] {
  return checkContent(parseTree(tree, displayPrefix), options);
}

/** All findings as the author reads them in the terminal, in the CLI's order. */
export function formatAll(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(formatDiagnostic).join('\n');
}

/** Writes `tree` as a folder, replacing whatever was there. */
export function writeTree(dir: string, tree: FileTree): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [file, bytes] of tree) {
    const target = path.join(dir, ...file.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
}

let validTree: FileTree | undefined;

/** A copy-free view of the valid fixture, read once per test file. */
export function validFixture(): FileTree {
  validTree ??= readTree(VALID_DIR);
  return validTree;
}

export const replace = (file: string, text: string, by: string): FileEdit => ({ file, replace: text, with: by });
export const refreeze = (versionFile: string): FileEdit => ({ file: versionFile, refreeze: true });

/** What one rule reports on the valid fixture with `edits` applied. */
export function findings(rule: Rule, edits: readonly FileEdit[] = [], options: RuleOptions = {}): Diagnostic[] {
  const { content } = parseTree(applyEdits(validFixture(), edits));
  // `needs` is for validation's ordering (runRules); the finding itself is what the rule says.
  return rule.check(content, options).map(({ needs: _needs, ...d }) => d).sort(compareDiagnostics);
}

/** `file:line:column field` of each finding: the part of a message that tables can state. */
export function locations(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.severity === 'warning' ? 'Warnung ' : ''}${formatLocation(d)}${d.field ? ` ${d.field}` : ''}`);
}
