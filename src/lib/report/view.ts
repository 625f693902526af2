import { REGIMES, type Regime } from '../../schemas/common.ts';
import type { Council } from '../../schemas/council.ts';
import type { AgreementEntry, Content, Version } from '../content-model.ts';
import { formatDateDe, formatDateShort } from '../dates.ts';
import { quoteGerman } from '../typography.ts';
import { compareVersions } from '../parse-content.ts';
import { buildSigningChart, type SigningChartView } from '../site/signing-chart.ts';
import { computeSigningFigures, ledgerEntriesFor, signingTimeline, type SigningFigures } from '../signing-status.ts';
import {
  bodyWithArticle,
  countAtSentenceStart,
  counted,
  countedWithArticle,
  formatNumber,
  formatPaperNumber,
  formatPercent,
  has,
  is,
  joinGerman,
  PARTY_WORDS,
  type PartyWords,
} from './words.ts';

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
  /** „Landeshauptstadt Dresden“ (site publisher). */
  organisation: string;
  sender: string;
  addressees: string;
  reference?: string;
  dateText: string;
  /** „Beschlusskontrolle zu A 0311/22 (Sitzungsnummer: JHA/036/2022)“ */
  subject: string;
  /** The title of the matter, under the subject. */
  title: string;
  salutation: string;
  statusSentence: string;
  closing: string;
  /** Lines under the greeting: the signing function (if given) and the sender; never a person’s name. */
  signature: string[];
}

/** The counts the letter reports: the ledger figures without the per-party list (aggregate only). */
export type KeyFigures = Omit<SigningFigures, 'agreementId' | 'asOf' | 'parties'>;

