import type { Diagnostic } from '../../lib/diagnostics.ts';
import { organisationOf, paperPattern } from '../../lib/organisation/profile.ts';
import { at, type Rule } from '../rule.ts';

/**
 * Paper numbers have the form the council writes them in: the pattern and an example come from
 * organisation.yaml (`council.paper_pattern`, `paper_example`), not from code.
 */
export const paperNumbers: Rule = {
  id: 'vorlagennummern',
  description: 'Jede Vorlage in council.yaml hat eine Nummer in der Form, die organisation.yaml für den Rat angibt (council.paper_pattern).',
  check(content) {
    const pattern = paperPattern(content);
    const council = content.council;
    if (!pattern || !council) return [];
    const org = organisationOf(content);
    const example = org.council.paperExample ?? '';
    const out: Diagnostic[] = [];
    council.papers.forEach((paper, index) => {
      if (pattern.test(paper.id)) return;
      out.push(
        at(
          content,
          this.id,
          council.source,
          ['papers', index, 'id'],
          `Der Wert „${paper.id}“ muss eine Vorlagennummer wie „${example}“ sein.`,
          `Schreiben Sie die Nummer so, wie ${org.council.nominative} sie vergibt (Muster „council.paper_pattern“ in organisation.yaml).`,
        ),
      );
    });
    return out;
  },
};
