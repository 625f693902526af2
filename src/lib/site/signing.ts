import { REGIMES, REGIME_LABELS, type Regime } from '../../schemas/common.ts';
import type { AgreementEntry, Content, Version } from '../content-model.ts';
import { formatDateDe, formatDateShort } from '../dates.ts';
import { computeSigningFigures, PARTY_STATUS_LABELS, signingTimeline, statusAsOf, ledgerEntriesFor, type SigningFigures } from '../signing-status.ts';
import { eligibleParties } from '../eligibility.ts';
import {
  adoptedVersions,
  agreementsInOrder,
  beschlusskontrolleFor,
  currentVersion,
  latestLedgerDateFor,
  versionInForceOn,
} from './agreements.ts';
import { buildSigningChart, type ChartSeriesInput, type SigningChartView } from './signing-chart.ts';
import { compareGerman, formatNumber, formatPercent } from './format.ts';
import { memo } from './memo.ts';
import { urls } from './urls.ts';
import { publishedReports, reportUrls } from '../report/urls.ts';

export interface FigureRow {
  label: string;
  value: string;
  share?: string;
}

export interface RegimeRow {
  regime: Regime;
  label: string;
  eligible: string;
  signed: string;
  share: string;
}

export interface FigureSnapshotView {
  /** Anchor on the signing page. */
  id: string;
  heading: string;
  /** Where the date comes from, in one sentence. */
  source: string;
  asOf: string;
  asOfText: string;
  version: string;
  versionHref: string;
  /** „51 von 87 Trägern haben unterzeichnet.“ */
  headline: string;
  signed: number;
  eligible: number;
  signedShare: string;
  rows: FigureRow[];
  byRegime: RegimeRow[];
  /** Signatures in force on that date for every adopted version (only on the latest snapshot). */
  perVersion: { version: string; href: string; signed: string; share: string }[];
}

export interface PublishedPartyStatus {
  name: string;
  href: string;
  statusLabel: string;
  dateText?: string;
}

export interface SigningAgreementView {
  agreementId: string;
  title: string;
  shortTitle: string;
  anchor: string;
  overviewHref: string;
  /** The generated Beschlusskontrolle letter (HTML and Markdown), if the council content records one. */
  report?: { htmlHref: string; markdownHref: string };
  /** „Träger“ or „Kindertagespflegepersonen“ (plural, for headings). */
  partyPlural: string;
  /** Childminders are natural persons: their agreement shows aggregate figures only. */
  aggregateOnly: boolean;
  offerLetters: { dateText: string; summary: string; voluntary: boolean }[];
  snapshots: FigureSnapshotView[];
  chart?: SigningChartView;
  /** Table alternative to the chart. */
  chartTable: { date: string; dateShort: string; version: string; signed: string }[];
  publishedParties: PublishedPartyStatus[];
  /** Eligible parties that did not agree to publication (count only). */
  unpublishedCount: number;
}

export interface SigningStatusView {
  title: string;
  intro: string;
  agreements: SigningAgreementView[];
}

const PARTY_WORDS = {
  traeger: { plural: 'Träger', dativePlural: 'Trägern', dativeSingular: 'Träger' },
  kindertagespflege: { plural: 'Kindertagespflegepersonen', dativePlural: 'Kindertagespflegepersonen', dativeSingular: 'Kindertagespflegeperson' },
} as const;

/** Signing figures of one agreement version on one day, cached per build. */
export function figuresOn(content: Content, agreement: AgreementEntry, version: string, asOf: string): SigningFigures {
  return memo(content, `figures:${agreement.id}:${version}:${asOf}`, () => computeSigningFigures(content, agreement, version, asOf));
}

/** „51 von 87 Trägern haben unterzeichnet.“ */
export function signingHeadline(agreement: AgreementEntry, signed: number, eligible: number): string {
  const words = PARTY_WORDS[agreement.party_kind];
  return `${formatNumber(signed)} von ${formatNumber(eligible)} ${eligible === 1 ? words.dativeSingular : words.dativePlural} ${signed === 1 ? 'hat' : 'haben'} unterzeichnet.`;
}

