import type { Diagnostic } from '../../lib/diagnostics.ts';
import { compareVersions } from '../../lib/parse-content.ts';
import { at, listGerman, needing, type Rule } from '../rule.ts';

export const dpiaVersions: Rule = {
  id: 'dsfa-versionen',
  description: 'Jede Version der Folgenabschätzung liegt im Ordner ihrer Nummer, ersetzt die vorige, sagt, was sich geändert hat und warum, und wird erst beschlossen, wenn jeder Rat der Datenschutzbeauftragten vorliegt.',
  check(content) {
    const out: Diagnostic[] = [];
    const versions = content.dpia.versions;
    // Findings about the chain of versions and their risks hold only when every version could be read.
    const chain = (d: Diagnostic) => out.push(needing(['dpia'], d));
    versions.forEach((dpia, i) => {
      const meta = dpia.meta;
      if (meta.version !== dpia.folder) {
        out.push(at(content, this.id, meta.source, ['version'], `Die Folgenabschätzung im Ordner „dpia/${dpia.folder}“ trägt die Versionsnummer „${meta.version}“.`, `Gleichen Sie Ordnername und „version“ an, z. B. version: "${dpia.folder}".`));
      }
      const previous = versions[i - 1];
      if (previous && meta.supersedes !== previous.meta.version) {
        chain(at(content, this.id, meta.source, meta.supersedes ? ['supersedes'] : ['version'], `Die Folgenabschätzung ${meta.version} muss die vorige Version ${previous.meta.version} ersetzen${meta.supersedes ? `, nennt aber „${meta.supersedes}“` : ''}.`, `Tragen Sie supersedes: "${previous.meta.version}" ein.`));
      }
      if (!previous && meta.supersedes) {
        chain(at(content, this.id, meta.source, ['supersedes'], `Die Folgenabschätzung ${meta.version} ersetzt „${meta.supersedes}“, aber eine ältere Version gibt es nicht.`, 'Streichen Sie „supersedes“ oder legen Sie die ersetzte Version unter content/dpia/ an.'));
      }
      if (previous && meta.changes.length === 0) {
        chain(at(content, this.id, meta.source, ['version'], `Die Folgenabschätzung ${meta.version} ersetzt ${previous.meta.version}, sagt aber nicht, was sich geändert hat.`, 'Tragen Sie unter „changes“ jede Änderung mit „text“ und „reason“ ein.'));
      }
      const known = new Set([...dpia.risks, ...(previous?.risks ?? [])].map((r) => r.id));
      meta.changes.forEach((change, c) => {
        change.risks.forEach((id, r) => {
          if (known.has(id)) return;
          chain(at(content, this.id, meta.source, ['changes', c, 'risks', r], `Das Risiko „${id}“ gibt es weder in dieser noch in der ersetzten Folgenabschätzung.`, `Vorhandene Risiken: ${listGerman([...known].sort().slice(0, 6), 'keine')}${known.size > 6 ? ' …' : ''}.`));
        });
      });
      // Art. 35(2): an adopted version cannot rest on advice that is still awaited.
      if (meta.status !== 'entwurf') {
        meta.dpo_advice.forEach((advice, a) => {
          if (advice.date) return;
          out.push(at(content, this.id, meta.source, ['dpo_advice', a], `Die Folgenabschätzung ${meta.version} ist als „${meta.status}“ eingetragen, aber der Rat „${advice.role}“ steht noch aus (kein Datum).`, 'Tragen Sie Datum und Ergebnis des Rates ein, oder setzen Sie die Fassung auf „entwurf“, bis jeder Rat vorliegt.'));
        });
      }
      if (meta.status === 'entwurf' && versions.slice(i + 1).some((later) => later.meta.status !== 'entwurf' && compareVersions(later.meta.version, meta.version) > 0)) {
        chain(at(content, this.id, meta.source, ['status'], `Die Folgenabschätzung ${meta.version} ist noch ein Entwurf, obwohl eine spätere Version beschlossen ist.`, 'Beschließen Sie den Entwurf oder löschen Sie ihn.'));
      }
    });
    return out;
  },
};
