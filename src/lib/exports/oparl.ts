import { toSlug } from '../../schemas/common.ts';
import type { Content } from '../content-model.ts';
import { declaredOrganisation, organisationOf } from '../organisation/profile.ts';
import { isDecisionRole, PAPER_KIND_LABELS } from '../council/papers.ts';
import { formatDateDe, startOfDayIn } from '../dates.ts';
import { compareGerman } from '../format.ts';
import { absoluteUrl, paperAnchor, urls } from '../site/urls.ts';
import { EXPORT_FILES } from './files.ts';
import type { ExportDefinition, ExportFileSource } from './registry.ts';

/** OParl 1.1 as static files: every object id is the address of its own JSON file on the site. */
export const OPARL_VERSION = 'https://schema.oparl.org/1.1/';
const type = (name: string) => `${OPARL_VERSION}${name}`;

/** Objects per page of an external list. */
export const OPARL_PAGE_SIZE = 20;

/**
 * The time zone of `created`, `modified` and `start`: OParl is the standard of German council
 * information systems, and Germany keeps one legal time (CET/CEST). The content records days only,
 * so every date-time is midnight at the start of the recorded day, with the offset of that day.
 */
export const OPARL_TIME_ZONE = 'Europe/Berlin';

/** A recorded day of the content as an OParl date-time. */
export function oparlDateTime(isoDate: string): string {
  return startOfDayIn(isoDate, OPARL_TIME_ZONE);
}

/** Registry id of this export: its section of the „Daten“ page is what `System.product` points to. */
export const OPARL_DATASET_ID = 'oparl';

/** Slug of a body name in OParl ids („Ausschuss für Bildung (…)“ → `ausschuss-fuer-bildung-…`). */
export function oparlOrganizationSlug(name: string): string {
  return toSlug(name);
}

/** Slug of a paper number („A0311/22“ → `a0311-22`). */
export function oparlPaperSlug(paperId: string): string {
  return toSlug(paperId);
}

/** Slug of a meeting: the body and the date (one sitting of a body per day). */
export function oparlMeetingSlug(body: string, date: string): string {
  return `${oparlOrganizationSlug(body)}-${date}`;
}

type Json = Record<string, unknown>;

interface ListFile {
  name: string;
  objects: Json[];
}

/** Path below /daten/ of the n-th page (1-based) of a list. */
function pageName(list: string, page: number): string {
  return page === 1 ? `oparl/${list}.json` : `oparl/${list}-${page}.json`;
}

/**
 * Every OParl file for the council papers in the content: system, body, lists (paged as
 * „externe Objektlisten“ with data, pagination and links) and one file per object.
 */
export interface OparlFile {
  name: string;
  kind: 'system' | 'list' | 'object';
  data: Json;
}

const FORMAT_LABELS: Record<OparlFile['kind'], string> = {
  system: 'OParl-System (JSON)',
  list: 'OParl-Liste (JSON)',
  object: 'OParl-Objekt (JSON)',
};

/** First and last recorded day that concern an object: its `created` and `modified`. */
interface DateSpan {
  created: string;
  modified: string;
}

function spanOf(days: readonly (string | undefined)[]): DateSpan {
  const known = days.filter((d): d is string => Boolean(d)).sort();
  if (known.length === 0) throw new Error('An OParl object needs at least one recorded date');
  return { created: known[0]!, modified: known[known.length - 1]! };
}

function spanOfAll(spans: readonly DateSpan[]): DateSpan {
  return spanOf(spans.flatMap((s) => [s.created, s.modified]));
}

/** `created` and `modified` as OParl writes them. */
function stamps(span: DateSpan): Json {
  return { created: oparlDateTime(span.created), modified: oparlDateTime(span.modified) };
}

/**
 * Which recorded day of the content is an object's `created` and `modified` (documented in the
 * README, „OParl-Export bereitstellen“). Never the clock or a file's time: the same content gives
 * the same dates.
 * - Paper: created on its date; modified on the latest day of its consultations, resolutions and attachments.
 * - Consultation and its agenda item: created with the paper that lists it in its Beratungsfolge
 *   (or on the session day if that is earlier); modified on the session day.
 * - Meeting: the span of its agenda items; `start` is the session day.
 * - File (an agreement version attached to its paper): created on the earliest of the paper's date,
 *   the draft's publication (`vorgelegt`) and the adoption; modified on the adoption or the latest
 *   recorded correction (`errata`).
 * - Organization: created and modified when the first paper that names it in its Beratungsfolge was
 *   recorded (the content records no change to a body).
 * - Body and System: the span of every object of the export.
 */
