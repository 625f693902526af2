import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic, PathSegment } from '../lib/diagnostics.ts';
import { parseMdxSource, type MdxParseResult } from '../lib/mdx-source.ts';
import type { SourceParsers } from '../lib/parse-content.ts';
import { dataHas, parseYamlSource, type YamlParseResult, type YamlSource } from '../lib/yaml-source.ts';
import { writeFileAtomic } from './atomic-dir.ts';

/** What parsing one text gave, as plain data; line lookups are not kept (see `lazyLines`). */
type Remembered =
  | { kind: 'yaml'; data: unknown; diagnostics?: undefined }
  | { kind: 'yaml'; data?: undefined; diagnostics: Diagnostic[] }
  | { kind: 'mdx'; frontMatter?: { data: unknown }; body?: string; bodyLine?: number; diagnostics: Diagnostic[] };

interface CacheFile {
  program: string;
  entries: Map<string, Remembered>;
}

export interface SourceCache extends SourceParsers {
  /** Texts parsed this time, and texts whose earlier result was used. */
  readonly stats: { parsed: number; remembered: number };
  /** Keeps the results of this run (only these: texts no longer in the content drop out). */
  save(): Promise<void>;
}

/**
 * Remembers what YAML and MDX parsing gave for each file text, across builds: parsing is most of
 * the time validation takes, and a build after editing one file of a thousand parses that one.
 * Keyed by the program fingerprint, the file's name as messages show it and its whole text, so a
 * remembered result is exactly what parsing would give. Line numbers are looked up only for a
 * message about the file, by parsing its text then (`lazyLines`).
 */
export async function openSourceCache(cacheDir: string, program: string): Promise<SourceCache> {
  const file = path.join(cacheDir, 'content', 'parsed-sources.bin');
  const previous = await readFile(file).then(
    (bytes) => {
      try {
        const data = deserialize(bytes) as CacheFile;
        return data.program === program ? data.entries : new Map<string, Remembered>();
      } catch {
        return new Map<string, Remembered>();
      }
    },
    () => new Map<string, Remembered>(),
  );
  const next = new Map<string, Remembered>();
  const stats = { parsed: 0, remembered: 0 };
  const keyOf = (kind: string, name: string, text: string) => createHash('sha256').update(`${kind}\0${name}\0`).update(text).digest('base64url');
  const recall = (key: string): Remembered | undefined => {
    const hit = previous.get(key);
    if (hit) {
      next.set(key, hit);
      stats.remembered++;
    }
    return hit;
  };
  const remember = (key: string, entry: Remembered) => {
    next.set(key, entry);
    stats.parsed++;
  };

  return {
    stats,
    yaml(name: string, text: string): YamlParseResult {
      const key = keyOf('yaml', name, text);
      const hit = recall(key);
      if (hit?.kind === 'yaml') {
        if (hit.diagnostics) return { ok: false, diagnostics: hit.diagnostics };
        return { ok: true, source: lazyLines(name, hit.data, () => parseYamlSource(name, text)) };
      }
      const result = parseYamlSource(name, text);
      remember(key, result.ok ? { kind: 'yaml', data: result.source.data } : { kind: 'yaml', diagnostics: result.diagnostics });
      return result;
    },
    mdx(name: string, text: string): MdxParseResult {
      const key = keyOf('mdx', name, text);
      const hit = recall(key);
      if (hit?.kind === 'mdx') {
        if (!hit.frontMatter) return { diagnostics: hit.diagnostics };
        const frontMatter = lazyLines(name, hit.frontMatter.data, () => {
          const again = parseMdxSource(name, text).source?.frontMatter;
          return again ? { ok: true, source: again } : { ok: false, diagnostics: [] };
        });
        return { source: { frontMatter, body: hit.body!, bodyLine: hit.bodyLine! }, diagnostics: hit.diagnostics };
      }
      const result = parseMdxSource(name, text);
      const { source } = result;
      remember(key, { kind: 'mdx', frontMatter: source ? { data: source.frontMatter.data } : undefined, body: source?.body, bodyLine: source?.bodyLine, diagnostics: result.diagnostics });
      return result;
    },
    async save() {
      // Unchanged when every entry was used and none added: nothing to write.
      if (stats.parsed === 0 && next.size === previous.size) return;
      await writeFileAtomic(file, serialize({ program, entries: next } satisfies CacheFile));
    },
  };
}

/** A parsed source from remembered data whose line lookups parse the text again on first use. */
function lazyLines(file: string, data: unknown, parse: () => YamlParseResult): YamlSource {
  let parsed: YamlParseResult | undefined;
  return {
    file,
    data,
    lineOf(fieldPath: readonly PathSegment[]) {
      parsed ??= parse();
      return parsed.ok ? parsed.source.lineOf(fieldPath) : { line: 1, column: 1 };
    },
    // Whether a field is written needs no lines: the remembered data answers it.
    has: (fieldPath: readonly PathSegment[]) => dataHas(data, fieldPath),
  };
}
