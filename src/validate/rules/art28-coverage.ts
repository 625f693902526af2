import { ART28_LABELS, ART28_POINTS } from '../../schemas/agreement.ts';
import { REGIMES, REGIME_LABELS } from '../../schemas/common.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { at, listGerman, mayBeUnreadable, type Rule } from '../rule.ts';

export const art28Coverage: Rule = {
  id: 'art28-abdeckung',
  description: 'Jede beschlossene Version einer Vereinbarung über Auftragsverarbeitung deckt für jeden Rechtsrahmen alle Punkte des Art.\u00a028 Abs.\u00a03 DSGVO (a–h) ab.',
  check(content) {
    const out: Diagnostic[] = [];
    for (const agreement of content.agreements) {
      // An agreement that declares itself no processing agreement (auftragsverarbeitung: false) has nothing to cover.
      if (!agreement.auftragsverarbeitung) continue;
      for (const version of agreement.versions) {
        if (version.status === 'entwurf') continue;
        // A section that could not be read may be the one that covers a point.
        if (mayBeUnreadable(content, 'sections', `${agreement.folder}/${version.folder}`)) continue;
        for (const point of ART28_POINTS) {
          const missingFor = REGIMES.filter(
            (regime) => !version.sections.some((s) => s.regimes.includes(regime) && s.covers.includes(point)),
          );
          if (missingFor.length === 0) continue;
          const letter = point.slice(-1);
          const scope = missingFor.length === REGIMES.length ? '' : ` für ${listGerman(missingFor.map((r) => REGIME_LABELS[r]), '', false)}`;
          // Anchored at the status: being adopted is what makes full coverage necessary.
          const diagnostic = at(
            content,
            this.id,
            version.source,
            ['status'],
            `Version ${version.version} deckt Art.\u00a028 Abs.\u00a03 lit.\u00a0${letter} DSGVO („${ART28_LABELS[point]}“)${scope} in keinem Paragraphen ab.`,
            `Tragen Sie „${point}“ unter „covers“ in den Paragraphen ein, der diese Regelung enthält, oder ergänzen Sie eine solche Regelung.`,
          );
          out.push({ ...diagnostic, field: undefined });
        }
      }
    }
    return out;
  },
};
