import { Document, isMap, isScalar, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { describeDateProblem } from '../schemas/common.ts';
import { SIGNATURE_FORMS, type CopyRef } from '../schemas/ledger.ts';
import { currentVersionOn, supersedingVersionOn } from './agreement/versions.ts';
import { partyStandingOn, terminationOf } from './signing/binding.ts';
import { didYouMean } from './suggest.ts';
import type { AgreementEntry, Content, LedgerEntryLocated, PartyEntry } from './content-model.ts';
import { formatDateDe } from './dates.ts';
import { formatDiagnostic, type Diagnostic } from './diagnostics.ts';
import { isEligible } from './parties/eligibility.ts';
import { allParties, unknownPartyMessage } from './parties/lookup.ts';
import { compareVersions, parseContent, type ContentFile } from './parse-content.ts';
import { checkContent } from '../validate/index.ts';

export const LEDGER_COMMANDS = ['offer', 'remind', 'intent', 'sign', 'decline', 'withdraw'] as const;
export type LedgerCommand = (typeof LEDGER_COMMANDS)[number];

/** One event to record in the ledger, as the staff member typed it. */
export interface LedgerChange {
  command: LedgerCommand;
  party: string;
  agreement: string;
  /** Absent: the version offered on that day (for a withdrawal: the one that binds the party). */
  version?: string;
  date: string;
  /** Why a superseded version is offered or signed all the same; recorded as `exception_reason`. */
  reason?: string;
  /** The PDF copy the offer or reminder enclosed or the signature concerns (from the manifest). */
  copy?: CopyRef;
  /** SHA-256 of the reminder letter's PDF (from the letter run), recorded with a reminder. */
  letterSha256?: string;
  form?: string;
  /** Function of the person who signed (required by the ledger rule for a signature). */
  function?: string;
  /** Name of the person who signed: private, never published unless marked. */
  name?: string;
}

export type LedgerEditResult =
  | {
      ok: true;
      /** Path of the ledger file relative to the content folder. */
      file: string;
      before: string;
      after: string;
      /** German sentence for the terminal. */
      summary: string;
    }
  | { ok: false; message: string };

/** Order of the fields inside an entry, as the ledger README shows it. */
const FIELD_ORDER = ['party', 'version', 'exception_reason', 'offered', 'offered_copy', 'reminders', 'intent', 'signed', 'form', 'signatory', 'signed_copy', 'declined', 'withdrawn'];

const YAML_OPTIONS = { schema: 'core' as const };
const STRINGIFY_OPTIONS = { lineWidth: 0 };

class Refusal extends Error {}

const refuse = (message: string, hint?: string): never => {
  throw new Refusal(hint ? `${message}\n  → ${hint}` : message);
};

function describeParty(party: PartyEntry): string {
  // Childminders are natural persons: the terminal names them only by id.
  return party.kind === 'traeger' ? `„${party.id}“ (${party.name})` : `„${party.id}“`;
}

function checkDate(label: string, value: string): void {
  const problem = describeDateProblem(value);
  if (problem) refuse(`${label} „${value}“ ${problem.message}.`, problem.hint);
}

/**
 * The version a change is about when none is given: the one that binds the party, for a
 * withdrawal; else the one offered on that day (the newest adopted by then).
 */
export function defaultVersion(content: Content, agreement: AgreementEntry, party: PartyEntry, command: LedgerCommand, date: string): string | undefined {
  if (command === 'withdraw') {
    const entries = content.ledgers.find((l) => l.agreement === agreement.id)?.entries.filter((e) => e.party === party.id) ?? [];
    return partyStandingOn(party, entries, agreement, date).binding?.version;
  }
  return currentVersionOn(agreement, date)?.version;
}

/** Checks the change against the content; returns the ledger entry it changes (if any) and the version it is about. */
function checkChange(content: Content, change: LedgerChange, today: string): { agreement: AgreementEntry; party: PartyEntry; version: string; entry?: LedgerEntryLocated } {
  checkDate('Das Datum', change.date);
  const agreement = content.agreements.find((a) => a.id === change.agreement);
  if (!agreement) {
    const known = content.agreements.map((a) => `„${a.id}“`).join(', ') || 'keine';
    refuse(`Die Vereinbarung „${change.agreement}“ gibt es nicht.${didYouMean(change.agreement, content.agreements.map((a) => a.id))}`, `Vorhandene Vereinbarungen: ${known}.`);
  }
  const parties = allParties(content);
  const party = parties.find((p) => p.id === change.party);
  if (!party) {
    const { message, hint } = unknownPartyMessage(content, change.party, parties.filter((p) => p.kind === agreement!.party_kind));
    refuse(message, hint);
  }
  const versionId = change.version ?? defaultVersion(content, agreement!, party!, change.command, change.date);
  if (versionId === undefined) {
    refuse(
      change.command === 'withdraw'
        ? `${describeParty(party!)} ist am ${formatDateDe(change.date)} an keine Fassung gebunden; es gibt nichts zu kündigen.`
        : `Am ${formatDateDe(change.date)} war noch keine Version der Vereinbarung „${agreement!.id}“ beschlossen.`,
      'Prüfen Sie das Datum oder geben Sie die Version mit --version an.',
    );
  }
  const version = agreement!.versions.find((v) => v.version === versionId);
  if (!version) {
    refuse(
      `Die Vereinbarung „${agreement!.id}“ hat keine Version „${versionId}“.`,
      `Vorhandene Versionen: ${agreement!.versions.map((v) => v.version).join(', ')}.`,
    );
  }
  if (version!.status === 'entwurf' || !version!.adopted) {
    refuse(`Version ${version!.version} ist ein Entwurf und kann weder angeboten noch gezeichnet werden.`, 'Tragen Sie Ereignisse erst ein, wenn die Version beschlossen ist.');
  }
  if (!isEligible(party!, agreement!)) {
    const why =
      party!.kind !== agreement!.party_kind
        ? `gehört nicht zum Kreis dieser Vereinbarung (sie gilt für ${agreement!.party_kind === 'traeger' ? 'Träger' : 'Kindertagespflegepersonen'})`
        : party!.kind === 'traeger'
          ? `hat keine Einrichtung im Bedarfsplan ${agreement!.bedarfsplan}`
          : `ist nicht in den Bedarfsplan ${agreement!.bedarfsplan} aufgenommen`;
    refuse(`${describeParty(party!)} ${why} und ist nicht berechtigt.`, 'Ergänzen Sie zuerst den Bedarfsplan-Eintrag beim Partner, falls er fehlt.');
  }
  if (change.date > today) {
    refuse(
      `Das Datum ${formatDateDe(change.date)} liegt in der Zukunft (heute ist der ${formatDateDe(today)}).`,
      'Tragen Sie Ereignisse erst ein, wenn sie stattgefunden haben.',
    );
  }
  if (change.date < version!.adopted!) {
    refuse(
      `Version ${version!.version} wurde erst am ${formatDateDe(version!.adopted!)} beschlossen; ein Ereignis am ${formatDateDe(change.date)} ist nicht möglich.`,
      'Prüfen Sie Datum und Version.',
    );
  }
  if (change.command === 'offer' || change.command === 'sign') {
    const newer = supersedingVersionOn(agreement!, version!.version, change.date);
    if (newer && !change.reason?.trim()) {
      refuse(
        `Version ${version!.version} ist seit dem ${formatDateDe(newer.adopted!)} durch Version ${newer.version} abgelöst; ${change.command === 'offer' ? 'angeboten' : 'unterzeichnet'} wird nur die aktuelle Fassung.`,
        `Tragen Sie --version ${newer.version} ein. Ist die alte Fassung ausnahmsweise richtig, begründen Sie es mit --reason "…"; die Begründung wird im Register vermerkt.`,
      );
    }
  }
  const ledger = content.ledgers.find((l) => l.agreement === agreement!.id);
  const entry = ledger?.entries.find((e) => e.party === party!.id && e.version === version!.version);
  const who = describeParty(party!);
  const v = version!.version;
  const d = formatDateDe;
  if (change.command === 'offer') {
    if (entry) refuse(`${who} wurde Version ${v} bereits am ${d(entry.offered)} angeboten.`, 'Ein Angebot wird je Partner und Version nur einmal eingetragen.');
    return { agreement: agreement!, party: party!, version: v };
  }
  if (!entry) {
    refuse(
      `Version ${v} wurde ${who} noch nicht angeboten.`,
      `Tragen Sie zuerst das Angebot ein: npm run ledger -- offer --party ${party!.id} --agreement ${agreement!.id} --version ${v} --date JJJJ-MM-TT`,
    );
  }
  const e = entry!;
  if (change.date < e.offered) {
    refuse(`Das Datum ${d(change.date)} liegt vor dem Angebot am ${d(e.offered)}.`, 'Prüfen Sie das Datum; jedes Ereignis folgt auf das Angebot.');
  }
  switch (change.command) {
    case 'remind': {
      // An answer after the reminder's day (the letters crossed, or a reminder recorded late) is no reason to refuse it.
      if (e.signed && e.signed < change.date) refuse(`${who} hat Version ${v} bereits am ${d(e.signed)} unterzeichnet.`, 'Erinnert wird nur an ein offenes Angebot.');
      if (e.declined && e.declined < change.date) refuse(`${who} hat Version ${v} bereits am ${d(e.declined)} abgelehnt.`, 'Erinnert wird nur an ein offenes Angebot.');
      const same = e.reminders?.find((r) => r.date === change.date);
      if (same) refuse(`${who} wurde an Version ${v} bereits am ${d(same.date)} erinnert.`, 'Eine Erinnerung wird je Tag nur einmal eingetragen.');
      const later = e.reminders?.find((r) => r.date > change.date);
      if (later) refuse(`Für ${who} ist schon eine spätere Erinnerung an Version ${v} eingetragen (${d(later.date)}).`, 'Erinnerungen werden in der Reihenfolge ihres Versands eingetragen; prüfen Sie das Datum.');
      const newer = supersedingVersionOn(agreement!, v, change.date);
      if (newer) refuse(`Version ${v} ist seit dem ${d(newer.adopted!)} durch Version ${newer.version} abgelöst; erinnert wird nur an ein Angebot der aktuellen Fassung.`, `Bieten Sie Version ${newer.version} an (npm run letters).`);
      break;
    }
    case 'intent':
      if (e.signed) refuse(`${who} hat Version ${v} bereits am ${d(e.signed)} unterzeichnet.`, 'Eine Absichtserklärung ist nach der Unterschrift nicht mehr nötig.');
      if (e.declined) refuse(`${who} hat Version ${v} am ${d(e.declined)} abgelehnt.`, 'Wenn der Partner es sich anders überlegt hat, entfernen Sie zuerst „declined“ im Register.');
      if (e.intent) refuse(`${who} hat die Absicht zu Version ${v} bereits am ${d(e.intent)} erklärt.`);
      break;
    case 'sign':
      if (e.signed) refuse(`${who} hat Version ${v} bereits am ${d(e.signed)} unterzeichnet.`, 'Eine Unterschrift wird nur einmal eingetragen.');
      if (e.declined) refuse(`${who} hat Version ${v} am ${d(e.declined)} abgelehnt.`, 'Wenn der Partner doch unterzeichnet, entfernen Sie zuerst „declined“ im Register.');
      if (!change.form) refuse('Für eine Unterschrift fehlt die Form.', 'Geben Sie --form schriftlich oder --form elektronisch an.');
      if (!(SIGNATURE_FORMS as readonly string[]).includes(change.form!)) {
        refuse(`Die Form „${change.form}“ gibt es nicht.`, 'Geben Sie --form schriftlich oder --form elektronisch an.');
      }
      if (!change.name?.trim()) {
        refuse(
          'Für eine Unterschrift fehlt der Name der unterzeichnenden Person.',
          'Geben Sie ihn mit --name an; er bleibt intern und erscheint nicht auf der Website.',
        );
      }
      if (!change.function?.trim()) {
        refuse('Für eine Unterschrift fehlt die Funktion der unterzeichnenden Person.', 'Geben Sie sie mit --function an, z. B. --function "Geschäftsführerin".');
      }
      break;
    case 'decline':
      if (e.signed) refuse(`${who} hat Version ${v} am ${d(e.signed)} unterzeichnet.`, 'Eine Unterschrift wird nicht abgelehnt, sondern widerrufen: npm run ledger -- withdraw …');
      if (e.declined) refuse(`${who} hat Version ${v} bereits am ${d(e.declined)} abgelehnt.`);
      break;
    case 'withdraw':
      if (!e.signed) refuse(`${who} hat Version ${v} nicht unterzeichnet; gekündigt werden kann nur eine unterzeichnete Vereinbarung.`, 'Eine Absage ohne Unterschrift wird mit „decline“ eingetragen.');
      if (e.withdrawn) refuse(`${who} hat Version ${v} bereits am ${d(e.withdrawn)} gekündigt.`);
      if (change.date < e.signed!) refuse(`Das Datum ${d(change.date)} liegt vor der Unterschrift am ${d(e.signed!)}.`, 'Eine Kündigung folgt auf die Unterschrift.');
      break;
  }
  if (change.reason?.trim() && e.exception_reason) refuse(`Der Eintrag von ${who} zu Version ${v} hat bereits eine Begründung.`, 'Lassen Sie --reason weg.');
  return { agreement: agreement!, party: party!, version: v, entry: e };
}

function entryKey(item: unknown): { party: string; version: string } | undefined {
  if (!isMap(item)) return undefined;
  const party = item.get('party');
  const version = item.get('version');
  return typeof party === 'string' && typeof version === 'string' ? { party, version } : undefined;
}

const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
/** Offset just after the line break that ends the line containing `offset`. */
const lineEnd = (text: string, offset: number) => {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : i + 1;
};
const columnOf = (text: string, offset: number) => offset - lineStart(text, offset);

/** Offset after the last line that belongs to an entry (its last value, with a comment on that line). */
function entryEnd(text: string, map: YAMLMap): number {
  let end = 0;
  for (const pair of map.items) {
    const key = pair.key as { range?: [number, number, number] } | null;
    const value = pair.value as { range?: [number, number, number] } | null;
    end = Math.max(end, key?.range?.[1] ?? 0, value?.range?.[1] ?? 0);
  }
  let last = end - 1;
  while (last > 0 && (text[last] === '\n' || text[last] === ' ' || text[last] === '\r')) last--;
  return lineEnd(text, last);
}

/** A value as YAML writes it in one line: dates plain, "1.0" quoted, text quoted when it must be. */
function inlineValue(value: unknown, flow: boolean): string {
  const doc = new Document(value, YAML_OPTIONS);
  if (flow && isMap(doc.contents)) doc.contents.flow = true;
  return doc.toString(STRINGIFY_OPTIONS).trimEnd();
}

interface Insertion {
  offset: number;
  text: string;
}

function splice(text: string, insertions: Insertion[]): string {
  let out = text;
  // From the end, so earlier offsets stay valid; equal offsets keep their order.
  const sorted = insertions.map((ins, i) => ({ ...ins, i })).sort((a, b) => b.offset - a.offset || b.i - a.i);
  for (const ins of sorted) {
    const prefix = ins.offset === out.length && out.length > 0 && !out.endsWith('\n') ? '\n' : '';
    out = out.slice(0, ins.offset) + prefix + ins.text + out.slice(ins.offset);
  }
  return out;
}

/** A change whose version is settled (given, or the default for its command). */
export type ResolvedLedgerChange = LedgerChange & { version: string };

/** The same change through the Document API: the reference the text edit must match. */
function expectedData(doc: Document, change: ResolvedLedgerChange, fields: [string, unknown][]): unknown {
  const copy = doc.clone();
  const seq = copy.get('entries', true) as YAMLSeq;
  if (change.command === 'offer') {
    seq.items.push(copy.createNode(Object.fromEntries(newEntryFields(change))));
  } else {
    const map = seq.items.find((item) => entryKey(item)?.party === change.party && entryKey(item)?.version === change.version) as YAMLMap;
    for (const [key, value] of fields) {
      const existing: unknown = map.get(key, true);
      if (key === 'reminders' && isSeq(existing)) for (const item of value as unknown[]) existing.items.push(copy.createNode(item));
      else map.set(key, copy.createNode(value));
    }
  }
  const data = copy.toJS() as { entries: Record<string, unknown>[] };
  return sortEntries(data);
}

function sortEntries(data: { entries?: Record<string, unknown>[] }): unknown {
  const entries = [...(data.entries ?? [])].sort(
    (a, b) => String(a.party).localeCompare(String(b.party), 'en') || compareVersions(String(a.version), String(b.version)),
  );
  return { ...data, entries: entries.map((e) => Object.fromEntries(Object.entries(e).sort(([x], [y]) => x.localeCompare(y, 'en')))) };
}

/** The lines of a new entry (an offer), in README order. */
function newEntryFields(change: ResolvedLedgerChange): [string, unknown][] {
  const fields: [string, unknown][] = [
    ['party', change.party],
    ['version', change.version],
  ];
  if (change.reason?.trim()) fields.push(['exception_reason', change.reason.trim()]);
  fields.push(['offered', change.date]);
  if (change.copy) fields.push(['offered_copy', { document_id: change.copy.document_id, sha256: change.copy.sha256 }]);
  return fields;
}

/** A reminder as the ledger records it, fields in README order. */
function reminderOf(change: LedgerChange): Record<string, unknown> {
  return {
    date: change.date,
    ...(change.copy ? { copy: { document_id: change.copy.document_id, sha256: change.copy.sha256 } } : {}),
    ...(change.letterSha256 ? { letter_sha256: change.letterSha256 } : {}),
  };
}

/** The lines of one reminder as a list item: `- date: …` at `dash`, the further fields at `dash + 2`. */
function reminderLines(reminder: Record<string, unknown>, dash: number): string {
  return Object.entries(reminder)
    .map(([key, value], i) => `${' '.repeat(i === 0 ? dash : dash + 2)}${i === 0 ? '- ' : ''}${key}: ${inlineValue(value, typeof value === 'object')}
`)
    .join('');
}

/** Fields a command adds to an existing entry, in README order. */
function fieldsFor(change: LedgerChange): [string, unknown][] {
  const reason: [string, unknown][] = change.reason?.trim() ? [['exception_reason', change.reason.trim()]] : [];
  switch (change.command) {
    case 'offer':
      return [];
    case 'remind':
      return [['reminders', [reminderOf(change)]]];
    case 'intent':
      return [['intent', change.date]];
    case 'decline':
      return [['declined', change.date]];
    case 'withdraw':
      return [['withdrawn', change.date]];
    case 'sign':
      return [
        ...reason,
        ['signed', change.date],
        ['form', change.form],
        ['signatory', { name: change.name!.trim(), function: change.function!.trim() }],
        ...(change.copy ? ([['signed_copy', { document_id: change.copy.document_id, sha256: change.copy.sha256 }]] as [string, unknown][]) : []),
      ];
  }
}

/**
 * Applies the change to the ledger's text. The `yaml` Document API finds the place (node ranges)
 * and writes the new values; only new lines are inserted, so comments, blank lines, quoting and
 * spacing of everything else stay byte for byte. A new entry goes where party id and version put
 * it. The result must parse to exactly what the Document API would produce.
 */
export function editLedgerText(text: string, change: ResolvedLedgerChange): string {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length > 0) refuse('Das Register ist kein gültiges YAML.', 'Führen Sie npm run validate aus und beheben Sie den Fehler.');
  const entriesPair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'entries') : undefined;
  const seq = entriesPair?.value;
  if (!isSeq(seq)) refuse('Das Register hat keine Liste „entries“.', 'Legen Sie „entries:“ mit den Einträgen an (siehe content/ledger/README.md).');
  const entries = seq as YAMLSeq;
  const fields = fieldsFor(change);
  const unsupported = () =>
    refuse(
      'Das Register ist so geschrieben, dass der Befehl den Eintrag nicht sicher ergänzen kann (etwa Einträge in Kurzschreibweise { … } oder eine leere Liste „entries: []“).',
      'Schreiben Sie die Einträge mehrzeilig wie in content/ledger/README.md und rufen Sie den Befehl erneut auf.',
    );
  const maps = entries.items.filter((item): item is YAMLMap => isMap(item));
  if (entries.flow || maps.length === 0 || maps.length !== entries.items.length || maps.some((m) => m.flow || m.items.length === 0)) unsupported();
  const keyRange = (m: YAMLMap, i = 0) => (m.items[i]!.key as { range: [number, number, number] }).range;
  const keyColumn = columnOf(text, keyRange(maps[0]!)[0]);
  const indent = ' '.repeat(keyColumn);
  const dashColumn = keyColumn - 2;
  if (dashColumn < 0 || text[lineStart(text, keyRange(maps[0]!)[0]) + dashColumn] !== '-') unsupported();
  const insertions: Insertion[] = [];

  if (change.command === 'offer') {
    let index = maps.findIndex((item) => {
      const key = entryKey(item);
      return key !== undefined && (key.party > change.party || (key.party === change.party && compareVersions(key.version, change.version) > 0));
    });
    if (index < 0) index = maps.length;
    // Blank lines between entries when the file separates them so.
    const blank = maps.slice(1).some((m) => m.spaceBefore);
    const body = newEntryFields(change)
      .map(([key, value], i) => `${i === 0 ? `${' '.repeat(dashColumn)}- ` : indent}${key}: ${inlineValue(value, typeof value === 'object')}\n`)
      .join('');
    if (index === 0) {
      const afterKey = lineEnd(text, (entriesPair!.key as { range: [number, number, number] }).range[1]);
      insertions.push({ offset: afterKey, text: body + (blank ? '\n' : '') });
    } else {
      insertions.push({ offset: entryEnd(text, maps[index - 1]!), text: (blank ? '\n' : '') + body });
    }
  } else {
    const map = maps.find((item) => entryKey(item)?.party === change.party && entryKey(item)?.version === change.version);
    if (!map) refuse(`Kein Eintrag für „${change.party}“, Version ${change.version}.`);
    const signatoryFlow = maps.some((item) => {
      const node: unknown = item.get('signatory', true);
      return isMap(node) && node.flow === true;
    });
    for (const [key, value] of fields) {
      const existing: unknown = map!.get(key, true);
      if (key === 'reminders' && isSeq(existing)) {
        // A further reminder: one more item at the end of the list, in the list's indentation.
        const items = existing.items;
        if (existing.flow || items.length === 0 || !items.every((item) => isMap(item) && !item.flow && item.items.length > 0)) unsupported();
        const first = items[0] as YAMLMap;
        const dash = columnOf(text, keyRange(first)[0]) - 2;
        if (dash < 0 || text[lineStart(text, keyRange(first)[0]) + dash] !== '-') unsupported();
        insertions.push({ offset: entryEnd(text, items[items.length - 1] as YAMLMap), text: (value as Record<string, unknown>[]).map((r) => reminderLines(r, dash)).join('') });
        continue;
      }
      if (map!.has(key)) unsupported();
      const rank = FIELD_ORDER.indexOf(key);
      const next = map!.items.find((p) => FIELD_ORDER.indexOf(isScalar(p.key) ? String(p.key.value) : '') > rank);
      let offset: number;
      if (next) {
        offset = lineStart(text, (next.key as { range: [number, number, number] }).range[0]);
        // A comment line right above the next field belongs to it.
        while (offset > 0) {
          const prev = lineStart(text, offset - 1);
          const previous = text.slice(prev, offset);
          if (!/^\s*#/.test(previous) || previous.search(/\S/) !== keyColumn) break;
          offset = prev;
        }
      } else {
        offset = entryEnd(text, map!);
      }
      let line: string;
      if (Array.isArray(value)) {
        line = `${indent}${key}:\n${value.map((item) => reminderLines(item as Record<string, unknown>, keyColumn + 2)).join('')}`;
      } else if (value !== null && typeof value === 'object') {
        if (signatoryFlow) line = `${indent}${key}: ${inlineValue(value, true)}\n`;
        else {
          const inner = Object.entries(value as Record<string, unknown>)
            .map(([k, v]) => `${indent}  ${k}: ${inlineValue(v, false)}\n`)
            .join('');
          line = `${indent}${key}:\n${inner}`;
        }
      } else {
        line = `${indent}${key}: ${inlineValue(value, false)}\n`;
      }
      insertions.push({ offset, text: line });
    }
  }
  const after = splice(text, insertions);
  const check = parseDocument(after, YAML_OPTIONS);
  const same = check.errors.length === 0 && JSON.stringify(sortEntries(check.toJS() as { entries: Record<string, unknown>[] })) === JSON.stringify(expectedData(doc, change, fields));
  if (!same) unsupported();
  return after;
}

