import type { Content, PartyEntry, PartyKindEntry } from '../../lib/content-model.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { kindOf, kindSlug } from '../../lib/parties/kinds.ts';
import { SITE_SEGMENTS } from '../../lib/site/urls.ts';
import { organisationOf } from '../../lib/organisation/profile.ts';
import { at, listGerman, mayBeUnreadable, type Rule } from '../rule.ts';

/** First path segments taken before any directory: the site's own, each page's (pages/), the council page's. */
function takenSegments(content: Content): Map<string, string> {
  const taken = new Map<string, string>(SITE_SEGMENTS.map((s) => [s, 'der Website selbst']));
  for (const page of content.pages) taken.set(page.slug, `der Seite „${page.title}“`);
  if (content.organisation) taken.set(organisationOf(content).council.slug, 'der Ratsseite');
  return taken;
}

/** `content/parties/traeger/traeger-001.yaml` → `content/parties/traeger.yaml` */
function kindFileOf(party: PartyEntry): string {
  const parts = party.source.file.split('/');
  return `${parts.slice(0, -1).join('/')}.yaml`;
}

/**
 * What a party file must and must not say follows from its kind (`parties/<kind>.yaml`): units
 * or its own register entry, a weight where the kind counts one, no legal form or contacts for
 * a natural person. Agreements name declared kinds, several kinds need their own words.
 */
export const partyKinds: Rule = {
  id: 'partnerarten',
  description:
    'Jede Art von Vertragspartnern ist in parties/<art>.yaml beschrieben; jede Partnerdatei passt zu ihrer Art (Einheiten, Registereintrag, Gewicht, natürliche Person); Vereinbarungen nennen beschriebene Arten.',
  check(content) {
    const out: Diagnostic[] = [];
    const kindIds = content.kinds.map((k) => k.id);
    const known = `Beschriebene Arten: ${listGerman(kindIds, 'keine')}.`;

    // Parties whose kind is not described.
    const reported = new Set<string>();
    for (const party of content.parties) {
      const kind = kindOf(content, party.kind);
      if (!kind) {
        if (mayBeUnreadable(content, 'kind', party.kind) || reported.has(party.kind)) continue;
        reported.add(party.kind);
        out.push(
          at(
            content,
            this.id,
            party.source,
            ['id'],
            `Die Art von Vertragspartnern „${party.kind}“ (Ordner parties/${party.kind}/) ist nicht beschrieben: ${kindFileOf(party)} fehlt.`,
            `Legen Sie ${kindFileOf(party)} mit „id: ${party.kind}“, den Wörtern, Einheiten und dem Register an (Muster in content/parties/README.md).`,
          ),
        );
        continue;
      }
      out.push(...checkParty(content, this.id, party, kind));
    }

    // The kinds themselves.
    const taken = takenSegments(content);
    const slugs = new Map<string, PartyKindEntry>();
    for (const kind of content.kinds) {
      if (kind.directory && kind.natural_person) {
        out.push(at(content, this.id, kind.source, ['directory'], `Die Art „${kind.id}“ beschreibt natürliche Personen und kann kein öffentliches Verzeichnis haben.`, 'Namen und Anschriften natürlicher Personen erscheinen nicht auf der Website: entfernen Sie „directory: true“.'));
      }
      if (!kind.directory) continue;
      const slug = kindSlug(kind);
      const owner = taken.get(slug);
      if (owner) {
        out.push(at(content, this.id, kind.source, [kind.slug ? 'slug' : 'id'], `Die Adresse /${slug}/ gehört schon ${owner}.`, `Wählen Sie mit „slug:“ eine andere Adresse für das Verzeichnis; belegt sind ${listGerman([...taken.keys()].sort(), '')}.`));
      }
      const other = slugs.get(slug);
      if (other) out.push(at(content, this.id, kind.source, [kind.slug ? 'slug' : 'id'], `Die Adresse /${slug}/ hat schon das Verzeichnis der Art „${other.id}“.`, 'Geben Sie jeder Art mit Verzeichnis eine eigene Adresse („slug:“).'));
      else slugs.set(slug, kind);
    }

    // Agreements name declared kinds; several kinds need their own words.
    for (const agreement of content.agreements) {
      agreement.party_kinds.forEach((id, i) => {
        if (kindOf(content, id) || mayBeUnreadable(content, 'kind', id)) return;
        out.push(at(content, this.id, agreement.source, ['party_kinds', i], `Die Art von Vertragspartnern „${id}“ ist nicht beschrieben (parties/${id}.yaml fehlt).`, known));
      });
      if (agreement.party_kinds.length > 1 && !agreement.party_words) {
        out.push(
          at(
            content,
            this.id,
            agreement.source,
            ['party_kinds'],
            `Die Vereinbarung wird mit ${agreement.party_kinds.length} Arten von Vertragspartnern geschlossen, nennt aber keine gemeinsamen Wörter für sie.`,
            'Ergänzen Sie „party_words:“ mit gender, one und many (z. B. „Vertragspartner“), wie unter „words:“ einer Art; Sätze und Zahlen nennen die Partner damit gemeinsam.',
          ),
        );
      }
    }
    return out;
  },
};