export interface BeschlusskontrolleView {
  agreementId: string;
  paperId: string;
  session: string;
  asOf: string;
  asOfText: string;
  /** True when every resolution point is carried out: „abschließender Stand“. */
  final: boolean;
  letter: LetterView;
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

type BeschlusskontrolleEntry = Council['beschlusskontrolle'][number];
type Resolution = Council['resolutions'][number];

const REGIME_LONG: Record<Regime, string> = {
  dsgvo: 'DSGVO',
  kdg: 'KDG (katholisches Datenschutzrecht)',
  'dsg-ekd': 'DSG-EKD (evangelisches Datenschutzrecht)',
};

export function findAgreement(content: Content, agreementId: string | undefined): AgreementEntry {
  const id = agreementId ?? content.site?.main_agreement;
  const agreement = content.agreements.find((a) => a.id === id);
  if (agreement) return agreement;
  const known = content.agreements.map((a) => `„${a.id}“`).join(', ') || 'keine';
  if (agreementId !== undefined) {
    throw new ReportError(`Die Vereinbarung „${agreementId}“ gibt es nicht. Vorhandene Vereinbarungen: ${known}.`, 2);
  }
  throw new ReportError(`Die Hauptvereinbarung „${id ?? ''}“ aus site.yaml (main_agreement) gibt es nicht. Vorhandene Vereinbarungen: ${known}.`);
}

/** Papers whose resolutions concern the agreement, its own paper first. */
function papersOf(content: Content, agreement: AgreementEntry): string[] {
  const papers = [agreement.paper];
  for (const r of content.council?.resolutions ?? []) if (r.agreement === agreement.id && !papers.includes(r.paper)) papers.push(r.paper);
  return papers;
}

/** Beschlusskontrolle entries about the agreement, oldest first. */
export function beschlusskontrolleEntries(content: Content, agreement: AgreementEntry): BeschlusskontrolleEntry[] {
  const papers = papersOf(content, agreement);
  return (content.council?.beschlusskontrolle ?? [])
    .filter((b) => papers.includes(b.paper))
    .sort((a, b) => papers.indexOf(a.paper) - papers.indexOf(b.paper) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The default date of the report: the (latest) recorded Beschlusskontrolle for the agreement's paper. */
export function defaultReportDate(content: Content, agreement: AgreementEntry): string {
  const entries = beschlusskontrolleEntries(content, agreement);
  const own = entries.filter((e) => e.paper === entries[0]?.paper);
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
  const entries = beschlusskontrolleEntries(content, agreement);
  const paper = entries[0]?.paper;
  const own = entries.filter((e) => e.paper === paper);
  const entry = [...own].reverse().find((e) => e.date <= asOf) ?? own[0];
  if (!entry) throw missingEntry(content, agreement);
  return entry;
}

function adoptedBy(version: Version, asOf: string): boolean {
  return version.status !== 'entwurf' && version.adopted !== undefined && version.adopted <= asOf;
}

/** The version a paper's resolution is about: the one adopted on that paper, else the first adopted one. */
export function resolutionVersion(agreement: AgreementEntry, paper: string): Version {
  return (
    agreement.versions.find((v) => v.paper === paper && v.status !== 'entwurf') ??
    agreement.versions.find((v) => v.status !== 'entwurf') ??
    agreement.versions[0]!
  );
}

export function keyFiguresOf(f: SigningFigures): KeyFigures {
  const { agreementId: _agreement, asOf: _asOf, parties: _parties, ...figures } = f;
  return figures;
}

/** „Von 87 Trägern, die …, haben 51 Träger (58,6 %) die Vereinbarung unterzeichnet.“ and what follows. */
export function figureSentences(words: PartyWords, plan: string, f: KeyFigures): string[] {
  const out: string[] = [];
  if (f.eligible === 0) {
    out.push(`Im Bedarfsplan ${plan} ist ${words.none === 'keiner' ? 'kein' : 'keine'} ${words.one} verzeichnet.`);
    return out;
  }
  const of = `Von ${countedWithArticle(f.eligible, words.articleOneDative.toLowerCase(), words.dativeOne, words.dativeMany)}, ${f.eligible === 1 ? words.eligibleOne(plan) : words.eligibleMany(plan)},`;
  if (f.signed === 0) out.push(`${of} hat bisher ${words.none} die Vereinbarung unterzeichnet.`);
  else out.push(`${of} ${has(f.signed)} ${counted(f.signed, words.one, words.many)} (${formatPercent(f.signed, f.eligible)}) die Vereinbarung unterzeichnet.`);

  const noAnswer = f.open - f.intent;
  const openParts: string[] = [];
  if (f.intent > 0) {
    openParts.push(
      // „weitere“ only when some have signed already.
      `${countAtSentenceStart(f.intent, words.articleOne, words.one, words.many, f.signed === 0 ? '' : f.intent === 1 ? words.furtherOne : 'weitere')} ${has(f.intent)} signalisiert, die Vereinbarung abschließen zu wollen`,
    );
  }
  if (noAnswer > 0) openParts.push(`von ${countedWithArticle(noAnswer, words.articleOneDative.toLowerCase(), words.dativeOne, words.dativeMany)} liegt noch keine Antwort vor`);
  if (openParts.length > 0) {
    const sentence = openParts.join('; ');
    out.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
  }
  if (f.declined > 0) out.push(`${countAtSentenceStart(f.declined, words.articleOne, words.one, words.many)} ${has(f.declined)} den Abschluss abgelehnt.`);
  if (f.withdrawn > 0) out.push(`${countAtSentenceStart(f.withdrawn, words.articleOne, words.one, words.many)} ${has(f.withdrawn)} die Unterschrift widerrufen.`);
  if (f.notOffered > 0) {
    out.push(`${countAtSentenceStart(f.notOffered, words.articleOneDative, words.dativeOne, words.dativeMany)} wurde die Vereinbarung noch nicht angeboten.`);
  }
  if (f.open === 0 && f.notOffered === 0) out.push('Damit ist kein Angebot mehr offen.');
  else if (f.open > 0) out.push(`Insgesamt ${is(f.open)} ${counted(f.open, 'Angebot', 'Angebote')} noch offen.`);
  return out;
}

function placesSentence(words: PartyWords, plan: string, f: KeyFigures): string | undefined {
  if (f.signed === 0 || f.placesEligible === 0) return undefined;
  const subject = f.signed === 1 ? words.signedSubjectOne : words.signedSubjectMany;
  const verb = f.signed === 1 ? words.placesVerbOne : words.placesVerbMany;
  return `${subject} ${verb} ${formatNumber(f.placesSigned)} von ${counted(f.placesEligible, 'Platz', 'Plätzen')} im Bedarfsplan ${plan}; das ist ein Anteil von ${formatPercent(f.placesSigned, f.placesEligible)}.`;
}

function figuresTable(words: PartyWords, plan: string, f: KeyFigures, asOfText: string): TableView {
  const share = (n: number) => formatPercent(n, f.eligible);
  const rows: string[][] = [
    [`Berechtigte ${words.many} (Bedarfsplan ${plan})`, formatNumber(f.eligible), share(f.eligible)],
    ['Unterzeichnet', formatNumber(f.signed), share(f.signed)],
    ['Offen, Absicht zur Unterzeichnung erklärt', formatNumber(f.intent), share(f.intent)],
    ['Offen, noch ohne Antwort', formatNumber(f.open - f.intent), share(f.open - f.intent)],
    ['Abgelehnt', formatNumber(f.declined), share(f.declined)],
  ];
  if (f.withdrawn > 0) rows.push(['Unterschrift widerrufen', formatNumber(f.withdrawn), share(f.withdrawn)]);
  if (f.notOffered > 0) rows.push(['Noch kein Angebot erhalten', formatNumber(f.notOffered), share(f.notOffered)]);
  return {
    caption: `Zeichnungsstand am ${asOfText} (Fassung ${f.version})`,
    header: ['Kennzahl', 'Anzahl', 'Anteil'],
    align: ['left', 'right', 'right'],
    rows,
  };
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
      formatNumber(f.byRegime[r].signed),
      formatPercent(f.byRegime[r].signed, f.byRegime[r].eligible),
    ]),
  };
}