function summaryOf(change: ResolvedLedgerChange, party: PartyEntry, agreement: AgreementEntry): string {
  const who = describeParty(party);
  const v = `Version ${change.version}`;
  const on = formatDateDe(change.date);
  switch (change.command) {
    case 'offer':
      return `${who}: ${v} am ${on} angeboten.`;
    case 'remind':
      return `${who}: Erinnerung an das Angebot von ${v} am ${on} versandt.`;
    case 'intent':
      return `${who}: Absicht zur Unterzeichnung von ${v} am ${on} erklärt.`;
    case 'sign':
      return `${who}: ${v} am ${on} unterzeichnet (${change.form}).`;
    case 'decline':
      return `${who}: ${v} am ${on} abgelehnt.`;
    case 'withdraw': {
      const endsOn = terminationOf({ withdrawn: change.date } as LedgerEntryLocated, agreement, change.date)!.endsOn;
      const until =
        endsOn < change.date
          ? 'sie endet sofort (für diese Vereinbarung ist in agreement.yaml keine Kündigungsfrist eingetragen)'
          : `die Vereinbarung gilt für ${party.kind === 'traeger' ? 'ihn' : 'sie'} bis zum ${formatDateDe(endsOn)}`;
      return `${who}: Kündigung von ${v} am ${on} eingetragen; ${until}.`;
    }
  }
}

