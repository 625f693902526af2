import type { Diagnostic } from '../../lib/diagnostics.ts';
import type { ParsedContent } from '../../lib/parse-content.ts';
import { at, type Rule } from '../rule.ts';

/**
 * Per-fact example marks belong to an example instance only: in a real one (site.yaml without
 * `beispiel`) a `beispiel` field anywhere, or the example's provenance note `herkunft`, would
 * mark real facts as invented, or show that the content was copied from the example.
 */
export const exampleInstance: Rule = {
  id: 'beispiel-instanz',
  description: 'Nur Beispielinhalte (site.yaml mit „beispiel“) tragen Beispielvermerke; in echten Inhalten ist ein Feld „beispiel“ oder „herkunft“ ein Fehler.',
  check(content) {
    const site = content.site;
    // Without a readable site.yaml the instance is unknown; its own error is reported already.
    if (!site || site.beispiel !== undefined) return [];
    const marks = (content as Partial<ParsedContent>).exampleMarks ?? [];
    const out: Diagnostic[] = marks.map((source) =>
      at(
        content,
        this.id,
        { file: source.file, path: source.path.slice(0, -1) },
        [source.path.at(-1)!],
        'Ein Beispielvermerk („beispiel“) steht in Inhalten, die keine Beispielinhalte sind (site.yaml ohne „beispiel“).',
        'Entfernen Sie den Vermerk, wenn die Angabe stimmt. Sind die Inhalte ein Beispiel, tragen Sie in site.yaml „beispiel: true“ ein; dann trägt jede Seite, jedes PDF und jedes Schreiben den Vermerk „Beispielinhalte“.',
      ),
    );
    if (site.herkunft) {
      out.push(
        at(
          content,
          this.id,
          site.source,
          ['herkunft'],
          '„herkunft“ beschreibt, woher Beispielinhalte stammen, aber site.yaml erklärt die Inhalte nicht als Beispiel.',
          'Entfernen Sie „herkunft“ oder tragen Sie in site.yaml „beispiel: true“ ein.',
        ),
      );
    }
    return out;
  },
};
