import type { PartyEntry } from '../../lib/content-model.ts';
import { formatDateDe } from '../../lib/dates.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { eligibilityOn, isEligible, notEligibleReason } from '../../lib/parties/eligibility.ts';
import { agreementWords } from '../../lib/parties/kinds.ts';
import { supersedingVersionOn } from '../../lib/agreement/versions.ts';
import { at, type Rule } from '../rule.ts';

export const ledgerConsistency: Rule = {
  id: 'zeichnungsregister',
  description: 'Registereinträge sind in sich stimmig: Reihenfolge der Daten (auch der Erinnerungen), Form und Funktion bei Unterschrift, nichts nach dem Stichtag, nur berechtigte Partner.',
  check(content, options) {
    const out: Diagnostic[] = [];
    // First occurrence wins, as in the duplicate check: a second file with the same id is reported there.
    const parties = new Map<string, PartyEntry>();
    for (const party of content.parties) if (!parties.has(party.id)) parties.set(party.id, party);
    for (const ledger of content.ledgers) {
      const agreement = content.agreements.find((a) => a.id === ledger.agreement);
      if (!agreement) continue;
      for (const entry of ledger.entries) {
        const error = (field: string, message: string, hint: string) => out.push(at(content, this.id, entry.source, [field], message, hint));
        const version = agreement.versions.find((v) => v.version === entry.version);
        const party = parties.get(entry.party);
        // Eligible on the day of the offer, under the rule of the version in force then. An unknown
        // register is reported by rule „register“; every party would seem ineligible.
        if (party && eligibilityOn(content, agreement, entry.offered).register && !isEligible(content, party, agreement, entry.offered)) {
          const circle = agreementWords(content, agreement).many;
          if (!agreement.party_kinds.includes(party.kind)) {
            error('party', `„${entry.party}“ gehört nicht zum Kreis dieser Vereinbarung (${circle}) und ist nicht berechtigt.`, `Diese Vereinbarung zeichnen nur ${circle}: tragen Sie den Partner im Register der passenden Vereinbarung ein.`);
          } else {
            error('party', `„${entry.party}“ ${notEligibleReason(content, party, agreement, entry.offered, `am ${formatDateDe(entry.offered)}`)} und ist nicht berechtigt.`, 'Entfernen Sie den Eintrag oder ergänzen Sie beim Partner den Registereintrag („register: { plan: …, entry: … }“).');
          }
        }
        if (version?.status === 'entwurf') {
          error('version', `Version ${entry.version} ist ein Entwurf und kann nicht angeboten oder gezeichnet werden.`, 'Tragen Sie nur beschlossene Versionen ein.');
        }
        if (version && !entry.exception_reason) {
          // A version that a newer one has replaced is neither offered nor signed any more, unless the entry says why.
          for (const field of ['offered', 'signed'] as const) {
            const date = entry[field];
            const newer = date ? supersedingVersionOn(agreement, version.version, date) : undefined;
            if (date && newer) {
              error(
                field,
                `${field === 'offered' ? 'Angeboten' : 'Unterzeichnet'} am ${formatDateDe(date)}, aber Version ${entry.version} war seit dem ${formatDateDe(newer.adopted!)} durch Version ${newer.version} abgelöst.`,
                `Tragen Sie die aktuelle Fassung ein; war die alte Fassung ausnahmsweise richtig, begründen Sie es im Eintrag mit „exception_reason: …“.`,
              );
            }
          }
        }
        if (version?.adopted && entry.offered < version.adopted) {
          error('offered', `Angeboten am ${formatDateDe(entry.offered)}, aber Version ${entry.version} wurde erst am ${formatDateDe(version.adopted)} beschlossen.`, 'Prüfen Sie das Angebotsdatum.');
        }
        if (entry.signed) {
          if (entry.signed < entry.offered) error('signed', `Unterzeichnet am ${formatDateDe(entry.signed)}, vor dem Angebot am ${formatDateDe(entry.offered)}.`, 'Prüfen Sie beide Daten; unterzeichnet werden kann erst nach dem Angebot.');
          if (!entry.form) error('signed', 'Bei einer Unterschrift fehlt die Form.', 'Ergänzen Sie „form: schriftlich“ oder „form: elektronisch“.');
          if (!entry.signatory) error('signed', 'Bei einer Unterschrift fehlt die Funktion der unterzeichnenden Person.', 'Ergänzen Sie „signatory:“ mit „function:“ (und „name:“).');
          if (entry.declined) error('declined', 'Der Eintrag ist zugleich unterzeichnet und abgelehnt.', 'Entfernen Sie eines der beiden Daten; ein späterer Rückzug wird mit „withdrawn“ erfasst.');
        } else {
          if (entry.form) error('form', 'Eine Form ist angegeben, aber kein Unterschriftsdatum.', 'Ergänzen Sie „signed“ oder entfernen Sie „form“.');
          if (entry.withdrawn) error('withdrawn', 'Ein Widerruf ist eingetragen, aber keine Unterschrift.', 'Nur eine Unterschrift kann widerrufen werden; nutzen Sie sonst „declined“.');
        }
        if (entry.withdrawn && entry.signed && entry.withdrawn < entry.signed) {
          error('withdrawn', `Widerrufen am ${formatDateDe(entry.withdrawn)}, vor der Unterschrift am ${formatDateDe(entry.signed)}.`, 'Prüfen Sie beide Daten.');
        }
        if (entry.declined && entry.declined < entry.offered) error('declined', `Abgelehnt am ${formatDateDe(entry.declined)}, vor dem Angebot am ${formatDateDe(entry.offered)}.`, 'Prüfen Sie beide Daten.');
        if (entry.intent && entry.intent < entry.offered) error('intent', `Absicht erklärt am ${formatDateDe(entry.intent)}, vor dem Angebot am ${formatDateDe(entry.offered)}.`, 'Prüfen Sie beide Daten.');
        (entry.reminders ?? []).forEach((reminder, i) => {
          const remind = (message: string, hint: string) => out.push(at(content, this.id, entry.source, ['reminders', i, 'date'], message, hint));
          const on = formatDateDe(reminder.date);
          if (reminder.date < entry.offered) remind(`Erinnert am ${on}, vor dem Angebot am ${formatDateDe(entry.offered)}.`, 'Prüfen Sie beide Daten; erinnert wird an ein versandtes Angebot.');
          const answered = entry.signed && entry.signed < reminder.date ? `unterzeichnet am ${formatDateDe(entry.signed)}` : entry.declined && entry.declined < reminder.date ? `abgelehnt am ${formatDateDe(entry.declined)}` : undefined;
          if (answered) remind(`Erinnert am ${on}, aber das Angebot war schon beantwortet (${answered}).`, 'Erinnert wird nur an ein offenes Angebot; prüfen Sie die Daten.');
          const previous = entry.reminders![i - 1];
          if (previous && previous.date >= reminder.date) {
            remind(
              previous.date === reminder.date ? `Die Erinnerung vom ${on} ist zweimal eingetragen.` : `Die Erinnerung vom ${on} steht nach der vom ${formatDateDe(previous.date)}.`,
              'Jede Erinnerung steht einmal in „reminders“, die älteste zuerst.',
            );
          }
          if (options.asOf && reminder.date > options.asOf) {
            remind(`Das Datum ${on} liegt nach dem Stichtag ${formatDateDe(options.asOf)}.`, 'Tragen Sie Ereignisse erst ein, wenn sie stattgefunden haben, oder wählen Sie mit --as-of einen späteren Stichtag.');
          }
        });
        if (options.asOf) {
          for (const field of ['offered', 'intent', 'signed', 'declined', 'withdrawn'] as const) {
            const value = entry[field];
            if (value && value > options.asOf) {
              error(field, `Das Datum ${formatDateDe(value)} liegt nach dem Stichtag ${formatDateDe(options.asOf)}.`, 'Tragen Sie Ereignisse erst ein, wenn sie stattgefunden haben, oder wählen Sie mit --as-of einen späteren Stichtag.');
            }
          }
        }
      }
    }
    return out;
  },
};