function snapshot(
  content: Content,
  agreement: AgreementEntry,
  version: Version,
  asOf: string,
  id: string,
  heading: string,
  source: string,
  withVersions: boolean,
): FigureSnapshotView {
  const f = figuresOn(content, agreement, version.version, asOf);
  const words = PARTY_WORDS[agreement.party_kind];
  const rows: FigureRow[] = [
    { label: `Berechtigte ${words.plural} (Bedarfsplan ${agreement.bedarfsplan})`, value: formatNumber(f.eligible) },
    { label: 'Angebot erhalten', value: formatNumber(f.offered), share: formatPercent(f.offered, f.eligible) },
    { label: 'Unterzeichnet', value: formatNumber(f.signed), share: formatPercent(f.signed, f.eligible) },
    { label: 'Offen (noch nicht beantwortet)', value: formatNumber(f.open), share: formatPercent(f.open, f.eligible) },
    { label: 'darunter: Absicht zur Unterzeichnung erklärt', value: formatNumber(f.intent) },
    { label: 'Abgelehnt', value: formatNumber(f.declined), share: formatPercent(f.declined, f.eligible) },
    { label: 'Widerrufen', value: formatNumber(f.withdrawn), share: formatPercent(f.withdrawn, f.eligible) },
    { label: 'Noch kein Angebot', value: formatNumber(f.notOffered), share: formatPercent(f.notOffered, f.eligible) },
    {
      label: `Plätze im Bedarfsplan: davon bei Unterzeichnenden`,
      value: `${formatNumber(f.placesSigned)} von ${formatNumber(f.placesEligible)}`,
      share: formatPercent(f.placesSigned, f.placesEligible),
    },
  ];
  const byRegime: RegimeRow[] = REGIMES.filter((r) => f.byRegime[r].eligible > 0).map((r) => ({
    regime: r,
    label: REGIME_LABELS[r],
    eligible: formatNumber(f.byRegime[r].eligible),
    signed: formatNumber(f.byRegime[r].signed),
    share: formatPercent(f.byRegime[r].signed, f.byRegime[r].eligible),
  }));
  const perVersion = withVersions
    ? adoptedVersions(agreement).map((v) => {
        const fv = figuresOn(content, agreement, v.version, asOf);
        return { version: v.version, href: urls.reader(agreement.id, v.version), signed: formatNumber(fv.signed), share: formatPercent(fv.signed, fv.eligible) };
      })
    : [];
  return {
    id,
    heading,
    source,
    asOf,
    asOfText: formatDateDe(asOf),
    version: version.version,
    versionHref: urls.reader(agreement.id, version.version),
    headline: signingHeadline(agreement, f.signed, f.eligible),
    signed: f.signed,
    eligible: f.eligible,
    signedShare: formatPercent(f.signed, f.eligible),
    rows,
    byRegime,
    perVersion,
  };
}

/** The snapshots the site shows: each Beschlusskontrolle date, then the latest ledger date. */
export function signingSnapshots(content: Content, agreement: AgreementEntry): FigureSnapshotView[] {
  return memo(content, `snapshots:${agreement.id}`, () => {
    const out: FigureSnapshotView[] = [];
    const current = currentVersion(agreement);
    for (const report of beschlusskontrolleFor(content, agreement)) {
      const version = versionInForceOn(agreement, report.date) ?? current;
      out.push(
        snapshot(
          content,
          agreement,
          version,
          report.date,
          `${agreement.id}-beschlusskontrolle-${report.date}`,
          `Stand der Beschlusskontrolle vom ${formatDateDe(report.date)}`,
          `Zahlen zum Tag der Beschlusskontrolle (${report.sender}, Sitzung ${report.session}).`,
          false,
        ),
      );
    }
    const latest = latestLedgerDateFor(content, agreement.id);
    // The register's latest date adds nothing when a Beschlusskontrolle is as recent or newer.
    if (latest && !out.some((s) => s.asOf >= latest)) {
      out.push(
        snapshot(
          content,
          agreement,
          current,
          latest,
          `${agreement.id}-aktuell`,
          `Aktueller Stand laut Zeichnungsregister (${formatDateDe(latest)})`,
          'Zahlen zum letzten Datum, das das Zeichnungsregister enthält (Angebot, Absichtserklärung, Unterschrift, Ablehnung oder Widerruf).',
          true,
        ),
      );
    }
    return out;
  });
}