function checkParty(content: Content, rule: string, party: PartyEntry, kind: PartyKindEntry): Diagnostic[] {
  const out: Diagnostic[] = [];
  const error = (field: (string | number)[], message: string, hint: string) => out.push(at(content, rule, party.source, field, message, hint));
  const written = (...field: (string | number)[]) => content.hasField(party.source, ...field);
  const listed = kind.units?.listed ?? false;
  const kindName = `„${kind.id}“ (${kind.words.many})`;
  if (listed) {
    if (!party.units) error(['id'], `Vertragspartner der Art ${kindName} führen ihre ${kind.units!.many} unter „units:“, hier fehlt die Liste.`, `Ergänzen Sie „units:“ mit mindestens einem Eintrag (id, name, address, register${kind.weight ? ', weight' : ''}).`);
    for (const field of ['register', 'weight'] as const) {
      if (written(field)) error([field], `„${field}“ steht bei der Art ${kindName} an den ${kind.units!.many}, nicht am Vertragspartner.`, `Tragen Sie „${field}“ bei jedem Eintrag unter „units:“ ein.`);
    }
    (party.units ?? []).forEach((unit, i) => {
      if (kind.weight && unit.weight === undefined) error(['units', i], `Bei „${unit.id}“ fehlt „weight“ (${kind.weight.many}).`, `Ergänzen Sie „weight: <Zahl>“: die ${kind.weight.many} dieser Einheit.`);
      if (!kind.weight && unit.weight !== undefined) error(['units', i, 'weight'], `Die Art ${kindName} zählt kein Gewicht; „weight“ wird nicht ausgewertet.`, 'Entfernen Sie „weight“ oder beschreiben Sie es in der Art unter „weight:“.');
    });
  } else {
    if (written('units')) error(['units'], `Vertragspartner der Art ${kindName} haben keine eigene Liste von Einheiten.`, 'Entfernen Sie „units:“; Registereintrag und Gewicht stehen direkt beim Vertragspartner („register:“, „weight:“).');
    if (kind.weight && party.weight === undefined) error(['id'], `Bei „${party.id}“ fehlt „weight“ (${kind.weight.many}).`, `Ergänzen Sie „weight: <Zahl>“.`);
    if (!kind.weight && party.weight !== undefined) error(['weight'], `Die Art ${kindName} zählt kein Gewicht; „weight“ wird nicht ausgewertet.`, 'Entfernen Sie „weight“ oder beschreiben Sie es in der Art unter „weight:“.');
  }
  if (kind.natural_person) {
    for (const field of ['legal_form', 'contacts', 'publish_signing_status'] as const) {
      if (written(field)) error([field], `„${field}“ gibt es bei natürlichen Personen nicht, und die Art ${kindName} beschreibt natürliche Personen.`, 'Entfernen Sie das Feld: eine natürliche Person zeichnet selbst, ihr Stand wird nie einzeln veröffentlicht.');
    }
  } else if (written('oeffentlich')) {
    error(['oeffentlich'], `„oeffentlich“ gilt nur für natürliche Personen; die Art ${kindName} beschreibt keine.`, 'Entfernen Sie das Feld: Name und Anschrift einer Organisation sind ohnehin öffentlich.');
  }
  if (!party.regime) error(['id'], `„${party.id}“ nennt kein Datenschutzrecht („regime“), und die Art ${kindName} hat keine Voreinstellung.`, 'Ergänzen Sie „regime: …“ (eine Kennung aus vocabularies.yaml) oder „default_regime:“ in der Art.');
  return out;
}
