import { RISK_LEVEL_LABELS } from '../../lib/dpia/risk.ts';
import { levelOf } from '../../lib/dpia/versions.ts';
import { DSK_LEVELS, DSK_LEVEL_LABELS, type DskLevel } from '../../schemas/dpia.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { at, type Rule } from '../rule.ts';

export const dpiaResidualRisk: Rule = {
  id: 'dsfa-restrisiko',
  description: 'Kein Risiko bleibt nach der Matrix seiner Version hoch, ohne dass die Aufsichtsbehörde konsultiert wurde; Maßnahmen verschlechtern kein Risiko; jedes normale oder hohe Risiko nennt Maßnahmen.',
  check(content) {
    const out: Diagnostic[] = [];
    for (const dpia of content.dpia.versions) {
      const v = dpia.meta.version;
      for (const risk of dpia.risks) {
        const before = levelOf(dpia, risk.before);
        const after = levelOf(dpia, risk.after);
        if (after === 'hoch' && !risk.art36) {
          out.push(at(content, this.id, risk.source, ['after'], `Das Risiko „${risk.id}“ bleibt nach den Maßnahmen hoch (${describe(risk.after)}; Risikomatrix der Folgenabschätzung ${v}).`, 'Ergänzen Sie wirksame Maßnahmen; sonst ist vor Beginn der Verarbeitung die Aufsichtsbehörde zu konsultieren (Art.\u00a036 DSGVO) und die Konsultation unter „art36“ einzutragen.'));
        }
        if (rank(risk.after.likelihood) > rank(risk.before.likelihood) || rank(risk.after.severity) > rank(risk.before.severity)) {
          out.push(at(content, this.id, risk.source, ['after'], `Das Risiko „${risk.id}“ ist nach den Maßnahmen höher eingestuft als davor (vorher ${describe(risk.before)}, nachher ${describe(risk.after)}).`, 'Prüfen Sie die Einstufung von Eintrittswahrscheinlichkeit und Schwere.'));
        }
        if (before !== 'gering' && risk.toms.length === 0) {
          out.push(at(content, this.id, risk.source, ['toms'], `Das Risiko „${risk.id}“ ist ${RISK_LEVEL_LABELS[before]}, nennt aber keine Maßnahme.`, 'Tragen Sie unter „toms“ die Maßnahmen ein, die das Risiko mindern.'));
        }
      }
    }
    return out;
  },
};

function rank(level: DskLevel): number {
  return DSK_LEVELS.indexOf(level);
}

/** „Eintrittswahrscheinlichkeit überschaubar, Schwere groß“. */
function describe(a: { likelihood: DskLevel; severity: DskLevel }): string {
  return `Eintrittswahrscheinlichkeit ${DSK_LEVEL_LABELS[a.likelihood]}, Schwere ${DSK_LEVEL_LABELS[a.severity]}`;
}
