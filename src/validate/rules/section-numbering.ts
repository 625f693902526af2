import { REGIMES, REGIME_LABELS } from '../../schemas/common.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { at, type Rule } from '../rule.ts';

export const sectionNumbering: Rule = {
  id: 'paragraphen-nummerierung',
  description: 'Paragraphen sind je Version und Rechtsrahmen lückenlos ab 1 nummeriert; Fassungen eines Paragraphen teilen Kennung und Nummer.',
  check(content) {
    const out: Diagnostic[] = [];
    for (const agreement of content.agreements) {
      for (const version of agreement.versions) {
        if (version.sections.length === 0) {
          out.push(at(content, this.id, version.source, [], `Version ${version.version} hat keine Paragraphen.`, 'Legen Sie im Ordner der Version je Paragraph eine MDX-Datei an.'));
          continue;
        }
        const byId = new Map<string, (typeof version.sections)[number]>();
        for (const section of version.sections) {
          const other = byId.get(section.id);
          if (!other) {
            byId.set(section.id, section);
            continue;
          }
          if (other.number !== section.number) {
            out.push(at(content, this.id, section.source, ['number'], `Der Paragraph „${section.id}“ hat hier die Nummer ${section.number}, in ${other.source.file} aber ${other.number}.`, 'Fassungen desselben Paragraphen müssen dieselbe Nummer tragen.'));
          }
          const shared = section.regimes.filter((r) => other.regimes.includes(r));
          if (shared.length > 0) {
            out.push(at(content, this.id, section.source, ['regimes'], `Die Kennung „${section.id}“ gilt für ${shared.map((r) => REGIME_LABELS[r]).join(', ')} schon in ${other.source.file}.`, 'Jede Fassung eines Paragraphen gilt für andere Rechtsrahmen: passen Sie „regimes“ an oder vergeben Sie eine neue Kennung.'));
          }
        }
        for (const regime of REGIMES) {
          const visible = version.sections.filter((s) => s.regimes.includes(regime));
          const seen = new Map<number, (typeof visible)[number]>();
          for (const s of visible) {
            const other = seen.get(s.number);
            if (other && other.id !== s.id) {
              out.push(at(content, this.id, s.source, ['number'], `§ ${s.number} ist für ${REGIME_LABELS[regime]} doppelt vergeben (auch in ${other.source.file}).`, 'Nummerieren Sie die Paragraphen fortlaufend und ohne Doppelungen.'));
            }
            seen.set(s.number, s);
          }
          const max = Math.max(0, ...seen.keys());
          for (let n = 1; n <= max; n++) {
            if (!seen.has(n)) {
              out.push(at(content, this.id, version.source, [], `In Version ${version.version} fehlt für ${REGIME_LABELS[regime]} der § ${n} (Nummern müssen lückenlos sein).`, `Legen Sie § ${n} an oder nummerieren Sie die folgenden Paragraphen um.`));
            }
          }
        }
      }
    }
    return out;
  },
};
