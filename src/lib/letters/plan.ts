import { changelogOf, noteCovers, sectionListText, type ChangeNote } from '../agreement/changelog.ts';
import { committeeNamed, organisationOf, type OrganisationView } from '../organisation/profile.ts';
import { asTemplateValue, type TemplateData } from '../pdf/template.ts';
import { paragraphsOf, renderPhrase, renderPhrases } from '../texts/phrases.ts';
import { REGIME_LABELS } from '../../schemas/common.ts';
import type { CopyRef } from '../../schemas/ledger.ts';
import { currentVersionOn, findVersionOf, versionRank } from '../agreement/versions.ts';
import type { AgreementEntry, Content, LedgerEntryLocated, PartyEntry, Section, Version } from '../content-model.ts';
import { formatDateDe } from '../dates.ts';
import { joinGerman } from '../format.ts';
import { isEligible, partiesFor } from '../parties/eligibility.ts';
import { findParty } from '../parties/lookup.ts';
import { PARTY_WORDS } from '../parties/words.ts';
import { partyStandingOn, type PartyStanding } from '../signing/binding.ts';
import { isOpen } from '../signing/terms.ts';
import { CHANGE_KIND_IN_SENTENCE, compareVersionSections, numbersOnlySummary, renderWordDiffHtml, renumberingOf } from '../agreement/compare.ts';
import { renderMarkdownBody } from '../markdown.ts';
import { exampleMarkOf, exampleMarkText, instanceExampleMark, type ExampleMarkView } from '../example-data.ts';
import type { Reminder } from '../../schemas/ledger.ts';

/**
 * Which letters go out on a day, and what each says. Pure: content and the PDF manifest's
 * copies in, view models out. Who is bound, offered or open comes from signing/binding.ts.
 */

export const LETTER_KINDS = ['angebot', 'erinnerung', 'aenderung'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  angebot: 'Angebot',
  erinnerung: 'Erinnerung',
  aenderung: 'Änderung („Was ändert sich für Sie?“)',
};

/** Used when agreement.yaml has no `letters:` block (`max_reminders` also when the block lacks it). */
export const DEFAULT_LETTER_PERIODS = { answer_weeks: 6, reminder_weeks: 8, max_reminders: 2 } as const;

/** One § that changes for the party's regime variant. */
export interface LetterChange {
  sectionId: string;
  /** „§ 24“; a renumbered § „§ 24 (bisher § 23)“. */
  label: string;
  /** The number the reader finds it under: the new one, the old one for a removed §. */
  number: number;
  title: string;
  kindLabel: string;
  /** Why, from the changelog: the version's `changes` lines that name this § (none when no line does). */
  reasons: string[];
  /**
   * The changed Absätze with their word diff, runs of unchanged ones as one line (renderWordDiffHtml
   * with `changedOnly`); the whole text of a new or removed §; absent when `summary` says it all.
   */
  diffHtml?: string;
  /** One line instead of the text, for a § in which only numbers changed: „nur neu nummeriert: bisher § 23, jetzt § 24“. */
  summary?: string;
}

/** A changelog entry with the party's §§ it covers: the reason once, the §§ under it. */
export interface LetterChangeGroup {
  /** What changed, from the changelog; absent for the §§ no entry names. */
  text?: string;
  reason?: string;
  /** „Beispieldaten: …“ when the entry is example data. */
  exampleText?: string;
  /** „Betrifft § 4, § 5 und § 6“ */
  coversText: string;
  /** The §§ shown here in full. */
  sections: LetterChange[];
  /** §§ the entry also covers, shown under an earlier entry: „Außerdem betroffen (oben unter Änderung 1): § 25 (bisher § 24) Schulung …“. */
  seeAbove: string[];
}

