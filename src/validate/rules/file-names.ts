import type { Diagnostic } from '../../lib/diagnostics.ts';
import { at, type Rule } from '../rule.ts';

export const fileNames: Rule = {
  id: 'dateinamen',
  description: 'Die Datei eines Vertragspartners heißt wie seine Kennung (`traeger/<id>.yaml`, `kindertagespflege/<id>.yaml`).',
  check(content) {
    const out: Diagnostic[] = [];
    for (const party of [...content.providers, ...content.childminders]) {
      const name = party.source.file.split('/').pop() ?? '';
      if (name === `${party.id}.yaml`) continue;
      out.push(at(content, this.id, party.source, ['id'], `Die Datei heißt „${name}“, die Kennung lautet aber „${party.id}“.`, `Datei und Kennung müssen übereinstimmen: benennen Sie die Datei in „${party.id}.yaml“ um oder korrigieren Sie die Kennung.`));
    }
    return out;
  },
};
