import { createHash } from 'node:crypto';
import { toSlug } from '../../schemas/common.ts';
import { ART32_LABELS, TOM_STATUS_LABELS } from '../../schemas/tom.ts';
import { currentVersion } from '../agreement/versions.ts';
import type { Content, TomEntry, Version } from '../content-model.ts';
import { declaredOrganisation } from '../organisation/profile.ts';
import { formatDateDe } from '../dates.ts';
import { legalSpaces } from '../format.ts';
import { SDM_GOAL_DESCRIPTIONS, tomAnnexEditions, type TomAnnexEdition, type TomMeasure } from '../toms/catalogue.ts';
import { absoluteUrl, urls } from '../site/urls.ts';
import type { ExportDefinition, ExportFileSource } from './registry.ts';
import { uuidV5 } from './uuid.ts';

/** The OSCAL release the files declare (`oscal-version`); test/schemas/oscal-1.1.3 holds its JSON schemas. */
export const OSCAL_VERSION = '1.1.3';

/**
 * The content's measure statuses as OSCAL implementation states (the `state` values OSCAL 1.1 defines
 * for `implementation-status`: implemented, partial, planned, alternative, not-applicable).
 * A measure being rolled out is partially implemented.
 */
export const OSCAL_IMPLEMENTATION_STATE: Record<TomEntry['status'], 'implemented' | 'partial' | 'planned'> = {
  umgesetzt: 'implemented',
  'in-umsetzung': 'partial',
  geplant: 'planned',
};

/** Role of the processor providing the service (organisation.yaml `processor`, else the body itself). */
export const PROCESSOR_ROLE = 'auftragsverarbeiter';

/** Role id under which a TOM's `responsible` appears in OSCAL („IT-Dienstleister der Stadt“ → `it-dienstleister-der-stadt`). */
export function oscalRoleId(responsible: string): string {
  return toSlug(responsible);
}

/**
 * The two files of one agreement version's annex: `muster-1.1-tom-katalog.json`, so a downloaded
 * file still says what it holds. A draft's names say so, and change when it is adopted.
 */
export function oscalAnnexFiles(agreementId: string, version: string, draft: boolean): { catalog: string; component: string } {
  const stem = `oscal/${agreementId}-${version}${draft ? '-entwurf' : ''}`;
  return { catalog: `${stem}-tom-katalog.json`, component: `${stem}-komponente.json` };
}

/** The catalog of each agreement's current version (the one offered for signature), for links from the site. */
export function currentOscalCatalogs(content: Content): { title: string; file: string }[] {
  return tomAnnexEditions(content)
    .filter((e) => e.version === currentVersion(e.agreement))
    .map((e) => ({ title: annexTitle(e), file: oscalAnnexFiles(e.agreement.id, e.version.version, e.draft).catalog }));
}

interface Prop {
  name: string;
  value: string;
  ns?: string;
  class?: string;
  remarks?: string;
}

/** Namespace of the props OSCAL itself does not define (legal basis, annex, agreement version). */
function propNamespace(content: Content): string {
  return absoluteUrl(baseUrl(content), urls.dataFile('oscal/ns'));
}

function baseUrl(content: Content): string {
  return content.site?.base_url ?? 'https://example.invalid';
}

/** Ids that name one annex in UUIDs: `muster:1.1`, a draft `muster:1.2:entwurf`. */
function annexKey(edition: TomAnnexEdition): string {
  return `${edition.agreement.id}:${edition.version.version}${edition.draft ? ':entwurf' : ''}`;
}

/**
 * The document UUID: OSCAL changes it on every change of the document („change-on-write“), so it is
 * derived from the annex and the document's own content – the same content gives the same UUID.
 */
function documentUuid(kind: string, edition: TomAnnexEdition, body: object): string {
  return uuidV5(`${kind}:${annexKey(edition)}:${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`);
}

/** The day the annex was fixed: adoption, or a draft's presentation; never the clock. */
function annexDate(content: Content, version: Version): string {
  const paperDates = (content.council?.papers ?? []).map((p) => p.date).sort();
  // Midnight UTC because the content knows no time.
  const date = version.adopted ?? version.vorgelegt ?? version.effective ?? paperDates[paperDates.length - 1] ?? '1970-01-01';
  return `${date}T00:00:00Z`;
}

/** „Mustervereinbarung, Version 1.1“ – a draft: „…, Entwurf der Version 1.2“. */
function annexTitle(edition: TomAnnexEdition): string {
  return `${edition.agreement.short_title}, ${edition.draft ? 'Entwurf der ' : ''}Version ${edition.version.version}`;
}

