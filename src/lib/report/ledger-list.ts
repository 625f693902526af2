import { REGIME_LABELS } from '../../schemas/common.ts';
import type { AgreementEntry, Content, Version } from '../content-model.ts';
import { formatDateDe, formatDateShort } from '../dates.ts';
import { compareVersions } from '../parse-content.ts';
import { computeSigningFigures, latestLedgerDate, PARTY_STATUS_LABELS, type PartyStatus } from '../signing-status.ts';
import { figureSentences, keyFiguresOf, resolutionVersion } from './view.ts';
import { counted, formatNumber, formatPercent, PARTY_WORDS } from './words.ts';

/** Internal list for staff (reminders): names of providers and childminders are shown here, never on the site. */
export interface LedgerListRow {
  party: string;
  name: string;
  regime: string;
  status: PartyStatus;
  statusLabel: string;
  offered: string;
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

const OPEN: readonly PartyStatus[] = ['nicht-angeboten', 'offen', 'absicht'];

/** The version staff work on by default: the newest adopted one. */
export function currentAdoptedVersion(agreement: AgreementEntry): Version {
  const adopted = agreement.versions.filter((v) => v.status !== 'entwurf');
  return adopted[adopted.length - 1] ?? agreement.versions[agreement.versions.length - 1]!;
}

/** Default date of list and status: the latest event in the ledger, so every recorded event counts. */
export function defaultStatusDate(content: Content): string {
  return latestLedgerDate(content) ?? '0000-01-01';
}

export function buildLedgerList(
  content: Content,
  agreement: AgreementEntry,
  options: { version?: string; asOf?: string; openOnly?: boolean } = {},
): LedgerList {
  const version = options.version ?? currentAdoptedVersion(agreement).version;
  const asOf = options.asOf ?? defaultStatusDate(content);
  const figures = computeSigningFigures(content, agreement, version, asOf);
  const show = (d: string | undefined) => (d && d <= asOf ? formatDateShort(d) : '');
  const rows = figures.parties
    .filter((p) => !options.openOnly || OPEN.includes(p.status))
    .map(({ party, status, entry }) => ({
      party: party.id,
      name: party.name,
      regime: REGIME_LABELS[party.regime],
      status,
      statusLabel: PARTY_STATUS_LABELS[status],
      offered: show(entry?.offered),
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
  { key: 'offered', label: 'Angeboten' },
  { key: 'intent', label: 'Absicht' },
  { key: 'signed', label: 'Unterzeichnet' },
  { key: 'declined', label: 'Abgelehnt' },
  { key: 'withdrawn', label: 'Widerrufen' },
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
  const figures = computeSigningFigures(content, agreement, list.version, list.asOf);
  const iso = new Map(figures.parties.map((p) => [p.party.id, p.entry]));
  const value = (row: LedgerListRow, key: keyof LedgerListRow): string => {
    if (['offered', 'intent', 'signed', 'declined', 'withdrawn'].includes(key)) {
      const entry = iso.get(row.party);
      const date = entry?.[key as 'offered'];
      return date && date <= list.asOf ? date : '';
    }
    return String(row[key]);
  };
  const lines = [columns.map((c) => c.label).join(';'), ...list.rows.map((r) => columns.map((c) => csvCell(value(r, c.key))).join(';'))];
  return `${lines.join('\n')}\n`;
}

/** The figures as the report states them, for `npm run ledger -- status`. */
export function renderStatusText(content: Content, agreement: AgreementEntry, asOf: string): string {
  const words = PARTY_WORDS[agreement.party_kind];
  const main = resolutionVersion(agreement, agreement.paper);
  const f = keyFiguresOf(computeSigningFigures(content, agreement, main.version, asOf));
  const lines = [`${agreement.short_title}, Fassung ${main.version}, Stand ${formatDateDe(asOf)}:`, '', ...figureSentences(words, agreement.bedarfsplan, f)];
  if (f.placesEligible > 0) {
    lines.push(`Plätze im Bedarfsplan bei Unterzeichnenden: ${formatNumber(f.placesSigned)} von ${formatNumber(f.placesEligible)} (${formatPercent(f.placesSigned, f.placesEligible)}).`);
  }
  const later = agreement.versions.filter((v) => compareVersions(v.version, main.version) > 0 && v.status !== 'entwurf' && v.adopted && v.adopted <= asOf);
  for (const v of later) {
    const fv = computeSigningFigures(content, agreement, v.version, asOf);
    lines.push(
      `Fassung ${v.version}: ${formatNumber(fv.offered)} von ${counted(fv.eligible, words.dativeOne, words.dativeMany)} angeboten, ${formatNumber(fv.signed)} unterzeichnet, ${formatNumber(fv.open)} offen, ${formatNumber(fv.notOffered)} noch ohne Angebot.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
