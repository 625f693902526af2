import type { Content } from '../content-model.ts';
import { sha256Hex } from '../pdf/party-document.ts';
import { memo } from '../memo.ts';
import { urls } from '../site/urls.ts';
import { oparlExport } from './oparl.ts';
import { oscalExport } from './oscal.ts';
import { tomCsvExport } from './open-data.ts';
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
}

/** A machine-readable export: one entry of the registry, one section on the „Daten“ page. */
export interface ExportDefinition {
  id: string;
  /** German, for the „Daten“ page. */
  title: string;
  description: string;
  /** The standard the files follow, with the address of its specification. */
  standard?: { label: string; href: string };
  build(content: Content): ExportFileSource[];
}

export interface ExportFile {
  /** Site path: /daten/… */
  path: string;
  format: string;
  mediaType: string;
  /** The bytes written to dist/ – size and SHA-256 on the „Daten“ page are taken from these. */
  bytes: Uint8Array<ArrayBuffer>;
  sha256: string;
  /** Site path of the schema file, if any. */
  schemaPath?: string;
}

export interface ExportDataset extends Omit<ExportDefinition, 'build'> {
  files: ExportFile[];
}

/** Every export the build writes, in the order of the „Daten“ page; a new export is one more entry here. */
export const EXPORTS: readonly ExportDefinition[] = [signingFiguresExport, tomCsvExport, oscalExport, oparlExport];

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
    return definitions.map(({ build: make, ...meta }): ExportDataset => ({
      ...meta,
      files: make(content).map((source): ExportFile => {
        const path = urls.dataFile(source.name);
        if (seen.has(path)) throw new Error(`Export file ${path} is produced twice`);
        seen.add(path);
        const bytes = new TextEncoder().encode(typeof source.data === 'string' ? source.data : encodeJson(source.data));
        return {
          path,
          format: source.format,
          mediaType: source.mediaType,
          bytes,
          sha256: sha256Hex(bytes),
          ...(source.schema ? { schemaPath: urls.dataFile(source.schema) } : {}),
        };
      }),
    }));
  };
  return definitions === EXPORTS ? memo(content, 'exports', build) : build();
}

/** Every file of every export, by site path. */
export function exportFiles(content: Content): ExportFile[] {
  return buildExports(content).flatMap((d) => d.files);
}
