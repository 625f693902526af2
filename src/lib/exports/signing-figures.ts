import { regimeIds } from '../vocabulary.ts';
import { eligibilityOn } from '../parties/eligibility.ts';
import { agreementWeight, inRegister } from '../parties/kinds.ts';
import { memo } from '../memo.ts';
import { agreementsInOrder } from '../agreement/versions.ts';
import { beschlusskontrolleFor } from '../council/resolutions.ts';
import type { AgreementEntry, Content } from '../content-model.ts';
import { buildSigningFigures, dayAfter, ledgerByParty, signingCountsOnDays, statusDate, type SigningCounts } from '../signing/figures.ts';
import { BINDING_RULE } from '../signing/sentences.ts';
import { OPEN_RULE, PARTY_FIGURE_LABELS } from '../signing/terms.ts';
import { renderCsv } from './csv.ts';
import { EXPORT_FILES } from './files.ts';
import { buildTableSchema, csvFiles, SPREADSHEET_NOTE, type CsvColumn } from './open-data.ts';
import type { ExportDefinition } from './registry.ts';

/** „alle“ in the dimension columns: the row sums over every version or every regime. */
const ALL = 'alle';
/** A count: a whole number, 0 or more. */
const COUNT = { type: 'integer', minimum: 0 } as const;

/**
 * The signing figures as open data: for every agreement and every day on which something
 * happened in its ledger (and each Beschlusskontrolle), one row for the whole, one per version
 * that binds parties, one per data-protection regime. Aggregates only – never a party. The regimes
 * come from the vocabulary; the weight columns from the agreements' kinds (`weight.column`:
 * `plaetze` gives `plaetze_berechtigt` and `plaetze_unterzeichnet`).
 */
export function signingCsvColumns(content: Content): readonly CsvColumn[] {
  return memo(content, 'signing-csv-columns', () => {
    const agreements = agreementsInOrder(content);
    const registers = [...new Set(agreements.map((a) => eligibilityOn(content, a).name))];
    const one = agreements.length > 0 && registers.length === 1 ? eligibilityOn(content, agreements[0]!) : undefined;
    const weights = new Map<string, { many: string; register?: string }>();
    for (const a of agreements) {
      const w = agreementWeight(content, a);
      if (w && !weights.has(w.column)) weights.set(w.column, { many: w.many, register: one ? inRegister(one, false) : undefined });
    }
    return [
      { name: 'vereinbarung', title: 'Vereinbarung', description: 'Kennung der Vereinbarung', required: true },
      { name: 'stichtag', title: 'Stichtag', description: 'Stand am Ende dieses Tages (JJJJ-MM-TT)', type: 'date', required: true },
      { name: 'fassung', title: 'Fassung', description: `Version, für die die Zeile zählt, oder „${ALL}“`, required: true, pattern: `\\d+\\.\\d+|${ALL}` },
      { name: 'recht', title: 'Datenschutzrecht', description: `Datenschutzrecht der Vertragspartner oder „${ALL}“`, required: true, enum: [...regimeIds(content), ALL] },
      { name: 'berechtigt', title: 'Berechtigt', description: `${one ? `Vertragspartner ${inRegister(one, false)}` : 'Berechtigte Vertragspartner'} (leer in Zeilen je Fassung)`, required: false, ...COUNT },
      { name: 'unterzeichnet', title: 'Unterzeichnet, Vereinbarung gilt', description: 'Vertragspartner, für die an diesem Tag eine unterzeichnete Fassung gilt', required: true, ...COUNT },
      { name: 'offen', title: PARTY_FIGURE_LABELS.open, description: 'Ohne gültige Vereinbarung, neuestes Angebot weder unterzeichnet noch abgelehnt: „absicht“ + „keine_antwort“ (nur Zeilen „alle“/„alle“)', required: false, ...COUNT },
      { name: 'absicht', title: 'Absicht erklärt', description: 'Davon: Absicht zur Unterzeichnung erklärt, noch nicht unterzeichnet', required: false, ...COUNT },
      { name: 'keine_antwort', title: 'Keine Antwort', description: 'Davon: weder Absicht noch Unterschrift noch Ablehnung eingetragen (eine Erinnerung ist keine Antwort)', required: false, ...COUNT },
      { name: 'abgelehnt', title: 'Abgelehnt', description: 'Ohne gültige Vereinbarung, Angebot abgelehnt', required: false, ...COUNT },
      { name: 'gekuendigt_laeuft', title: 'Gekündigt, Frist läuft', description: 'Vereinbarung gekündigt, gilt aber bis zum Ende der Frist (in „unterzeichnet“ enthalten)', required: false, ...COUNT },
      { name: 'gekuendigt_beendet', title: 'Gekündigt, beendet', description: 'Vereinbarung nach Kündigung ausgelaufen', required: false, ...COUNT },
      { name: 'ohne_angebot', title: 'Ohne Angebot', description: 'Noch kein Angebot erhalten', required: false, ...COUNT },
      ...[...weights].flatMap(([column, w]): CsvColumn[] => [
        { name: `${column}_berechtigt`, title: `${w.many}${w.register ? ` ${w.register}` : ', berechtigt'}`, description: `${w.many} aller berechtigten Vertragspartner`, required: false, ...COUNT },
        { name: `${column}_unterzeichnet`, title: `${w.many} bei Unterzeichnenden`, description: `${w.many} der Vertragspartner mit gültiger Vereinbarung`, required: false, ...COUNT },
      ]),
    ];
  });
}

