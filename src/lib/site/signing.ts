import { REGIMES, REGIME_LABELS, type Regime } from '../../schemas/common.ts';
import { organisationOf } from '../organisation/profile.ts';
import { agreementsInOrder, currentVersion, currentVersionOn } from '../agreement/versions.ts';
import { beschlusskontrolleFor, offerLettersFor } from '../council/resolutions.ts';
import type { AgreementEntry, Content } from '../content-model.ts';
import { formatDateDe, formatDateShort } from '../dates.ts';
import { compareGerman, formatNumber, formatPercent } from '../format.ts';
import { memo } from '../memo.ts';
import { PARTY_WORDS } from '../parties/words.ts';
import { OFFER_FIGURE_LABELS, OFFER_STATE_LABELS, OPEN_RULE, PARTY_FIGURE_LABELS } from '../signing/terms.ts';
import { bindingTimeline, buildSigningFigures, firstOfferDate, statusDate, type SigningFigures } from '../signing/figures.ts';
import { BINDING_RULE, signingHeadline, versionSplitSentence } from '../signing/sentences.ts';
import { buildSigningChart, type ChartSeriesInput, type SigningChartView } from '../signing/chart.ts';
import { urls } from './urls.ts';
import { exampleMarkOf, type ExampleMarkView } from '../example-data.ts';
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
  /** Set when the Beschlusskontrolle behind the snapshot is example data. */
  example?: ExampleMarkView;
  /** Set when the ledger the figures come from is example data (its file's `beispiel`). */
  figuresExample?: ExampleMarkView;
  /** The headline (signed of eligible) is what the Beschlusskontrolle reported (`reported` in council.yaml), not only the ledger's count. */
  headlineRecorded?: true;
  asOf: string;
  asOfText: string;
  /** The version offered for signature on that date. */
  version: string;
  versionHref: string;
  /** „51 von 87 Trägern haben unterzeichnet.“ */
  headline: string;
  /** „Für 57 von ihnen gilt die Fassung 1.1, für 15 noch die Fassung 1.0.“ when more than one version binds. */
  versionSplit?: string;
  signed: number;
  eligible: number;
  signedShare: string;
  rows: FigureRow[];
  byRegime: RegimeRow[];
  /** Per adopted version: its offer and whom it binds (only when more than one version is adopted). */
  perVersion: { version: string; href: string; offered: string; signed: string; open: string; declined: string; replaced: string; bound: string }[];
  /** Column heads of `perVersion` (terms.ts); „Ersetzt“ only when an offer was replaced by a newer one. */
  perVersionColumns: { offered: string; signed: string; open: string; declined: string; replaced?: string; bound: string };
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
  /** Link texts to the reports: „Alle Berichte an den Gemeinderat zur Beschlusskontrolle“, „Bericht an den Gemeinderat“. */
  reportLinks: { all: string; one: string };
  agreements: SigningAgreementView[];
}

/** Signing figures of an agreement on one day (the domain's, cached per build). */
export function figuresOn(content: Content, agreement: AgreementEntry, asOf: string): SigningFigures {
  return buildSigningFigures(content, agreement, asOf);
}

