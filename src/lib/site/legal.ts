import type { Content } from '../content-model.ts';
import { organisationOf } from '../organisation/profile.ts';

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
  const org = organisationOf(content);
  return {
    title: site?.title ?? 'Vertragswerk',
    publisher: org.name,
    department: org.department.name,
    address: org.address,
    contactEmail: org.contactEmail,
    contactHref: org.contactHref,
    dataProtectionOfficer: org.dataProtectionOfficer,
    baseUrl: site?.base_url ?? '',
  };
}
