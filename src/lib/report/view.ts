import { didYouMean } from '../suggest.ts';
import { committeeNamed, organisationOf, reportAddressees } from '../organisation/profile.ts';
import { asTemplateValue, type TemplateData } from '../pdf/template.ts';
import { renderPhrase } from '../texts/phrases.ts';
import { REGIMES, type Regime } from '../../schemas/common.ts';
import type { Council } from '../../schemas/council.ts';
import type { AgreementEntry, Content, Version } from '../content-model.ts';
import { formatDateDe, formatDateShort } from '../dates.ts';
import { quoteGerman } from '../typography.ts';
import { exampleMarkOf, instanceExampleMark } from '../example-data.ts';
import { compareVersions } from '../parse-content.ts';
import { buildSigningChart, type SigningChartView } from '../signing/chart.ts';
import { currentVersionOn, isAdoptedOn, resolutionVersion } from '../agreement/versions.ts';
import { offerLettersFor, ownBeschlusskontrolle, resolutionStatus, type BeschlusskontrolleEntry, type Resolution } from '../council/resolutions.ts';
import { bindingTimeline, buildSigningFigures, firstOfferDate, type SigningFigures } from '../signing/figures.ts';
import { BINDING_RULE, figureSentences, placesSentence, renewalSentences } from '../signing/sentences.ts';
import { OFFER_FIGURE_LABELS, PARTY_FIGURE_LABELS } from '../signing/terms.ts';
import { counted, formatNumber, formatPaperNumber, formatPercent, joinGerman, PARTY_WORDS, type PartyWords } from '../parties/words.ts';