/** Every day the figures of an agreement can change on, up to the status date: ledger events and Beschlusskontrolle dates. */
export function figureDates(content: Content, agreement: AgreementEntry, until: string): string[] {
  const days = new Set<string>();
  for (const entries of ledgerByParty(content, agreement.id).values()) {
    for (const e of entries) for (const d of [e.offered, e.intent, e.signed, e.declined, e.withdrawn]) if (d && d <= until) days.add(d);
  }
  for (const b of beschlusskontrolleFor(content, agreement)) if (b.date <= until) days.add(b.date);
  // A termination changes the figures the day after it ends.
  for (const counts of signingCountsOnDays(content, agreement, [...days])) {
    for (const t of counts.terminating) if (t.termination.endsOn < until) days.add(dayAfter(t.termination.endsOn));
  }
  return [...days].sort();
}

export interface SigningFigureRow {
  vereinbarung: string;
  stichtag: string;
  fassung: string;
  recht: string;
  berechtigt?: number;
  unterzeichnet: number;
  offen?: number;
  absicht?: number;
  keine_antwort?: number;
  abgelehnt?: number;
  gekuendigt_laeuft?: number;
  gekuendigt_beendet?: number;
  ohne_angebot?: number;
  /** The weight columns of the agreement's kind: `<column>_berechtigt`, `<column>_unterzeichnet`. */
  [weightColumn: `${string}_berechtigt` | `${string}_unterzeichnet`]: number | undefined;
}

function rowsOf(content: Content, agreement: AgreementEntry, f: SigningCounts): SigningFigureRow[] {
  const base = { vereinbarung: f.agreementId, stichtag: f.asOf };
  const weight = agreementWeight(content, agreement);
  return [
    {
      ...base,
      fassung: ALL,
      recht: ALL,
      berechtigt: f.eligible,
      unterzeichnet: f.bound,
      offen: f.open,
      absicht: f.intent,
      keine_antwort: f.noAnswer,
      abgelehnt: f.declined,
      gekuendigt_laeuft: f.terminating.length,
      gekuendigt_beendet: f.ended.length,
      ohne_angebot: f.notOffered,
      ...(weight ? { [`${weight.column}_berechtigt`]: f.weightEligible, [`${weight.column}_unterzeichnet`]: f.weightBound } : {}),
    },
    ...[...f.boundByVersion].reverse().map((v) => ({ ...base, fassung: v.version, recht: ALL, unterzeichnet: v.bound })),
    ...regimeIds(content)
      .filter((r) => f.byRegime[r]!.eligible > 0)
      .map((r) => ({ ...base, fassung: ALL, recht: r, berechtigt: f.byRegime[r]!.eligible, unterzeichnet: f.byRegime[r]!.bound })),
  ];
}

/** The rows of one agreement at the end of `day`: what the report command writes as CSV (`--format csv`). */
export function signingFigureRowsOn(content: Content, agreement: AgreementEntry, day: string): SigningFigureRow[] {
  return rowsOf(content, agreement, buildSigningFigures(content, agreement, day));
}

