import type { Content } from '../content-model.ts';
import { byCommittee, organisationOf, reportAddressees } from '../organisation/profile.ts';
import { isDecisionRole, PAPER_KIND_LABELS } from '../council/papers.ts';
import { EXPORT_FILES } from '../exports/files.ts';
import { formatDateDe } from '../dates.ts';
import { signingSnapshots } from './signing.ts';
import { offerLettersFor, resolutionStatus, RESOLUTION_STATUS_LABELS, type ResolutionStatus } from '../council/resolutions.ts';
import { statusDate } from '../signing/figures.ts';
import type { Link } from './home.ts';
import { memo } from '../memo.ts';
import { paperAnchor, urls } from './urls.ts';
import { exampleMarkOf, type ExampleMarkView } from '../example-data.ts';
import { endSentence } from '../typography.ts';

export interface CouncilPaperView {
  id: string;
  anchor: string;
  kindLabel: string;
  dateText: string;
  title: string;
  submittedBy?: string;
  /** Set when the paper (or its date) is example data, not from the council documents. */
  example?: ExampleMarkView;
  consultations: { dateText: string; date: string; body: string; role: string; publicLabel: string; isDecision: boolean; example?: ExampleMarkView }[];
  resolutions: { number: number; text: string; status: ResolutionStatus; statusLabel: string; statusText: string[]; links: Link[]; example?: ExampleMarkView }[];
  versions: Link[];
  reports: { anchor: string; dateText: string; session: string; sender: string; addressees: string; subject: string; reference?: string; figuresHref?: string; example?: ExampleMarkView }[];
}

export interface CouncilView {
  /** The page's address: `/<council.slug>/` from organisation.yaml. */
  href: string;
  title: string;
  intro: string;
  /** The papers as OParl files, for council information systems. */
  oparl: { href: string; label: string; dataHref: string };
  papers: CouncilPaperView[];
}

export function buildCouncilView(content: Content, buildAsOf?: string): CouncilView {
  return memo(content, `council:${buildAsOf ?? ''}`, () => {
    const asOf = statusDate(content, buildAsOf) ?? '9999-12-31';
    const council = content.council;
    const papers = [...(council?.papers ?? [])].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    const org = organisationOf(content);
    return {
      href: urls.council(org.council.slug),
      title: `${org.council.name}: Vorlagen, Beratungsfolge und Beschlüsse`,
      intro:
        'Die Vorlagen und Anträge, auf denen die Vereinbarungen beruhen, in zeitlicher Reihenfolge: wer wann beraten hat, was beschlossen wurde und wie weit die Umsetzung ist.',
      oparl: { href: urls.dataFile(EXPORT_FILES.oparlSystem), label: 'Die Vorlagen im Format OParl 1.1', dataHref: urls.data() },
      papers: papers.map((paper): CouncilPaperView => {
        const consultations = (council?.consultations ?? [])
          .filter((c) => c.paper === paper.id)
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
          .map((c) => ({
            date: c.date,
            dateText: formatDateDe(c.date),
            body: c.body,
            role: c.role,
            publicLabel: c.public ? 'öffentlich' : 'nicht öffentlich',
            isDecision: isDecisionRole(c.role),
            example: exampleMarkOf(c.beispiel),
          }));
        const resolutions = (council?.resolutions ?? [])
          .filter((r) => r.paper === paper.id)
          .sort((a, b) => a.number - b.number)
          .map((r) => {
            const agreement = content.agreements.find((a) => a.id === r.agreement);
            const { status } = resolutionStatus(content, r, asOf);
            if (r.kind === 'rahmenvereinbarung') {
              return {
                number: r.number,
                text: r.text,
                status,
                statusLabel: RESOLUTION_STATUS_LABELS[status],
                statusText: r.adopted ? [endSentence(`Beschlossen am ${formatDateDe(r.adopted)}${r.adopted_by ? ` ${byCommittee(content, r.adopted_by)}` : ''}`)] : ['Noch nicht beschlossen.'],
                links: agreement ? [{ href: urls.agreement(agreement.id), label: `${agreement.short_title}: Text und Versionen` }] : [],
                example: exampleMarkOf(r.beispiel),
              };
            }
            const letters = offerLettersFor(content, r.agreement, asOf);
            const snapshots = agreement ? signingSnapshots(content, agreement, buildAsOf) : [];
            const statusText = [
              ...letters.map((o) => `Angebot mit Schreiben vom ${formatDateDe(o.date)}${o.voluntary ? '; die Teilnahme ist freiwillig' : ''}.`),
              ...snapshots.map((s) => [`${s.heading}: ${s.headline}`, s.versionSplit].filter(Boolean).join(' ')),
            ];
            return {
              number: r.number,
              text: r.text,
              status,
              statusLabel: RESOLUTION_STATUS_LABELS[status],
              statusText: statusText.length > 0 ? statusText : ['Noch keine Angebote versandt.'],
              links: agreement ? [{ href: `${urls.signing()}#${agreement.id}`, label: `Zeichnungsstand: ${agreement.short_title}` }] : [],
              example: exampleMarkOf(r.beispiel),
            };
          });
        const versions = content.agreements.flatMap((a) =>
          a.versions.filter((v) => v.paper === paper.id).map((v) => ({ href: urls.reader(a.id, v.version), label: `${a.short_title}, Version ${v.version}` })),
        );
        const reports = (council?.beschlusskontrolle ?? [])
          .filter((b) => b.paper === paper.id)
          .map((b) => {
            const agreement = content.agreements.find((a) => a.paper === paper.id) ??
              content.agreements.find((a) => (council?.resolutions ?? []).some((r) => r.paper === paper.id && r.agreement === a.id));
            return {
              anchor: `beschlusskontrolle-${b.session.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
              dateText: formatDateDe(b.date),
              session: b.session,
              sender: b.sender,
              addressees: reportAddressees(content, b.addressees),
              subject: b.subject,
              reference: b.reference,
              figuresHref: agreement ? `${urls.signing()}#${agreement.id}-beschlusskontrolle-${b.date}` : undefined,
              example: exampleMarkOf(b.beispiel),
            };
          });
        return {
          id: paper.id,
          anchor: paperAnchor(paper.id),
          kindLabel: PAPER_KIND_LABELS[paper.kind],
          dateText: formatDateDe(paper.date),
          title: paper.title,
          submittedBy: paper.submitted_by,
          example: exampleMarkOf(paper.beispiel),
          consultations,
          resolutions,
          versions,
          reports,
        };
      }),
    };
  });
}