/** A report that cannot be made: exit code 1 for a gap in the content, 2 for a wrong argument. */
export class ReportError extends Error {
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2 = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

export interface TableView {
  /** Short label shown above the table (Markdown has no caption). */
  caption: string;
  header: string[];
  /** Per column; numbers are right-aligned. */
  align: ('left' | 'right')[];
  rows: string[][];
}

export type ReportBlock = { type: 'paragraph'; text: string } | { type: 'table'; table: TableView };

export interface ResolutionPointView {
  number: number;
  heading: string;
  /** The resolution text, quoted „…“. */
  quote: string;
  blocks: ReportBlock[];
  /** Carried out completely as of the date. */
  done: boolean;
}

export interface LetterView {
  documentKind: string;
  /** „Stadt Musterstadt“ (organisation.yaml). */
  organisation: string;
  sender: string;
  addressees: string;
  reference?: string;
  dateText: string;
  /** „Beschlusskontrolle zu A 0001/22 (Sitzungsnummer: HA/001/2022)“ */
  subject: string;
  /** The title of the matter, under the subject. */
  title: string;
  salutation: string;
  statusSentence: string;
  closing: string;
  /** Lines under the greeting: the signing function (if given) and the sender; never a person’s name. */
  signature: string[];
  /** Lines below the signature in a recorded letter (who took note, as the record has it); empty otherwise. */
  acknowledgement: string[];
}

/** What in the letter is example data: the instance's mark and the per-fact marks of what it names. */
export interface ReportExampleView {
  /** The instance mark (site.yaml `beispiel`); absent for a real instance. */
  instance?: string;
  /** „Vorlage V1530/22: …“, „Zahlen aus dem Zeichnungsregister: …“ – one line per marked fact the letter names. */
  notes: string[];
}

/** For the letter of a recorded Beschlusskontrolle: where its wording comes from and what was corrected. */
export interface ReproductionView {
  source: string;
  corrections: string[];
}

/** The counts the letter reports: the ledger figures without anything about single parties (aggregate only). */
export type KeyFigures = Omit<SigningFigures, 'agreementId' | 'parties' | 'terminating' | 'ended'> & { terminating: number; ended: number };

export interface BeschlusskontrolleView {
  agreementId: string;
  paperId: string;
  session: string;
  asOf: string;
  asOfText: string;
  /**
   * „abschließender Stand“: as recorded (`stand`) when the letter is for the recorded date;
   * for any other date, true when every resolution point is carried out.
   */
  final: boolean;
  letter: LetterView;
  /** Example marks, shown at the top of the letter (and in the printed letter's footer); absent when there are none. */
  example?: ReportExampleView;
  /** Set when the letter reproduces a recorded one (`record` in council.yaml, on its date): its source and corrections. */
  reproduction?: ReproductionView;
  points: ResolutionPointView[];
  /** Signatures over time: a table in every format, a chart in HTML and PDF. */
  timeline?: { heading: string; intro: string; table: TableView; chart?: SigningChartView };
  /** Sentence after the points in an interim report. */
  outlook?: string;
  /** Figures of the version the resolution is about (aggregate only). */
  figures?: KeyFigures;
  /** The sentences that state the figures, for `npm run ledger -- status`. */
  keySentences: string[];
  /** `pageTitle` is the short HTML title; `title` the full PDF title. */
  metadata: { title: string; pageTitle: string; author: string; subject: string; keywords: string[] };
}

export interface ReportOptions {
  /** Default: the date of the Beschlusskontrolle recorded for the agreement's paper. */
  asOf?: string;
  /** Default: `main_agreement` of site.yaml. */
  agreementId?: string;
}


const REGIME_LONG: Record<Regime, string> = {
  dsgvo: 'DSGVO',
  kdg: 'KDG (katholisches Datenschutzrecht)',
  'dsg-ekd': 'DSG-EKD (evangelisches Datenschutzrecht)',
};

/** The fixed wording of the letter: templates/report/beschlusskontrolle.yaml (the content's own texts first). */
export const REPORT_TEXTS = 'report/beschlusskontrolle.yaml';

function text(content: Content, key: string, data: TemplateData = {}): string {
  return renderPhrase(content, REPORT_TEXTS, key, { org: asTemplateValue(organisationOf(content)), ...data });
}

/** Intro and description of the page that lists every report. */
export function reportIndexTexts(content: Content): { intro: string; description: string } {
  return { intro: text(content, 'index_intro'), description: text(content, 'index_description') };
}

export function findAgreement(content: Content, agreementId: string | undefined): AgreementEntry {
  const id = agreementId ?? content.site?.main_agreement;
  const agreement = content.agreements.find((a) => a.id === id);
  if (agreement) return agreement;
  const known = content.agreements.map((a) => `„${a.id}“`).join(', ') || 'keine';
  if (agreementId !== undefined) {
    throw new ReportError(`Die Vereinbarung „${agreementId}“ gibt es nicht.${didYouMean(agreementId, content.agreements.map((a) => a.id))} Vorhandene Vereinbarungen: ${known}.`, 2);
  }
  throw new ReportError(`Die Hauptvereinbarung „${id ?? ''}“ aus site.yaml (main_agreement) gibt es nicht. Vorhandene Vereinbarungen: ${known}.`);
}

/** The default date of the report: the (latest) recorded Beschlusskontrolle for the agreement's paper. */
export function defaultReportDate(content: Content, agreement: AgreementEntry): string {
  const own = ownBeschlusskontrolle(content, agreement);
  const last = own[own.length - 1];
  if (!last) throw missingEntry(content, agreement);
  return last.date;
}

function missingEntry(content: Content, agreement: AgreementEntry): ReportError {
  const file = content.council?.source.file ?? 'council/council.yaml';
  return new ReportError(
    `Für die Vereinbarung „${agreement.id}“ ist keine Beschlusskontrolle eingetragen (${file}, Abschnitt „beschlusskontrolle“ mit „paper: ${agreement.paper}“).\n` +
      '  → Tragen Sie Absender, Empfänger, Sitzungsnummer und Datum dort ein; das Muster steht in content/council/README.md.',
  );
}

function chooseEntry(content: Content, agreement: AgreementEntry, asOf: string): BeschlusskontrolleEntry {
  const own = ownBeschlusskontrolle(content, agreement);
  const entry = [...own].reverse().find((e) => e.date <= asOf) ?? own[0];
  if (!entry) throw missingEntry(content, agreement);
  return entry;
}

export function keyFiguresOf(f: SigningFigures): KeyFigures {
  const { agreementId: _agreement, parties: _parties, terminating, ended, ...figures } = f;
  return { ...figures, terminating: terminating.length, ended: ended.length };
}

function figuresTable(words: PartyWords, plan: string, f: KeyFigures, asOfText: string): TableView {
  const share = (n: number) => formatPercent(n, f.eligible);
  const binding = f.boundByVersion.filter((v) => v.bound > 0);
  const L = PARTY_FIGURE_LABELS;
  const rows: string[][] = [
    [L.eligible(words.many, plan), formatNumber(f.eligible), share(f.eligible)],
    [L.bound, formatNumber(f.bound), share(f.bound)],
  ];
  if (binding.length > 1) for (const v of binding) rows.push([L.boundBy(v.version), formatNumber(v.bound), share(v.bound)]);
  if (f.terminating > 0) rows.push([L.terminating, formatNumber(f.terminating), share(f.terminating)]);
  rows.push(
    [L.open, formatNumber(f.open), share(f.open)],
    [L.intent, formatNumber(f.intent), share(f.intent)],
    [L.noAnswer, formatNumber(f.noAnswer), share(f.noAnswer)],
    [L.declined, formatNumber(f.declined), share(f.declined)],
  );
  if (f.ended > 0) rows.push([L.ended, formatNumber(f.ended), share(f.ended)]);
  if (f.notOffered > 0) rows.push([L.notOffered, formatNumber(f.notOffered), share(f.notOffered)]);
  const single = f.boundByVersion.length === 1 ? ` (Fassung ${f.boundByVersion[0]!.version})` : '';
  return { caption: `Zeichnungsstand am ${asOfText}${single}`, header: ['Kennzahl', 'Anzahl', 'Anteil'], align: ['left', 'right', 'right'], rows };
}

function regimeTable(words: PartyWords, f: KeyFigures): TableView | undefined {
  const present = REGIMES.filter((r) => f.byRegime[r].eligible > 0);
  if (present.length < 2) return undefined;
  return {
    caption: `Unterzeichnet nach dem Datenschutzrecht der ${words.many}`,
    header: ['Datenschutzrecht', 'Berechtigt', 'Unterzeichnet', 'Anteil'],
    align: ['left', 'right', 'right', 'right'],
    rows: present.map((r) => [
      REGIME_LONG[r],
      formatNumber(f.byRegime[r].eligible),
      formatNumber(f.byRegime[r].bound),
      formatPercent(f.byRegime[r].bound, f.byRegime[r].eligible),
    ]),
  };
}

/** Offered, the answers (terms.ts) and whom the version binds; „Ersetzt“ only when an offer was replaced by a newer one. */
function offerColumns(replaced: boolean): string[] {
  const L = OFFER_FIGURE_LABELS;
  return [L.offered, L.signed, L.open, L.declined, ...(replaced ? [L.replaced] : []), L.bound];
}

/** Versions adopted after the one the resolution is about: how their renewed offer stands. */
function laterVersionBlocks(content: Content, agreement: AgreementEntry, main: Version, f: SigningFigures): ReportBlock[] {
  const later = agreement.versions.filter((v) => compareVersions(v.version, main.version) > 0 && isAdoptedOn(v, f.asOf));
  if (later.length === 0) return [];
  const blocks: ReportBlock[] = [];
  const offersOf = (version: string) => f.offers.find((o) => o.version === version)!;
  const boundOf = (version: string) => f.boundByVersion.find((v) => v.version === version)?.bound ?? 0;
  const row = (v: Version) => {
    const o = offersOf(v.version);
    const answers = [o.signed, o.open, o.declined, ...(replaced ? [o.replaced] : [])].map(formatNumber);
    return [v.version, v.adopted ? formatDateShort(v.adopted) : '–', formatNumber(o.offered), ...answers, formatNumber(boundOf(v.version))];
  };
  const replaced = [main, ...later].some((v) => offersOf(v.version).replaced > 0);
  const rows: string[][] = [row(main)];
  for (const v of later) {
    const committee = v.adopted_by ? asTemplateValue(committeeNamed(organisationOf(content), v.adopted_by)) : { nominative: 'der zuständige Ausschuss' };
    const adoption = text(content, 'later_version', { dateText: formatDateDe(v.adopted!), committee, version: v.version, paper: v.paper ? formatPaperNumber(v.paper) : null });
    blocks.push({ type: 'paragraph', text: [adoption, ...renewalSentences(agreement, f, offersOf(v.version))].join(' ') });
    rows.push(row(v));
  }
  blocks.push({
    type: 'table',
    table: {
      caption: `Stand je Fassung am ${formatDateDe(f.asOf)}`,
      header: ['Fassung', 'Beschlossen', ...offerColumns(replaced)],
      align: ['left', 'left', ...offerColumns(replaced).map(() => 'right' as const)],
      rows,
    },
  });
  return blocks;
}

function rahmenPoint(content: Content, r: Resolution, asOf: string): ResolutionPointView {
  const agreement = content.agreements.find((a) => a.id === r.agreement);
  const title = agreement ? `die ${agreement.title}` : 'die Rahmenvereinbarung';
  const { done } = resolutionStatus(content, r, asOf);
  const sentence = done
    ? r.adopted_by
      ? text(content, 'adopted', { committee: asTemplateValue(committeeNamed(organisationOf(content), r.adopted_by)), title, dateText: formatDateDe(r.adopted!) })
      : text(content, 'adopted_without_committee', { titleCapitalized: `${title.charAt(0).toUpperCase()}${title.slice(1)}`, dateText: formatDateDe(r.adopted!) })
    : text(content, 'adoption_pending', { title, dateText: formatDateDe(asOf) });
  return { number: r.number, heading: `Beschlusspunkt ${r.number}`, quote: quoteGerman(r.text), blocks: [{ type: 'paragraph', text: sentence }], done };
}

interface PointResult {
  point: ResolutionPointView;
  figures?: KeyFigures;
  keySentences: string[];
}

function einzelPoint(content: Content, r: Resolution, asOf: string): PointResult {
  const agreement = content.agreements.find((a) => a.id === r.agreement);
  const base = { number: r.number, heading: `Beschlusspunkt ${r.number}`, quote: quoteGerman(r.text) };
  if (!agreement) return { point: { ...base, blocks: [], done: false }, keySentences: [] };
  const words = PARTY_WORDS[agreement.party_kind];
  const plan = agreement.bedarfsplan;
  const blocks: ReportBlock[] = [];
  const letters = offerLettersFor(content, agreement.id, asOf);
  const party = { many: words.many, dativeMany: words.dativeMany };
  if (letters.length === 0) {
    blocks.push({ type: 'paragraph', text: text(content, 'offer_pending', { party, dateText: formatDateDe(asOf) }) });
  } else {
    const first = letters[0]!;
    const further = letters.slice(1).map((l) => formatDateDe(l.date));
    const offer = { dateText: formatDateDe(first.date), furtherText: joinGerman(further) };
    const sentences = [text(content, 'offer_sent', { party, offer })];
    if (first.voluntary) sentences.push(text(content, 'offer_voluntary', { party, offer }));
    if (further.length > 0) sentences.push(text(content, 'offer_further', { party, offer }));
    blocks.push({ type: 'paragraph', text: sentences.join(' ') });
  }
  const signing = buildSigningFigures(content, agreement, asOf);
  const f = keyFiguresOf(signing);
  const sentences = figureSentences(agreement, signing);
  blocks.push({ type: 'paragraph', text: sentences.join(' ') });
  blocks.push({ type: 'table', table: figuresTable(words, plan, f, formatDateDe(asOf)) });
  const places = placesSentence(agreement, signing);
  if (places) blocks.push({ type: 'paragraph', text: places });
  const regimes = regimeTable(words, f);
  if (regimes) blocks.push({ type: 'table', table: regimes });
  blocks.push(...laterVersionBlocks(content, agreement, resolutionVersion(agreement, r.paper), signing));
  const { done } = resolutionStatus(content, r, asOf);
  return { point: { ...base, blocks, done }, figures: f, keySentences: places ? [...sentences, places] : sentences };
}

function endOfMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${iso.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

function nextMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function buildTimeline(content: Content, agreement: AgreementEntry, main: Version, asOf: string): BeschlusskontrolleView['timeline'] {
  const versions = agreement.versions.filter((v) => compareVersions(v.version, main.version) >= 0 && (v === main || isAdoptedOn(v, asOf)));
  const letters = offerLettersFor(content, agreement.id).map((o) => o.date);
  const start = [firstOfferDate(content, agreement.id), ...letters].filter((d): d is string => d !== undefined && d <= asOf).sort()[0];
  if (!start) return undefined;
  const words = PARTY_WORDS[agreement.party_kind];
  const eligible = buildSigningFigures(content, agreement, asOf).eligible;
  const single = versions.length === 1;
  const rows: string[][] = [];
  for (let month = `${start.slice(0, 7)}-01`; month <= asOf; month = nextMonth(month)) {
    const day = endOfMonth(month) < asOf ? endOfMonth(month) : asOf;
    const f = buildSigningFigures(content, agreement, day);
    const row = [formatDateShort(day)];
    for (const v of versions) row.push(isAdoptedOn(v, day) ? formatNumber(f.boundByVersion.find((b) => b.version === v.version)?.bound ?? 0) : '–');
    row.push(formatNumber(f.bound));
    if (single) row[row.length - 1] = formatPercent(f.bound, eligible);
    rows.push(row);
  }
  const table: TableView = {
    caption: `Gültige Unterschriften am Monatsende, zuletzt am ${formatDateDe(asOf)} (${counted(eligible, `${words.eligibleAdjectiveOne} ${words.one}`, `berechtigte ${words.many}`)})`,
    header: single ? ['Stand', 'Unterzeichnet', 'Anteil'] : ['Stand', ...versions.map((v) => `Fassung ${v.version}`), 'Zusammen'],
    align: single ? ['left', 'right', 'right'] : ['left', ...versions.map(() => 'right' as const), 'right'],
    rows,
  };
  const timeline = bindingTimeline(content, agreement, asOf);
  const chart = buildSigningChart({
    title: `Gültige Unterschriften vom ${formatDateDe(start)} bis ${formatDateDe(asOf)}`,
    start,
    end: asOf,
    max: eligible,
    maxLabel: `${formatNumber(eligible)} berechtigt`,
    series: versions.map((v) => ({
      label: `Fassung ${v.version}`,
      points: timeline.filter((p) => p.byVersion[v.version] !== undefined).map((p) => ({ date: p.date, signed: p.byVersion[v.version]! })),
    })),
    markers: [],
  });
  return {
    heading: 'Verlauf der Unterzeichnungen',
    intro: BINDING_RULE,
    table,
    chart,
  };
}


/**
 * The points of a recorded letter as the record has them: each resolution's text quoted as the
 * record quotes it (inner quotation marks kept), then the record's own paragraphs – no figure the
 * record does not give.
 */
function recordedPoints(content: Content, record: NonNullable<BeschlusskontrolleEntry['record']>, resolutions: Resolution[], asOf: string): ResolutionPointView[] {
  return record.points.map((p) => {
    const r = resolutions.find((x) => x.number === p.number);
    return {
      number: p.number,
      heading: `Beschlusspunkt ${p.number}`,
      quote: r ? `„${r.text}“` : '',
      blocks: p.notes.map((text): ReportBlock => ({ type: 'paragraph', text })),
      done: r ? resolutionStatus(content, r, asOf).done : false,
    };
  });
}

/**
 * The example marks of what the letter names: the paper and its resolution points, the
 * Beschlusskontrolle entry on its own date, and the ledger when the letter states its figures.
 */
function reportExampleView(content: Content, agreement: AgreementEntry, entry: BeschlusskontrolleEntry, resolutions: Resolution[], asOf: string, showsLedgerFigures: boolean): ReportExampleView | undefined {
  const notes: string[] = [];
  const add = (what: string, mark: true | string | undefined) => {
    const view = exampleMarkOf(mark);
    if (view) notes.push(`${what}: ${view.note ?? view.label}`);
  };
  add(`Vorlage ${formatPaperNumber(entry.paper)}`, content.council?.papers.find((p) => p.id === entry.paper)?.beispiel);
  for (const r of resolutions) add(`Beschlusspunkt ${r.number}`, r.beispiel);
  if (asOf === entry.date) add(`${text(content, 'document_kind')} vom ${formatDateDe(entry.date)}`, entry.beispiel);
  if (showsLedgerFigures) add('Zahlen aus dem Zeichnungsregister', content.ledgers.find((l) => l.agreement === agreement.id)?.beispiel);
  const instance = instanceExampleMark(content);
  return instance || notes.length > 0 ? { ...(instance ? { instance } : {}), notes } : undefined;
}

/**
 * The Beschlusskontrolle letter for an agreement on a day: which resolution points are carried
 * out and the signing figures at the end of that day. Only aggregate figures; no names.
 */
export function buildBeschlusskontrolleView(content: Content, options: ReportOptions = {}): BeschlusskontrolleView {
  const agreement = findAgreement(content, options.agreementId);
  const asOf = options.asOf ?? defaultReportDate(content, agreement);
  const entry = chooseEntry(content, agreement, asOf);
  const paperLabel = formatPaperNumber(entry.paper);
  const resolutions = (content.council?.resolutions ?? []).filter((r) => r.paper === entry.paper).sort((a, b) => a.number - b.number);
  const points: ResolutionPointView[] = [];
  let figures: KeyFigures | undefined;
  let keySentences: string[] = [];
  for (const r of resolutions) {
    if (r.kind === 'rahmenvereinbarung') points.push(rahmenPoint(content, r, asOf));
    else {
      const result = einzelPoint(content, r, asOf);
      points.push(result.point);
      if (!figures && result.figures) {
        figures = result.figures;
        keySentences = result.keySentences;
      }
    }
  }
  if (!figures) {
    const signing = buildSigningFigures(content, agreement, asOf);
    figures = keyFiguresOf(signing);
    keySentences = figureSentences(agreement, signing);
  }
  const recorded = asOf === entry.date ? entry.stand : undefined;
  const final = recorded !== undefined ? recorded === 'abschliessend' : points.length > 0 && points.every((p) => p.done);
  // On its own date a recorded letter is reproduced from the record, word for word.
  const record = asOf === entry.date ? entry.record : undefined;
  const subject = record?.heading ?? text(content, 'subject', { paper: paperLabel, session: entry.session });
  const documentKind = text(content, 'document_kind');
  const organisation = organisationOf(content).name;
  const to = reportAddressees(content, entry.addressees);
  const addressees = /^(an|alle)\s/i.test(to) ? to : `alle ${to}`;
  const hasEinzel = resolutions.some((r) => r.kind === 'einzelvereinbarungen' && r.agreement === agreement.id);
  const example = reportExampleView(content, agreement, entry, resolutions, asOf, !record);
  if (record) {
    return {
      agreementId: agreement.id,
      paperId: entry.paper,
      session: entry.session,
      asOf,
      asOfText: formatDateDe(asOf),
      final,
      letter: {
        documentKind,
        organisation,
        sender: entry.sender,
        addressees: `An ${addressees}`,
        reference: entry.reference,
        dateText: formatDateDe(asOf),
        subject,
        title: entry.subject,
        salutation: record.salutation,
        statusSentence: record.opening,
        closing: record.closing,
        signature: [entry.signed_by ?? entry.sender],
        acknowledgement: record.acknowledgement,
      },
      ...(example ? { example } : {}),
      reproduction: { source: record.source, corrections: record.corrections },
      points: recordedPoints(content, record, resolutions, asOf),
      figures,
      keySentences,
      metadata: {
        title: `${subject} – Stand ${formatDateDe(asOf)}`,
        pageTitle: `Beschlusskontrolle ${paperLabel} – ${formatDateDe(asOf)}`,
        author: organisation ? `${organisation}, ${entry.sender}` : entry.sender,
        subject: entry.subject,
        keywords: ['Beschlusskontrolle', entry.paper, entry.session, agreement.short_title, ...(example?.instance ? [example.instance] : [])],
      },
    };
  }
  return {
    agreementId: agreement.id,
    paperId: entry.paper,
    session: entry.session,
    asOf,
    asOfText: formatDateDe(asOf),
    final,
    letter: {
      documentKind,
      organisation,
      sender: entry.sender,
      addressees: `An ${addressees}`,
      reference: entry.reference,
      dateText: formatDateDe(asOf),
      subject,
      title: entry.subject,
      salutation: organisationOf(content).council.salutation,
      statusSentence: text(content, final ? 'status_final' : 'status_interim'),
      closing: text(content, 'closing'),
      signature: entry.signed_by ? [entry.signed_by, entry.sender] : [entry.sender],
      acknowledgement: [],
    },
    ...(example ? { example } : {}),
    points,
    timeline: hasEinzel ? buildTimeline(content, agreement, resolutionVersion(agreement, entry.paper), asOf) : undefined,
    outlook: final ? undefined : text(content, 'outlook'),
    figures,
    keySentences,
    metadata: {
      title: `${subject} – Stand ${formatDateDe(asOf)}`,
      pageTitle: `Beschlusskontrolle ${paperLabel} – ${formatDateDe(asOf)}`,
      author: organisation ? `${organisation}, ${entry.sender}` : entry.sender,
      subject: entry.subject,
      keywords: ['Beschlusskontrolle', entry.paper, entry.session, agreement.short_title, ...(example?.instance ? [example.instance] : [])],
    },
  };
}
