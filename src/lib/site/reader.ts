import { REGIME_LABELS, type Regime } from '../../schemas/common.ts';
import { byCommittee, organisationOf } from '../organisation/profile.ts';
import { buildAgreementView, findAgreement, findVersion, type AgreementView } from '../agreement-view.ts';
import { changelogOf } from '../agreement/changelog.ts';
import { renderAgreementBodyHtml } from '../agreement-html.ts';
import type { AgreementEntry, Content, Version } from '../content-model.ts';
import { formatDateDe, formatDateShort } from '../dates.ts';
import { currentVersion, previousVersion } from '../agreement/versions.ts';
import { versionStanding } from '../signing/version-standing.ts';
import { paperLabel, readerHref, publishedRegimes, variantSectionIds, regimeLabel } from './agreements.ts';
import type { Link } from './home.ts';
import { memo } from '../memo.ts';
import { absoluteUrl, paperAnchor, urls } from './urls.ts';
import { exampleMarkOf, type ExampleMarkView } from '../example-data.ts';
import { endSentence } from '../typography.ts';

export interface TocPart {
  title: string;
  anchor: string;
  sections: { label: string; title: string; href: string; isVariant: boolean }[];
}

export interface ReaderBanner {
  kind: 'abgeloest' | 'entwurf';
  /** „Entwurf“, „Abgelöst“ or „Ältere Fassung“ (when it still binds parties). */
  heading: string;
  text: string;
  link: Link;
}

export interface RegimeSwitch {
  options: { regime: Regime; label: string; href: string; current: boolean }[];
  /** The §§ that read differently under the regimes, linked to their place on this page. */
  differing: { label: string; title: string; href: string }[];
}

export interface VersionListItem {
  version: string;
  statusLabel: string;
  dateText: string;
  href: string;
  current: boolean;
}

export interface ReaderView {
  agreementId: string;
  title: string;
  shortTitle: string;
  version: string;
  statusLabel: string;
  /** „Beschlossen am 11. Mai 2023 vom Hauptausschuss (Vorlage V0002/23, Sitzung HA/002/2023), gültig ab 1. Juni 2023.“ */
  statusText: string;
  paperLink?: Link;
  /** Set when the version's text or record is example data, not from the council documents. */
  example?: ExampleMarkView;
  regime: Regime;
  regimeLabel: string;
  /** For <title>. */
  pageTitle: string;
  path: string;
  /** Absolute address, printed on paper. */
  printUrl: string;
  banner?: ReaderBanner;
  regimeSwitch?: RegimeSwitch;
  toc: TocPart[];
  bodyHtml: string;
  changes: string[];
  versions: VersionListItem[];
  related: Link[];
  /** Index the page in the site search (one regime per version, so results are not tripled). */
  searchable: boolean;
  /** Only the regime's own clauses go into the search (the rest is on the DSGVO page). */
  searchOnlyVariants: boolean;
  searchFilter: string;
}

export interface ReaderRoute {
  agreement: string;
  version: string;
  regime: Regime;
}

/** Every reader page the site builds. */
export function readerRoutes(content: Content): ReaderRoute[] {
  return content.agreements.flatMap((a) =>
    a.versions.flatMap((v) => publishedRegimes(v).map((regime) => ({ agreement: a.id, version: v.version, regime }))),
  );
}

export function versionStatusText(v: Version, content: Content, withPaper = true): string {
  if (v.status === 'entwurf') return 'Entwurf, noch nicht beschlossen.';
  const parts = [`Beschlossen am ${v.adopted ? formatDateDe(v.adopted) : '–'}`];
  if (v.adopted_by) parts[0] += ` ${byCommittee(content, v.adopted_by)}`;
  const refs = [v.paper && withPaper ? paperLabel(content, v.paper) : '', v.session ? `Sitzung ${v.session}` : ''].filter(Boolean);
  if (refs.length) parts[0] += ` (${refs.join(', ')})`;
  if (v.effective) parts.push(`gültig ab ${formatDateDe(v.effective)}`);
  return endSentence(parts.join(', '));
}