function chartFor(content: Content, agreement: AgreementEntry): { chart?: SigningChartView; table: SigningAgreementView['chartTable'] } {
  const versions = adoptedVersions(agreement);
  const series: ChartSeriesInput[] = versions.map((v) => ({ label: `Version ${v.version}`, points: signingTimeline(content, agreement, v.version) }));
  const table = series
    .flatMap((s, i) => s.points.map((p) => ({ date: p.date, dateShort: formatDateShort(p.date), version: versions[i]!.version, signed: formatNumber(p.signed) })))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.version < b.version ? -1 : 1));
  const ledger = content.ledgers.find((l) => l.agreement === agreement.id);
  const offers = (ledger?.entries ?? []).map((e) => e.offered).sort();
  const start = offers[0];
  const end = latestLedgerDateFor(content, agreement.id);
  if (!start || !end || table.length === 0) return { table };
  const eligible = eligibleParties(content, agreement).length;
  const markers = beschlusskontrolleFor(content, agreement).map((b) => ({ date: b.date, label: 'Beschlusskontrolle' }));
  const chart = buildSigningChart({
    title: `Unterzeichnungen über die Zeit – ${agreement.short_title}`,
    start,
    end,
    max: eligible,
    maxLabel: `${formatNumber(eligible)} berechtigt`,
    series: series.filter((s) => s.points.length > 0),
    markers,
  });
  return { chart, table };
}

function publishedStatuses(content: Content, agreement: AgreementEntry, asOf: string | undefined): { list: PublishedPartyStatus[]; hidden: number } {
  if (agreement.party_kind !== 'traeger' || !asOf) return { list: [], hidden: 0 };
  const version = currentVersion(agreement);
  const entries = ledgerEntriesFor(content, agreement.id, version.version);
  const eligible = eligibleParties(content, agreement);
  const list: PublishedPartyStatus[] = [];
  let hidden = 0;
  for (const party of eligible) {
    if (party.kind !== 'traeger' || !party.publish_signing_status) {
      hidden++;
      continue;
    }
    const entry = entries.get(party.id);
    const status = statusAsOf(entry, asOf);
    const date = status === 'unterzeichnet' ? entry?.signed : status === 'abgelehnt' ? entry?.declined : status === 'widerrufen' ? entry?.withdrawn : undefined;
    list.push({ name: party.name, href: urls.provider(party.id), statusLabel: PARTY_STATUS_LABELS[status], dateText: date ? formatDateShort(date) : undefined });
  }
  list.sort((a, b) => compareGerman(a.name, b.name));
  return { list, hidden };
}

export function buildSigningStatusView(content: Content, buildAsOf?: string): SigningStatusView {
  return memo(content, `signing-view:${buildAsOf ?? ''}`, () => {
    const reportIds = new Set(publishedReports(content, buildAsOf).map((r) => r.agreement.id));
    return {
      title: 'Zeichnungsstand und Beschlusskontrolle',
      intro:
        'Wie viele der berechtigten Vertragspartner die Vereinbarung unterzeichnet haben – zum Stichtag der Beschlusskontrolle und nach dem neuesten Stand des Zeichnungsregisters. Alle Zahlen werden beim Erstellen der Website aus dem Register berechnet.',
      agreements: agreementsInOrder(content).map((agreement): SigningAgreementView => {
        const { chart, table } = chartFor(content, agreement);
        const published = publishedStatuses(content, agreement, latestLedgerDateFor(content, agreement.id));
        return {
          agreementId: agreement.id,
          title: agreement.title,
          shortTitle: agreement.short_title,
          anchor: agreement.id,
          overviewHref: urls.agreement(agreement.id),
          report: reportIds.has(agreement.id) ? { htmlHref: reportUrls.html(agreement.id), markdownHref: reportUrls.markdown(agreement.id) } : undefined,
          partyPlural: PARTY_WORDS[agreement.party_kind].plural,
          aggregateOnly: agreement.party_kind === 'kindertagespflege',
          offerLetters: (content.council?.offer_letters ?? [])
            .filter((o) => o.agreement === agreement.id)
            .map((o) => ({ dateText: formatDateDe(o.date), summary: o.summary, voluntary: o.voluntary })),
          snapshots: signingSnapshots(content, agreement),
          chart,
          chartTable: table,
          publishedParties: published.list,
          unpublishedCount: published.hidden,
        };
      }),
    };
  });
}
