import type { Diagnostic } from '../../lib/diagnostics.ts';
import { at, type Rule } from '../rule.ts';

export const paragraphNumbering: Rule = {
  id: 'absatz-nummerierung',
  description: 'Absätze eines Paragraphen sind als „(1)“, „(2)“ … fortlaufend nummeriert.',
  check(content) {
    const out: Diagnostic[] = [];
    for (const agreement of content.agreements) {
      for (const version of agreement.versions) {
        for (const section of version.sections) {
          const lines = section.body.split('\n');
          let expected = 1;
          lines.forEach((text, index) => {
            const match = /^\((\d+)\)\s/.exec(text);
            if (!match) return;
            const found = Number(match[1]);
            if (found !== expected) {
              const d = at(content, this.id, section.source, [], expected === 1 ? `Der erste Absatz ist „(${found})“, erwartet war „(1)“.` : `Auf Absatz „(${expected - 1})“ folgt „(${found})“, erwartet war „(${expected})“.`, 'Nummerieren Sie die Absätze fortlaufend ab „(1)“.');
              out.push({ ...d, line: section.bodyLine + index, column: 1, field: undefined });
            }
            expected = found + 1;
          });
        }
      }
    }
    return out;
  },
};