function laterVersionBlocks(content: Content, agreement: AgreementEntry, main: Version, asOf: string, words: PartyWords): ReportBlock[] {
  const later = agreement.versions.filter((v) => compareVersions(v.version, main.version) > 0 && adoptedBy(v, asOf));
  if (later.length === 0) return [];
  const blocks: ReportBlock[] = [];
  const rows: string[][] = [];
  const mainFigures = computeSigningFigures(content, agreement, main.version, asOf);
  rows.push([main.version, main.adopted ? formatDateShort(main.adopted) : '–', formatNumber(mainFigures.offered), formatNumber(mainFigures.signed), formatNumber(mainFigures.open)]);
  for (const v of later) {
    const f = computeSigningFigures(content, agreement, v.version, asOf);
    const who = v.adopted_by ? bodyWithArticle(v.adopted_by) : 'der zuständige Ausschuss';
    const paper = v.paper ? ` (${formatPaperNumber(v.paper)})` : '';
    const parts = [`Am ${formatDateDe(v.adopted!)} hat ${who} die geänderte Fassung ${v.version} der Vereinbarung beschlossen${paper}.`];
    if (f.offered === 0) {
      parts.push(`Bis zum ${formatDateDe(asOf)} wurde sie noch ${words.none === 'keiner' ? 'keinem' : 'keiner'} ${words.dativeOne} zur erneuten Unterzeichnung angeboten.`);
    } else {
      const offeredTo = `Zur erneuten Unterzeichnung angeboten wurde sie ${formatNumber(f.offered)} von ${counted(f.eligible, words.dativeOne, words.dativeMany)}`;
      const signed =
        f.signed === 0
          ? `unterzeichnet hat sie noch ${words.none}`
          : `${counted(f.signed, words.one, words.many)} ${has(f.signed)} sie unterzeichnet`;
      parts.push(`${offeredTo}; ${signed}.`);
      if (f.open > 0) {
        const intent = f.intent > 0 ? `, darunter ${f.intent === 1 ? 'eines' : formatNumber(f.intent)} mit erklärter Absicht zur Unterzeichnung` : '';
        parts.push(`${countAtSentenceStart(f.open, 'Ein', 'Angebot', 'Angebote')} ${is(f.open)} noch offen${intent}.`);
      }
      if (f.declined > 0) parts.push(`${countAtSentenceStart(f.declined, words.articleOne, words.one, words.many)} ${has(f.declined)} die geänderte Fassung abgelehnt.`);
      if (f.withdrawn > 0) parts.push(`${countAtSentenceStart(f.withdrawn, words.articleOne, words.one, words.many)} ${has(f.withdrawn)} die Unterschrift widerrufen.`);
    }
    blocks.push({ type: 'paragraph', text: parts.join(' ') });
    rows.push([v.version, formatDateShort(v.adopted!), formatNumber(f.offered), formatNumber(f.signed), formatNumber(f.open)]);
  }
  blocks.push({
    type: 'table',
    table: {
      caption: `Stand je Fassung am ${formatDateDe(asOf)}`,
      header: ['Fassung', 'Beschlossen', 'Angeboten', 'Unterzeichnet', 'Offen'],
      align: ['left', 'left', 'right', 'right', 'right'],
      rows,
    },
  });
  return blocks;
}

