import { REGIME_LABELS } from '../../schemas/common.ts';
import type { AgreementEntry, Content, Version } from '../content-model.ts';
import { formatDateDe, formatDateShort } from '../dates.ts';
import { compareVersions } from '../parse-content.ts';
import { currentVersion, isAdoptedOn, resolutionVersion } from '../agreement/versions.ts';
import { isOpen, OFFER_STATE_LABELS, offerStateAmong, type OfferState } from '../signing/terms.ts';
import { buildSigningFigures, ledgerEntryOf, statusDate } from '../signing/figures.ts';
import { figureSentences, placesSentence, renewalSentences } from '../signing/sentences.ts';
import { formatNumber } from '../format.ts';

/** Internal list for staff (reminders): names of providers and childminders are shown here, never on the site. */
export interface LedgerListRow {
  party: string;
  name: string;
  regime: string;
  /** The party's answer to this version's offer. */
  status: OfferState;
  statusLabel: string;
  /** The version that binds the party that day, and a running or past termination. */
  binding: string;
  offered: string;
  /** Reminders sent about this offer by the day, oldest first. */
  reminded: string;
  intent: string;
  signed: string;
  declined: string;
  withdrawn: string;
}

export interface LedgerList {
  agreementId: string;
  version: string;
  asOf: string;
  openOnly: boolean;
  rows: LedgerListRow[];
}

/** The reminder list (`--open`): not offered yet, or the offer open (terms.ts). */
const notYetSigned = (state: OfferState) => state === 'nicht-angeboten' || isOpen(state);

/** Default date of list and status: the latest event in the ledger, so every recorded event counts. */
export function defaultStatusDate(content: Content): string {
  return statusDate(content) ?? '0000-01-01';
}

export function buildLedgerList(
  content: Content,
  agreement: AgreementEntry,
  options: { version?: string; asOf?: string; openOnly?: boolean } = {},
): LedgerList {
  const version = options.version ?? currentVersion(agreement).version;
  const asOf = options.asOf ?? defaultStatusDate(content);
  const figures = buildSigningFigures(content, agreement, asOf);
  const show = (d: string | undefined) => (d && d <= asOf ? formatDateShort(d) : '');
  const rows = figures.parties
    .map((standing) => ({ standing, entry: ledgerEntryOf(content, agreement.id, standing.party.id, version) }))
    .map(({ standing, entry }) => ({ standing, entry, status: offerStateAmong(entry, standing.latestOffer?.version, asOf) }))
    .filter(({ status }) => !options.openOnly || notYetSigned(status))
    .map(({ standing: { party, binding, ended }, entry, status }) => ({
      party: party.id,
      name: party.name,
      regime: REGIME_LABELS[party.regime],
      status,
      statusLabel: OFFER_STATE_LABELS[status],
      binding: binding
        ? `${binding.version}${binding.termination ? ` (gekündigt zum ${formatDateShort(binding.termination.endsOn)})` : ''}`
        : ended
          ? `– (beendet am ${formatDateShort(ended.termination.endsOn)})`
          : '–',
      offered: show(entry?.offered),
      reminded: (entry?.reminders ?? []).map((r) => show(r.date)).filter(Boolean).join(', '),
      intent: show(entry?.intent),
      signed: show(entry?.signed),
      declined: show(entry?.declined),
      withdrawn: show(entry?.withdrawn),
    }));
  return { agreementId: agreement.id, version, asOf, openOnly: options.openOnly ?? false, rows };
}

const COLUMNS: { key: keyof LedgerListRow; label: string }[] = [
  { key: 'party', label: 'Kennung' },
  { key: 'name', label: 'Name' },
  { key: 'regime', label: 'Recht' },
  { key: 'statusLabel', label: 'Stand' },
  { key: 'binding', label: 'Gilt' },
  { key: 'offered', label: 'Angeboten' },
  { key: 'reminded', label: 'Erinnert' },
  { key: 'intent', label: 'Absicht' },
  { key: 'signed', label: 'Unterzeichnet' },
  { key: 'declined', label: 'Abgelehnt' },
  { key: 'withdrawn', label: 'Gekündigt' },
];

function columnsFor(list: LedgerList) {
  // The reminder list needs offer and intent; signature columns would be empty.
  return list.openOnly ? COLUMNS.filter((c) => !['signed', 'declined', 'withdrawn'].includes(c.key)) : COLUMNS;
}

/** A plain-text table for the terminal, with a heading line and a count. */
export function renderLedgerTable(list: LedgerList): string {
  const columns = columnsFor(list);
  const cells = [columns.map((c) => c.label), ...list.rows.map((r) => columns.map((c) => String(r[c.key])))];
  const widths = columns.map((_, i) => Math.max(...cells.map((row) => [...row[i]!].length)));
  const line = (row: string[]) => row.map((cell, i) => cell + ' '.repeat(widths[i]! - [...cell].length)).join('  ').trimEnd();
  const what = list.openOnly ? 'Noch nicht unterzeichnet' : 'Zeichnungsregister';
  const out = [
    `${what}: ${list.agreementId}, Version ${list.version}, Stand ${formatDateDe(list.asOf)}`,
    '',
    line(cells[0]!),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.slice(1).map(line),
    '',
    list.rows.length === 1 ? '1 Eintrag' : `${formatNumber(list.rows.length)} Einträge`,
  ];
  return `${out.join('\n')}\n`;
}

function csvCell(value: string): string {
  return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV with semicolons (as German spreadsheet programs expect) and ISO dates. */
export function renderLedgerCsv(list: LedgerList, content: Content): string {
  const columns = columnsFor(list);
  const agreement = content.agreements.find((a) => a.id === list.agreementId)!;
  const iso = new Map(list.rows.map((r) => [r.party, ledgerEntryOf(content, agreement.id, r.party, list.version)]));
  const value = (row: LedgerListRow, key: keyof LedgerListRow): string => {
    if (['offered', 'intent', 'signed', 'declined', 'withdrawn'].includes(key)) {
      const entry = iso.get(row.party);
      const date = entry?.[key as 'offered'];
      return date && date <= list.asOf ? date : '';
    }
    if (key === 'reminded') {
      return (iso.get(row.party)?.reminders ?? []).map((r) => r.date).filter((d) => d <= list.asOf).join(', ');
    }
    return String(row[key]);
  };
  const lines = [columns.map((c) => c.label).join(';'), ...list.rows.map((r) => columns.map((c) => csvCell(value(r, c.key))).join(';'))];
  return `${lines.join('\n')}\n`;
}

/** The figures as the letter states them, for `npm run ledger -- status`: the same sentences. */
export function renderStatusText(content: Content, agreement: AgreementEntry, asOf: string): string {
  const f = buildSigningFigures(content, agreement, asOf);
  const lines = [`${agreement.short_title}, Stand ${formatDateDe(asOf)}:`, '', ...figureSentences(agreement, f)];
  const places = placesSentence(agreement, f);
  if (places) lines.push(places);
  const main = resolutionVersion(agreement, agreement.paper);
  for (const v of agreement.versions.filter((v) => compareVersions(v.version, main.version) > 0 && isAdoptedOn(v, asOf))) {
    const offers = f.offers.find((o) => o.version === v.version)!;
    lines.push(`Fassung ${v.version} (beschlossen am ${formatDateDe(v.adopted!)}): ${renewalSentences(agreement, f, offers).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}
