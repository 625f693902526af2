import type { AgreementEntry, Content } from '../content-model.ts';
import { byCommittee, organisationOf } from '../organisation/profile.ts';
import { formatDateDe } from '../dates.ts';
import { agreementsInOrder, currentVersion, mainAgreement, previousVersion } from '../agreement/versions.ts';
import { versionStanding } from '../signing/version-standing.ts';
import { buildFeedView } from './feed.ts';
import { signingSnapshots } from './signing.ts';
import type { ExampleMarkView } from '../example-data.ts';
import { urls } from './urls.ts';

export interface Link {
  href: string;
  label: string;
}

export interface AgreementTeaser {
  id: string;
  title: string;
  shortTitle: string;
  summary: string;
  version: string;
  statusLabel: string;
  /** „beschlossen am 11. Mai 2023 vom Hauptausschuss, gültig ab 1. Juni 2023“ */
  statusText: string;
  readerHref: string;
  overviewHref: string;
  coverageHref: string;
  changes?: Link;
}

export interface HomeFigure {
  heading: string;
  headline: string;
  /** „Für 57 von ihnen gilt die Fassung 1.1, für 15 noch die Fassung 1.0.“ */
  detail?: string;
  share: string;
  href: string;
  /** The figures (or the Beschlusskontrolle behind them) are example data. */
  example?: ExampleMarkView;
}

export interface HomeView {
  title: string;
  lead: string;
  main?: AgreementTeaser;
  figures: HomeFigure[];
  paths: { heading: string; text: string; links: Link[] }[];
  others: AgreementTeaser[];
  news: { dateText: string; title: string; href: string }[];
}

export function buildAgreementTeaser(content: Content, agreement: AgreementEntry): AgreementTeaser {
  const version = currentVersion(agreement);
  const parts: string[] = [];
  if (version.adopted) parts.push(`Beschlossen am ${formatDateDe(version.adopted)}${version.adopted_by ? ` ${byCommittee(content, version.adopted_by)}` : ''}`);
  if (version.effective) parts.push(`gültig ab ${formatDateDe(version.effective)}`);
  const previous = previousVersion(agreement, version.version);
  return {
    id: agreement.id,
    title: agreement.title,
    shortTitle: agreement.short_title,
    summary: agreement.summary,
    version: version.version,
    statusLabel: versionStanding(content, agreement, version).label,
    statusText: parts.length > 0 ? parts.join(', ') : 'noch nicht beschlossen',
    readerHref: urls.reader(agreement.id, version.version),
    overviewHref: urls.agreement(agreement.id),
    coverageHref: urls.coverage(agreement.id, version.version),
    changes: previous
      ? { href: urls.changes(agreement.id, previous.version, version.version), label: `Änderungen gegenüber Version ${previous.version}` }
      : undefined,
  };
}

export function buildHomeView(content: Content, buildAsOf?: string): HomeView {
  const main = mainAgreement(content);
  const figures: HomeFigure[] = main
    ? signingSnapshots(content, main, buildAsOf).map((s) => {
        // The home page shows the headline only: a recorded one needs no mark for the example ledger behind it.
        const example = s.headlineRecorded ? s.example : (s.figuresExample ?? s.example);
        return {
          heading: s.heading,
          headline: s.headline,
          detail: s.versionSplit,
          share: s.signedShare,
          href: `${urls.signing()}#${s.id}`,
          ...(example ? { example } : {}),
        };
      })
    : [];
  const org = organisationOf(content);
  return {
    title: content.site?.title ?? 'Vertragswerk',
    lead:
      content.site?.lead ??
      `Hier stehen die Vereinbarungen ${org.genitive} im vollen Wortlaut, mit allen Fassungen und Änderungen, dem Maßnahmenkatalog, der Datenschutz-Folgenabschätzung und dem Stand der Unterzeichnung.`,
    main: main ? buildAgreementTeaser(content, main) : undefined,
    figures,
    paths: [
      {
        heading: 'Für Träger',
        text: 'Ihre persönliche Ausfertigung herunterladen und prüfen, ob eine Datei unverändert ist.',
        links: [
          { href: urls.providers(), label: 'Trägerverzeichnis und Downloads' },
          { href: urls.check(), label: 'PDF-Ausfertigung prüfen' },
        ],
      },
      {
        heading: `Für ${org.council.members}`,
        text: 'Beschlüsse, Beratungsfolge und der Stand der Umsetzung mit Zahlen zum Stichtag.',
        links: [
          { href: urls.council(org.council.slug), label: 'Vorlagen und Beschlüsse' },
          { href: urls.signing(), label: 'Zeichnungsstand (Beschlusskontrolle)' },
        ],
      },
      {
        heading: 'Für Datenschutzbeauftragte',
        text: 'Technische und organisatorische Maßnahmen, Risiken und die Abdeckung von Art.\u00a028 Abs.\u00a03 DSGVO.',
        links: [
          { href: urls.toms(), label: 'Maßnahmenkatalog (TOM)' },
          { href: urls.dpia(), label: 'Datenschutz-Folgenabschätzung' },
          ...(main ? [{ href: urls.coverage(main.id, currentVersion(main).version), label: 'Art.\u00a028 Abs.\u00a03 – Abdeckung' }] : []),
        ],
      },
    ],
    others: agreementsInOrder(content)
      .filter((a) => a !== main)
      .map((a) => buildAgreementTeaser(content, a)),
    news: buildFeedView(content).entries.slice(0, 4).map((e) => ({ dateText: formatDateDe(e.date), title: e.title, href: e.path })),
  };
}