export interface LetterView {
  kind: LetterKind;
  /** File name without extension, e.g. `angebot-muster-1.0-traeger-001`. */
  fileStem: string;
  agreementId: string;
  version: string;
  party: { id: string; name: string; kind: PartyEntry['kind']; regime: string; file: string };
  /** Why this party gets this letter (dry run, summary). */
  reason: string;
  date: string;
  dateText: string;
  senderLine: string;
  sender: { publisher: string; department: string; address: string; email: string };
  /** The body as organisation.yaml describes it (`org.*` in letter.html: the place the letter is dated at …). */
  org: OrganisationView;
  addressLines: string[];
  salutation: string;
  subject: string;
  paragraphs: string[];
  changes: LetterChange[];
  /** The same §§ by changelog entry, in the changelog's order (a change notice). */
  changeGroups: LetterChangeGroup[];
  /** Lines from version.yaml `changes` not tied to a § shown above. */
  changeNotes: string[];
  enclosures: string[];
  answerBy: string;
  answerByText: string;
  copy?: CopyRef;
  /** German warnings for the terminal (e.g. no copy in the PDF manifest). */
  warnings: string[];
  /**
   * What the letter names that the content marks as example data (`beispiel`): the version, its
   * paper, the session that adopted it – one German line each. Not empty: not to be mailed as real.
   */
  exampleNotes: string[];
  /** In an example instance the mark every letter carries (instanceExampleMark); null for a real one. */
  exampleMark: string | null;
  /** Public contact of the party (only where the content marks it `oeffentlich: true`). */
  publicContact?: { name: string; function: string; email?: string };
  closing: string;
}

export interface LetterOptions {
  asOf: string;
  kinds?: readonly LetterKind[];
  party?: string;
  /** The copy in the PDF manifest for (agreement, version, party), when there is one. */
  copyOf?: (agreementId: string, version: string, partyId: string) => CopyRef | undefined;
}

