import type { Content } from '../content-model.ts';

/** Publisher facts the Impressum, privacy and accessibility pages quote from site.yaml. */
export interface SiteFacts {
  title: string;
  publisher: string;
  department: string;
  address: string;
  contactEmail: string;
  contactHref: string;
  dataProtectionOfficer: string;
  baseUrl: string;
}

/** Where the content comes from (site.yaml `herkunft`): the note and the facts traced to a document. */
export interface ProvenanceView {
  heading: string;
  note: string;
  facts: { fact: string; source: string }[];
}

export function buildProvenanceView(content: Content): ProvenanceView | undefined {
  const herkunft = content.site?.herkunft;
  if (!herkunft) return undefined;
  return {
    heading: 'Herkunft der Inhalte',
    note: herkunft.hinweis,
    facts: herkunft.belege.map((b) => ({ fact: b.angabe, source: b.quelle })),
  };
}

export function buildSiteFacts(content: Content): SiteFacts {
  const site = content.site;
  return {
    title: site?.title ?? 'Vertragswerk',
    publisher: site?.publisher ?? '',
    department: site?.department ?? '',
    address: site?.address ?? '',
    contactEmail: site?.contact_email ?? '',
    contactHref: site?.contact_email ? `mailto:${site.contact_email}` : '',
    dataProtectionOfficer: site?.data_protection_officer ?? '',
    baseUrl: site?.base_url ?? '',
  };
}
