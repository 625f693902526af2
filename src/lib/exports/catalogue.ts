import { toSlug } from '../../schemas/common.ts';
import type { Content } from '../content-model.ts';
import { declaredOrganisation } from '../organisation/profile.ts';
import { absoluteUrl, urls } from '../site/urls.ts';
import { EXPORT_FILES } from './files.ts';
import type { ExportDataset, ExportDefinition, ExportFile } from './registry.ts';

/**
 * Metadata for data portals and tools, both built from the encoded exports (so sizes and
 * checksums are those of the bytes written): a Frictionless Data Package of the tables and a
 * DCAT-AP.de catalogue of every dataset. Dates are recorded days of the content, never the clock.
 */

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';

/**
 * Licence URIs of the DCAT-AP.de licence vocabulary (http://dcat-ap.de/def/licenses/) for the
 * identifiers `content/site.yaml` may name; another licence is named by its own address.
 */
export const DCAT_AP_DE_LICENSES: Readonly<Record<string, string>> = {
  'dl-de/by-2-0': 'http://dcat-ap.de/def/licenses/dl-by-de/2.0',
  'dl-de/zero-2-0': 'http://dcat-ap.de/def/licenses/dl-zero-de/2.0',
  'cc-by-4.0': 'http://dcat-ap.de/def/licenses/cc-by/4.0',
  'cc-by-sa-4.0': 'http://dcat-ap.de/def/licenses/cc-by-sa/4.0',
  'cc-zero': 'http://dcat-ap.de/def/licenses/cc-zero',
  'CC0-1.0': 'http://dcat-ap.de/def/licenses/cc-zero',
};

const EU = 'http://publications.europa.eu/resource/authority';
/** EU file-type authority table, by media type (without parameters). */
const FILE_TYPES: Readonly<Record<string, string>> = {
  'text/csv': `${EU}/file-type/CSV`,
  'application/json': `${EU}/file-type/JSON`,
  'application/schema+json': `${EU}/file-type/JSON`,
  'application/ld+json': `${EU}/file-type/JSON_LD`,
};

const JSON_LD_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  spdx: 'http://spdx.org/rdf/terms#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

type Json = Record<string, unknown>;

const SPREADSHEET_RESOURCE_NOTE = 'Dieselben Werte wie die CSV-Datei ohne „-excel“, für Tabellenkalkulationen mit deutscher Einstellung: Semikolon als Trennzeichen, UTF-8 mit Byte-Order-Mark, Zeilenende CRLF.';

function baseMediaType(mediaType: string): string {
  return mediaType.split(';')[0]!.trim();
}

/** The EU file type of a media type; a structured `+json` type (OSCAL's) is JSON. */
function fileTypeOf(mediaType: string): string | undefined {
  const base = baseMediaType(mediaType);
  return FILE_TYPES[base] ?? (base.endsWith('+json') ? FILE_TYPES['application/json'] : undefined);
}

/** Files a client uses as data: the entry point of a whole, or every file that is not another file's schema. */
export function distributionFiles(dataset: ExportDataset): ExportFile[] {
  if (dataset.entryPoint) return dataset.files.filter((f) => f.name === dataset.entryPoint);
  const schemas = new Set(dataset.files.flatMap((f) => (f.schemaPath ? [f.schemaPath] : [])));
  return dataset.files.filter((f) => !schemas.has(f.path));
}

/** The licence URI a DCAT-AP.de catalogue names. */
export function dcatLicense(content: Content): string | undefined {
  const license = content.site?.license;
  return license ? (DCAT_AP_DE_LICENSES[license.id] ?? license.url) : undefined;
}

/** The last recorded day any of the datasets changed. */
function latest(datasets: readonly ExportDataset[]): string | undefined {
  return datasets.flatMap((d) => (d.modified ? [d.modified] : [])).sort().at(-1);
}

function catalogueTitle(content: Content): string {
  return content.site ? `Maschinenlesbare Daten – ${content.site.title}` : 'Maschinenlesbare Daten';
}

function catalogueDescription(datasets: readonly ExportDataset[]): string {
  return `Maschinenlesbare Dateien zu den Vereinbarungen dieser Website, bei jedem Build aus denselben Inhalten erzeugt: ${datasets.map((d) => d.title).join(', ')}. Keine personenbezogenen Daten.`;
}

