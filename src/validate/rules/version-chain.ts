import { formatDateDe } from '../../lib/dates.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { compareVersions } from '../../lib/parse-content.ts';
import { at, listGerman, mayBeUnreadable, type Rule } from '../rule.ts';

export const versionChain: Rule = {
  id: 'versionen',
  description: 'Ordner und Kennungen stimmen überein; jede Version nennt ihren Vorgänger; als abgelöst markierte Versionen haben einen Nachfolger.',
  check(content) {
    const out: Diagnostic[] = [];
    for (const agreement of content.agreements) {
      if (agreement.id !== agreement.folder) {
        out.push(at(content, this.id, agreement.source, ['id'], `Die Kennung „${agreement.id}“ passt nicht zum Ordnernamen „${agreement.folder}“.`, `Kennung und Ordnername müssen gleich sein: schreiben Sie „id: ${agreement.folder}“ oder benennen Sie den Ordner um.`));
      }
      // A version file that could not be read is reported already; its neighbours' links to it are not checked.
      const complete = !mayBeUnreadable(content, 'version', `${agreement.folder}/`);
      const versions = agreement.versions.map((v) => v.version);
      // Which adopted version is in force follows from the chain (agreement/versions.ts): adopting a new
      // version never requires editing the old one's record, so several may say „beschlossen“.
      agreement.versions.forEach((version, index) => {
        if (version.version !== version.folder) {
          out.push(at(content, this.id, version.source, ['version'], `Die Versionsnummer „${version.version}“ passt nicht zum Ordnernamen „${version.folder}“.`, `Versionsnummer und Ordnername müssen gleich sein: schreiben Sie „version: "${version.folder}"“ oder benennen Sie den Ordner um.`));
        }
        const previous = agreement.versions[index - 1];
        if (version.supersedes !== undefined) {
          if (compareVersions(version.supersedes, version.version) >= 0) {
            out.push(at(content, this.id, version.source, ['supersedes'], `Version ${version.version} kann nicht Version ${version.supersedes} ablösen: die Vorgängerversion muss älter sein.`, previous ? `Tragen Sie „supersedes: "${previous.version}"“ ein.` : 'Entfernen Sie „supersedes“, wenn es keine ältere Version gibt.'));
          } else if (!versions.includes(version.supersedes) && complete) {
            out.push(at(content, this.id, version.source, ['supersedes'], `Die Vorgängerversion „${version.supersedes}“ gibt es nicht.`, `Vorhandene Versionen: ${listGerman(versions, 'keine')}.`));
          }
        } else if (previous && complete) {
          out.push(at(content, this.id, version.source, ['supersedes'], `Version ${version.version} nennt keine Vorgängerversion.`, `Tragen Sie „supersedes: "${previous.version}"“ ein.`));
        }
        if (version.status === 'abgeloest' && complete && !agreement.versions.some((v) => v.supersedes === version.version)) {
          out.push(at(content, this.id, version.source, ['status'], `Version ${version.version} ist „abgeloest“, aber keine Version löst sie ab.`, 'Setzen Sie den Status zurück oder nennen Sie sie in der neuen Version unter „supersedes“.'));
        }
        if (version.adopted && version.effective && version.effective < version.adopted) {
          out.push(at(content, this.id, version.source, ['effective'], `Das Inkrafttreten am ${formatDateDe(version.effective)} liegt vor dem Beschluss am ${formatDateDe(version.adopted)}.`, 'Prüfen Sie beide Daten.'));
        }
        if (previous?.adopted && version.adopted && version.adopted < previous.adopted) {
          out.push(at(content, this.id, version.source, ['adopted'], `Version ${version.version} ist am ${formatDateDe(version.adopted)} beschlossen, vor ihrer Vorgängerversion ${previous.version} (${formatDateDe(previous.adopted)}).`, 'Prüfen Sie die Beschlussdaten.'));
        }
      });
    }
    return out;
  },
};