export class LetterRefusal extends Error {
  readonly exitCode = 1;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function partyName(party: PartyEntry): string {
  return party.name;
}

function regimeSentence(party: PartyEntry): string {
  switch (party.regime) {
    case 'kdg':
      return 'Ihre Ausfertigung ist die Fassung für Träger unter dem Gesetz über den Kirchlichen Datenschutz (KDG); sie nennt die für Sie zuständige kirchliche Datenschutzaufsicht.';
    case 'dsg-ekd':
      return 'Ihre Ausfertigung ist die Fassung für Träger unter dem Kirchengesetz über den Datenschutz der Evangelischen Kirche in Deutschland (DSG-EKD); sie nennt die für Sie zuständige kirchliche Datenschutzaufsicht.';
    default:
      return 'Ihre Ausfertigung ist die Fassung nach der Datenschutz-Grundverordnung (DSGVO).';
  }
}

/** A changelog entry as one line of the letter: what changed, and why; marked when it is example data. */
function changeLine(note: ChangeNote): string {
  const line = note.reason ? `${note.text} Begründung: ${note.reason}` : note.text;
  return note.example ? `${line} (${exampleMarkText(note.example)})` : line;
}

/**
 * The example data a letter names: the versions it names (a change notice also the one it
 * replaces) and, where it cites the resolution (`resolutionOf`), the council paper and the
 * consultation that adopted it.
 */
export function exampleNotesFor(content: Content, versions: readonly Version[], resolutionOf?: Version): string[] {
  const notes: string[] = [];
  const add = (what: string, mark: ExampleMarkView | undefined) => {
    if (mark) notes.push(`${what}: ${mark.note ?? `${mark.label}.`}`);
  };
  for (const version of versions) add(`Version ${version.version}`, exampleMarkOf(version.beispiel));
  for (const version of resolutionOf ? [resolutionOf] : []) {
    const paper = content.council?.papers.find((p) => p.id === version.paper);
    if (paper) add(`Vorlage ${paper.id}`, exampleMarkOf(paper.beispiel));
    for (const c of content.council?.consultations ?? []) {
      if (c.paper === version.paper && c.date === version.adopted) add(`Sitzung${version.session ? ` ${version.session}` : ''} (${c.body}, ${formatDateDe(c.date)})`, exampleMarkOf(c.beispiel));
    }
  }
  return [...new Set(notes)];
}

/**
 * The changelog lines about a §: the entries that name its id. An older plain-text entry names
 * no §§ as data; there the § numbers in its text are the link („§ 10 nennt …“, „§§ 4–6 …“).
 */
export function reasonsFor(notes: readonly ChangeNote[], section: Section): string[] {
  return notes.filter((note) => noteCovers(note, section)).map(changeLine);
}

/** One sentence per earlier entry that shows §§ this one covers too. */
function seeAboveLines(earlier: readonly LetterChange[], shownIn: ReadonlyMap<string, number>): string[] {
  const byEntry = new Map<number, string[]>();
  for (const c of earlier) {
    const n = shownIn.get(c.sectionId)!;
    byEntry.set(n, [...(byEntry.get(n) ?? []), `${c.label} ${c.title}`]);
  }
  return [...byEntry].map(([n, labels]) => `Außerdem betroffen (oben unter Änderung ${n}): ${joinGerman(labels)}.`);
}

function changesFor(from: Version, to: Version, party: PartyEntry): { changes: LetterChange[]; groups: LetterChangeGroup[]; notes: string[] } {
  const changes: LetterChange[] = [];
  const sections: Section[] = [];
  const notes = changelogOf(to);
  const renumbering = renumberingOf(from, to);
  for (const c of compareVersionSections(from, to)) {
    if (!c.kind || !c.regimes.includes(party.regime)) continue;
    const section = (c.neu ?? c.old)!;
    const renumbered = c.old && c.neu && c.old.number !== c.neu.number;
    // A § with a one-line summary names its old number there.
    const label = renumbered && !c.numbersOnly ? `§\u00a0${c.neu!.number} (bisher §\u00a0${c.old!.number})` : `§\u00a0${section.number}`;
    const summary = c.numbersOnly ? numbersOnlySummary(c, renumbering) : undefined;
    const diffHtml = summary
      ? undefined
      : c.oldText !== undefined
        ? renderWordDiffHtml(c.oldText, c.newText!, { changedOnly: true, renumbering })
        : c.kind === 'neu' || c.kind === 'entfallen'
          ? renderMarkdownBody(section.body, `aenderung-${c.id}-text`).html
          : undefined;
    const reasons = reasonsFor(notes, section);
    changes.push({ sectionId: c.id, label, number: section.number, title: section.title, kindLabel: CHANGE_KIND_IN_SENTENCE[c.kind], reasons, diffHtml, ...(summary ? { summary } : {}) });
    sections.push(section);
  }
  // Each entry once, with the party's §§ it covers; a § two entries cover is shown under the first.
  const groups: LetterChangeGroup[] = [];
  const shownIn = new Map<string, number>();
  const unused: string[] = [];
  for (const note of notes) {
    const covered = changes.filter((_, i) => noteCovers(note, sections[i]!));
    if (covered.length === 0) {
      unused.push(changeLine(note));
      continue;
    }
    const fresh = covered.filter((c) => !shownIn.has(c.sectionId));
    for (const c of fresh) shownIn.set(c.sectionId, groups.length + 1);
    groups.push({
      text: note.text,
      reason: note.reason,
      exampleText: note.example ? exampleMarkText(note.example) : undefined,
      coversText: `Betrifft ${sectionListText(covered.map((c) => c.number))}`,
      sections: fresh,
      seeAbove: seeAboveLines(covered.filter((c) => !fresh.includes(c)), shownIn),
    });
  }
  const rest = changes.filter((c) => !shownIn.has(c.sectionId));
  if (rest.length > 0) groups.push({ coversText: `Betrifft ${sectionListText(rest.map((c) => c.number))}`, sections: rest, seeAbove: [] });
  return { changes, groups, notes: unused };
}

/**
 * The return address above the window (DIN 5008): body, department and the rest of the postal
 * address, without repeating the names the address line starts with.
 */
export function returnAddress(org: OrganisationView): string {
  const parts = org.address.split(/,\s*/);
  while (parts.length > 1 && (parts[0] === org.name || parts[0] === org.department.name)) parts.shift();
  return [org.name, org.department.name, parts.join(', ')].filter(Boolean).join(' · ');
}

function addressLines(party: PartyEntry): string[] {
  return [partyName(party), party.address.street, `${party.address.postal_code} ${party.address.city}`];
}

function salutation(party: PartyEntry): string {
  return party.kind === 'traeger' ? 'Sehr geehrte Damen und Herren,' : `Guten Tag ${party.name},`;
}

function publicContact(party: PartyEntry): LetterView['publicContact'] {
  if (party.kind !== 'traeger') return undefined;
  const c = party.contacts.find((contact) => contact.oeffentlich);
  return c ? { name: c.name, function: c.function, email: c.email } : undefined;
}

interface Planned {
  kind: LetterKind;
  reason: string;
  standing: PartyStanding;
  entry?: LedgerEntryLocated;
  /** Reminders about this offer sent before this letter (a reminder). */
  earlierReminders: Reminder[];
}

export interface ReminderRule {
  /** Weeks after the offer, and after each reminder, before the next reminder. */
  weeks: number;
  /** No reminder after this many. */
  max: number;
}

/** What one party gets on `asOf` for the current version, from its standing alone. */
function planFor(party: PartyEntry, entries: readonly LedgerEntryLocated[], agreement: AgreementEntry, current: Version, asOf: string, rule: ReminderRule): Planned | undefined {
  const standing = partyStandingOn(party, entries, agreement, asOf);
  // A party that has terminated (or whose termination runs) has left: no offer, no reminder.
  if (standing.state === 'beendet' || standing.binding?.termination) return undefined;
  if (standing.binding?.version === current.version) return undefined;
  const entry = entries.find((e) => e.version === current.version && e.offered <= asOf);
  const older = standing.binding && versionRank(agreement, standing.binding.version) < versionRank(agreement, current.version) ? standing.binding : undefined;
  // An offer recorded on this very day is the letter of this day: the run can be repeated after recording it.
  if (!entry || entry.offered === asOf) {
    if (older) {
      return { kind: 'aenderung', standing, entry, earlierReminders: [], reason: `an Version ${older.version} gebunden (seit ${formatDateDe(older.since)}); Version ${current.version} ${entry ? 'heute angeboten' : 'noch nicht angeboten'}` };
    }
    const previous = standing.latestOffer && standing.latestOffer.version !== current.version ? standing.latestOffer : undefined;
    const before =
      previous?.state === 'abgelehnt'
        ? `Version ${previous.version} abgelehnt; `
        : previous
          ? `Angebot von Version ${previous.version} vom ${formatDateDe(previous.entry.offered)} ohne Unterschrift; `
          : '';
    const why = `${before}Version ${current.version} ${entry ? 'heute angeboten' : 'noch nicht angeboten'}`;
    return { kind: 'angebot', standing, entry, earlierReminders: [], reason: why };
  }
  const state = standing.latestOffer?.version === current.version ? standing.latestOffer.state : undefined;
  if (!state || !isOpen(state)) return undefined;
  // Reminders sent by the day; one recorded on this very day is the letter of this day, as with offers.
  const sent = (entry.reminders ?? []).filter((r) => r.date < asOf);
  if (sent.length >= rule.max) return undefined;
  const last = sent.at(-1);
  if (addDays(last?.date ?? entry.offered, rule.weeks * 7) > asOf) return undefined;
  const intent = state === 'absicht' ? `, Absicht erklärt am ${formatDateDe(entry.intent!)}` : '';
  const bound = older ? `; an Version ${older.version} gebunden` : '';
  const since = last
    ? `offen; letzte Erinnerung am ${formatDateDe(last.date)}, mindestens ${rule.weeks} Wochen her; ${sent.length + 1}. Erinnerung von höchstens ${rule.max}`
    : `seit mindestens ${rule.weeks} Wochen offen`;
  return { kind: 'erinnerung', standing, entry, earlierReminders: sent, reason: `Angebot vom ${formatDateDe(entry.offered)} ${since}${intent}${bound}` };
}

/**
 * The letters of one day for one agreement. With `party`, that party must be eligible; a
 * refusal names its file and line.
 */
export function buildLetters(content: Content, agreement: AgreementEntry, options: LetterOptions): LetterView[] {
  const { asOf } = options;
  const current = currentVersionOn(agreement, asOf);
  if (!current) throw new LetterRefusal(`Am ${formatDateDe(asOf)} war noch keine Version der Vereinbarung „${agreement.id}“ beschlossen; es gibt nichts anzubieten. Wählen Sie mit --as-of einen späteren Tag.`);
  const periods = agreement.letters ?? DEFAULT_LETTER_PERIODS;
  const reminderRule: ReminderRule = { weeks: periods.reminder_weeks, max: periods.max_reminders ?? DEFAULT_LETTER_PERIODS.max_reminders };
  const ledger = content.ledgers.find((l) => l.agreement === agreement.id);
  const org = organisationOf(content);
  const sender = { publisher: org.name, department: org.department.name, address: org.address, email: org.contactEmail };
  let parties = partiesFor(content, agreement);
  if (options.party) {
    // An unknown id is a wrong call (exit 2), as in every command that takes --party.
    const party = findParty(content, options.party);
    if (!isEligible(party, agreement, asOf)) {
      const wrongKind = party.kind !== agreement.party_kind;
      const field = wrongKind ? 'id' : party.kind === 'traeger' ? 'facilities' : 'bedarfsplan';
      const line = content.lineOf(party.source, field)?.line ?? content.lineOf(party.source, 'id')?.line ?? 1;
      const why = wrongKind
        ? `gehört nicht zum Kreis der Vereinbarung „${agreement.id}“ (sie gilt für ${agreement.party_kind === 'traeger' ? 'Träger' : 'Kindertagespflegepersonen'})`
        : `${party.kind === 'traeger' ? 'hat am' : 'ist am'} ${formatDateDe(asOf)} ${party.kind === 'traeger' ? 'keine Einrichtung im' : 'nicht im'} Bedarfsplan ${agreement.bedarfsplan}${party.kind === 'traeger' ? '' : ' aufgenommen'}`;
      const hint = wrongKind ? 'Wählen Sie mit --agreement die Vereinbarung für diesen Partnerkreis.' : 'Ergänzen Sie den Bedarfsplan-Eintrag (bedarfsplan: { plan, entry }), falls er fehlt.';
      throw new LetterRefusal(`${party.source.file}:${line}: „${party.id}“ ${why} und ist nicht berechtigt; es wird kein Schreiben erzeugt. ${hint}`);
    }
    parties = [party];
  }
  const letters: LetterView[] = [];
  const answerBy = addDays(asOf, periods.answer_weeks * 7);
  const words = PARTY_WORDS[agreement.party_kind];
  for (const party of parties) {
    if (!isEligible(party, agreement, asOf)) continue;
    const entries = ledger?.entries.filter((e) => e.party === party.id) ?? [];
    const plan = planFor(party, entries, agreement, current, asOf, reminderRule);
    if (!plan || (options.kinds && !options.kinds.includes(plan.kind))) continue;
    const warnings: string[] = [];
    const copy = plan.entry?.offered_copy ?? options.copyOf?.(agreement.id, current.version, party.id);
    if (!copy) warnings.push(`Keine Ausfertigung für ${party.id}, Version ${current.version} im PDF-Verzeichnis; das Schreiben nennt keine Dokumentkennung. Bauen Sie die PDFs (npm run pdf) vor dem Versand.`);
    let changes: LetterChange[] = [];
    let changeGroups: LetterChangeGroup[] = [];
    let changeNotes: string[] = [];
    if (plan.kind === 'aenderung') {
      const changed = changesFor(findVersionOf(agreement, plan.standing.binding!.version)!, current, party);
      changes = changed.changes;
      changeGroups = changed.groups;
      changeNotes = changed.notes;
    }
    // The wording comes from the texts of templates/letters/ (the content's own first); code fills in the values.
    const b = plan.standing.binding;
    const entry = plan.entry;
    const data: TemplateData = {
      org: asTemplateValue(org),
      agreement: { title: agreement.title, shortTitle: agreement.short_title },
      version: current.version,
      answerByText: formatDateDe(answerBy),
      regime: { label: REGIME_LABELS[party.regime], sentence: regimeSentence(party) },
      party: {
        name: party.name,
        each: `${words.relativeOne === 'der' ? 'jedem' : 'jeder'} ${words.dativeOne}`,
        relative: words.relativeOne,
        eligible: words.eligibleOne(agreement.bedarfsplan).replace(/^(der|die) /, ''),
      },
      resolution: {
        committee: committeeNamed(org, current.adopted_by ?? org.council.name).nominative,
        dateText: formatDateDe(current.adopted!),
        paper: current.paper ?? null,
        session: current.session ?? null,
      },
      // The older version that binds the party until it signs this one (a flag for sections: a group would shadow `version`).
      isBound: Boolean(b && b.version !== current.version),
      bound:
        b && b.version !== current.version
          ? {
              version: b.version,
              sinceText: formatDateDe(b.since),
              termination: b.termination ? { declaredText: formatDateDe(b.termination.declared), endsOnText: formatDateDe(b.termination.endsOn) } : null,
            }
          : null,
      offer: entry
        ? {
            dateText: formatDateDe(entry.offered),
            remindedText: joinGerman(plan.earlierReminders.map((r) => formatDateDe(r.date))),
            intentText: plan.standing.latestOffer?.state === 'absicht' && entry.intent ? formatDateDe(entry.intent) : '',
          }
        : null,
      changes: { any: changes.length > 0, verb: changes.length === 1 ? 'ändert sich' : 'ändern sich', list: changes.length > 0 ? sectionListText(changes.map((c) => c.number)) : '' },
    };
    const common = renderPhrases(content, 'letters/common.yaml', data);
    const texts = `letters/${plan.kind}.yaml`;
    const subject = renderPhrase(content, texts, 'subject', { ...data, common });
    const paragraphs = paragraphsOf(renderPhrase(content, texts, 'text', { ...data, common }));
    const enclosures = [common.enclosure ?? ''];
    // Offer and change notice cite the resolution (paper, session, date); a reminder names the version only.
    const exampleNotes = exampleNotesFor(content, plan.kind === 'aenderung' ? [current, findVersionOf(agreement, plan.standing.binding!.version)!] : [current], plan.kind === 'erinnerung' ? undefined : current);
    if (exampleNotes.length > 0) warnings.push('Schreiben mit Beispieldaten (Version, Vorlage oder Sitzung mit „beispiel“ in den Inhalten) tragen den Vermerk „Beispieldaten“ und sind nicht zum Versand bestimmt.');
    letters.push({
      kind: plan.kind,
      fileStem: `${plan.kind}-${agreement.id}-${current.version}-${party.id}`,
      agreementId: agreement.id,
      version: current.version,
      party: { id: party.id, name: party.name, kind: party.kind, regime: party.regime, file: party.source.file },
      reason: plan.reason,
      date: asOf,
      dateText: formatDateDe(asOf),
      senderLine: returnAddress(org),
      sender,
      org,
      addressLines: addressLines(party),
      salutation: salutation(party),
      subject,
      paragraphs,
      changes,
      changeGroups,
      changeNotes,
      enclosures,
      answerBy,
      answerByText: formatDateDe(answerBy),
      copy,
      warnings,
      exampleNotes,
      exampleMark: instanceExampleMark(content) ?? null,
      publicContact: publicContact(party),
      closing: common.closing ?? '',
    });
  }
  return letters;
}

/** „Angebot: 12, Erinnerung: 30, …“ – one count per kind, for the terminal. */
export function summarizeLetters(letters: readonly LetterView[]): string[] {
  return LETTER_KINDS.map((kind) => `${LETTER_KIND_LABELS[kind]}: ${letters.filter((l) => l.kind === kind).length}`);
}

/** One line per letter for `--dry-run`: who, which letter, why. */
export function renderDryRun(letters: readonly LetterView[]): string {
  const lines = letters.map((l) => `${l.party.id}\t${LETTER_KIND_LABELS[l.kind]}, Version ${l.version}\t${l.reason}`);
  const missing = letters.filter((l) => !l.copy).length;
  const examples = letters.filter((l) => l.exampleNotes.length > 0).length;
  if (examples > 0) lines.push(`Hinweis: ${examples} von ${letters.length} Schreiben mit Beispieldaten (Version, Vorlage oder Sitzung mit „beispiel“ in den Inhalten); sie tragen den Vermerk „Beispieldaten“ und sind nicht zum Versand bestimmt.`);
  if (missing > 0) lines.push(`Hinweis: ${missing} von ${letters.length} Schreiben ohne Ausfertigung im PDF-Verzeichnis (keine Dokumentkennung); bauen Sie die PDFs (npm run pdf) vor dem Versand.`);
  return `${lines.join('\n')}${lines.length ? '\n' : ''}`;
}
