import { formatDateDe } from '../../lib/dates.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { currentVersionChecksum, recordedVersionChecksum } from '../../lib/version-text.ts';
import { at, mayBeUnreadable, type Rule } from '../rule.ts';

const STATUS_WORDS = { beschlossen: 'beschlossen', abgeloest: 'abgelöst' } as const;

export const adoptedText: Rule = {
  id: 'festgeschrieben',
  description:
    'Der Text einer beschlossenen oder abgelösten Version ist festgeschrieben: seine Prüfsumme steht in version.yaml, und nur ein eingetragenes Erratum darf ihn typografisch berichtigen.',
  check(content) {
    const out: Diagnostic[] = [];
    for (const agreement of content.agreements) {
      for (const version of agreement.versions) {
        if (version.status === 'entwurf') {
          // A draft's text may still change; a checksum there would only go stale unnoticed.
          const field = version.text_sha256 !== undefined ? 'text_sha256' : version.errata.length > 0 ? 'errata' : undefined;
          if (field) {
            out.push(at(content, this.id, version.source, [field], `Version ${version.version} ist ein Entwurf und noch nicht festgeschrieben, hat aber „${field}“.`, `Entfernen Sie „${field}“; die Prüfsumme kommt erst mit dem Beschluss dazu (npm run validate -- --print-checksums zeigt sie).`, 'warning'));
          }
          continue;
        }
        const folder = version.source.file.replace(/\/version\.ya?ml$/, '/');
        const files = version.sections.map((s) => s.source.file.split('/').pop()!);
        version.errata.forEach((erratum, i) => {
          if (!files.includes(erratum.file) && !mayBeUnreadable(content, 'sections', `${agreement.folder}/${version.folder}`)) {
            out.push(at(content, this.id, version.source, ['errata', i, 'file'], `Das Erratum nennt die Datei „${erratum.file}“, die es in ${folder} nicht gibt.`, `Tragen Sie den Namen der berichtigten §-Datei ein, z. B. „${files[0] ?? '01-gegenstand.mdx'}“.`));
          }
          if (version.adopted && erratum.date < version.adopted) {
            out.push(at(content, this.id, version.source, ['errata', i, 'date'], `Das Erratum vom ${formatDateDe(erratum.date)} liegt vor dem Beschluss der Version am ${formatDateDe(version.adopted)}.`, 'Vor dem Beschluss wird der Text ohne Erratum geändert; prüfen Sie das Datum.'));
          }
          const previous = version.errata[i - 1];
          if (previous && erratum.date < previous.date) {
            out.push(at(content, this.id, version.source, ['errata', i, 'date'], `Die Errata stehen nicht in zeitlicher Reihenfolge: ${formatDateDe(erratum.date)} nach ${formatDateDe(previous.date)}.`, 'Ordnen Sie die Errata vom ältesten zum neuesten; das letzte bestimmt die gültige Prüfsumme.'));
          }
          const before = previous?.text_sha256 ?? version.text_sha256;
          if (before !== undefined && erratum.text_sha256 === before) {
            out.push(at(content, this.id, version.source, ['errata', i, 'text_sha256'], 'Das Erratum ändert die Prüfsumme nicht: es berichtigt nichts.', 'Tragen Sie die Prüfsumme nach der Berichtigung ein (npm run validate -- --print-checksums) oder entfernen Sie das Erratum.'));
          }
        });
        // Without every § file the checksum cannot be computed; the unreadable file is reported already.
        if (mayBeUnreadable(content, 'sections', `${agreement.folder}/${version.folder}`)) continue;
        const actual = currentVersionChecksum(version);
        const recorded = recordedVersionChecksum(version);
        const status = STATUS_WORDS[version.status];
        if (recorded === undefined) {
          out.push(
            at(
              content,
              this.id,
              version.source,
              ['status'],
              `Version ${version.version} ist ${status}, aber ihr Text ist nicht festgeschrieben: das Feld „text_sha256“ fehlt.`,
              `Prüfen Sie, dass die §§ in ${folder} dem Beschluss entsprechen, und tragen Sie dann „text_sha256: ${actual}“ ein.`,
            ),
          );
          continue;
        }
        if (actual !== recorded) {
          const field = version.errata.length > 0 ? ['errata', version.errata.length - 1, 'text_sha256'] : ['text_sha256'];
          out.push(
            at(
              content,
              this.id,
              version.source,
              field,
              `Der Text der ${status}en Version ${version.version} wurde geändert: die §-Dateien in ${folder} ergeben jetzt die Prüfsumme ${actual}, festgeschrieben ist ${recorded}.`,
              `Eine beschlossene Version bleibt, wie sie beschlossen wurde: machen Sie die Änderung rückgängig und legen Sie für neuen Text eine neue Version an (neuer Ordner mit „supersedes: "${version.version}"“). Nur eine rein typografische Berichtigung darf bleiben – dann als Erratum unter „errata“ mit file, date, reason und „text_sha256: ${actual}“.`,
            ),
          );
        }
      }
    }
    return out;
  },
};
