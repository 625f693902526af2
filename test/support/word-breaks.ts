import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { tool } from './pdf-build-run.ts';

// Finds words that a PDF breaks between two letters („nicht der D“ / „atei)“), as `word-break:
// break-all` does. A line break is allowed at a space or after a hyphen; hashes and ids (runs with
// digits or hyphens) may wrap anywhere. The judge is the source text: a break is mid-word when the
// two pieces joined are a word of the source and at least one piece alone is not.

const SOURCE_EXTENSIONS = new Set(['.md', '.mdx', '.yaml', '.yml', '.html', '.css', '.ts', '.astro']);

/** Adds every run of letters that stands alone between non-alphanumerics (no digit glued to it: hashes stay out). */
export function collectWords(text: string, into: Set<string> = new Set()): Set<string> {
  for (const token of text.split(/[^\p{L}\p{N}]+/u)) if (/^\p{L}+$/u.test(token)) into.add(token);
  return into;
}

/** The words of every source file (content, templates, code) under the given folders. */
export async function loadSourceWords(dirs: readonly string[]): Promise<Set<string>> {
  const words = new Set<string>();
  for (const dir of dirs) {
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && SOURCE_EXTENSIONS.has(path.extname(entry.name))) collectWords(await readFile(path.join(entry.parentPath, entry.name), 'utf8'), words);
    }
  }
  return words;
}

// A line that ends in letters after a space or an opening bracket or quote, and a line that starts
// with a lower-case letter and goes on with letters up to a non-alphanumeric.
const LINE_END = /(?:^|[\s(„‚"'[/])(\p{L}+)$/u;
const LINE_START = /^(\p{Ll}\p{L}*)(?![\p{L}\p{N}])/u;

/** Each mid-word break in a text extracted line by line, as „piece|piece“ with a little context. */
export function findMidWordBreaks(text: string, words: ReadonlySet<string>): string[] {
  const lines = text.split(/[\n\f]/).map((l) => l.trim()).filter((l) => l !== '');
  const found: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const end = LINE_END.exec(lines[i]!)?.[1];
    const start = LINE_START.exec(lines[i + 1]!)?.[1];
    if (!end || !start) continue;
    if (words.has(end + start) && !(words.has(end) && words.has(start))) found.push(`${lines[i]!.slice(-30)}|${lines[i + 1]!.slice(0, 30)}`);
  }
  return found;
}

/** Mid-word breaks in a PDF file, read with pdftotext in reading order. */
export function midWordBreaksInPdf(file: string, words: ReadonlySet<string>): string[] {
  const result = tool('pdftotext', ['-enc', 'UTF-8', file, '-']);
  if (result.status !== 0) throw new Error(`pdftotext ${file}: ${result.stderr}`);
  return findMidWordBreaks(result.stdout, words);
}
