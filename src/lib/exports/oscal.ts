import { toSlug } from '../../schemas/common.ts';
import { ART32_LABELS, SDM_GOAL_LABELS, SDM_GOALS, TOM_STATUS_LABELS } from '../../schemas/tom.ts';
import { currentVersion, mainAgreement } from '../agreement/versions.ts';
import type { Content, TomEntry } from '../content-model.ts';
import { legalSpaces } from '../format.ts';
import { SDM_GOAL_DESCRIPTIONS, tomAnnexListings, tomsOfGoal } from '../toms/catalogue.ts';
import { absoluteUrl, urls } from '../site/urls.ts';
import { EXPORT_FILES } from './files.ts';
import type { ExportDefinition } from './registry.ts';
import { uuidV5 } from './uuid.ts';

/** The OSCAL release the files declare (`oscal-version`). */
export const OSCAL_VERSION = '1.1.2';

const OSCAL_CATALOG_FILE = EXPORT_FILES.oscalCatalog;
const OSCAL_COMPONENT_FILE = EXPORT_FILES.oscalComponent;

/** Role id under which a TOM's `responsible` appears in OSCAL („Eigenbetrieb IT-Dienstleistungen“ → `eigenbetrieb-it-dienstleistungen`). */
export function oscalRoleId(responsible: string): string {
  return toSlug(responsible);
}

interface Prop {
  name: string;
  value: string;
  ns?: string;
  class?: string;
}

/** Namespace of the props OSCAL itself does not define (legal basis, status, since version). */
function propNamespace(content: Content): string {
  return absoluteUrl(baseUrl(content), urls.dataFile('oscal/ns'));
}

function baseUrl(content: Content): string {
  return content.site?.base_url ?? 'https://example.invalid';
}

/** Title, version and date of the catalogue: the main agreement's current version, whose annex the TOMs are. */
function catalogueEdition(content: Content): { version: string; lastModified: string; agreementTitle: string } {
  const agreement = mainAgreement(content);
  const version = agreement ? currentVersion(agreement) : undefined;
  const paperDates = (content.council?.papers ?? []).map((p) => p.date).sort();
  // A date from the content, never the clock; midnight UTC because the content knows no time.
  const date = version?.adopted ?? version?.effective ?? paperDates[paperDates.length - 1] ?? '1970-01-01';
  return { version: version?.version ?? '0.0', lastModified: `${date}T00:00:00Z`, agreementTitle: agreement?.short_title ?? '' };
}

function publisherMetadata(content: Content, title: string, extraRoles: { id: string; title: string }[] = []) {
  const edition = catalogueEdition(content);
  const site = content.site;
  const publisher = site ? uuidV5(`party:${site.publisher}`) : undefined;
  return {
    title,
    'last-modified': edition.lastModified,
    version: edition.version,
    'oscal-version': OSCAL_VERSION,
    ...(site?.license ? { links: [{ href: site.license.url, rel: 'license', text: site.license.name }] } : {}),
    roles: [{ id: 'creator', title: 'Herausgeber' }, ...extraRoles],
    ...(site && publisher
      ? {
          parties: [{ uuid: publisher, type: 'organization', name: site.publisher, 'short-name': site.department, 'email-addresses': [site.contact_email] }],
          'responsible-parties': [{ 'role-id': 'creator', 'party-uuids': [publisher] }],
        }
      : {}),
  };
}

function controlOf(content: Content, tom: TomEntry) {
  const ns = propNamespace(content);
  const props: Prop[] = [
    ...tom.art32.map((ref) => ({ name: 'legal-basis', ns, class: ref, value: `${legalSpaces(ART32_LABELS[ref])} DSGVO` })),
    { name: 'since-version', ns, value: tom.since_version },
    // Per agreement (class = its id): from which version its annex lists the measure, and the §§ at its current version.
    ...tomAnnexListings(content, tom).flatMap((a) => [
      { name: 'annex-since-version', ns, class: a.agreementId, value: a.since },
      ...a.references.map((text) => ({ name: 'agreement-section', ns, class: a.agreementId, value: `${text} (Version ${a.version})` })),
    ]),
  ];
  return {
    id: tom.id,
    class: 'tom',
    title: tom.title,
    props,
    links: [{ href: absoluteUrl(baseUrl(content), urls.tom(tom.id)), rel: 'alternate', 'media-type': 'text/html' }],
    parts: [{ id: `${tom.id}_smt`, name: 'statement', prose: tom.description }],
  };
}