/** All rows, agreements in site order, then by date. */
export function buildSigningFigureRows(content: Content): SigningFigureRow[] {
  const until = statusDate(content);
  if (!until) return [];
  // Counted for all days in one sweep: recounting every party on every day grows with parties × days.
  return agreementsInOrder(content).flatMap((agreement) => signingCountsOnDays(content, agreement, figureDates(content, agreement, until)).flatMap((f) => rowsOf(content, agreement, f)));
}

function signingCsvHeader(content: Content): string[] {
  return signingCsvColumns(content).map((c) => c.name);
}

/** The CSV records of the rows: counts as digits, an empty cell where a row has no such count. */
function signingCsvRecords(header: readonly string[], rows: readonly SigningFigureRow[]): string[][] {
  return rows.map((row) => header.map((n) => (row[n as keyof SigningFigureRow] === undefined ? '' : String(row[n as keyof SigningFigureRow]))));
}

export function renderSigningFiguresCsv(content: Content, rows: readonly SigningFigureRow[]): string {
  const header = signingCsvHeader(content);
  return renderCsv(header, signingCsvRecords(header, rows));
}

/** JSON Schema (draft-07) of the JSON file: the same rows, numbers as numbers. */
export function signingFiguresJsonSchema(content: Content): object {
  const columns = signingCsvColumns(content);
  const properties = Object.fromEntries(
    columns.map((c) => [
      c.name,
      c.type === 'integer'
        ? { type: 'integer', minimum: c.minimum ?? 0, title: c.title, description: c.description }
        : c.type === 'date'
          ? { type: 'string', format: 'date', title: c.title, description: c.description }
          : { type: 'string', title: c.title, description: c.description, ...(c.enum ? { enum: [...c.enum] } : {}), ...(c.pattern ? { pattern: `^(${c.pattern})$` } : {}) },
    ]),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Zeichnungsstand je Stichtag, Fassung und Datenschutzrecht',
    type: 'object',
    required: ['zaehlregel', 'zeilen'],
    additionalProperties: false,
    properties: {
      zaehlregel: { type: 'string' },
      zeilen: {
        type: 'array',
        items: {
          type: 'object',
          required: columns.filter((c) => c.required).map((c) => c.name),
          additionalProperties: false,
          properties,
        },
      },
    },
  };
}

export const signingFiguresExport: ExportDefinition = {
  id: 'zeichnungsstand',
  title: 'Zeichnungsstand je Stichtag',
  description:
    'Wie viele berechtigte Vertragspartner an jedem Tag, an dem sich im Zeichnungsregister etwas änderte, eine gültige Vereinbarung hatten – insgesamt, je Fassung und je Datenschutzrecht, mit offenen, abgelehnten und gekündigten. Nur Summen, keine einzelnen Vertragspartner. ' +
    `${BINDING_RULE} ${OPEN_RULE} ${SPREADSHEET_NOTE}`,
  standard: { label: 'CSV nach RFC 4180 mit Frictionless Table Schema; JSON mit JSON Schema', href: 'https://datapackage.org/standard/table-schema/' },
  // The last day with a row: the figures change only with the ledger.
  modified: (content) => statusDate(content),
  build: (content) => {
    const rows = buildSigningFigureRows(content);
    const header = signingCsvHeader(content);
    return [
      ...csvFiles(EXPORT_FILES.signingCsv, EXPORT_FILES.signingTableSchema, header, signingCsvRecords(header, rows)),
      { name: EXPORT_FILES.signingTableSchema, format: 'Table Schema (JSON)', mediaType: 'application/json', data: buildTableSchema(signingCsvColumns(content), ['vereinbarung', 'stichtag', 'fassung', 'recht']) },
      { name: EXPORT_FILES.signingJson, format: 'JSON', mediaType: 'application/json', data: { zaehlregel: `${BINDING_RULE} ${OPEN_RULE}`, zeilen: rows }, schema: EXPORT_FILES.signingJsonSchema },
      { name: EXPORT_FILES.signingJsonSchema, format: 'JSON Schema', mediaType: 'application/schema+json', data: signingFiguresJsonSchema(content) },
    ];
  },
};
