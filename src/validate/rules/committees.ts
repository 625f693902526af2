import type { SourceRef } from '../../lib/content-model.ts';
import type { Diagnostic, PathSegment } from '../../lib/diagnostics.ts';
import { isKnownCommittee, organisationOf } from '../../lib/organisation/profile.ts';
import { at, listGerman, type Rule } from '../rule.ts';

/**
 * Every body that advises on or adopts something is the council or one of its committees in
 * organisation.yaml: sentences need its gender („vom Hauptausschuss“, „von der
 * Verbandsversammlung“), and a misspelt name would make a second committee in the exports.
 */
export const committees: Rule = {
  id: 'gremien',
  description: 'Jedes beratende oder beschließende Gremium (council.yaml, adopted_by einer Version) ist der Rat oder ein Ausschuss aus organisation.yaml.',
  check(content) {
    if (!content.organisation) return [];
    const org = organisationOf(content);
    const known = [org.council.name, ...org.council.committees.map((c) => c.name)];
    const out: Diagnostic[] = [];
    const check = (name: string, source: SourceRef, field: PathSegment[]) => {
      if (isKnownCommittee(org, name)) return;
      out.push(
        at(
          content,
          this.id,
          source,
          field,
          `Das Gremium „${name}“ steht nicht in organisation.yaml.`,
          `Tragen Sie es unter „council.committees“ ein (Name und Geschlecht: m, f oder n) oder schreiben Sie einen der Namen von dort: ${listGerman(known, 'keine')}.`,
        ),
      );
    };
    const council = content.council;
    if (council) {
      council.consultations.forEach((c, i) => check(c.body, council.source, ['consultations', i, 'body']));
      council.resolutions.forEach((r, i) => r.adopted_by && check(r.adopted_by, council.source, ['resolutions', i, 'adopted_by']));
    }
    for (const agreement of content.agreements) {
      for (const version of agreement.versions) if (version.adopted_by) check(version.adopted_by, version.source, ['adopted_by']);
    }
    return out;
  },
};
