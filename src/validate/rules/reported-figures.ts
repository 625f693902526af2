import type { AgreementEntry, Content } from '../../lib/content-model.ts';
import { organisationOf } from '../../lib/organisation/profile.ts';
import { papersOf } from '../../lib/council/resolutions.ts';
import { formatDateDe } from '../../lib/dates.ts';
import type { Diagnostic } from '../../lib/diagnostics.ts';
import { buildSigningFigures, ledgerByParty } from '../../lib/signing/figures.ts';
import { at, listGerman, type Rule } from '../rule.ts';

/** The agreement a Beschlusskontrolle reports on: its own paper, or the paper of one of its resolutions. */
function agreementOf(content: Content, paper: string): AgreementEntry | undefined {
  return content.agreements.find((a) => a.paper === paper) ?? content.agreements.find((a) => papersOf(content, a).includes(paper));
}

export const reportedFigures: Rule = {
  id: 'berichtete-zahlen',
  description: 'Die Zahlen, die eine Beschlusskontrolle dem Rat berichtet hat, ergeben sich auch heute noch aus den Inhalten.',
  // The figures count every party and every ledger entry: one unreadable file changes them.
  needsComplete: ['agreements', 'parties', 'ledger'],
  check(content) {
    const out: Diagnostic[] = [];
    const council = content.council;
    if (!council) return out;
    council.beschlusskontrolle.forEach((report, index) => {
      if (!report.reported) return;
      const agreement = agreementOf(content, report.paper);
      if (!agreement) return;
      const f = buildSigningFigures(content, agreement, report.date);
      if (f.eligible === report.reported.eligible && f.bound === report.reported.signed) return;
      const day = formatDateDe(report.date);
      const told = `${report.reported.signed} von ${report.reported.eligible}`;
      const now = `${f.bound} von ${f.eligible}`;
      const hints: string[] = [];
      if (f.eligible > report.reported.eligible) {
        // Parties counted as eligible that day although nothing shows they were: no offer by then, no date in the Bedarfsplan.
        const byParty = ledgerByParty(content, agreement.id);
        const suspects = f.parties
          .filter((p) => !(byParty.get(p.party.id) ?? []).some((e) => e.offered <= report.date))
          .filter((p) => (p.party.kind === 'traeger' ? p.party.facilities.every((fac) => !fac.bedarfsplan?.since) : !p.party.bedarfsplan?.since))
          .map((p) => p.party.source.file);
        if (suspects.length > 0) {
          const shown = suspects.length > 10 ? [...suspects.slice(0, 10), `${suspects.length - 10} weitere`] : suspects;
          hints.push(
            `Am ${day} zählen als berechtigt, ohne bis dahin ein Angebot erhalten zu haben: ${listGerman(shown, '', false)}. Tragen Sie beim Bedarfsplan-Eintrag ihrer Einrichtungen ein, seit wann sie im Plan stehen („since: JJJJ-MM-TT“).`,
          );
        }
      }
      if (hints.length === 0) hints.push(`Prüfen Sie die Einträge im Zeichnungsregister mit Datum bis zum ${day} und die Bedarfsplan-Einträge der Vertragspartner; der berichtete Stand ist ein Protokoll und wird nicht geändert.`);
      out.push(
        at(
          content,
          this.id,
          council.source,
          ['beschlusskontrolle', index, 'reported'],
          `Die Beschlusskontrolle vom ${day} hat ${organisationOf(content).council.dative} „${told}“ berichtet; aus den heutigen Inhalten ergibt sich für diesen Tag „${now}“.`,
          hints.join(' '),
        ),
      );
    });
    return out;
  },
};
