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