/** A finding as the author sees it: paths under the content folder (the edit parses without a prefix, to match the ledger's file). */
function shownUnder(displayPrefix: string, d: Diagnostic): Diagnostic {
  const shown = (file: string) => displayPrefix + file;
  const hint = d.consequenceOf && d.hint ? d.consequenceOf.reduce((text, file) => text.replace(file, shown(file)), d.hint) : d.hint;
  return { ...d, file: shown(d.file), consequenceOf: d.consequenceOf?.map(shown), hint };
}

/** The content before a change: it must be valid already, or the ledger is not touched. */
function parseValidContent(files: readonly ContentFile[], today: string, displayPrefix: string): ReturnType<typeof parseContent> {
  checkDate('Das heutige Datum (--today)', today);
  const parsed = parseContent(files, '');
  const problems = checkContent(parsed).filter((d) => d.severity === 'error');
  if (problems.length > 0) {
    refuse(
      `Die Inhalte enthalten bereits ${problems.length === 1 ? 'einen Fehler' : `${problems.length} Fehler`}; das Register wird erst geändert, wenn sie fehlerfrei sind:\n${problems
        .slice(0, 10)
        .map((d) => formatDiagnostic(shownUnder(displayPrefix, d)))
        .join('\n')}`,
      'Beheben Sie die Fehler (npm run validate) und rufen Sie den Befehl erneut auf.',
    );
  }
  return parsed;
}

