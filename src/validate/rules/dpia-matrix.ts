import { compareLevels, RISK_LEVEL_LABELS } from '../../lib/dpia/risk.ts';
import { DSK_LEVELS, DSK_LEVEL_LABELS, type DskLevel } from '../../schemas/dpia.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { at, type Rule } from '../rule.ts';

/**
 * The matrix is a lookup table entered by hand from a figure, and it decides every level: a higher
 * likelihood or a higher severity must never give a lower level. Each cell is compared with its
 * neighbour one step lower in likelihood and one step lower in severity (monotone in both
 * directions follows from the neighbours). Contested cells must name a cell once.
 */
export const dpiaMatrix: Rule = {
  id: 'dsfa-matrix',
  description: 'Die Risikomatrix jeder Fassung ist monoton: eine höhere Eintrittswahrscheinlichkeit oder Schwere ergibt nie eine niedrigere Stufe; jede Zelle „zu prüfen“ steht nur einmal in der Liste.',
  check(content) {
    const out: Diagnostic[] = [];
    const versions = content.dpia.versions;
    for (const [i, dpia] of versions.entries()) {
      const meta = dpia.meta;
      // An adopted record is not rewritten: a later version corrects it; without one, a warning.
      const adopted = meta.status !== 'entwurf';
      if (adopted && i < versions.length - 1) continue;
      const severity = adopted ? 'warning' : 'error';
      const correct = adopted ? ' Eine beschlossene Folgenabschätzung korrigieren Sie in ihrer nächsten Version.' : '';
      const rows = meta.matrix.rows;
      for (const [s, sev] of DSK_LEVELS.entries()) {
        for (const [l, lik] of DSK_LEVELS.entries()) {
          const level = rows[sev][lik];
          const higherBelow: string[] = [];
          if (l > 0) {
            const left = DSK_LEVELS[l - 1]!;
            if (compareLevels(rows[sev][left], level) > 0) higherBelow.push(`bei geringerer Wahrscheinlichkeit („${DSK_LEVEL_LABELS[left]}“) aber „${RISK_LEVEL_LABELS[rows[sev][left]]}“`);
          }
          if (s > 0) {
            const lower = DSK_LEVELS[s - 1]!;
            if (compareLevels(rows[lower][lik], level) > 0) higherBelow.push(`bei geringerer Schwere („${DSK_LEVEL_LABELS[lower]}“) aber „${RISK_LEVEL_LABELS[rows[lower][lik]]}“`);
          }
          if (higherBelow.length === 0) continue;
          out.push(
            at(
              content,
              this.id,
              meta.source,
              ['matrix', 'rows', sev, lik],
              `Die Risikomatrix der Folgenabschätzung ${meta.version} ist nicht monoton: ${cell(sev, lik)} ergibt „${RISK_LEVEL_LABELS[level]}“, ${higherBelow.join(' und ')}.`,
              `Eine höhere Eintrittswahrscheinlichkeit oder Schwere darf nie eine niedrigere Risikostufe ergeben. Gleichen Sie die Zellen mit der Quelle der Matrix ab („source“) und heben Sie diese Zelle an oder senken Sie die andere.${correct}`,
              severity,
            ),
          );
        }
      }
      const seen = new Set<string>();
      for (const [index, c] of (meta.matrix.contested ?? []).entries()) {
        const key = `${c.severity}/${c.likelihood}`;
        if (seen.has(key)) {
          out.push(
            at(content, this.id, meta.source, ['matrix', 'contested', index], `${cell(c.severity, c.likelihood)} steht zweimal unter „contested“.`, 'Nennen Sie jede zu prüfende Zelle nur einmal; führen Sie die Hinweise zusammen.', severity),
          );
        }
        seen.add(key);
      }
    }
    return out;
  },
};

/** „Die Zelle Schwere „groß“ × Wahrscheinlichkeit „geringfügig““. */
function cell(severity: DskLevel, likelihood: DskLevel): string {
  return `Die Zelle Schwere „${DSK_LEVEL_LABELS[severity]}“ × Wahrscheinlichkeit „${DSK_LEVEL_LABELS[likelihood]}“`;
}
