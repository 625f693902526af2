import { changelogOf, differingSections } from '../../lib/agreement/changelog.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { quoteGerman } from '../../lib/typography.ts';
import { regimeIds } from '../../lib/vocabulary.ts';
import { at, listGerman, mayBeUnreadable, type Rule } from '../rule.ts';

export const changelog: Rule = {
  id: 'aenderungen',
  description: 'Jede Version nennt in „changes“ jeden Paragraphen, der sich gegenüber ihrer Vorgängerversion unterscheidet, mit Begründung.',
  check(content) {
    const out: Diagnostic[] = [];
    for (const agreement of content.agreements) {
      for (const version of agreement.versions) {
        const previous = version.supersedes === undefined ? undefined : agreement.versions.find((v) => v.version === version.supersedes);
        if (!previous) continue;
        // A § file that could not be read would look removed: no comparison then (the read error is reported).
        const unreadable = (v: typeof version) => mayBeUnreadable(content, 'sections', `${agreement.folder}/${v.folder}`);
        if (unreadable(version) || unreadable(previous)) continue;
        const notes = changelogOf(version);
        const known = new Set([...version.sections, ...previous.sections].map((s) => s.id));
        notes.forEach((note, i) => {
          if (note.reason === undefined) {
            out.push(
              at(content, this.id, version.source, ['changes', i], `Die Änderung „${note.text}“ nennt weder Paragraphen noch Begründung.`, `Schreiben Sie sie als „{ sections: [kennung, …], text: …, reason: … }“: die Kennungen der geänderten Paragraphen (Feld „id“ der §-Datei) und warum sie sich ändern.`),
            );
          }
          for (const [j, id] of note.sections.entries()) {
            if (!known.has(id)) {
              out.push(
                at(content, this.id, version.source, ['changes', i, 'sections', j], `Einen Paragraphen „${id}“ gibt es weder in Version ${version.version} noch in Version ${previous.version}.`, `Nennen Sie die Kennung (Feld „id“ der §-Datei), z. B. ${listGerman([...known].slice(0, 3), 'keine')}.`),
              );
            }
          }
        });
        const named = new Set(notes.flatMap((n) => n.sections));
        // An erratum corrects typography without changing meaning: its § needs no changelog entry.
        const corrected = new Set(version.sections.filter((s) => version.errata.some((e) => s.source.file.endsWith(`/${e.file}`))).map((s) => s.id));
        for (const diff of differingSections(previous, version, regimeIds(content))) {
          if (named.has(diff.id) || corrected.has(diff.id)) continue;
          out.push(
            at(
              content,
              this.id,
              version.source,
              ['changes'],
              `${diff.label} ${quoteGerman(diff.title)} (${diff.id}) unterscheidet sich von Version ${previous.version}, steht aber in keiner Änderung.`,
              `Nennen Sie „${diff.id}“ unter „sections“ einer Änderung in „changes“, mit „text“ (was sich ändert) und „reason“ (warum).`,
            ),
          );
        }
      }
    }
    return out;
  },
};