export function buildOparlFiles(content: Content, options: { pageSize?: number } = {}): OparlFile[] {
  const pageSize = options.pageSize ?? OPARL_PAGE_SIZE;
  const base = content.site?.base_url ?? 'https://example.invalid';
  const url = (name: string) => absoluteUrl(base, urls.dataFile(name));
  const web = (sitePath: string) => absoluteUrl(base, sitePath);
  const council = content.council;
  const org = declaredOrganisation(content);
  const councilPage = urls.council(organisationOf(content).council.slug);
  const papers = [...(council?.papers ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  const consultations = [...(council?.consultations ?? [])].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : compareGerman(a.body, b.body) || (a.paper < b.paper ? -1 : a.paper > b.paper ? 1 : 0),
  );
  const listUrl = (list: string) => url(pageName(list, 1));
  const systemId = url(EXPORT_FILES.oparlSystem);
  const bodyId = url('oparl/body.json');
  const orgId = (name: string) => url(`oparl/organization/${oparlOrganizationSlug(name)}.json`);
  const meetingId = (body: string, date: string) => url(`oparl/meeting/${oparlMeetingSlug(body, date)}.json`);
  const paperId = (id: string) => url(`oparl/paper/${oparlPaperSlug(id)}.json`);
  const itemSlug = (c: { paper: string; body: string; date: string }) => `${oparlMeetingSlug(c.body, c.date)}-${oparlPaperSlug(c.paper)}`;
  const agendaItemId = (c: { paper: string; body: string; date: string }) => url(`oparl/agenda-item/${itemSlug(c)}.json`);
  const consultationId = (c: { paper: string; body: string; date: string }) => url(`oparl/consultation/${itemSlug(c)}.json`);
  const paperWeb = (id: string) => web(`${councilPage}#${paperAnchor(id)}`);
  const license = content.site?.license?.url;
  const paperById = new Map(papers.map((p) => [p.id, p]));

  type ConsultationEntry = (typeof consultations)[number];
  const consultationSpan = (c: ConsultationEntry): DateSpan => {
    const listed = paperById.get(c.paper)?.date;
    return { created: listed && listed < c.date ? listed : c.date, modified: c.date };
  };

  const bodyNames = [...new Set(consultations.map((c) => c.body))].sort(compareGerman);
  const organizations: Json[] = bodyNames.map((name) => {
    const first = spanOfAll(consultations.filter((c) => c.body === name).map(consultationSpan)).created;
    return {
      id: orgId(name),
      type: type('Organization'),
      body: bodyId,
      name,
      organizationType: 'Gremium',
      web: web(councilPage),
      ...stamps({ created: first, modified: first }),
    };
  });

  const consultationObject = (c: ConsultationEntry): Json => ({
    id: consultationId(c),
    type: type('Consultation'),
    paper: paperId(c.paper),
    agendaItem: agendaItemId(c),
    meeting: meetingId(c.body, c.date),
    organization: [orgId(c.body)],
    authoritative: isDecisionRole(c.role),
    role: c.role,
    web: paperWeb(c.paper),
    ...stamps(consultationSpan(c)),
  });

  const meetingKeys = [...new Map(consultations.map((c) => [oparlMeetingSlug(c.body, c.date), c])).values()];
  const agendaItems: Json[] = [];
  const meetings: Json[] = meetingKeys.map((m) => {
    const held = consultations.filter((c) => c.body === m.body && c.date === m.date);
    const items = held.map((c, i): Json => {
      const adopted = (council?.resolutions ?? []).filter((r) => r.paper === c.paper && r.adopted === c.date && r.adopted_by === c.body);
      return {
        id: agendaItemId(c),
        type: type('AgendaItem'),
        meeting: meetingId(m.body, m.date),
        order: i + 1,
        name: paperById.get(c.paper)?.title ?? c.paper,
        public: c.public,
        consultation: consultationId(c),
        ...(adopted.length > 0
          ? { result: 'beschlossen', resolutionText: adopted.sort((a, b) => a.number - b.number).map((r) => `${r.number}. ${r.text}`).join('\n') }
          : {}),
        web: paperWeb(c.paper),
        ...stamps(consultationSpan(c)),
      };
    });
    agendaItems.push(...items);
    return {
      id: meetingId(m.body, m.date),
      type: type('Meeting'),
      name: `${m.body}: Sitzung am ${formatDateDe(m.date)}`,
      start: oparlDateTime(m.date),
      organization: [orgId(m.body)],
      agendaItem: items,
      web: paperWeb(m.paper),
      ...stamps(spanOfAll(held.map(consultationSpan))),
    };
  });

  const files: Json[] = [];
  const paperSpans: DateSpan[] = [];
  const paperObjects: Json[] = papers.map((p) => {
    const fileSpans: DateSpan[] = [];
    const attachments: Json[] = content.agreements.flatMap((a) =>
      a.versions
        .filter((v) => v.paper === p.id)
        .map((v): Json => {
          const span = spanOf([p.date, v.vorgelegt, v.adopted, ...v.errata.map((e) => e.date)]);
          const created = spanOf([p.date, v.vorgelegt, v.adopted]).created;
          fileSpans.push({ created, modified: span.modified });
          return {
            id: url(`oparl/file/${a.id}-${v.version}.json`),
            type: type('File'),
            name: `${a.short_title}, Version ${v.version}`,
            accessUrl: web(urls.reader(a.id, v.version)),
            mimeType: 'text/html',
            ...(v.adopted ? { date: v.adopted } : {}),
            paper: [paperId(p.id)],
            web: web(urls.reader(a.id, v.version)),
            ...stamps({ created, modified: span.modified }),
          };
        }),
    );
    files.push(...attachments);
    const own = consultations.filter((c) => c.paper === p.id);
    const resolutionDays = (council?.resolutions ?? []).filter((r) => r.paper === p.id).map((r) => r.adopted);
    const modified = spanOf([p.date, ...resolutionDays, ...own.map((c) => consultationSpan(c).modified), ...fileSpans.map((f) => f.modified)]).modified;
    const span = { created: p.date, modified };
    paperSpans.push(span);
    // Papers about the same agreement (the one that adopted it, the ones that changed it).
    const related = [
      ...new Set(
        content.agreements
          .map((a) => [a.paper, ...a.versions.map((v) => v.paper)].filter((x): x is string => Boolean(x) && paperById.has(x!)))
          .filter((ids) => ids.includes(p.id))
          .flat()
          .filter((id) => id !== p.id),
      ),
    ].sort();
    return {
      id: paperId(p.id),
      type: type('Paper'),
      body: bodyId,
      name: p.title,
      reference: p.id,
      date: p.date,
      paperType: PAPER_KIND_LABELS[p.kind],
      ...(related.length > 0 ? { relatedPaper: related.map(paperId) } : {}),
      ...(attachments.length > 0 ? { auxiliaryFile: attachments } : {}),
      consultation: own.map(consultationObject),
      web: paperWeb(p.id),
      ...stamps(span),
    };
  });

  // Body and system change whenever any of their objects does.
  const whole = spanOfAll([...paperSpans, ...consultations.map(consultationSpan)]);
  const system: Json = {
    id: systemId,
    type: type('System'),
    oparlVersion: OPARL_VERSION,
    body: listUrl('bodies'),
    name: content.site?.title ?? 'Vertragswerk',
    ...(org ? { contactEmail: org.contactEmail, website: web(urls.home()) } : {}),
    ...(license ? { license } : {}),
    // „URL zu Informationen über die … genutzte OParl-Server-Software“: the section of the „Daten“
    // page that says how these files are made and what a static export cannot do.
    product: web(urls.dataSet(OPARL_DATASET_ID)),
    web: web(urls.data()),
    ...stamps(whole),
  };

  const body: Json = {
    id: bodyId,
    type: type('Body'),
    system: systemId,
    name: org?.name ?? 'Körperschaft',
    ...(org ? { contactEmail: org.contactEmail, contactName: org.department.name } : {}),
    ...(license ? { license } : {}),
    organization: listUrl('organizations'),
    person: listUrl('persons'),
    meeting: listUrl('meetings'),
    paper: listUrl('papers'),
    agendaItem: listUrl('agenda-items'),
    consultation: listUrl('consultations'),
    file: listUrl('files'),
    legislativeTerm: [],
    web: web(urls.home()),
    ...stamps(whole),
  };

  const lists: ListFile[] = [
    { name: 'bodies', objects: [body] },
    { name: 'organizations', objects: organizations },
    // No people: names of council members are not part of this content.
    { name: 'persons', objects: [] },
    { name: 'meetings', objects: meetings },
    { name: 'agenda-items', objects: agendaItems },
    { name: 'papers', objects: paperObjects },
    { name: 'consultations', objects: consultations.map(consultationObject) },
    { name: 'files', objects: files },
  ];

  const objectFiles = (folder: string, objects: Json[]) =>
    objects.map((o): OparlFile => ({ name: `oparl/${folder}/${String(o.id).slice(url(`oparl/${folder}/`).length)}`, kind: 'object', data: o }));
  return [
    { name: EXPORT_FILES.oparlSystem, kind: 'system', data: system },
    { name: 'oparl/body.json', kind: 'object', data: body },
    ...lists.flatMap((l) => pagedList(l, pageSize, url)),
    ...objectFiles('organization', organizations),
    ...objectFiles('meeting', meetings),
    ...objectFiles('agenda-item', agendaItems),
    ...objectFiles('paper', paperObjects),
    ...objectFiles('consultation', consultations.map(consultationObject)),
    ...objectFiles('file', files),
  ];
}

/** An external object list split into pages, each with `data`, `pagination` and `links`. */
function pagedList(list: ListFile, pageSize: number, url: (name: string) => string): OparlFile[] {
  const totalPages = Math.max(1, Math.ceil(list.objects.length / pageSize));
  return Array.from({ length: totalPages }, (_, i) => {
    const page = i + 1;
    return {
      name: pageName(list.name, page),
      kind: 'list' as const,
      data: {
        data: list.objects.slice(i * pageSize, page * pageSize),
        pagination: { totalElements: list.objects.length, elementsPerPage: pageSize, currentPage: page, totalPages },
        links: {
          first: url(pageName(list.name, 1)),
          ...(page > 1 ? { prev: url(pageName(list.name, page - 1)) } : {}),
          ...(page < totalPages ? { next: url(pageName(list.name, page + 1)) } : {}),
          last: url(pageName(list.name, totalPages)),
        },
      },
    };
  });
}

export const oparlExport: ExportDefinition = {
  id: OPARL_DATASET_ID,
  title: 'Ratsvorlagen in OParl',
  description:
    'Die Vorlagen und Anträge zu den Vereinbarungen mit Beratungsfolge, Sitzungen, Tagesordnungspunkten, Gremien und den beschlossenen Fassungen als Anlagen – im Format der Ratsinformationssysteme. Einstieg ist das System-Objekt; Personen werden nicht veröffentlicht. ' +
    'Vertragswerk erzeugt die Dateien bei jedem Build als statischen Export: „created“ und „modified“ sind Tage aus den Inhalten (0 Uhr deutscher Zeit), nie die Zeit des Builds. ' +
    'Die Listenfilter „created_since“, „created_until“, „modified_since“, „modified_until“ und „omit_internal“ wertet ein statischer Export nicht aus: Jede Liste kommt immer vollständig, und gelöschte Objekte fehlen, statt mit „deleted“ zu erscheinen.',
  standard: { label: 'OParl 1.1', href: 'https://oparl.org/spezifikation/' },
  entryPoint: EXPORT_FILES.oparlSystem,
  // The day the system object states: the last change of any object.
  modified: (content) => {
    const system = buildOparlFiles(content).find((f) => f.kind === 'system');
    return typeof system?.data.modified === 'string' ? system.data.modified.slice(0, 10) : undefined;
  },
  build: (content) =>
    buildOparlFiles(content).map((f): ExportFileSource => ({
      name: f.name,
      format: FORMAT_LABELS[f.kind],
      mediaType: 'application/json',
      data: f.data,
    })),
};