/** Frictionless Data Package 2.0 of every table (CSV) the exports write, with its Table Schema. */
export function buildDataPackage(content: Content, datasets: readonly ExportDataset[]): Json {
  const site = content.site;
  const org = declaredOrganisation(content);
  const base = site?.base_url ?? 'https://example.invalid';
  const relative = (sitePath: string) => sitePath.slice(urls.data().length);
  const resources = datasets.flatMap((d) =>
    d.files
      .filter((f) => f.csv)
      .map((f): Json => ({
        name: toSlug(f.name.replace(/\.csv$/, '')),
        type: 'table',
        path: f.name,
        title: `${d.title} (${f.format})`,
        ...(f.csv!.bom ? { description: SPREADSHEET_RESOURCE_NOTE } : {}),
        format: 'csv',
        mediatype: baseMediaType(f.mediaType),
        encoding: 'utf-8',
        bytes: f.bytes.length,
        hash: `sha256:${f.sha256}`,
        dialect: { header: true, delimiter: f.csv!.delimiter, lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
        ...(f.schemaPath ? { schema: relative(f.schemaPath) } : {}),
      })),
  );
  return {
    $schema: DATA_PACKAGE_PROFILE,
    name: toSlug(site?.title ?? 'vertragswerk'),
    title: catalogueTitle(content),
    description: catalogueDescription(datasets),
    homepage: absoluteUrl(base, urls.data()),
    ...(site?.license ? { licenses: [{ path: site.license.url, title: site.license.name }] } : {}),
    ...(org ? { contributors: [{ title: org.name, roles: ['publisher'], email: org.contactEmail }] } : {}),
    resources,
  };
}

/**
 * DCAT-AP.de catalogue (JSON-LD): the catalogue, one dataset per export with its distributions –
 * title, description, licence (DCAT-AP.de vocabulary), publisher, access and download address,
 * format, media type, size, SHA-256 and the last recorded day of change.
 */
export function buildDcatCatalogue(content: Content, datasets: readonly ExportDataset[]): Json {
  const site = content.site;
  const base = site?.base_url ?? 'https://example.invalid';
  const abs = (sitePath: string) => absoluteUrl(base, sitePath);
  const self = abs(urls.dataFile(EXPORT_FILES.dcatCatalogue));
  const de = (text: string) => ({ '@value': text, '@language': 'de' });
  const day = (iso: string) => ({ '@value': iso, '@type': 'xsd:date' });
  const license = dcatLicense(content);
  const org = declaredOrganisation(content);
  const publisher = org ? { '@type': 'foaf:Organization', 'foaf:name': org.name } : undefined;
  const contactPoint = org
    ? { '@type': 'vcard:Organization', 'vcard:fn': `${org.name}, ${org.department.name}`, 'vcard:hasEmail': { '@id': org.contactHref } }
    : undefined;
  const german = { '@id': `${EU}/language/DEU` };
  const modified = latest(datasets);

  const distribution = (d: ExportDataset, f: ExportFile): Json => {
    const url = abs(f.path);
    const fileType = fileTypeOf(f.mediaType);
    return {
      '@id': `${self}#${f.name}`,
      '@type': 'dcat:Distribution',
      'dct:title': de(`${f.name} (${f.format})`),
      'dcat:accessURL': { '@id': url },
      // An entry point leads on to the other files; a single file is downloaded whole.
      ...(d.entryPoint ? {} : { 'dcat:downloadURL': { '@id': url } }),
      ...(fileType ? { 'dct:format': { '@id': fileType } } : {}),
      'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${baseMediaType(f.mediaType)}` },
      'dcat:byteSize': { '@value': String(f.bytes.length), '@type': 'xsd:nonNegativeInteger' },
      'spdx:checksum': {
        '@type': 'spdx:Checksum',
        'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' },
        'spdx:checksumValue': { '@value': f.sha256, '@type': 'xsd:hexBinary' },
      },
      ...(license ? { 'dct:license': { '@id': license } } : {}),
      ...(org ? { 'dcatde:licenseAttributionByText': de(org.name) } : {}),
      ...(f.schemaPath ? { 'dct:conformsTo': { '@id': abs(f.schemaPath) } } : d.standard ? { 'dct:conformsTo': { '@id': d.standard.href } } : {}),
      ...(d.modified ? { 'dct:modified': day(d.modified) } : {}),
    };
  };

  const dataset = (d: ExportDataset): Json => ({
    '@id': `${self}#${d.id}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': `${self}#${d.id}`,
    'dct:title': de(d.title),
    'dct:description': de(d.description),
    'dcat:landingPage': { '@id': abs(urls.dataSet(d.id)) },
    ...(publisher ? { 'dct:publisher': publisher } : {}),
    ...(contactPoint ? { 'dcat:contactPoint': contactPoint } : {}),
    'dcat:theme': { '@id': `${EU}/data-theme/GOVE` },
    'dct:language': german,
    'dct:accessRights': { '@id': `${EU}/access-right/PUBLIC` },
    ...(d.standard ? { 'dct:conformsTo': { '@id': d.standard.href } } : {}),
    ...(d.modified ? { 'dct:modified': day(d.modified) } : {}),
    'dcat:distribution': distributionFiles(d).map((f) => distribution(d, f)),
  });

  return {
    '@context': JSON_LD_CONTEXT,
    '@id': `${self}#katalog`,
    '@type': 'dcat:Catalog',
    'dct:title': de(catalogueTitle(content)),
    'dct:description': de(catalogueDescription(datasets)),
    ...(publisher ? { 'dct:publisher': publisher } : {}),
    'foaf:homepage': { '@id': abs(urls.data()) },
    'dct:language': german,
    ...(license ? { 'dct:license': { '@id': license } } : {}),
    ...(modified ? { 'dct:modified': day(modified) } : {}),
    'dcat:dataset': datasets.map(dataset),
  };
}

export const catalogueExport: ExportDefinition = {
  id: 'metadaten',
  title: 'Metadaten für Datenportale',
  description:
    'Beschreibungen der Dateien dieser Seite für Datenportale und Prüfwerkzeuge: ein Data Package (Frictionless) mit jeder Tabelle, ihrem Table Schema, Größe und SHA-256, und ein Katalog nach DCAT-AP.de (JSON-LD) mit jedem Datensatz und seinen Dateien, Lizenz, Herausgeber und dem Tag der letzten Änderung.',
  standard: { label: 'Frictionless Data Package 2.0 und DCAT-AP.de', href: 'https://www.dcat-ap.de/' },
  build: (content, described) => [
    { name: EXPORT_FILES.dataPackage, format: 'Data Package (JSON)', mediaType: 'application/json', data: buildDataPackage(content, described) },
    { name: EXPORT_FILES.dcatCatalogue, format: 'DCAT-AP.de (JSON-LD)', mediaType: 'application/ld+json', data: buildDcatCatalogue(content, described) },
  ],
};