/** Whether the version binds anyone, in words, for the metadata's status prop. */
function versionStatusRemarks(edition: TomAnnexEdition): string {
  const v = edition.version;
  if (edition.draft) {
    return `Entwurf${v.vorgelegt ? `, vorgelegt am ${formatDateDe(v.vorgelegt)}` : ''}; noch nicht beschlossen, bindet niemanden.`;
  }
  const by = [v.adopted_by, v.paper].filter(Boolean).join(', ');
  return `Beschlossen${v.adopted ? ` am ${formatDateDe(v.adopted)}` : ''}${by ? ` (${by})` : ''}.`;
}

interface OscalParty {
  uuid: string;
  type: 'organization';
  name: string;
  'short-name'?: string;
  'email-addresses'?: string[];
}

function annexMetadata(content: Content, edition: TomAnnexEdition, title: string, extraRoles: { id: string; title: string }[] = [], extraParties: OscalParty[] = []) {
  const ns = propNamespace(content);
  const { agreement, version, draft } = edition;
  const site = content.site;
  const org = declaredOrganisation(content);
  const publisher = org ? uuidV5(`party:${org.name}`) : undefined;
  const date = annexDate(content, version);
  const remarks = [
    draft ? `Entwurf: Diese Datei beschreibt den Entwurf der Version ${version.version}. Er ist nicht beschlossen und bindet niemanden; die beschlossenen Versionen stehen in eigenen Dateien.` : '',
    site?.herkunft?.hinweis ?? '',
  ].filter(Boolean);
  return {
    title,
    published: date,
    'last-modified': date,
    // The agreement version whose annex the file describes; a draft's is marked, so it never reads as adopted.
    version: `${version.version}${draft ? '-entwurf' : ''}`,
    'oscal-version': OSCAL_VERSION,
    props: [
      { name: 'agreement', ns, value: agreement.id },
      { name: 'agreement-version', ns, value: version.version },
      { name: 'agreement-version-status', ns, value: draft ? 'entwurf' : 'beschlossen', remarks: versionStatusRemarks(edition) },
    ] satisfies Prop[],
    links: [
      { href: absoluteUrl(baseUrl(content), urls.reader(agreement.id, version.version)), rel: 'reference', 'media-type': 'text/html', text: annexTitle(edition) },
      ...(site?.license ? [{ href: site.license.url, rel: 'license', text: site.license.name }] : []),
    ],
    roles: [{ id: 'creator', title: 'Herausgeber' }, ...extraRoles],
    ...(org && publisher
      ? {
          parties: [{ uuid: publisher, type: 'organization', name: org.name, 'short-name': org.department.name, 'email-addresses': [org.contactEmail] }, ...extraParties],
          'responsible-parties': [{ 'role-id': 'creator', 'party-uuids': [publisher] }],
        }
      : {}),
    ...(remarks.length > 0 ? { remarks: remarks.join('\n\n') } : {}),
  };
}

function controlOf(content: Content, measure: TomMeasure) {
  const ns = propNamespace(content);
  // Only this annex's listing: from which version it lists the measure, and its §§ numbered for this version.
  const listing = measure.annexes[0];
  const props: Prop[] = [
    ...measure.entry.art32.map((ref) => ({ name: 'legal-basis', ns, class: ref, value: `${legalSpaces(ART32_LABELS[ref])} DSGVO` })),
    ...(listing ? [{ name: 'annex-since-version', ns, value: listing.since }] : []),
    ...(listing?.references ?? []).map((text) => ({ name: 'agreement-section', ns, value: text })),
  ];
  return {
    id: measure.id,
    class: 'tom',
    title: measure.title,
    props,
    links: [{ href: absoluteUrl(baseUrl(content), urls.tom(measure.id)), rel: 'alternate', 'media-type': 'text/html' }],
    parts: [{ id: `${measure.id}_smt`, name: 'statement', prose: measure.description }],
  };
}

/** One annex as an OSCAL catalog: one group per SDM protection goal it has measures for, one control per measure. */
export function buildOscalCatalog(content: Content, edition: TomAnnexEdition): object {
  const body = {
    metadata: annexMetadata(content, edition, `Technische und organisatorische Maßnahmen – ${annexTitle(edition)}`),
    ...(edition.goals.length > 0
      ? {
          groups: edition.goals.map((g) => ({
            id: g.goal,
            class: 'sdm-gewaehrleistungsziel',
            title: g.label,
            parts: [{ id: `${g.goal}_ovw`, name: 'overview', prose: SDM_GOAL_DESCRIPTIONS[g.goal] }],
            controls: g.measures.map((m) => controlOf(content, m)),
          })),
        }
      : {}),
  };
  return { catalog: { uuid: documentUuid('catalog', edition, body), ...body } };
}

