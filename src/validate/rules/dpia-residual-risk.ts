import { riskLevel, riskScore, RISK_LEVEL_LABELS } from '../../lib/dpia/risk.ts';
import { DSK_LEVEL_LABELS } from '../../schemas/dpia.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { at, type Rule } from '../rule.ts';

export const dpiaResidualRisk: Rule = {
  id: 'dsfa-restrisiko',
  description: 'Kein Risiko bleibt nach den Maßnahmen hoch; Maßnahmen verschlechtern kein Risiko; jedes normale oder hohe Risiko nennt Maßnahmen.',
  check(content) {
    const out: Diagnostic[] = [];
    for (const risk of content.dpia.risks) {
      const before = riskLevel(risk.before);
      const after = riskLevel(risk.after);
      if (after === 'hoch') {
        out.push(at(content, this.id, risk.source, ['after'], `Das Risiko „${risk.id}“ bleibt nach den Maßnahmen hoch (Eintrittswahrscheinlichkeit × Schwere: ${describe(risk.after)}).`, 'Ergänzen Sie wirksame Maßnahmen; sonst ist vor Beginn der Verarbeitung die Aufsichtsbehörde zu konsultieren (Art. 36 DSGVO).'));
      }
      if (riskScore(risk.after) > riskScore(risk.before)) {
        out.push(at(content, this.id, risk.source, ['after'], `Das Risiko „${risk.id}“ ist nach den Maßnahmen höher eingestuft als davor (vorher ${describe(risk.before)}, nachher ${describe(risk.after)}).`, 'Prüfen Sie die Einstufung von Eintrittswahrscheinlichkeit und Schwere.'));
      }
      if (before !== 'gering' && risk.toms.length === 0) {
        out.push(at(content, this.id, risk.source, ['toms'], `Das Risiko „${risk.id}“ ist ${RISK_LEVEL_LABELS[before]}, nennt aber keine Maßnahme.`, 'Tragen Sie unter „toms“ die Maßnahmen ein, die das Risiko mindern.'));
      }
    }
    return out;
  },
};

/** „überschaubar × groß“: likelihood × severity. */
function describe(a: { likelihood: keyof typeof DSK_LEVEL_LABELS; severity: keyof typeof DSK_LEVEL_LABELS }): string {
  return `${DSK_LEVEL_LABELS[a.likelihood]} × ${DSK_LEVEL_LABELS[a.severity]}`;
}
