import { ART32_LABELS, ART32_REFS, SDM_GOAL_LABELS, SDM_GOALS, TOM_STATUSES, TOM_STATUS_LABELS } from '../../schemas/tom.ts';
import type { Content } from '../content-model.ts';
import { tomAnnexListings, tomsOfGoal } from '../toms/catalogue.ts';
import { renderCsv, RFC4180_DIALECT, SPREADSHEET_DIALECT } from './csv.ts';
import { EXPORT_FILES } from './files.ts';
import type { ExportDefinition, ExportFileSource } from './registry.ts';

/**
 * One column of a CSV export: its name, what it holds, and what a value may look like. `integer`
 * columns hold counts (digits only, no separators), `date` columns ISO days (JJJJ-MM-TT).
 */
export interface CsvColumn {
  name: string;
  title: string;
  description: string;
  type?: 'string' | 'integer' | 'date';
  required: boolean;
  unique?: boolean;
  enum?: readonly string[];
  /** Only for string columns (Table Schema applies patterns to strings). */
  pattern?: string;
  minimum?: number;
}

/** Profile of the Table Schemas the exports write. */
export const TABLE_SCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json';

/** Frictionless Table Schema (https://datapackage.org/standard/table-schema/) of the columns. */
export function buildTableSchema(columns: readonly CsvColumn[], primaryKey: string | readonly string[]): object {
  return {
    $schema: TABLE_SCHEMA_PROFILE,
    fields: columns.map((c) => ({
      name: c.name,
      type: c.type ?? 'string',
      title: c.title,
      description: c.description,
      constraints: {
        required: c.required,
        ...(c.unique ? { unique: true } : {}),
        ...(c.enum ? { enum: [...c.enum] } : {}),
        ...(c.pattern ? { pattern: c.pattern } : {}),
        ...(c.minimum !== undefined ? { minimum: c.minimum } : {}),
      },
    })),
    primaryKey: typeof primaryKey === 'string' ? primaryKey : [...primaryKey],
    missingValues: [''],
  };
}

/** What the data page says about the spreadsheet variants. */
export const SPREADSHEET_NOTE =
  'Die Datei mit „-excel“ im Namen enthält dieselben Werte für Excel und andere Tabellenkalkulationen mit deutscher Einstellung: Semikolon als Trennzeichen, UTF-8 mit Byte-Order-Mark. ' +
  'Excel liest beim Öffnen Versionsnummern wie „1.1“ als Datum; wer sie als Text braucht, öffnet die Datei über „Daten › Aus Text/CSV“ und setzt für die Spalte den Typ Text.';

/** Name of the spreadsheet variant of a CSV file: `zeichnungsstand.csv` → `zeichnungsstand-excel.csv`. */
export function spreadsheetCsvName(name: string): string {
  return name.replace(/\.csv$/, '-excel.csv');
}

/**
 * A table as two files with one Table Schema: RFC 4180 for programs and portals, and the same
 * values for spreadsheets set to German („;“, UTF-8 with byte-order mark, CRLF).
 */
export function csvFiles(name: string, schema: string, header: readonly string[], rows: readonly (readonly string[])[]): ExportFileSource[] {
  const mediaType = 'text/csv; charset=utf-8; header=present';
  return [
    { name, format: 'CSV', mediaType, data: renderCsv(header, rows, RFC4180_DIALECT), schema, csv: RFC4180_DIALECT },
    { name: spreadsheetCsvName(name), format: 'CSV für Excel, Semikolon', mediaType, data: renderCsv(header, rows, SPREADSHEET_DIALECT), schema, csv: SPREADSHEET_DIALECT },
  ];
}

/** The art32 column lists several references, separated by „;“. */
const LIST_SEPARATOR = ';';

