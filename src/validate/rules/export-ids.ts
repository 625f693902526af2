import { SDM_GOALS } from '../../schemas/tom.ts';
import type { Content, SourceRef } from '../../lib/content-model.ts';
import { formatDateShort } from '../../lib/dates.ts';
import type { Diagnostic, PathSegment } from '../../lib/diagnostics.ts';
import { oparlMeetingSlug, oparlOrganizationSlug } from '../../lib/exports/oparl.ts';
import { oscalRoleId } from '../../lib/exports/oscal.ts';
import { at, type Rule } from '../rule.ts';

const RULE = 'export-kennungen';

interface Named {
  text: string;
  source: SourceRef;
  field: PathSegment[];
}

/**
 * Names that become identifiers in the exports: two spellings that give the same identifier
 * would make two OSCAL roles or OParl organizations with one id; no letter at all gives none.
 */
function sameIdentifier(content: Content, items: Named[], slug: (text: string) => string, what: string, format: string): Diagnostic[] {
  const first = new Map<string, Named>();
  const out: Diagnostic[] = [];
  for (const item of items) {
    const id = slug(item.text);
    if (!id) {
      out.push(at(content, RULE, item.source, item.field, `„${item.text}“ ergibt keine Kennung für ${what} in den ${format}-Daten.`, 'Die Angabe braucht mindestens einen Buchstaben oder eine Ziffer.'));
      continue;
    }
    const earlier = first.get(id);
    if (!earlier) {
      first.set(id, item);
      continue;
    }
    if (earlier.text === item.text) continue;
    const line = content.lineOf(earlier.source, ...earlier.field)?.line;
    const where = line ? `${earlier.source.file}:${line}` : earlier.source.file;
    out.push(
      at(
        content,
        RULE,
        item.source,
        item.field,
        `„${item.text}“ und „${earlier.text}“ (${where}) ergeben in den ${format}-Daten dieselbe Kennung „${id}“ für ${what}.`,
        `Schreiben Sie den Namen überall gleich, z. B. „${earlier.text}“.`,
      ),
    );
  }
  return out;
}

export const exportIds: Rule = {
  id: RULE,
  description: 'Die Inhalte ergeben in den maschinenlesbaren Daten (OSCAL, OParl) eindeutige Kennungen.',
  check(content) {
    const out: Diagnostic[] = [];
    const goals = new Set<string>(SDM_GOALS);
    for (const t of content.toms) {
      if (goals.has(t.id)) {
        out.push(
          at(content, RULE, t.source, ['id'], `Die Kennung „${t.id}“ ist schon die Kennung des Gewährleistungsziels im OSCAL-Katalog.`, 'Vergeben Sie eine Kennung wie „tom-vertraulichkeit-01“.'),
        );
      }
    }
    out.push(
      ...sameIdentifier(
        content,
        content.toms.map((t) => ({ text: t.responsible, source: t.source, field: ['responsible'] })),
        oscalRoleId,
        'die verantwortliche Stelle',
        'OSCAL',
      ),
    );
    const council = content.council;
    if (council) {
      const consultations = council.consultations.map((c, i) => ({ c, field: ['consultations', i] as PathSegment[] }));
      out.push(
        ...sameIdentifier(
          content,
          consultations.map(({ c, field }) => ({ text: c.body, source: council.source, field: [...field, 'body'] })),
          oparlOrganizationSlug,
          'das Gremium',
          'OParl',
        ),
      );
      const seen = new Map<string, PathSegment[]>();
      for (const { c, field } of consultations) {
        const key = `${oparlMeetingSlug(c.body, c.date)}\u0000${c.paper}`;
        const earlier = seen.get(key);
        if (!earlier) {
          seen.set(key, field);
          continue;
        }
        const line = content.lineOf(council.source, ...earlier)?.line;
        out.push(
          at(
            content,
            RULE,
            council.source,
            [...field, 'paper'],
            `Die Vorlage „${c.paper}“ steht am ${formatDateShort(c.date)} schon in der Beratungsfolge von „${c.body}“ (${council.source.file}${line ? `:${line}` : ''}); in den OParl-Daten gäbe es diesen Tagesordnungspunkt zweimal.`,
            'Löschen Sie den doppelten Eintrag oder korrigieren Sie Gremium oder Datum.',
          ),
        );
      }
    }
    return out;
  },
};
