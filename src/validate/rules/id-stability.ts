import type { Diagnostic } from '../../lib/diagnostics.ts';
import { at, type Rule } from '../rule.ts';

export const idStability: Rule = {
  id: 'kennungen-stabil',
  description: 'Eine Paragraphen-Kennung bezeichnet in allen Versionen dieselbe Regelung (gleicher Teil, verwandter Titel).',
  check(content) {
    const out: Diagnostic[] = [];
    for (const agreement of content.agreements) {
      const firstSeen = new Map<string, { part: string; title: string; version: string }>();
      for (const version of agreement.versions) {
        for (const section of version.sections) {
          const earlier = firstSeen.get(section.id);
          if (!earlier) {
            firstSeen.set(section.id, { part: section.part, title: section.title, version: version.version });
            continue;
          }
          if (earlier.part !== section.part) {
            out.push(at(content, this.id, section.source, ['part'], `Der Paragraph „${section.id}“ stand in Version ${earlier.version} in Teil ${earlier.part}, hier in Teil ${section.part}.`, 'Eine Kennung darf nicht für eine andere Regelung wiederverwendet werden: vergeben Sie eine neue Kennung.'));
          } else if (!sharesWord(earlier.title, section.title)) {
            out.push(at(content, this.id, section.source, ['title'], `Der Paragraph „${section.id}“ hieß in Version ${earlier.version} „${earlier.title}“ und hat hier einen ganz anderen Titel „${section.title}“.`, 'Wenn es eine andere Regelung ist, vergeben Sie eine neue Kennung.', 'warning'));
          }
        }
      }
    }
    return out;
  },
};

function sharesWord(a: string, b: string): boolean {
  const words = (s: string) => new Set(s.toLowerCase().split(/[^\p{L}\d]+/u).filter((w) => w.length > 3));
  const wa = words(a);
  return [...words(b)].some((w) => wa.has(w));
}