export function versionList(content: Content, agreement: AgreementEntry, currentId: string, regime: Regime = 'dsgvo', asOf?: string): VersionListItem[] {
  return agreement.versions.map((v) => ({
    version: v.version,
    statusLabel: versionStanding(content, agreement, v, asOf).label,
    dateText: v.adopted ? formatDateShort(v.adopted) : '–',
    href: readerHref(v, regime),
    current: v.version === currentId,
  }));
}

function banner(content: Content, agreement: AgreementEntry, view: AgreementView, version: Version, regime: Regime, asOf?: string): ReaderBanner | undefined {
  if (view.isCurrent) return undefined;
  const current = currentVersion(agreement);
  const href = readerHref(current, regime);
  const since = current.effective ? ` (gültig ab ${formatDateDe(current.effective)})` : '';
  if (version.status === 'entwurf') {
    return {
      kind: 'entwurf',
      heading: 'Entwurf',
      text: `Dies ist ein Entwurf (Version ${version.version}); er ist noch nicht beschlossen. Es gilt Version ${current.version}${since}.`,
      link: { href, label: `Zur gültigen Version ${current.version}` },
    };
  }
  const standing = versionStanding(content, agreement, version, asOf);
  return {
    kind: 'abgeloest',
    heading: standing.kind === 'gilt-noch' ? 'Ältere Fassung' : 'Abgelöst',
    text: [`Version ${current.version} hat diese Fassung (Version ${version.version}) abgelöst${since}.`, standing.sentence].filter(Boolean).join(' '),
    link: { href, label: `Zur gültigen Version ${current.version}` },
  };
}

export function buildReaderView(content: Content, agreementId: string, versionId: string, regime: Regime): ReaderView {
  return memo(content, `reader:${agreementId}:${versionId}:${regime}`, () => {
    const agreement = findAgreement(content, agreementId);
    const version = findVersion(agreement, versionId);
    const view = buildAgreementView(content, agreementId, versionId, regime);
    const regimes = publishedRegimes(version);
    const variantIds = variantSectionIds(version);
    const path = urls.reader(agreementId, versionId, regime);
    const previous = previousVersion(agreement, versionId);
    const index = agreement.versions.indexOf(version);
    const next = agreement.versions[index + 1];
    const related: Link[] = [
      { href: urls.agreement(agreementId), label: 'Alle Versionen und Änderungen' },
      { href: urls.coverage(agreementId, versionId), label: `Abdeckung von Art.\u00a028 Abs.\u00a03 DSGVO in Version ${versionId}` },
    ];
    if (previous) related.push({ href: urls.changes(agreementId, previous.version, versionId), label: `Änderungen gegenüber Version ${previous.version}` });
    if (next) related.push({ href: urls.changes(agreementId, versionId, next.version), label: `Änderungen in Version ${next.version}` });
    if (agreement.party_kind === 'traeger') related.push({ href: urls.providers(), label: 'Persönliche Ausfertigungen der Träger (PDF)' });
    const paper = version.paper ?? agreement.paper;
    return {
      agreementId,
      title: agreement.title,
      shortTitle: agreement.short_title,
      version: versionId,
      statusLabel: versionStanding(content, agreement, version).label,
      statusText: versionStatusText(version, content, false),
      paperLink: paper ? { href: `${urls.council(organisationOf(content).council.slug)}#${paperAnchor(paper)}`, label: paperLabel(content, paper) } : undefined,
      example: exampleMarkOf(version.beispiel),
      regime,
      regimeLabel: REGIME_LABELS[regime],
      pageTitle: `${agreement.short_title}, ${version.status === 'entwurf' ? 'Entwurf der ' : ''}Version ${versionId}${regimes.length > 1 ? ` (${REGIME_LABELS[regime]})` : ''}`,
      path,
      printUrl: absoluteUrl(content.site?.base_url ?? 'https://example.invalid', path),
      banner: banner(content, agreement, view, version, regime),
      regimeSwitch:
        regimes.length > 1
          ? {
              options: regimes.map((r) => ({ regime: r, label: regimeLabel(r), href: urls.reader(agreementId, versionId, r), current: r === regime })),
              differing: view.sections
                .filter((s) => variantIds.includes(s.id))
                .map((s) => ({ label: s.label, title: s.title, href: `#${s.anchor}` })),
            }
          : undefined,
      toc: view.parts.map((p) => ({
        title: p.title,
        anchor: `teil-${p.part.toLowerCase()}`,
        sections: p.sections.map((s) => ({ label: s.label, title: s.title, href: `#${s.anchor}`, isVariant: s.isVariant && regimes.length > 1 })),
      })),
      // DSGVO pages carry the full text in the search; KDG and DSG-EKD pages add only their own clauses.
      bodyHtml: renderAgreementBodyHtml(view, { copyLinks: true, searchOnlyVariants: regime !== 'dsgvo' }),
      searchOnlyVariants: regime !== 'dsgvo',
      changes: changelogOf(version).map((c) => c.text),
      versions: versionList(content, agreement, versionId, regime),
      related,
      // A draft is searchable too, labelled „Entwurf“ in its title and filter so no one mistakes it for the text in force.
      searchable: regime === 'dsgvo' || view.parts.some((p) => p.sections.some((s) => s.isVariant)),
      searchFilter: `${agreement.short_title}, Version ${versionId}${view.isCurrent ? ' (gültig)' : version.status === 'entwurf' ? ' (Entwurf)' : ''}`,
    };
  });
}

