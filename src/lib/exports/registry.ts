import type { Content } from '../content-model.ts';
import { sha256Hex } from '../pdf/party-document.ts';
import { memo } from '../memo.ts';
import { urls } from '../site/urls.ts';
import { catalogueExport } from './catalogue.ts';
import type { CsvDialect } from './csv.ts';
import { oparlExport } from './oparl.ts';
import { oscalExport } from './oscal.ts';
import { tomCatalogueModified, tomCsvExport } from './open-data.ts';
import { signingFiguresExport } from './signing-figures.ts';

/** One file an export produces, before it is encoded. */
export interface ExportFileSource {
  /** Path below /daten/, e.g. `tom-katalog.csv` or `oparl/system.json`. */
  name: string;
  /** German label of the format, e.g. „CSV (RFC 4180)“. */
  format: string;
  /** Content-Type the file is served with. */
  mediaType: string;
  /** A string is written as UTF-8; anything else as JSON (two-space indent, final newline). */
  data: string | object;
  /** `name` of the schema file that describes this file, if the export writes one. */
  schema?: string;
  /** A table: how the CSV is written (data package and catalogue describe it). */
  csv?: CsvDialect;
}

/** A machine-readable export: one entry of the registry, one section on the „Daten“ page. */
export interface ExportDefinition {
  id: string;
  /** German, for the „Daten“ page. */
  title: string;
  description: string;
  /** The standard the files follow, with the address of its specification. */
  standard?: { label: string; href: string };
  /**
   * The file a client starts from when the files are one whole (OParl's system object): catalogues
   * list only it, not every file.
   */
  entryPoint?: string;
  /** The last recorded day the data changed (ISO date), for catalogues; never the build time. */
  modified?(content: Content): string | undefined;
  /** `described`: the exports before this one, encoded – what a catalogue of them needs. */
  build(content: Content, described: readonly ExportDataset[]): ExportFileSource[];
}

export interface ExportFile {
  /** Site path: /daten/… */
  path: string;
  /** Path below /daten/, as the export named it. */
  name: string;
  format: string;
  mediaType: string;
  /** The bytes written to dist/ – size and SHA-256 on the „Daten“ page are taken from these. */
  bytes: Uint8Array<ArrayBuffer>;
  sha256: string;
  /** Site path of the schema file, if any. */
  schemaPath?: string;
  csv?: CsvDialect;
}

export interface ExportDataset extends Omit<ExportDefinition, 'build' | 'modified'> {
  files: ExportFile[];
  /** The last recorded day the data changed, if the export says. */
  modified?: string;
}

/** The OSCAL files are the TOM catalogue in another format: the same day, unless oscal.ts states its own. */
const oscalWithDate: ExportDefinition = { modified: tomCatalogueModified, ...oscalExport };

/**
 * Every export the build writes, in the order of the „Daten“ page; a new export is one more entry
 * here. The catalogue comes last: it describes the ones before it.
 */
export const EXPORTS: readonly ExportDefinition[] = [signingFiguresExport, tomCsvExport, oscalWithDate, oparlExport, catalogueExport];

/** JSON as the exports write it: UTF-8, two-space indent, final newline. */
export function encodeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Encodes every export once per content object: the Astro endpoint writes these bytes and the
 * „Daten“ page shows their size and SHA-256, so the two cannot disagree.
 */
export function buildExports(content: Content, definitions: readonly ExportDefinition[] = EXPORTS): ExportDataset[] {
  const build = () => {
    const seen = new Set<string>();
    const datasets: ExportDataset[] = [];
    for (const { build: make, modified, ...meta } of definitions) {
      const day = modified?.(content);
      const files = make(content, [...datasets]).map((source): ExportFile => {
        const path = urls.dataFile(source.name);
        if (seen.has(path)) throw new Error(`Export file ${path} is produced twice`);
        seen.add(path);
        const bytes = new TextEncoder().encode(typeof source.data === 'string' ? source.data : encodeJson(source.data));
        return {
          path,
          name: source.name,
          format: source.format,
          mediaType: source.mediaType,
          bytes,
          sha256: sha256Hex(bytes),
          ...(source.schema ? { schemaPath: urls.dataFile(source.schema) } : {}),
          ...(source.csv ? { csv: source.csv } : {}),
        };
      });
      datasets.push({ ...meta, ...(day ? { modified: day } : {}), files });
    }
    return datasets;
  };
  return definitions === EXPORTS ? memo(content, 'exports', build) : build();
}

/** Every file of every export, by site path. */
export function exportFiles(content: Content): ExportFile[] {
  return buildExports(content).flatMap((d) => d.files);
}
