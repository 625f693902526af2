import type { Content } from '../content-model.ts';
import { memo } from '../memo.ts';
import { compileTemplate, type CompiledTemplate, type TemplateData } from '../pdf/template.ts';

/**
 * Named texts (the wording of letters and reports) from `templates/<name>.yaml`: the content
 * folder's own file may change single texts, the rest come from the neutral file Vertragswerk
 * bundles. Each text is a template with placeholders („{{org.name}}“) rendered as plain text.
 */

export interface Phrase {
  key: string;
  text: string;
  /** The file it comes from, as messages name it, and the line it starts at. */
  file: string;
  line: number;
  origin: 'content' | 'bundled';
}

/** A text a file of named texts should have but does not (a content file cannot remove one; the bundled file is broken). */
export class PhraseMissingError extends Error {
  readonly exitCode = 1;
}

/** The texts of one file: the content's own over the bundled ones. */
export function phrasesOf(content: Content, name: string): Map<string, Phrase> {
  return memo(content, `phrases:${name}`, () => {
    const out = new Map<string, Phrase>();
    const files = content.phrases.filter((p) => p.name === name).sort((a, b) => (a.origin === b.origin ? 0 : a.origin === 'bundled' ? -1 : 1));
    for (const file of files) {
      for (const [key, text] of Object.entries(file.phrases)) {
        out.set(key, { key, text, file: file.source.file, line: file.lines[key] ?? 1, origin: file.origin });
      }
    }
    return out;
  });
}

function compiled(content: Content, phrase: Phrase): CompiledTemplate {
  return memo(content, `phrase:${phrase.file}:${phrase.key}`, () =>
    compileTemplate(phrase.file, phrase.text, { escape: (text) => text, label: 'Textvorlage', firstLine: phrase.line }),
  );
}

/** One named text, its placeholders filled in: plain text (the output escapes it for its medium). */
export function renderPhrase(content: Content, name: string, key: string, data: TemplateData): string {
  const phrase = phrasesOf(content, name).get(key);
  if (!phrase) {
    throw new PhraseMissingError(`Der Text „${key}“ fehlt in templates/${name}. Stellen Sie die mitgelieferte Datei aus der Versionsverwaltung wieder her.`);
  }
  return compiled(content, phrase).render(data).trim();
}

/** Every text of a file, rendered: for a group of texts another text refers to („{{common.voluntary}}“). */
export function renderPhrases(content: Content, name: string, data: TemplateData): Record<string, string> {
  return Object.fromEntries([...phrasesOf(content, name).keys()].map((key) => [key, renderPhrase(content, name, key, data)]));
}

/**
 * Paragraphs of a rendered text: an empty line separates them, a line break inside one is a space
 * (authors may wrap lines); a paragraph a condition left empty disappears.
 */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/[ \t]*\n[ \t]*/g, ' ').replace(/[ \t]+$/, '').replace(/^[ \t]+/, ''))
    .filter((p) => p !== '');
}
