import { DSK_LEVELS, DSK_LEVEL_LABELS } from '../../schemas/dpia.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { at, listGerman, needing, type Rule } from '../rule.ts';

/**
 * Measures mostly lower the likelihood; the severity drops only where a measure limits the
 * damage itself (stolen data stays stolen after a restore). A lower severity must say which.
 */
export const dpiaDamageLimit: Rule = {
  id: 'dsfa-schwere',
  description: 'Ein Risiko, dessen Schwere nach den Maßnahmen niedriger ist, nennt die Maßnahmen, die den Schaden selbst begrenzen, und wie sie das tun.',
  check(content) {
    const out: Diagnostic[] = [];
    const versions = content.dpia.versions;
    for (const [i, dpia] of versions.entries()) {
      // An adopted record is not rewritten: a later version corrects it (and is checked here); without one, a warning.
      const adopted = dpia.meta.status !== 'entwurf';
      if (adopted && i < versions.length - 1) continue;
      const severity = adopted ? 'warning' : 'error';
      // „No later version corrects it“ holds only when every version could be read.
      const report = (d: Diagnostic) => out.push(adopted ? needing(['dpia'], d) : d);
      for (const risk of dpia.risks) {
        const drops = DSK_LEVELS.indexOf(risk.after.severity) < DSK_LEVELS.indexOf(risk.before.severity);
        const limits = risk.limits_damage ?? [];
        if (drops && limits.length === 0) {
          report(at(content, this.id, risk.source, ['after', 'severity'], `Beim Risiko „${risk.id}“ sinkt die Schwere durch die Maßnahmen von „${DSK_LEVEL_LABELS[risk.before.severity]}“ auf „${DSK_LEVEL_LABELS[risk.after.severity]}“, aber keine Maßnahme ist genannt, die den Schaden selbst begrenzt.`, `Nennen Sie unter „limits_damage“ die Maßnahmen (TOM-Kennungen), die den Schaden begrenzen, und unter „damage_note“, wie sie das tun – oder lassen Sie die Schwere unverändert: die meisten Maßnahmen senken nur die Eintrittswahrscheinlichkeit.${adopted ? ' Eine beschlossene Folgenabschätzung korrigieren Sie in ihrer nächsten Version.' : ''}`, severity));
          continue;
        }
        if (limits.length > 0 && !risk.damage_note) {
          report(at(content, this.id, risk.source, ['limits_damage'], `Das Risiko „${risk.id}“ nennt Maßnahmen, die den Schaden begrenzen, aber nicht, wie sie das tun.`, 'Beschreiben Sie unter „damage_note“ in ein bis zwei Sätzen, wie die Maßnahmen den Schaden selbst begrenzen.', severity));
        }
        const notListed = limits.filter((id) => !risk.toms.includes(id));
        if (notListed.length > 0) {
          report(at(content, this.id, risk.source, ['limits_damage'], `Das Risiko „${risk.id}“ nennt unter „limits_damage“ ${listGerman(notListed, '')}, aber nicht unter „toms“.`, 'Tragen Sie jede Maßnahme, die den Schaden begrenzt, auch unter „toms“ ein.', severity));
        }
      }
    }
    return out;
  },
};