export const TOM_CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'id', title: 'Kennung', description: 'Stabile Kennung der Maßnahme', required: true, unique: true, pattern: '[a-z0-9]+(-[a-z0-9]+)*' },
  { name: 'ziel', title: 'Gewährleistungsziel', description: 'Gewährleistungsziel des Standard-Datenschutzmodells (Kennung)', required: true, enum: SDM_GOALS },
  { name: 'ziel_bezeichnung', title: 'Gewährleistungsziel (Bezeichnung)', description: 'Gewährleistungsziel als Text', required: true, enum: SDM_GOALS.map((g) => SDM_GOAL_LABELS[g]) },
  { name: 'titel', title: 'Titel', description: 'Kurzbezeichnung der Maßnahme', required: true },
  { name: 'beschreibung', title: 'Beschreibung', description: 'Was die Maßnahme umfasst', required: true },
  { name: 'verantwortlich', title: 'Verantwortlich', description: 'Stelle, die die Maßnahme umsetzt', required: true },
  { name: 'status', title: 'Status', description: 'Stand der Umsetzung (Kennung)', required: true, enum: TOM_STATUSES },
  {
    name: 'art32',
    title: 'Bezug auf Art. 32 DSGVO',
    description: `Kennungen der Bezüge auf Art. 32 DSGVO, getrennt durch „${LIST_SEPARATOR}“`,
    required: true,
    pattern: `(${ART32_REFS.join('|')})(${LIST_SEPARATOR}(${ART32_REFS.join('|')}))*`,
  },
  { name: 'art32_bezeichnung', title: 'Bezug auf Art. 32 DSGVO (Text)', description: `Die Bezüge als Text, getrennt durch „${LIST_SEPARATOR} “`, required: true },
  { name: 'seit_version', title: 'Teil der Anlage seit Version', description: 'Version der Vereinbarung, ab der die Maßnahme zur Anlage gehört', required: true, pattern: '\\d+\\.\\d+' },
  {
    name: 'anlagen',
    title: 'In der Anlage der Vereinbarungen',
    description: `Vereinbarungen, deren Anlage 1 die Maßnahme aufführt, je als „Kennung:Version“ (ab dieser Version), getrennt durch „${LIST_SEPARATOR}“`,
    required: false,
    pattern: `[a-z0-9]+(-[a-z0-9]+)*:\\d+\\.\\d+(${LIST_SEPARATOR}[a-z0-9]+(-[a-z0-9]+)*:\\d+\\.\\d+)*`,
  },
  { name: 'paragraphen', title: 'Geregelt in', description: `Paragraphen der Vereinbarungen, die die Maßnahme regeln, nummeriert nach der geltenden Version, getrennt durch „${LIST_SEPARATOR} “`, required: false },
];

/** The TOM catalogue as CSV rows, in catalogue order (by protection goal, then id). */
export function tomCsvRows(content: Content): string[][] {
  return SDM_GOALS.flatMap((goal) =>
    tomsOfGoal(content, goal).map((t) => {
      const annexes = tomAnnexListings(content, t);
      return [
        t.id,
        t.goal,
        SDM_GOAL_LABELS[t.goal],
        t.title,
        t.description,
        t.responsible,
        t.status,
        t.art32.join(LIST_SEPARATOR),
        t.art32.map((r) => ART32_LABELS[r]).join(`${LIST_SEPARATOR} `),
        t.since_version,
        annexes.map((a) => `${a.agreementId}:${a.since}`).join(LIST_SEPARATOR),
        annexes.flatMap((a) => a.references.map((r) => `${r} (Version ${a.version})`)).join(`${LIST_SEPARATOR} `),
      ];
    }),
  );
}

/** The TOM catalogue as RFC 4180 CSV. */
export function renderTomCsv(content: Content): string {
  return renderCsv(TOM_CSV_COLUMNS.map((c) => c.name), tomCsvRows(content));
}

/**
 * The day the TOM catalogue last changed: it is the annex of the agreement versions, so the latest
 * day a version was presented, adopted or corrected.
 */
export function tomCatalogueModified(content: Content): string | undefined {
  const days = content.agreements.flatMap((a) => a.versions.flatMap((v) => [v.vorgelegt, v.adopted, ...v.errata.map((e) => e.date)])).filter((d): d is string => Boolean(d));
  return days.sort().at(-1);
}

export const tomCsvExport: ExportDefinition = {
  id: 'tom-katalog-csv',
  title: 'Maßnahmenkatalog als Tabelle',
  description: `Alle technischen und organisatorischen Maßnahmen mit Gewährleistungsziel, Verantwortlichen, Status (${TOM_STATUSES.map((s) => TOM_STATUS_LABELS[s]).join(', ')}) und Bezug auf Art.\u00a032 DSGVO; eine Zeile je Maßnahme. ${SPREADSHEET_NOTE}`,
  standard: { label: 'CSV nach RFC 4180 mit Frictionless Table Schema', href: 'https://datapackage.org/standard/table-schema/' },
  modified: tomCatalogueModified,
  build: (content) => [
    ...csvFiles(EXPORT_FILES.tomCsv, EXPORT_FILES.tomTableSchema, TOM_CSV_COLUMNS.map((c) => c.name), tomCsvRows(content)),
    { name: EXPORT_FILES.tomTableSchema, format: 'Table Schema (JSON)', mediaType: 'application/json', data: buildTableSchema(TOM_CSV_COLUMNS, 'id') },
  ],
};
