import type { Regime } from '../../schemas/common.ts';

/** The site's URL scheme (German, trailing slash). Every link on the site comes from here. */
export const urls = {
  home: () => '/',
  agreement: (agreementId: string) => `/vereinbarung/${agreementId}/`,
  reader: (agreementId: string, version: string, regime: Regime = 'dsgvo') =>
    `/vereinbarung/${agreementId}/${version}/${regime === 'dsgvo' ? '' : `${regime}/`}`,
  changes: (agreementId: string, from: string, to: string) => `/vereinbarung/${agreementId}/aenderungen/${from}-${to}/`,
  /** The same comparison as a Synopse (two columns, Absatz beside Absatz). */
  synopsis: (agreementId: string, from: string, to: string) => `/vereinbarung/${agreementId}/aenderungen/${from}-${to}/synopse/`,
  coverage: (agreementId: string, version: string) => `/vereinbarung/${agreementId}/${version}/art-28/`,
  toms: () => '/toms/',
  tom: (tomId: string) => `/toms/#${tomId}`,
  dpia: () => '/dsfa/',
  dpiaVersion: (version: string) => `/dsfa/${version}/`,
  /** A risk of the DPIA in force (shown on /dsfa/). */
  risk: (riskId: string) => `/dsfa/#${riskId}`,
  providers: () => '/traeger/',
  provider: (providerId: string) => `/traeger/${providerId}/`,
  check: () => '/pruefen/',
  signing: () => '/beschlusskontrolle/',
  /** The council's page; its slug comes from organisation.yaml (`council.slug`). */
  council: (slug: string) => `/${slug}/`,
  search: () => '/suche/',
  feed: () => '/feed.xml',
  sitemap: () => '/sitemap.xml',
  imprint: () => '/impressum/',
  privacy: () => '/datenschutz/',
  accessibility: () => '/barrierefreiheit/',
  easyLanguage: () => '/leichte-sprache/',
  pdfManifest: () => '/pdf/manifest.json',
  /** Every copy the check page recognises: published now, or named in the ledger. */
  copyRegister: () => '/pruefen/ausfertigungen.json',
  data: () => '/daten/',
  /** A machine-readable export, `name` relative to /daten/ (e.g. `oscal/tom-katalog.json`). */
  dataFile: (name: string) => `/daten/${name}`,
  /** The section of the „Daten“ page that describes one export (registry id). */
  dataSet: (exportId: string) => `/daten/#${dataSetAnchor(exportId)}`,
} as const;

/** Anchor of an export's section on the „Daten“ page: `oparl` → `daten-oparl`. */
export function dataSetAnchor(exportId: string): string {
  return `daten-${exportId}`;
}

/**
 * The name a browser saves a party's copy under (the link's `download` attribute): agreement,
 * version and party, so no two copies share a name – `muster-1.1-traeger-012.pdf`, where
 * the published path ends in `traeger-012.pdf` for every version.
 */
export function copyDownloadName(agreementId: string, version: string, partyId: string): string {
  return `${agreementId}-${version}-${partyId}.pdf`;
}

/** Absolute URL for feed, sitemap and canonical links: `base` from site.yaml plus a site path. */
export function absoluteUrl(base: string, sitePath: string): string {
  return `${base.replace(/\/+$/, '')}${sitePath.startsWith('/') ? sitePath : `/${sitePath}`}`;
}

/** Anchor of a council paper on the council page: „A0311/22“ → `vorlage-a0311-22`. */
export function paperAnchor(paperId: string): string {
  return `vorlage-${paperId.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}
