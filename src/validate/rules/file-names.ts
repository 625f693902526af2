import type { Diagnostic } from '../../lib/diagnostics.ts';
import { at, type Rule } from '../rule.ts';

export const fileNames: Rule = {
  id: 'dateinamen',
  description: 'Die Datei eines Vertragspartners heißt wie seine Kennung (`traeger/<id>.yaml`, `kindertagespflege/<id>.yaml`).',
  identity: true,
  check(content) {
    const out: Diagnostic[] = [];
    const parties = [...content.providers, ...content.childminders];
    for (const party of parties) {
      const name = party.source.file.split('/').pop() ?? '';
      if (name === `${party.id}.yaml`) continue;
      // A copied file that kept the original's id: renaming it would clash with the original.
      const original = parties.find((p) => p !== party && p.id === party.id);
      if (original) {
        const ownId = name.replace(/\.ya?ml$/, '');
        out.push(at(content, this.id, party.source, ['id'], `Die Datei heißt „${name}“, trägt aber die Kennung „${party.id}“ von ${original.source.file} – vielleicht eine Kopie, deren Kennung noch nicht geändert wurde.`, `Schreiben Sie hier „id: ${ownId}“ und passen Sie die übrigen Angaben an (Name, Einrichtungen mit eigenen Kennungen, Ansprechpersonen); die Datei „${party.id}.yaml“ gibt es schon.`));
        continue;
      }
      out.push(at(content, this.id, party.source, ['id'], `Die Datei heißt „${name}“, die Kennung lautet aber „${party.id}“.`, `Datei und Kennung müssen übereinstimmen: benennen Sie die Datei in „${party.id}.yaml“ um oder korrigieren Sie die Kennung.`));
    }
    return out;
  },
};
