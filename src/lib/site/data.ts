import type { Content } from '../content-model.ts';
import { EXPORT_FILES } from '../exports/files.ts';
import { buildExports } from '../exports/registry.ts';
import { formatBytes, formatCount } from '../format.ts';
import { dataSetAnchor, urls } from './urls.ts';
import { kindWords } from '../parties/kinds.ts';

export interface DataFileView {
  href: string;
  /** Path below /daten/, as shown in the table. */
  name: string;
  format: string;
  sizeText: string;
  sha256: string;
  schemaHref?: string;
}

export interface DataSetView {
  id: string;
  anchor: string;
  title: string;
  description: string;
  standard?: { label: string; href: string };
  countText: string;
  files: DataFileView[];
}

export interface DataPageView {
  title: string;
  intro: string;
  license?: { name: string; href: string; id: string };
  licenseText: string;
  privacyNote: string;
  /** The DCAT-AP.de catalogue of this page, for the page head (harvesters find it there). */
  catalogueHref: string;
  datasets: DataSetView[];
}

/** The „Daten“ page: every export with format, licence, size and SHA-256 of the bytes the build writes. */
export function buildDataPageView(content: Content): DataPageView {
  const license = content.site?.license;
  return {
    title: 'Maschinenlesbare Daten',
    intro:
      'Der Zeichnungsstand, der Maßnahmenkatalog und die Ratsvorlagen als Dateien für Datenschutzbeauftragte, Prüfwerkzeuge, Datenportale und Ratsinformationssysteme. Sie entstehen bei jedem Build aus denselben Inhalten wie diese Website.',
    ...(license ? { license: { name: license.name, href: license.url, id: license.id } } : {}),
    licenseText: license ? `Alle Dateien auf dieser Seite stehen unter der Lizenz „${license.name}“.` : 'Für diese Dateien ist keine Lizenz angegeben.',
    catalogueHref: urls.dataFile(EXPORT_FILES.dcatCatalogue),
    privacyNote: `Die Dateien enthalten keine personenbezogenen Daten: ${['keine Ansprechpersonen', 'keine Unterzeichnenden', ...content.kinds.filter((k) => k.natural_person).map((k) => `keine ${kindWords(content, k.id).many}`)].join(', ')}.`,
    datasets: buildExports(content).map((d) => ({
      id: d.id,
      anchor: dataSetAnchor(d.id),
      title: d.title,
      description: d.description,
      ...(d.standard ? { standard: d.standard } : {}),
      countText: formatCount(d.files.length, 'Datei', 'Dateien'),
      files: d.files.map((f) => ({
        href: f.path,
        name: f.path.slice(urls.data().length),
        format: f.format,
        sizeText: formatBytes(f.bytes.length),
        sha256: f.sha256,
        ...(f.schemaPath ? { schemaHref: f.schemaPath } : {}),
      })),
    })),
  };
}
