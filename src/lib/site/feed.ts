import type { Content } from '../content-model.ts';
import { byCommittee, declaredOrganisation, reportAddressees } from '../organisation/profile.ts';
import { formatDateDe } from '../dates.ts';
import { changelogOf } from '../agreement/changelog.ts';
import { escapeHtml } from '../html.ts';
import { agreementsInOrder } from '../agreement/versions.ts';
import { beschlusskontrolleFor } from '../council/resolutions.ts';
import { signingHeadline, versionSplitSentence } from '../signing/sentences.ts';
import { memo } from '../memo.ts';
import { figuresOn } from './signing.ts';
import { absoluteUrl, urls } from './urls.ts';
import { endSentence } from '../typography.ts';

export interface FeedEntry {
  /** Stable id (a tag URI), never changes once published. */
  id: string;
  date: string;
  title: string;
  /** Site path of the page the entry points to. */
  path: string;
  summary: string;
}

export interface FeedView {
  id: string;
  title: string;
  subtitle: string;
  author: string;
  /** Newest entry date; undefined when there is nothing yet. */
  updated?: string;
  entries: FeedEntry[];
}

function tagAuthority(content: Content): string {
  try {
    return new URL(content.site?.base_url ?? 'https://example.invalid').hostname;
  } catch {
    return 'example.invalid';
  }
}

/** New versions, Beschlusskontrolle reports, offer letters and DPIA reviews, newest first; dates from the content. */
export function buildFeedView(content: Content): FeedView {
  return memo(content, 'feed', () => {
    const host = tagAuthority(content);
    const tag = (date: string, specific: string) => `tag:${host},${date}:${specific}`;
    const entries: FeedEntry[] = [];
    for (const agreement of agreementsInOrder(content)) {
      for (const v of agreement.versions) {
        if (v.status === 'entwurf' && v.vorgelegt) {
          entries.push({
            id: tag(v.vorgelegt, `vereinbarung/${agreement.id}/${v.version}/entwurf`),
            date: v.vorgelegt,
            title: `${agreement.short_title}: Entwurf der Version ${v.version}`,
            path: urls.reader(agreement.id, v.version),
            summary: [`Entwurf, noch nicht beschlossen; vorgelegt am ${formatDateDe(v.vorgelegt)}.`, ...changelogOf(v).map((c) => c.text)].join(' '),
          });
        }
        if (!v.adopted) continue;
        entries.push({
          id: tag(v.adopted, `vereinbarung/${agreement.id}/${v.version}`),
          date: v.adopted,
          title: `${agreement.short_title}: Version ${v.version} beschlossen`,
          path: urls.reader(agreement.id, v.version),
          summary: [
            endSentence(`Beschlossen am ${formatDateDe(v.adopted)}${v.adopted_by ? ` ${byCommittee(content, v.adopted_by)}` : ''}${v.effective ? `, gültig ab ${formatDateDe(v.effective)}` : ''}`),
            ...changelogOf(v).map((c) => c.text),
          ].join(' '),
        });
      }
      for (const report of beschlusskontrolleFor(content, agreement)) {
        const f = figuresOn(content, agreement, report.date);
        entries.push({
          id: tag(report.date, `beschlusskontrolle/${agreement.id}/${report.session}`),
          date: report.date,
          title: `${agreement.short_title}: Beschlusskontrolle zum ${formatDateDe(report.date)}`,
          path: `${urls.signing()}#${agreement.id}-beschlusskontrolle-${report.date}`,
          summary: [`${report.sender} an ${reportAddressees(content, report.addressees)} (Sitzung ${report.session}): ${signingHeadline(agreement, f)}`, versionSplitSentence(agreement, f)].filter(Boolean).join(' '),
        });
      }
      for (const letter of content.council?.offer_letters ?? []) {
        if (letter.agreement !== agreement.id) continue;
        entries.push({
          id: tag(letter.date, `angebot/${agreement.id}`),
          date: letter.date,
          title: `${agreement.short_title}: Angebotsschreiben versandt`,
          path: `${urls.signing()}#${agreement.id}`,
          summary: letter.summary,
        });
      }
    }
    for (const dpia of content.dpia.versions) {
      // The first version keeps its old entry ids, so feed readers do not show them again.
      const prefix = dpia === content.dpia.versions[0] ? 'dsfa' : `dsfa/${dpia.meta.version}`;
      for (const [i, review] of dpia.meta.reviews.entries()) {
        entries.push({
          id: tag(review.date, `${prefix}/pruefung-${i + 1}`),
          date: review.date,
          title: `Datenschutz-Folgenabschätzung ${dpia.meta.version} geprüft: ${review.role}`,
          path: `${urls.dpiaVersion(dpia.meta.version)}#pruefvermerke`,
          summary: review.result,
        });
      }
    }
    entries.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      id: absoluteUrl(content.site?.base_url ?? 'https://example.invalid', urls.feed()),
      title: content.site?.title ?? 'Vertragswerk',
      subtitle: 'Neue Fassungen der Vereinbarungen, Beschlusskontrollen, Angebote und Prüfungen der Datenschutz-Folgenabschätzung',
      author: [declaredOrganisation(content)?.name, declaredOrganisation(content)?.department.name].filter(Boolean).join(', '),
      updated: entries[0]?.date,
      entries,
    };
  });
}

const atomDate = (iso: string) => `${iso}T00:00:00Z`;

/** Atom 1.0 XML; byte-identical for identical content. */
export function renderAtomFeed(view: FeedView, baseUrl: string): string {
  const x = escapeHtml;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">',
    `  <id>${x(view.id)}</id>`,
    `  <title>${x(view.title)}</title>`,
    `  <subtitle>${x(view.subtitle)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${x(absoluteUrl(baseUrl, urls.feed()))}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(absoluteUrl(baseUrl, urls.home()))}"/>`,
    `  <updated>${atomDate(view.updated ?? '1970-01-01')}</updated>`,
    `  <author><name>${x(view.author || view.title)}</name></author>`,
  ];
  for (const e of view.entries) {
    lines.push(
      '  <entry>',
      `    <id>${x(e.id)}</id>`,
      `    <title>${x(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(absoluteUrl(baseUrl, e.path))}"/>`,
      `    <updated>${atomDate(e.date)}</updated>`,
      `    <summary>${x(e.summary)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
