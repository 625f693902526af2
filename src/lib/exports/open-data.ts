import { ART32_LABELS, ART32_REFS, SDM_GOAL_LABELS, SDM_GOALS, TOM_STATUSES, TOM_STATUS_LABELS } from '../../schemas/tom.ts';
import type { Content } from '../content-model.ts';
import { tomAnnexListings, tomsOfGoal } from '../toms/catalogue.ts';
import { renderCsv } from './csv.ts';
import { EXPORT_FILES } from './files.ts';
import type { ExportDefinition } from './registry.ts';

/** One column of a CSV export: its name, what it holds, and what a value may look like. */
export interface CsvColumn {
  name: string;
  title: string;
  description: string;
  required: boolean;
  unique?: boolean;
  enum?: readonly string[];
  pattern?: string;
}

/** Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/) of string columns. */
export function buildTableSchema(columns: readonly CsvColumn[], primaryKey: string | readonly string[]): object {
  return {
    fields: columns.map((c) => ({
      name: c.name,
      type: 'string',
      title: c.title,
      description: c.description,
      constraints: {
        required: c.required,
        ...(c.unique ? { unique: true } : {}),
        ...(c.enum ? { enum: [...c.enum] } : {}),
        ...(c.pattern ? { pattern: c.pattern } : {}),
      },
    })),
    primaryKey: typeof primaryKey === 'string' ? primaryKey : [...primaryKey],
    missingValues: [''],
  };
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
export function renderTomCsv(content: Content): string {
  const rows = SDM_GOALS.flatMap((goal) =>
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
  return renderCsv(TOM_CSV_COLUMNS.map((c) => c.name), rows);
}

export const tomCsvExport: ExportDefinition = {
  id: 'tom-katalog-csv',
  title: 'Maßnahmenkatalog als Tabelle',
  description: `Alle technischen und organisatorischen Maßnahmen mit Gewährleistungsziel, Verantwortlichen, Status (${TOM_STATUSES.map((s) => TOM_STATUS_LABELS[s]).join(', ')}) und Bezug auf Art.\u00a032 DSGVO; eine Zeile je Maßnahme.`,
  standard: { label: 'CSV nach RFC 4180 mit Frictionless Table Schema', href: 'https://specs.frictionlessdata.io/table-schema/' },
  build: (content) => [
    { name: EXPORT_FILES.tomCsv, format: 'CSV', mediaType: 'text/csv; charset=utf-8; header=present', data: renderTomCsv(content), schema: EXPORT_FILES.tomTableSchema },
    { name: EXPORT_FILES.tomTableSchema, format: 'Table Schema (JSON)', mediaType: 'application/json', data: buildTableSchema(TOM_CSV_COLUMNS, 'id') },
  ],
};