/**
 * Validates a ledger change against the whole content, applies it to the ledger's text and
 * validates the result again with every rule. Pure: files in, new text (or a German refusal) out.
 * `today` is the latest date an event may carry.
 */
export function applyLedgerChange(files: readonly ContentFile[], change: LedgerChange, today: string, displayPrefix = ''): LedgerEditResult {
  try {
    const before = parseValidContent(files, today, displayPrefix);
    const { agreement, party, version } = checkChange(before.content, change, today);
    const resolved: ResolvedLedgerChange = { ...change, version };
    const ledger = before.content.ledgers.find((l) => l.agreement === agreement.id);
    if (!ledger) {
      refuse(
        `Für die Vereinbarung „${agreement.id}“ gibt es noch kein Zeichnungsregister.`,
        `Legen Sie ${displayPrefix}ledger/${agreement.id}.yaml mit „agreement: ${agreement.id}“ und „entries: []“ an.`,
      );
    }
    const file = ledger!.source.file;
    const original = files.find((f) => f.path === file)!;
    const text = new TextDecoder('utf-8').decode(original.bytes);
    const after = editLedgerText(text, resolved);
    const changed = files.map((f) => (f.path === file ? { path: f.path, bytes: new TextEncoder().encode(after) } : f));
    const errors = checkContent(parseContent(changed, '')).filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      refuse(
        `Die Änderung würde die Inhalte ungültig machen:\n${errors.map((d) => formatDiagnostic(shownUnder(displayPrefix, d))).join('\n')}`,
        'Prüfen Sie die Angaben; das Register wurde nicht geändert.',
      );
    }
    return { ok: true, file, before: text, after, summary: summaryOf(resolved, party, agreement) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    throw error;
  }
}

