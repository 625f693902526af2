import type { SourceRef } from '../../lib/content-model.ts';
import type { Diagnostic, PathSegment } from '../../lib/diagnostics.ts';
import { at, listGerman, mayBeUnreadable, type Rule } from '../rule.ts';

/**
 * Every regime, affected group and controller group a file names is declared in the vocabulary
 * (`vocabularies.yaml`, else the bundled defaults), like a reference to a measure or a version.
 */
export const vocabulary: Rule = {
  id: 'vokabular',
  description: 'Datenschutzrechte (regime, regimes), betroffene Gruppen und Verantwortliche der Folgenabschätzung stehen in vocabularies.yaml.',
  check(content) {
    // A vocabulary file that could not be read falls back to the defaults: its own error says enough.
    if (mayBeUnreadable(content, 'vocabulary')) return [];
    const out: Diagnostic[] = [];
    const vocab = content.vocabularies;
    const file = vocab.source?.file ?? 'vocabularies.yaml';
    const lists = {
      regime: { ids: vocab.regimes.map((r) => r.id), what: 'das Datenschutzrecht', key: 'regimes' },
      group: { ids: vocab.affectedGroups.map((g) => g.id), what: 'die betroffene Gruppe', key: 'affected_groups' },
      controller: { ids: vocab.controllerGroups.map((g) => g.id), what: 'den Verantwortlichen', key: 'controller_groups' },
    } as const;
    const check = (list: keyof typeof lists, id: string, source: SourceRef, field: PathSegment[]) => {
      const { ids, what, key } = lists[list];
      if (ids.includes(id)) return;
      out.push(at(content, this.id, source, field, `„${id}“ steht nicht im Vokabular (${file}, Liste „${key}“).`, `Erlaubt für ${what}: ${listGerman(ids, 'keine')}. Korrigieren Sie die Kennung oder ergänzen Sie sie unter „${key}“.`));
    };

    for (const party of content.parties) {
      // A party without a regime and without a default is reported by „partnerarten“.
      if (!party.regime) continue;
      if (content.hasField(party.source, 'regime')) check('regime', party.regime, party.source, ['regime']);
    }
    for (const kind of content.kinds) if (kind.default_regime) check('regime', kind.default_regime, kind.source, ['default_regime']);
    for (const agreement of content.agreements) {
      for (const version of agreement.versions) {
        for (const section of version.sections) {
          if (!content.hasField(section.source, 'regimes')) continue;
          section.regimes.forEach((r, i) => check('regime', r, section.source, ['regimes', i]));
        }
      }
    }
    for (const dpia of content.dpia.versions) {
      for (const risk of dpia.risks) risk.groups.forEach((g, i) => check('group', g, risk.source, ['groups', i]));
      dpia.meta.dpo_advice.forEach((advice, i) => check('controller', advice.controller, dpia.meta.source, ['dpo_advice', i, 'controller']));
    }

    // The vocabulary itself: ids once per list, one default reading.
    if (vocab.source) {
      for (const list of Object.values(lists)) {
        const seen = new Set<string>();
        list.ids.forEach((id, i) => {
          if (seen.has(id)) out.push(at(content, this.id, vocab.source!, [list.key, i, 'id'], `Die Kennung „${id}“ steht zweimal in „${list.key}“.`, 'Jede Kennung steht einmal in ihrer Liste.'));
          seen.add(id);
        });
      }
      const defaults = vocab.regimes.map((r, i) => ({ r, i })).filter(({ r }) => r.reader === 'default');
      defaults.slice(1).forEach(({ r, i }) =>
        out.push(at(content, this.id, vocab.source!, ['regimes', i, 'reader'], `Auch „${r.id}“ ist als Standard-Lesefassung markiert (reader: default), wie schon „${defaults[0]!.r.id}“.`, 'Nur ein Datenschutzrecht hat die Leseseite ohne Zusatz in der Adresse: markieren Sie die übrigen mit „reader: own“ oder lassen Sie das Feld weg.')),
      );
    }
    return out;
  },
};
