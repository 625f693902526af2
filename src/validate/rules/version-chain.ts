import type { Diagnostic } from '../../lib/diagnostics.ts';
import { at, type Rule } from '../rule.ts';

export const versionChain: Rule = {
  id: 'versionen',
  description: 'Ordner und Kennungen stimmen überein; jede Version nennt ihren Vorgänger; höchstens eine Version ist in Kraft; abgelöste Versionen haben einen Nachfolger.',
  check(content) {
    const out: Diagnostic[] = [];
    for (const agreement of content.agreements) {
      if (agreement.id !== agreement.folder) {
        out.push(at(content, this.id, agreement.source, ['id'], `Die Kennung „${agreement.id}“ passt nicht zum Ordnernamen „${agreement.folder}“.`, 'Kennung und Ordnername müssen gleich sein.'));
      }
      const versions = new Set(agreement.versions.map((v) => v.version));
      const current = agreement.versions.filter((v) => v.status === 'beschlossen');
      for (const extra of current.slice(0, -1)) {
        out.push(at(content, this.id, extra.source, ['status'], `Mehr als eine Version ist „beschlossen“ (in Kraft): ${current.map((v) => v.version).join(', ')}.`, 'Setzen Sie ältere Versionen auf „abgeloest“.'));
      }
      agreement.versions.forEach((version, index) => {
        if (version.version !== version.folder) {
          out.push(at(content, this.id, version.source, ['version'], `Die Versionsnummer „${version.version}“ passt nicht zum Ordnernamen „${version.folder}“.`, 'Versionsnummer und Ordnername müssen gleich sein.'));
        }
        const previous = agreement.versions[index - 1];
        if (version.supersedes !== undefined && !versions.has(version.supersedes)) {
          out.push(at(content, this.id, version.source, ['supersedes'], `Die Vorgängerversion „${version.supersedes}“ gibt es nicht.`, `Vorhandene Versionen: ${[...versions].join(', ')}.`));
        } else if (previous && version.supersedes === undefined) {
          out.push(at(content, this.id, version.source, ['supersedes'], `Version ${version.version} nennt keine Vorgängerversion.`, `Tragen Sie „supersedes: "${previous.version}"“ ein.`));
        }
        if (version.status === 'abgeloest' && !agreement.versions.some((v) => v.supersedes === version.version)) {
          out.push(at(content, this.id, version.source, ['status'], `Version ${version.version} ist „abgeloest“, aber keine Version löst sie ab.`, 'Setzen Sie den Status zurück oder nennen Sie sie in der neuen Version unter „supersedes“.'));
        }
        if (version.adopted && version.effective && version.effective < version.adopted) {
          out.push(at(content, this.id, version.source, ['effective'], `Das Datum des Inkrafttretens (${version.effective}) liegt vor dem Beschluss (${version.adopted}).`, 'Prüfen Sie beide Daten.'));
        }
        if (previous?.adopted && version.adopted && version.adopted < previous.adopted) {
          out.push(at(content, this.id, version.source, ['adopted'], `Version ${version.version} ist vor ihrer Vorgängerversion ${previous.version} beschlossen (${version.adopted} < ${previous.adopted}).`, 'Prüfen Sie die Beschlussdaten.'));
        }
      });
    }
    return out;
  },
};
