import { formatDateDe } from '../../lib/dates.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { dpiaInForce, reviewOverdueSince } from '../../lib/dpia/versions.ts';
import { statusDate } from '../../lib/signing/figures.ts';
import { at, type Rule } from '../rule.ts';

/** Art. 35(11) GDPR: the DPIA in force is reviewed by its own date. A warning: the content is not wrong, the review is late. */
export const dpiaReviewDue: Rule = {
  id: 'dsfa-ueberpruefung',
  description: 'Die geltende Folgenabschätzung ist zum Stichtag nicht über ihren Überprüfungstermin („next_review“) hinaus.',
  // Which version is in force depends on every version's dpia.yaml.
  needsComplete: ['dpia'],
  check(content, options) {
    const asOf = statusDate(content, options.asOf);
    const dpia = dpiaInForce(content, asOf);
    if (!dpia) return [];
    const since = reviewOverdueSince(dpia, asOf);
    if (!since || !asOf) return [];
    const d: Diagnostic = at(
      content,
      this.id,
      dpia.meta.source,
      ['next_review'],
      `Die geltende Folgenabschätzung (Version ${dpia.meta.version}) hätte bis zum ${formatDateDe(since)} überprüft werden sollen; zum Stichtag ${formatDateDe(asOf)} ist die Überprüfung überfällig.`,
      'Überprüfen Sie die Folgenabschätzung (Art.\u00a035 Abs.\u00a011 DSGVO) und tragen Sie das Ergebnis ein, oder beschließen Sie die Fortschreibung; danach gilt deren „next_review“.',
      'warning',
    );
    return [d];
  },
};