/** The TOM catalogue as an OSCAL 1.1 catalog: one group per SDM protection goal, one control per measure. */
export function buildOscalCatalog(content: Content): object {
  const edition = catalogueEdition(content);
  return {
    catalog: {
      uuid: uuidV5('catalog:toms'),
      metadata: publisherMetadata(content, `Technische und organisatorische Maßnahmen${edition.agreementTitle ? ` – ${edition.agreementTitle}` : ''}`),
      groups: SDM_GOALS.map((goal) => {
        const toms = tomsOfGoal(content, goal);
        return {
          id: goal,
          class: 'sdm-gewaehrleistungsziel',
          title: SDM_GOAL_LABELS[goal],
          parts: [{ id: `${goal}_ovw`, name: 'overview', prose: SDM_GOAL_DESCRIPTIONS[goal] }],
          ...(toms.length > 0 ? { controls: toms.map((t) => controlOf(content, t)) } : {}),
        };
      }),
    },
  };
}

/**
 * The processor's service as an OSCAL 1.1 component-definition: every measure of the catalogue
 * is an implemented requirement with its status and the responsible role from the TOM.
 */
export function buildOscalComponentDefinition(content: Content): object {
  const agreement = mainAgreement(content);
  const toms = SDM_GOALS.flatMap((goal) => tomsOfGoal(content, goal));
  const roles = new Map<string, string>();
  for (const t of toms) if (!roles.has(oscalRoleId(t.responsible))) roles.set(oscalRoleId(t.responsible), t.responsible);
  const edition = catalogueEdition(content);
  const ns = propNamespace(content);
  const key = agreement?.id ?? 'vereinbarung';
  return {
    'component-definition': {
      uuid: uuidV5(`component-definition:${key}`),
      metadata: publisherMetadata(
        content,
        `Umsetzung der technischen und organisatorischen Maßnahmen${edition.agreementTitle ? ` – ${edition.agreementTitle}` : ''}`,
        [...roles].map(([id, title]) => ({ id, title })),
      ),
      components: [
        {
          uuid: uuidV5(`component:${key}`),
          type: 'service',
          title: agreement?.short_title ?? 'Auftragsverarbeitung',
          description: agreement?.summary ?? 'Auftragsverarbeitung nach Art. 28 DSGVO',
          purpose: 'Auftragsverarbeitung nach Art.\u00a028 DSGVO; die Maßnahmen sind Anlage der Vereinbarung.',
          'control-implementations': [
            {
              uuid: uuidV5(`control-implementation:${key}`),
              source: absoluteUrl(baseUrl(content), urls.dataFile(OSCAL_CATALOG_FILE)),
              description: `Maßnahmen nach Art.\u00a032 DSGVO in der Fassung der Version ${edition.version} der Vereinbarung.`,
              'implemented-requirements': toms.map((t) => ({
                uuid: uuidV5(`implemented-requirement:${key}:${t.id}`),
                'control-id': t.id,
                description: t.description,
                props: [{ name: 'implementation-status', ns, class: t.status, value: TOM_STATUS_LABELS[t.status] }],
                'responsible-roles': [{ 'role-id': oscalRoleId(t.responsible) }],
              })),
            },
          ],
        },
      ],
    },
  };
}

export const oscalExport: ExportDefinition = {
  id: 'oscal',
  title: 'Maßnahmenkatalog in OSCAL',
  description:
    'Der Katalog der Maßnahmen als OSCAL-Katalog (Gruppen nach Gewährleistungsziel, Bezüge auf Art.\u00a032 DSGVO als Eigenschaften) und die Auftragsverarbeitung als Komponente, die jede Maßnahme mit Status und verantwortlicher Stelle umsetzt – für Prüf- und Compliance-Werkzeuge.',
  standard: { label: 'OSCAL 1.1 (NIST)', href: 'https://pages.nist.gov/OSCAL/' },
  build: (content) => [
    { name: OSCAL_CATALOG_FILE, format: 'OSCAL catalog (JSON)', mediaType: 'application/oscal.catalog+json', data: buildOscalCatalog(content) },
    { name: OSCAL_COMPONENT_FILE, format: 'OSCAL component-definition (JSON)', mediaType: 'application/oscal.component-definition+json', data: buildOscalComponentDefinition(content) },
  ],
};