export type LedgerBatchResult =
  | {
      ok: true;
      file: string;
      before: string;
      after: string;
      /** German sentences: one per recorded change. */
      summaries: string[];
      /** German sentences: changes already in the ledger, left out (nothing is recorded twice). */
      skipped: string[];
    }
  | { ok: false; message: string };

/**
 * Several changes to one ledger in one step (the offers of a letter run): each is checked as a
 * single entry would be and applied in memory after the one before, the result is validated
 * once with every rule and the caller writes once – all or nothing. A change whose party and
 * version the ledger already holds as an offer of the same day is skipped, so a run recorded
 * twice changes nothing.
 */
export function applyLedgerChanges(files: readonly ContentFile[], changes: readonly LedgerChange[], today: string, displayPrefix = ''): LedgerBatchResult {
  try {
    const first = parseValidContent(files, today, displayPrefix);
    let current = files;
    let content = first.content;
    let file: string | undefined;
    let before: string | undefined;
    let text: string | undefined;
    const summaries: string[] = [];
    const skipped: string[] = [];
    for (const [index, change] of changes.entries()) {
      const at = `Eintrag ${index + 1} (${change.party})`;
      const ledger = content.ledgers.find((l) => l.agreement === change.agreement);
      const agreement = content.agreements.find((a) => a.id === change.agreement);
      const party = [...content.providers, ...content.childminders].find((p) => p.id === change.party);
      const version = agreement && party ? (change.version ?? defaultVersion(content, agreement, party, change.command, change.date)) : undefined;
      const existing = ledger?.entries.find((e) => e.party === change.party && e.version === version);
      if (change.command === 'offer' && existing && existing.offered === change.date) {
        skipped.push(`${describeParty(party!)}: Angebot von Version ${version} am ${formatDateDe(change.date)} bereits eingetragen; übersprungen.`);
        continue;
      }
      if (change.command === 'remind' && existing?.reminders?.some((r) => r.date === change.date)) {
        skipped.push(`${describeParty(party!)}: Erinnerung an Version ${version} am ${formatDateDe(change.date)} bereits eingetragen; übersprungen.`);
        continue;
      }
      let checked: ReturnType<typeof checkChange>;
      try {
        checked = checkChange(content, change, today);
      } catch (error) {
        if (error instanceof Refusal) refuse(`${at}: ${error.message}`);
        throw error;
      }
      if (!ledger) {
        refuse(
          `Für die Vereinbarung „${checked.agreement.id}“ gibt es noch kein Zeichnungsregister.`,
          `Legen Sie ${displayPrefix}ledger/${checked.agreement.id}.yaml mit „agreement: ${checked.agreement.id}“ und „entries: []“ an.`,
        );
      }
      if (file !== undefined && ledger!.source.file !== file) refuse(`${at}: Alle Einträge eines Laufs gehören in dasselbe Register (${file}).`);
      file = ledger!.source.file;
      const original = current.find((f) => f.path === file)!;
      const source = new TextDecoder('utf-8').decode(original.bytes);
      before ??= source;
      const resolved: ResolvedLedgerChange = { ...change, version: checked.version };
      text = editLedgerText(source, resolved);
      current = current.map((f) => (f.path === file ? { path: f.path, bytes: new TextEncoder().encode(text) } : f));
      // Parsing (without the rules) lets the next change see this one, e.g. the same offer twice in one list.
      content = parseContent(current, '').content;
      summaries.push(summaryOf(resolved, checked.party, checked.agreement));
    }
    if (file === undefined || text === undefined || before === undefined) {
      return { ok: true, file: file ?? '', before: before ?? '', after: before ?? '', summaries, skipped };
    }
    const errors = checkContent(parseContent(current, '')).filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      refuse(
        `Die Änderungen würden die Inhalte ungültig machen:\n${errors.map((d) => formatDiagnostic(shownUnder(displayPrefix, d))).join('\n')}`,
        'Prüfen Sie die Angaben; das Register wurde nicht geändert.',
      );
    }
    return { ok: true, file, before, after: text, summaries, skipped };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    throw error;
  }
}