function snapshot(content: Content, agreement: AgreementEntry, asOf: string, id: string, heading: string, source: string): FigureSnapshotView {
  const f = figuresOn(content, agreement, asOf);
  const words = PARTY_WORDS[agreement.party_kind];
  const binding = f.boundByVersion.filter((v) => v.bound > 0);
  const share = (n: number) => formatPercent(n, f.eligible);
  const L = PARTY_FIGURE_LABELS;
  const row = (label: string, n: number): FigureRow => ({ label, value: formatNumber(n), share: share(n) });
  const rows: FigureRow[] = [
    { label: L.eligible(words.many, agreement.bedarfsplan), value: formatNumber(f.eligible) },
    row(L.offered, f.offered),
    row(L.bound, f.bound),
  ];
  if (binding.length > 1) for (const v of binding) rows.push(row(L.boundBy(v.version), v.bound));
  if (f.terminating.length > 0) rows.push(row(L.terminating, f.terminating.length));
  rows.push(
    row(L.open, f.open),
    row(L.intent, f.intent),
    row(L.noAnswer, f.noAnswer),
    row(L.declined, f.declined),
    row(L.ended, f.ended.length),
    row(L.notOffered, f.notOffered),
    {
      label: `Plätze im Bedarfsplan: davon bei Unterzeichnenden`,
      value: `${formatNumber(f.placesBound)} von ${formatNumber(f.placesEligible)}`,
      share: formatPercent(f.placesBound, f.placesEligible),
    },
  );
  const byRegime: RegimeRow[] = REGIMES.filter((r) => f.byRegime[r].eligible > 0).map((r) => ({
    regime: r,
    label: REGIME_LABELS[r],
    eligible: formatNumber(f.byRegime[r].eligible),
    signed: formatNumber(f.byRegime[r].bound),
    share: formatPercent(f.byRegime[r].bound, f.byRegime[r].eligible),
  }));
  const perVersion =
    f.offers.length > 1
      ? f.offers.map((o) => {
          const bound = f.boundByVersion.find((b) => b.version === o.version)?.bound ?? 0;
          return {
            version: o.version,
            href: urls.reader(agreement.id, o.version),
            offered: formatNumber(o.offered),
            signed: formatNumber(o.signed),
            open: formatNumber(o.open),
            declined: formatNumber(o.declined),
            replaced: formatNumber(o.replaced),
            bound: formatNumber(bound),
          };
        })
      : [];
  const version = currentVersionOn(agreement, asOf) ?? currentVersion(agreement);
  return {
    id,
    heading,
    source,
    asOf,
    asOfText: formatDateDe(asOf),
    version: version.version,
    versionHref: urls.reader(agreement.id, version.version),
    headline: signingHeadline(agreement, f),
    versionSplit: versionSplitSentence(agreement, f),
    signed: f.bound,
    eligible: f.eligible,
    signedShare: formatPercent(f.bound, f.eligible),
    rows,
    byRegime,
    perVersion,
    perVersionColumns: {
      offered: OFFER_FIGURE_LABELS.offered,
      signed: OFFER_FIGURE_LABELS.signed,
      open: OFFER_FIGURE_LABELS.open,
      declined: OFFER_FIGURE_LABELS.declined,
      replaced: f.offers.some((o) => o.replaced > 0) ? OFFER_FIGURE_LABELS.replaced : undefined,
      bound: OFFER_FIGURE_LABELS.bound,
    },
  };
}

/** The snapshots the site shows: each Beschlusskontrolle date, then the status date of the build. */
export function signingSnapshots(content: Content, agreement: AgreementEntry, buildAsOf?: string): FigureSnapshotView[] {
  return memo(content, `snapshots:${agreement.id}:${buildAsOf ?? ''}`, () => {
    const out: FigureSnapshotView[] = [];
    const latest = statusDate(content, buildAsOf);
    // A Beschlusskontrolle after the status date had not happened yet.
    for (const report of beschlusskontrolleFor(content, agreement).filter((b) => !latest || b.date <= latest)) {
      out.push(
        snapshot(
          content,
          agreement,
          report.date,
          `${agreement.id}-beschlusskontrolle-${report.date}`,
          `Stand der Beschlusskontrolle vom ${formatDateDe(report.date)}`,
          `Zahlen zum Tag der Beschlusskontrolle (${report.sender}, Sitzung ${report.session}).`,
        ),
      );
      const example = exampleMarkOf(report.beispiel);
      const shown = out[out.length - 1]!;
      if (example) shown.example = example;
      if (report.reported && report.reported.signed === shown.signed && report.reported.eligible === shown.eligible) shown.headlineRecorded = true;
    }
    const figuresExample = exampleMarkOf(content.ledgers.find((l) => l.agreement === agreement.id)?.beispiel);
    // The status date adds nothing when a Beschlusskontrolle is as recent or newer.
    if (latest && firstOfferDate(content, agreement.id) !== undefined && !out.some((s) => s.asOf >= latest)) {
      out.push(
        snapshot(
          content,
          agreement,
          latest,
          `${agreement.id}-aktuell`,
          `Aktueller Stand laut Zeichnungsregister (${formatDateDe(latest)})`,
          'Zahlen zum letzten Datum, das das Zeichnungsregister enthält (Angebot, Absichtserklärung, Unterschrift, Ablehnung oder Kündigung).',
        ),
      );
    }
    return figuresExample ? out.map((snapshot) => ({ ...snapshot, figuresExample })) : out;
  });
}