export interface AgreementOverviewView {
  agreementId: string;
  title: string;
  shortTitle: string;
  summary: string;
  paperLink: Link;
  partyText: string;
  current: { version: string; href: string; statusText: string };
  versions: {
    version: string;
    anchor: string;
    /** Badge tone: `gueltig`, `entwurf` or `neutral`. */
    tone: string;
    statusLabel: string;
    statusText: string;
    isCurrent: boolean;
    changes: string[];
    readers: Link[];
    coverageHref: string;
    changesLink?: Link;
  }[];
}

export function buildAgreementOverviewView(content: Content, agreementId: string): AgreementOverviewView {
  const agreement = findAgreement(content, agreementId);
  const current = currentVersion(agreement);
  return {
    agreementId,
    title: agreement.title,
    shortTitle: agreement.short_title,
    summary: agreement.summary,
    paperLink: { href: `${urls.council(organisationOf(content).council.slug)}#${paperAnchor(agreement.paper)}`, label: paperLabel(content, agreement.paper) },
    partyText:
      agreement.party_kind === 'traeger'
        ? `Vertragspartner sind die freien Träger, deren Einrichtungen im Bedarfsplan ${agreement.bedarfsplan} stehen.`
        : `Vertragspartner sind die Kindertagespflegepersonen im Bedarfsplan ${agreement.bedarfsplan}.`,
    current: { version: current.version, href: urls.reader(agreementId, current.version), statusText: versionStatusText(current, content) },
    versions: [...agreement.versions].reverse().map((v) => {
      const previous = previousVersion(agreement, v.version);
      return {
        version: v.version,
        anchor: `version-${v.version.replace(/\./g, '-')}`,
        tone: v === current ? 'gueltig' : v.status === 'entwurf' ? 'entwurf' : 'neutral',
        statusLabel: versionStanding(content, agreement, v).label,
        statusText: [versionStatusText(v, content), versionStanding(content, agreement, v).sentence].filter(Boolean).join(' '),
        isCurrent: v === current,
        changes: changelogOf(v).map((c) => c.text),
        readers: publishedRegimes(v).map((r) => ({
          href: urls.reader(agreementId, v.version, r),
          label: publishedRegimes(v).length > 1 ? `Text für Träger unter ${REGIME_LABELS[r]}` : 'Text lesen',
        })),
        coverageHref: urls.coverage(agreementId, v.version),
        changesLink: previous ? { href: urls.changes(agreementId, previous.version, v.version), label: `Änderungen gegenüber Version ${previous.version}` } : undefined,
      };
    }),
  };
}
