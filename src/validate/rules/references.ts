import type { Diagnostic } from '../../lib/diagnostics.ts';
import { at, listGerman, mayBeUnreadable, type Rule } from '../rule.ts';

export const references: Rule = {
  id: 'verweise',
  description: 'Jeder Verweis auf eine Kennung (Maßnahme, Vorlage, Vereinbarung, Vertragspartner, Version) führt zu einem vorhandenen Eintrag.',
  check(content) {
    const out: Diagnostic[] = [];
    const tomIds = new Set(content.toms.map((t) => t.id));
    const paperIds = new Set((content.council?.papers ?? []).map((p) => p.id));
    const agreementIds = new Map(content.agreements.map((a) => [a.id, a]));
    const partyIds = new Set(content.parties.map((p) => p.id));
    // A version whose number differs from its folder is reported by „versionen“; references to either are accepted here.
    const versionsOf = (a: (typeof content.agreements)[number]) => [...new Set(a.versions.flatMap((v) => [v.version, v.folder]))].sort();
    const allVersions = new Set(content.agreements.flatMap(versionsOf));
    const agreementsHint = `Vorhandene Vereinbarungen: ${listGerman([...agreementIds.keys()].slice(0, 8), 'keine')}.`;
    const unknownAgreement = (id: string) => !agreementIds.has(id) && !mayBeUnreadable(content, 'agreement', id);

    for (const dpia of content.dpia.versions) {
      for (const risk of dpia.risks) {
        for (const field of ['toms', 'limits_damage'] as const) {
          (risk[field] ?? []).forEach((id, i) => {
            if (!tomIds.has(id) && !mayBeUnreadable(content, 'tom', id)) {
              out.push(at(content, this.id, risk.source, [field, i], `Die Maßnahme „${id}“ gibt es im TOM-Katalog nicht.`, 'Korrigieren Sie die Kennung oder legen Sie die Maßnahme in content/toms/ an.'));
            }
          });
        }
      }
      // The agreement versions a DPIA belongs to must exist.
      dpia.meta.agreements.forEach((tie, t) => {
        const agreement = agreementIds.get(tie.agreement);
        if (!agreement) {
          if (unknownAgreement(tie.agreement)) out.push(at(content, this.id, dpia.meta.source, ['agreements', t, 'agreement'], `Die Vereinbarung „${tie.agreement}“ gibt es nicht.`, agreementsHint));
          return;
        }
        const known = versionsOf(agreement);
        tie.versions.forEach((version, i) => {
          if (known.includes(version) || mayBeUnreadable(content, 'version', `${agreement.id}/${version}`)) return;
          out.push(at(content, this.id, dpia.meta.source, ['agreements', t, 'versions', i], `Die Vereinbarung „${agreement.id}“ hat keine Version „${version}“.`, `Vorhandene Versionen: ${listGerman(known, 'keine')}.`));
        });
      });
    }
    for (const tom of content.toms) {
      if (!allVersions.has(tom.since_version) && !mayBeUnreadable(content, 'version') && !mayBeUnreadable(content, 'agreement')) {
        out.push(at(content, this.id, tom.source, ['since_version'], `Eine Version „${tom.since_version}“ gibt es bei keiner Vereinbarung.`, `Vorhandene Versionen: ${listGerman([...allVersions].sort(), 'keine')}.`));
      }
    }
    const council = content.council;
    if (council) {
      const paperRef = (paper: string, field: (string | number)[]) => {
        if (!paperIds.has(paper)) {
          out.push(at(content, this.id, council.source, field, `Die Vorlage „${paper}“ steht nicht unter „papers“.`, 'Ergänzen Sie die Vorlage unter „papers“ oder korrigieren Sie die Nummer.'));
        }
      };
      council.consultations.forEach((c, i) => paperRef(c.paper, ['consultations', i, 'paper']));
      council.resolutions.forEach((r, i) => {
        paperRef(r.paper, ['resolutions', i, 'paper']);
        if (unknownAgreement(r.agreement)) out.push(at(content, this.id, council.source, ['resolutions', i, 'agreement'], `Die Vereinbarung „${r.agreement}“ gibt es nicht.`, agreementsHint));
      });
      council.offer_letters.forEach((o, i) => {
        if (unknownAgreement(o.agreement)) out.push(at(content, this.id, council.source, ['offer_letters', i, 'agreement'], `Die Vereinbarung „${o.agreement}“ gibt es nicht.`, agreementsHint));
      });
      council.beschlusskontrolle.forEach((b, i) => paperRef(b.paper, ['beschlusskontrolle', i, 'paper']));
    }
    for (const agreement of content.agreements) {
      if (council && !paperIds.has(agreement.paper)) {
        out.push(at(content, this.id, agreement.source, ['paper'], `Die Vorlage „${agreement.paper}“ steht nicht in content/council/council.yaml.`, 'Ergänzen Sie die Vorlage dort unter „papers“ oder korrigieren Sie die Nummer.'));
      }
      for (const version of agreement.versions) {
        if (version.paper && council && !paperIds.has(version.paper)) {
          out.push(at(content, this.id, version.source, ['paper'], `Die Vorlage „${version.paper}“ steht nicht in content/council/council.yaml.`, 'Ergänzen Sie die Vorlage dort unter „papers“ oder korrigieren Sie die Nummer.'));
        }
      }
    }
    if (content.site && unknownAgreement(content.site.main_agreement)) {
      out.push(at(content, this.id, content.site.source, ['main_agreement'], `Die Vereinbarung „${content.site.main_agreement}“ gibt es nicht.`, agreementsHint));
    }
    for (const ledger of content.ledgers) {
      const agreement = agreementIds.get(ledger.agreement);
      if (!agreement) {
        if (unknownAgreement(ledger.agreement)) out.push(at(content, this.id, ledger.source, ['agreement'], `Die Vereinbarung „${ledger.agreement}“ gibt es nicht.`, agreementsHint));
        continue;
      }
      const versions = versionsOf(agreement);
      for (const entry of ledger.entries) {
        if (!partyIds.has(entry.party) && !mayBeUnreadable(content, 'party', entry.party)) {
          out.push(at(content, this.id, entry.source, ['party'], `Den Vertragspartner „${entry.party}“ gibt es nicht.`, 'Korrigieren Sie die Kennung oder legen Sie den Partner in content/parties/ an.'));
        }
        if (!versions.includes(entry.version) && !mayBeUnreadable(content, 'version', `${agreement.folder}/${entry.version}`)) {
          out.push(at(content, this.id, entry.source, ['version'], `Die Vereinbarung „${agreement.id}“ hat keine Version „${entry.version}“.`, `Vorhandene Versionen: ${listGerman(versions, 'keine')}.`));
        }
      }
    }
    return out;
  },
};