function implementedRequirement(edition: TomAnnexEdition, t: TomEntry) {
  return {
    uuid: uuidV5(`implemented-requirement:${annexKey(edition)}:${t.id}`),
    'control-id': t.id,
    description: t.description,
    // A component definition has no implementation-status field (only an SSP does): a prop of that name
    // without `ns`, the OSCAL state as value and the content's word as remarks – compliance-trestle reads it so.
    props: [{ name: 'implementation-status', value: OSCAL_IMPLEMENTATION_STATE[t.status], remarks: TOM_STATUS_LABELS[t.status] }],
    'responsible-roles': [{ 'role-id': oscalRoleId(t.responsible) }],
  };
}

/**
 * The processor's service under one agreement version as an OSCAL component-definition: it
 * implements exactly the controls of that version's annex (its catalog is the `source`), each with
 * its implementation state and the responsible role.
 */
export function buildOscalComponentDefinition(content: Content, edition: TomAnnexEdition): object {
  const { agreement, version } = edition;
  const toms = edition.goals.flatMap((g) => g.measures.map((m) => m.entry));
  const roles = new Map<string, string>();
  for (const t of toms) if (!roles.has(oscalRoleId(t.responsible))) roles.set(oscalRoleId(t.responsible), t.responsible);
  const catalogFile = oscalAnnexFiles(agreement.id, version.version, edition.draft).catalog;
  // Who provides the service: the processor from organisation.yaml, or the body itself when it has none of its own.
  const org = declaredOrganisation(content);
  const processorName = org?.processor?.name ?? org?.name;
  const processor = processorName ? uuidV5(`party:${processorName}`) : undefined;
  const processorParty: OscalParty[] = org?.processor && processor ? [{ uuid: processor, type: 'organization', name: org.processor.name }] : [];
  const body = {
    metadata: annexMetadata(
      content,
      edition,
      `Umsetzung der technischen und organisatorischen Maßnahmen – ${annexTitle(edition)}`,
      [...(processor && !roles.has(PROCESSOR_ROLE) ? [{ id: PROCESSOR_ROLE, title: 'Auftragsverarbeiter' }] : []), ...[...roles].map(([id, title]) => ({ id, title }))],
      processorParty,
    ),
    components: [
      {
        // The same service in every version's file: one UUID per agreement.
        uuid: uuidV5(`component:${agreement.id}`),
        type: 'service',
        title: agreement.short_title,
        description: agreement.summary,
        purpose: 'Auftragsverarbeitung nach Art.\u00a028 DSGVO; die Maßnahmen sind Anlage der Vereinbarung.',
        ...(processor ? { 'responsible-roles': [{ 'role-id': PROCESSOR_ROLE, 'party-uuids': [processor] }] } : {}),
        ...(toms.length > 0
          ? {
              'control-implementations': [
                {
                  uuid: uuidV5(`control-implementation:${annexKey(edition)}`),
                  source: absoluteUrl(baseUrl(content), urls.dataFile(catalogFile)),
                  description: `Die Maßnahmen nach Art.\u00a032 DSGVO in der Anlage zur Vereinbarung (${annexTitle(edition)}), jede mit dem Stand ihrer Umsetzung.`,
                  'implemented-requirements': toms.map((t) => implementedRequirement(edition, t)),
                },
              ],
            }
          : {}),
      },
    ],
  };
  return { 'component-definition': { uuid: documentUuid('component-definition', edition, body), ...body } };
}

/** Both files of every annex: adopted versions and drafts, each draft in files of its own. */
export function buildOscalFiles(content: Content): ExportFileSource[] {
  return tomAnnexEditions(content).flatMap((edition) => {
    const names = oscalAnnexFiles(edition.agreement.id, edition.version.version, edition.draft);
    const draft = edition.draft ? ', Entwurf' : '';
    return [
      { name: names.catalog, format: `OSCAL catalog (JSON)${draft}`, mediaType: 'application/oscal.catalog+json', data: buildOscalCatalog(content, edition) },
      { name: names.component, format: `OSCAL component-definition (JSON)${draft}`, mediaType: 'application/oscal.component-definition+json', data: buildOscalComponentDefinition(content, edition) },
    ];
  });
}

export const oscalExport: ExportDefinition = {
  id: 'oscal',
  title: 'Maßnahmenkatalog in OSCAL',
  description:
    'Für jede Version einer Vereinbarung zwei Dateien: ihre Anlage der Maßnahmen als OSCAL-Katalog (Gruppen nach Gewährleistungsziel, Bezüge auf Art.\u00a032 DSGVO und die Paragraphen dieser Version als Eigenschaften) und die Auftragsverarbeitung als Komponente, die genau diese Maßnahmen mit dem Stand ihrer Umsetzung und der verantwortlichen Stelle umsetzt – für Prüf- und Compliance-Werkzeuge. Entwürfe stehen in eigenen Dateien mit „entwurf“ im Namen und sind in den Metadaten als Entwurf gekennzeichnet.',
  standard: { label: 'OSCAL 1.1.3 (NIST)', href: 'https://pages.nist.gov/OSCAL/' },
  build: buildOscalFiles,
};