function chartFor(content: Content, agreement: AgreementEntry, end: string | undefined): { chart?: SigningChartView; table: SigningAgreementView['chartTable'] } {
  const start = firstOfferDate(content, agreement.id);
  if (!start || !end) return { table: [] };
  const timeline = bindingTimeline(content, agreement, end);
  const versions = [...new Set(timeline.flatMap((p) => Object.keys(p.byVersion)))];
  const ordered = agreement.versions.filter((v) => versions.includes(v.version));
  const series: ChartSeriesInput[] = ordered.map((v) => ({
    label: `Version ${v.version}`,
    points: timeline.filter((p) => p.byVersion[v.version] !== undefined).map((p) => ({ date: p.date, signed: p.byVersion[v.version]! })),
  }));
  const table = timeline.flatMap((p) =>
    ordered.filter((v) => p.byVersion[v.version] !== undefined).map((v) => ({ date: p.date, dateShort: formatDateShort(p.date), version: v.version, signed: formatNumber(p.byVersion[v.version]!) })),
  );
  if (table.length === 0) return { table };
  const eligible = figuresOn(content, agreement, end).eligible;
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

/** Parties that agreed to publication, with where they stand on `asOf`. */
function publishedStatuses(content: Content, agreement: AgreementEntry, asOf: string | undefined): { list: PublishedPartyStatus[]; hidden: number } {
  if (agreement.party_kind !== 'traeger' || !asOf) return { list: [], hidden: 0 };
  const list: PublishedPartyStatus[] = [];
  let hidden = 0;
  for (const standing of figuresOn(content, agreement, asOf).parties) {
    const party = standing.party;
    if (party.kind !== 'traeger' || !party.publish_signing_status) {
      hidden++;
      continue;
    }
    const { statusLabel, date } = standingLabel(standing);
    list.push({ name: party.name, href: urls.provider(party.id), statusLabel, dateText: date ? formatDateShort(date) : undefined });
  }
  list.sort((a, b) => compareGerman(a.name, b.name));
  return { list, hidden };
}

/** „unterzeichnet (Version 1.1)“, „gekündigt zum 28.02.2023 (Version 1.0)“, „offen“ … and the date it rests on. */
export function standingLabel(standing: SigningFigures['parties'][number]): { statusLabel: string; date?: string } {
  const { binding, ended, latestOffer } = standing;
  if (binding?.termination) return { statusLabel: `gekündigt zum ${formatDateShort(binding.termination.endsOn)} (Version ${binding.version})`, date: binding.termination.declared };
  if (binding) {
    const renewal = latestOffer && latestOffer.version !== binding.version && latestOffer.state !== 'unterzeichnet' ? `; Version ${latestOffer.version}: ${OFFER_STATE_LABELS[latestOffer.state]}` : '';
    return { statusLabel: `unterzeichnet (Version ${binding.version})${renewal}`, date: binding.since };
  }
  if (ended) return { statusLabel: `gekündigt, beendet am ${formatDateShort(ended.termination.endsOn)}`, date: ended.termination.declared };
  if (!latestOffer) return { statusLabel: OFFER_STATE_LABELS['nicht-angeboten'] };
  const date = latestOffer.state === 'abgelehnt' ? latestOffer.entry.declined : latestOffer.state === 'absicht' ? latestOffer.entry.intent : latestOffer.entry.offered;
  return { statusLabel: `${OFFER_STATE_LABELS[latestOffer.state]} (Version ${latestOffer.version})`, date };
}

export function buildSigningStatusView(content: Content, buildAsOf?: string): SigningStatusView {
  return memo(content, `signing-view:${buildAsOf ?? ''}`, () => {
    const reportIds = new Set(publishedReports(content, buildAsOf).map((r) => r.agreement.id));
    const council = organisationOf(content).council;
    return {
      title: 'Zeichnungsstand und Beschlusskontrolle',
      reportLinks: { all: `Alle Berichte an ${council.accusative} zur Beschlusskontrolle`, one: `Bericht an ${council.accusative}` },
      intro: `Wie viele der berechtigten Vertragspartner die Vereinbarung unterzeichnet haben und welche Version für sie gilt – zum Stichtag der Beschlusskontrolle und nach dem neuesten Stand des Zeichnungsregisters. Alle Zahlen werden beim Erstellen der Website aus dem Register berechnet. ${BINDING_RULE} ${OPEN_RULE}`,
      agreements: agreementsInOrder(content).map((agreement): SigningAgreementView => {
        const asOf = statusDate(content, buildAsOf);
        const { chart, table } = chartFor(content, agreement, asOf);
        const published = publishedStatuses(content, agreement, asOf);
        return {
          agreementId: agreement.id,
          title: agreement.title,
          shortTitle: agreement.short_title,
          anchor: agreement.id,
          overviewHref: urls.agreement(agreement.id),
          report: reportIds.has(agreement.id) ? { htmlHref: reportUrls.html(agreement.id), markdownHref: reportUrls.markdown(agreement.id) } : undefined,
          partyPlural: PARTY_WORDS[agreement.party_kind].many,
          aggregateOnly: agreement.party_kind === 'kindertagespflege',
          offerLetters: offerLettersFor(content, agreement.id).map((o) => ({ dateText: formatDateDe(o.date), summary: o.summary, voluntary: o.voluntary })),
          snapshots: signingSnapshots(content, agreement, buildAsOf),
          chart,
          chartTable: table,
          publishedParties: published.list,
          unpublishedCount: published.hidden,
        };
      }),
    };
  });
}
