import type { Content, SourceRef } from '../../lib/content-model.ts';
import type { Diagnostic, PathSegment } from '../../lib/diagnostics.ts';
import { at, type Rule } from '../rule.ts';

interface Occurrence {
  id: string;
  source: SourceRef;
  field: PathSegment[];
}

function duplicates(content: Content, what: string, items: Occurrence[]): Diagnostic[] {
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
    out.push(
      at(content, 'eindeutige-kennungen', item.source, item.field, `Die Kennung „${item.id}“ ist schon vergeben (${what}, ${where}).`, 'Vergeben Sie eine neue, noch nicht benutzte Kennung.'),
    );
  }
  return out;
}

export const uniqueIds: Rule = {
  id: 'eindeutige-kennungen',
  description: 'Jede Kennung ist nur einmal vergeben.',
  check(content) {
    const parties: Occurrence[] = [...content.providers, ...content.childminders].map((p) => ({ id: p.id, source: p.source, field: ['id'] }));
    const facilities: Occurrence[] = content.providers.flatMap((p) =>
      p.facilities.map((f, i) => ({ id: f.id, source: p.source, field: ['facilities', i, 'id'] })),
    );
    const entries: Occurrence[] = content.providers.flatMap((p) =>
      p.facilities.flatMap((f, i) =>
        f.bedarfsplan ? [{ id: `${f.bedarfsplan.plan} ${f.bedarfsplan.entry}`, source: p.source, field: ['facilities', i, 'bedarfsplan', 'entry'] }] : [],
      ),
    );
    const toms: Occurrence[] = content.toms.map((t) => ({ id: t.id, source: t.source, field: ['id'] }));
    const risks: Occurrence[] = content.dpia.risks.map((r) => ({ id: r.id, source: r.source, field: ['id'] }));
    const dpiaSections: Occurrence[] = content.dpia.sections.map((s) => ({ id: s.id, source: s.source, field: ['id'] }));
    const papers: Occurrence[] = (content.council?.papers ?? []).map((p, i) => ({
      id: p.id,
      source: content.council!.source,
      field: ['papers', i, 'id'],
    }));
    const ledgers: Occurrence[] = content.ledgers.map((l) => ({ id: l.agreement, source: l.source, field: ['agreement'] }));
    const ledgerEntries: Occurrence[] = content.ledgers.flatMap((l) =>
      l.entries.map((e) => ({ id: `${e.party} ${e.version}`, source: e.source, field: ['party'] })),
    );
    return [
      ...duplicates(content, 'Vertragspartner', parties),
      ...duplicates(content, 'Einrichtung', facilities),
      ...duplicates(content, 'Bedarfsplan-Eintrag', entries),
      ...duplicates(content, 'Maßnahme', toms),
      ...duplicates(content, 'Risiko', risks),
      ...duplicates(content, 'DSFA-Abschnitt', dpiaSections),
      ...duplicates(content, 'Vorlage', papers),
      ...duplicates(content, 'Zeichnungsregister', ledgers),
      ...duplicates(content, 'Registereintrag für Partner und Version', ledgerEntries),
    ];
  },
};