function rahmenPoint(content: Content, r: Resolution, asOf: string): ResolutionPointView {
  const agreement = content.agreements.find((a) => a.id === r.agreement);
  const title = agreement ? `die ${agreement.title}` : 'die Rahmenvereinbarung';
  const done = r.adopted !== undefined && r.adopted <= asOf;
  const text = done
    ? r.adopted_by
      ? `${bodyWithArticle(r.adopted_by, true)} hat ${title} in der Sitzung am ${formatDateDe(r.adopted!)} beschlossen.`
      : `${title.charAt(0).toUpperCase()}${title.slice(1)} wurde am ${formatDateDe(r.adopted!)} beschlossen.`
    : `Der Beschluss über ${title} steht am ${formatDateDe(asOf)} noch aus.`;
  return { number: r.number, heading: `Beschlusspunkt ${r.number}`, quote: quoteGerman(r.text), blocks: [{ type: 'paragraph', text }], done };
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
  const letters = (content.council?.offer_letters ?? [])
    .filter((o) => o.agreement === agreement.id && o.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const publisher = content.site?.publisher ?? 'Stadt';
  if (letters.length === 0) {
    blocks.push({ type: 'paragraph', text: `Das Angebot an die ${words.many} ist am ${formatDateDe(asOf)} noch nicht versandt.` });
  } else {
    const first = letters[0]!;
    const sentences = [
      `Mit Schreiben vom ${formatDateDe(first.date)} wurde allen berechtigten ${words.dativeMany} angeboten, auf Grundlage der beschlossenen Rahmenvereinbarung eine individualrechtliche Vereinbarung abzuschließen.`,
    ];
    if (first.voluntary) {
      sentences.push(`Das Schreiben wies darauf hin, dass die Teilnahme freiwillig ist und die ${publisher} niemanden zum Abschluss verpflichtet.`);
    }
    const further = letters.slice(1).map((l) => formatDateDe(l.date));
    if (further.length > 0) sentences.push(`Weitere Schreiben folgten am ${joinGerman(further)}.`);
    blocks.push({ type: 'paragraph', text: sentences.join(' ') });
  }
  const version = resolutionVersion(agreement, r.paper);
  const f = keyFiguresOf(computeSigningFigures(content, agreement, version.version, asOf));
  const sentences = figureSentences(words, plan, f);
  blocks.push({ type: 'paragraph', text: sentences.join(' ') });
  blocks.push({ type: 'table', table: figuresTable(words, plan, f, formatDateDe(asOf)) });
  const places = placesSentence(words, plan, f);
  if (places) blocks.push({ type: 'paragraph', text: places });
  const regimes = regimeTable(words, f);
  if (regimes) blocks.push({ type: 'table', table: regimes });
  blocks.push(...laterVersionBlocks(content, agreement, version, asOf, words));
  const done = letters.length > 0 && f.open === 0 && f.notOffered === 0;
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
  const versions = agreement.versions.filter((v) => compareVersions(v.version, main.version) >= 0 && (v === main || adoptedBy(v, asOf)));
  const entries = [...ledgerEntriesFor(content, agreement.id, main.version).values()];
  const letters = (content.council?.offer_letters ?? []).filter((o) => o.agreement === agreement.id).map((o) => o.date);
  const start = [...entries.map((e) => e.offered), ...letters].filter((d) => d <= asOf).sort()[0];
  if (!start) return undefined;
  const words = PARTY_WORDS[agreement.party_kind];
  const eligible = computeSigningFigures(content, agreement, main.version, asOf).eligible;
  const rows: string[][] = [];
  for (let month = `${start.slice(0, 7)}-01`; month <= asOf; month = nextMonth(month)) {
    const day = endOfMonth(month) < asOf ? endOfMonth(month) : asOf;
    const row = [formatDateShort(day)];
    for (const v of versions) {
      if (v !== main && !adoptedBy(v, day)) {
        row.push('–');
        continue;
      }
      const signed = computeSigningFigures(content, agreement, v.version, day).signed;
      row.push(formatNumber(signed));
      if (versions.length === 1) row.push(formatPercent(signed, eligible));
    }
    rows.push(row);
  }
  const single = versions.length === 1;
  const table: TableView = {
    caption: `Gültige Unterschriften am Monatsende, zuletzt am ${formatDateDe(asOf)} (${counted(eligible, `${words.eligibleAdjectiveOne} ${words.one}`, `berechtigte ${words.many}`)})`,
    header: single ? ['Stand', 'Unterzeichnet', 'Anteil'] : ['Stand', ...versions.map((v) => `Fassung ${v.version}`)],
    align: single ? ['left', 'right', 'right'] : ['left', ...versions.map(() => 'right' as const)],
    rows,
  };
  const chart = buildSigningChart({
    title: `Gültige Unterschriften vom ${formatDateDe(start)} bis ${formatDateDe(asOf)}`,
    start,
    end: asOf,
    max: eligible,
    maxLabel: `${formatNumber(eligible)} berechtigt`,
    series: versions.map((v) => ({
      label: `Fassung ${v.version}`,
      points: signingTimeline(content, agreement, v.version).filter((p) => p.date <= asOf),
    })),
    markers: [],
  });
  return {
    heading: 'Verlauf der Unterzeichnungen',
    intro: 'Eine Unterschrift zählt ab dem Tag, an dem sie geleistet wurde; ein Widerruf hebt sie ab seinem Datum auf.',
    table,
    chart,
  };
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
    const version = resolutionVersion(agreement, entry.paper);
    figures = keyFiguresOf(computeSigningFigures(content, agreement, version.version, asOf));
    keySentences = figureSentences(PARTY_WORDS[agreement.party_kind], agreement.bedarfsplan, figures);
  }
  const final = points.length > 0 && points.every((p) => p.done);
  const subject = `Beschlusskontrolle zu ${paperLabel} (Sitzungsnummer: ${entry.session})`;
  const organisation = content.site?.publisher ?? '';
  const addressees = /^(an|alle)\s/i.test(entry.addressees) ? entry.addressees : `alle ${entry.addressees}`;
  const hasEinzel = resolutions.some((r) => r.kind === 'einzelvereinbarungen' && r.agreement === agreement.id);
  return {
    agreementId: agreement.id,
    paperId: entry.paper,
    session: entry.session,
    asOf,
    asOfText: formatDateDe(asOf),
    final,
    letter: {
      documentKind: 'Hausmitteilung',
      organisation,
      sender: entry.sender,
      addressees: `An ${addressees}`,
      reference: entry.reference,
      dateText: formatDateDe(asOf),
      subject,
      title: entry.subject,
      salutation: 'Sehr geehrte Fraktionen und Mitglieder des Stadtrates,',
      statusSentence: final
        ? 'zum oben genannten Beschluss kann folgender abschließender Stand mitgeteilt werden:'
        : 'zum oben genannten Beschluss kann folgender Zwischenstand mitgeteilt werden:',
      closing: 'Mit freundlichen Grüßen',
      signature: entry.signed_by ? [entry.signed_by, entry.sender] : [entry.sender],
    },
    points,
    timeline: hasEinzel ? buildTimeline(content, agreement, resolutionVersion(agreement, entry.paper), asOf) : undefined,
    outlook: final ? undefined : 'Über den weiteren Stand wird erneut berichtet.',
    figures,
    keySentences,
    metadata: {
      title: `${subject} – Stand ${formatDateDe(asOf)}`,
      pageTitle: `Beschlusskontrolle ${paperLabel} – ${formatDateDe(asOf)}`,
      author: organisation ? `${organisation}, ${entry.sender}` : entry.sender,
      subject: entry.subject,
      keywords: ['Beschlusskontrolle', entry.paper, entry.session, agreement.short_title],
    },
  };
}
