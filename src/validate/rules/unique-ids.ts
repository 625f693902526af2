import type { Content, SourceRef } from '../../lib/content-model.ts';
import type { Diagnostic, PathSegment } from '../../lib/diagnostics.ts';
import { at, type Rule } from '../rule.ts';

interface Occurrence {
  id: string;
  source: SourceRef;
  field: PathSegment[];
}

type Describe = (id: string, where: string) => { message: string; hint: string };

const idTaken = (what: string): Describe => (id, where) => ({
  message: `Die Kennung „${id}“ ist schon vergeben (${what} in ${where}).`,
  hint: 'Vergeben Sie eine neue, noch nicht benutzte Kennung.',
});

function duplicates(content: Content, describe: Describe, items: Occurrence[]): Diagnostic[] {
  const first = new Map<string, Occurrence>();
  const out: Diagnostic[] = [];
  for (const item of items) {
    const earlier = first.get(item.id);
    if (!earlier) {
      first.set(item.id, item);
      continue;
    }
    const line = content.lineOf(earlier.source, ...earlier.field)?.line;
    const where = line ? `${earlier.source.file}:${line}` : earlier.source.file;
    const { message, hint } = describe(item.id, where);
    out.push(at(content, 'eindeutige-kennungen', item.source, item.field, message, hint));
  }
  return out;
}

export const uniqueIds: Rule = {
  id: 'eindeutige-kennungen',
  description: 'Jede Kennung ist nur einmal vergeben.',
  identity: true,
  check(content) {
    const parties: Occurrence[] = [...content.providers, ...content.childminders].map((p) => ({ id: p.id, source: p.source, field: ['id'] }));
    const facilities: Occurrence[] = content.providers.flatMap((p) =>
      p.facilities.map((f, i) => ({ id: f.id, source: p.source, field: ['facilities', i, 'id'] })),
    );
    const entries: Occurrence[] = content.providers.flatMap((p) =>
      p.facilities.flatMap((f, i) =>
        f.bedarfsplan ? [{ id: `${f.bedarfsplan.plan}\u0000${f.bedarfsplan.entry}`, source: p.source, field: ['facilities', i, 'bedarfsplan', 'entry'] }] : [],
      ),
    );
    const toms: Occurrence[] = content.toms.map((t) => ({ id: t.id, source: t.source, field: ['id'] }));
    // Risk and section ids are unique within one DPIA version; the next version reuses them for the same thing.
    const perDpia = (f: (d: (typeof content.dpia.versions)[number]) => Occurrence[]) => content.dpia.versions.map(f);
    const risks = perDpia((d) => d.risks.map((r) => ({ id: r.id, source: r.source, field: ['id'] })));
    const dpiaSections = perDpia((d) => d.sections.map((s) => ({ id: s.id, source: s.source, field: ['id'] })));
    const dpiaOrder = perDpia((d) => d.sections.map((s) => ({ id: String(s.order), source: s.source, field: ['order'] })));
    const papers: Occurrence[] = (content.council?.papers ?? []).map((p, i) => ({
      id: p.id,
      source: content.council!.source,
      field: ['papers', i, 'id'],
    }));
    const ledgers: Occurrence[] = content.ledgers.map((l) => ({ id: l.agreement, source: l.source, field: ['agreement'] }));
    const ledgerEntries: Occurrence[] = content.ledgers.flatMap((l) =>
      l.entries.map((e) => ({ id: `${e.party}\u0000${e.version}`, source: e.source, field: ['party'] })),
    );
    return [
      ...duplicates(content, idTaken('Vertragspartner'), parties),
      ...duplicates(content, idTaken('Einrichtung'), facilities),
      ...duplicates(content, (key, where) => {
        const [plan, entry] = key.split('\u0000');
        return {
          message: `Der Eintrag „${entry}“ im Bedarfsplan ${plan} ist schon einer anderen Einrichtung zugeordnet (${where}).`,
          hint: 'Jede Einrichtung hat im Bedarfsplan eine eigene Nummer: prüfen Sie „entry“.',
        };
      }, entries),
      ...duplicates(content, idTaken('Maßnahme'), toms),
      ...risks.flatMap((list) => duplicates(content, idTaken('Risiko'), list)),
      ...dpiaSections.flatMap((list) => duplicates(content, idTaken('DSFA-Abschnitt'), list)),
      ...dpiaOrder.flatMap((list) => duplicates(content, (order, where) => ({
        message: `Die Position ${order} hat schon ein anderer DSFA-Abschnitt (${where}).`,
        hint: 'Vergeben Sie unter „order“ jede Position nur einmal.',
      }), list)),
      ...duplicates(content, (id, where) => ({
        message: `Die Vorlage „${id}“ steht schon unter „papers“ (${where}).`,
        hint: 'Löschen Sie den doppelten Eintrag oder korrigieren Sie die Nummer.',
      }), papers),
      ...duplicates(content, (id, where) => ({
        message: `Für die Vereinbarung „${id}“ gibt es schon ein Zeichnungsregister (${where}).`,
        hint: 'Führen Sie beide Register in einer Datei zusammen.',
      }), ledgers),
      ...duplicates(content, (key, where) => {
        const [party, version] = key.split('\u0000');
        return {
          message: `Für „${party}“ und Version ${version} gibt es schon einen Eintrag (${where}).`,
          hint: 'Tragen Sie alle Ereignisse (Angebot, Absicht, Unterschrift, Ablehnung, Widerruf) in diesem einen Eintrag ein.',
        };
      }, ledgerEntries),
    ];
  },
};
