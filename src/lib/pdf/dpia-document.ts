import { VERSION_STATUS_IN_SENTENCE, VERSION_STATUS_LABELS } from '../../schemas/agreement.ts';
import { AFFECTED_GROUP_LABELS, DSK_LEVEL_LABELS } from '../../schemas/dpia.ts';
import { controllerGroupLabel } from '../dpia/controllers.ts';
import type { Content, DpiaVersion } from '../content-model.ts';
import { formatDateShort } from '../dates.ts';
import { dpiaSummary, tieText } from '../dpia/summary.ts';
import { urls } from '../site/urls.ts';
import { printedPublisher, printedUrl } from './publisher.ts';
import { organisationOf, type OrganisationView } from '../organisation/profile.ts';
import { levelOf } from '../dpia/versions.ts';
import { riskMatrix } from '../dpia/matrix.ts';
import { participationRecord } from '../dpia/participation.ts';
import { dpiaLevelComparison, type DpiaLevelComparison, type LevelMove, type LevelPair } from '../dpia/comparison.ts';
import { matrixWhatIf, type MatrixWhatIf } from '../dpia/what-if.ts';
import { isInAnnex, tomAnnexListings, tomCatalogue } from '../toms/catalogue.ts';
import { exampleMarkOf, exampleMarkText, instanceExampleMark } from '../example-data.ts';
import { formatCount, joinGerman } from '../format.ts';
import { renderMarkdownBody } from '../markdown.ts';
import { compareVersions } from '../parse-content.ts';
import { sha256Hex, type PdfMetadata } from './party-document.ts';
import { RISK_LEVEL_LABELS, type Assessment, type RiskLevel } from '../dpia/risk.ts';

/** One DPIA version as the document builder reads it (`content.dpia.versions[i]`). */
export type DpiaInput = Pick<DpiaVersion, 'meta' | 'sections' | 'risks'>;
/** Printed at the top of every page of a draft DPIA (the agreements' mark says „nicht zur Unterzeichnung“; a DPIA is not signed). */
export const DPIA_DRAFT_MARK = 'Entwurf';

export interface DpiaAssessmentDoc {
  likelihood: string;
  severity: string;
  level: RiskLevel;
  levelLabel: string;
}

export interface DpiaRiskDoc {
  id: string;
  title: string;
  description: string;
  groups: string;
  before: DpiaAssessmentDoc;
  after: DpiaAssessmentDoc;
  /** Measures that reduce the risk, with ids and titles (an unknown id keeps the id as title). */
  toms: { id: string; title: string }[];
  /** Measures that limit the damage itself (why the severity drops), with the content's note. */
  limitsDamage: { toms: { id: string; title: string }[]; note: string } | null;
  /** Prior consultation of the supervisory authority (Art. 36 GDPR), when recorded. */
  art36: { authority: string; dateShort: string; result: string } | null;
  /** „Beispieldaten“ (with what is invented) for example content; null for real content. */
  example: string | null;
}

/** One entry of the participation record: a review, a DPO's advice (Art. 35(2)) or a view of data subjects (Art. 35(9)). Roles and bodies only. */
export interface DpiaRecordDoc {
  /** The controller (group) a DPO advises; empty for reviews and views. */
  controller: string;
  role: string;
  date: string | null;
  /** „14.04.2023“, or „ausstehend“ while awaited. */
  dateShort: string;
  result: string;
  example: string | null;
}

export interface DpiaMatrixCellDoc {
  likelihood: string;
  severity: string;
  level: RiskLevel;
  levelLabel: string;
  /** Still to be checked against the table's source (drawn with a dashed frame). */
  contested: boolean;
  riskIds: string[];
}

/** A 4×4 matrix: likelihood across (lowest first), severity down (highest first). */
export interface DpiaMatrixDoc {
  id: string;
  which: 'before' | 'after';
  caption: string;
  columns: string[];
  rows: { label: string; cells: DpiaMatrixCellDoc[] }[];
  /** The text alternative: which risks sit in which cell, and that the others are empty. */
  description: string;
}

export interface DpiaMeasureDoc {
  id: string;
  title: string;
  /** The SDM protection goal it serves (empty for an id the catalogue does not know). */
  goalLabel: string;
  /** What the measure does, from the catalogue (empty for an unknown id). */
  description: string;
  /** The body responsible for it (empty for an unknown id). */
  responsible: string;
  statusLabel: string;
  /** „Art. 32 Abs. 1 lit. b DSGVO“ (empty for an unknown id). */
  art32: string;
  /** The §§ that regulate it in the agreement versions this DPIA belongs to (tomReferences); may be empty. */
  references: string[];
  /** Ids of the risks this measure reduces. */
  riskIds: string[];
}

/** One row of the comparison with the superseded version: levels before and after the measures in both. */
export interface DpiaComparisonRowDoc {
  id: string;
  title: string;
  isNew: boolean;
  before: { previous: string; current: string; level: RiskLevel; move: LevelMove; moveLabel: string };
  after: { previous: string; current: string; level: RiskLevel; move: LevelMove; moveLabel: string };
}

export interface DpiaComparisonDoc {
  previousVersion: string;
  caption: string;
  /** One sentence: how many levels rose or fell and how many risks are new. */
  summary: string;
  rows: DpiaComparisonRowDoc[];
  /** „Version 1.1 bewertete außerdem: … (risk-xx); diese Version führt es nicht mehr.“ or null. */
  droppedText: string | null;
}

/** Everything the DPIA PDF of one version shows, computed once; the template only renders it. */
export interface DpiaDocument {
  /** Relative to the output root: `pdf/dsfa/dsfa-1.1.pdf`, a draft `pdf/dsfa/dsfa-2.0-entwurf.pdf`. */
  path: string;
  fileName: string;
  version: string;
  /** Short, stable id printed on every page: version and a digest of all inputs. */
  documentId: string;
  /** SHA-256 of everything the document shows (part of the PDF cache key). */
  digest: string;
  title: string;
  date: string;
  dateText: string;
  status: DpiaVersion['meta']['status'];
  statusLabel: string;
  isDraft: boolean;
  result: string;
  nextReviewText: string | null;
  /** „Ersetzt Version 1.0.“ */
  supersedesText: string | null;
  /** The agreement versions it belongs to, one line per agreement. */
  agreements: string[];
  /** Where the matrix that gives the levels comes from (the version's own lookup table). */
  matrixSource: string;
  /** Set when the whole version is example data. */
  example: string | null;
  /** In an example instance the mark on the cover and in every page's footer (instanceExampleMark); null for a real one. */
  exampleMark: string | null;
  publisher: { name: string; department: string; address: string; dpiaUrl: string };
  /** The body as organisation.yaml describes it (`org.*` in dsfa.html); in the cache key, not in the document id. */
  org: OrganisationView;
  sections: { id: string; anchor: string; title: string; art35: string | null; html: string }[];
  risks: DpiaRiskDoc[];
  levelCounts: { level: RiskLevel; label: string; before: number; after: number }[];
  matrices: [DpiaMatrixDoc, DpiaMatrixDoc];
  /** For each contested cell, what would change one level higher (lib/dpia/what-if.ts); null when none is contested. */
  whatIf: MatrixWhatIf | null;
  /** Every measure a risk names, in catalogue order (protection goal, then id). */
  measures: DpiaMeasureDoc[];
  /** The agreement versions whose §§ the measures' references count („Musterportal 2, Version 1.2“). */
  referenceVersions: string[];
  /** Levels next to the superseded version's, each from its own matrix; null for a first version. */
  comparison: DpiaComparisonDoc | null;
  reviews: DpiaRecordDoc[];
  dpoAdvice: DpiaRecordDoc[];
  subjectViews: DpiaRecordDoc[];
  subjectViewsNotSought: string | null;
  /** What changed against the superseded version, with reasons and the risks touched. */
  changes: { risks: string[]; text: string; reason: string; example: string | null }[];
  /** The versions up to this one, oldest first, with what each changed. */
  history: { version: string; date: string; dateShort: string; statusLabel: string; changes: string[] }[];
  metadata: PdfMetadata;
}

const ART35_LABELS: Record<string, string> = {
  a: 'Art.\u00a035 Abs.\u00a07 lit.\u00a0a DSGVO: systematische Beschreibung',
  b: 'Art.\u00a035 Abs.\u00a07 lit.\u00a0b DSGVO: Notwendigkeit und Verhältnismäßigkeit',
  c: 'Art.\u00a035 Abs.\u00a07 lit.\u00a0c DSGVO: Risiken für die Betroffenen',
  d: 'Art.\u00a035 Abs.\u00a07 lit.\u00a0d DSGVO: Abhilfemaßnahmen',
};

const LEVELS: { level: RiskLevel; label: string }[] = [
  { level: 'hoch', label: 'hohes Risiko' },
  { level: 'normal', label: 'normales Risiko' },
  { level: 'gering', label: 'geringes Risiko' },
];

/** File name of a version's PDF: the version, and „-entwurf“ for a draft so nobody mistakes it for the adopted one. */
export function dpiaPdfFileName(version: string, status?: DpiaVersion['meta']['status']): string {
  return `dsfa-${version}${status === 'entwurf' ? '-entwurf' : ''}.pdf`;
}

/**
 * The one place this document asks for a risk level: the version's own matrix
 * (src/lib/dpia/versions.ts). Every table, matrix cell and count below goes through here.
 */
function levelIn(dpia: DpiaInput, a: Assessment): RiskLevel {
  return levelOf(dpia, a);
}

const exampleText = (beispiel: true | string | undefined): string | null => {
  const mark = exampleMarkOf(beispiel);
  return mark ? exampleMarkText(mark) : null;
};

function buildMatrix(dpia: DpiaInput, which: 'before' | 'after'): DpiaMatrixDoc {
  const matrix = riskMatrix(dpia, which);
  const rows = matrix.rows.map((row) => ({
    label: row.label,
    cells: row.cells.map(
      (cell): DpiaMatrixCellDoc => ({
        likelihood: DSK_LEVEL_LABELS[cell.likelihood],
        severity: DSK_LEVEL_LABELS[cell.severity],
        level: cell.level,
        levelLabel: cell.levelLabel,
        contested: cell.contested,
        riskIds: cell.risks.map((r) => r.id),
      }),
    ),
  }));
  const caption = matrix.caption;
  const filled = rows.flatMap((r) => r.cells).filter((c) => c.riskIds.length > 0);
  const cellTexts = filled.map(
    (c) => `Schwere ${c.severity}, Wahrscheinlichkeit ${c.likelihood} (Risiko ${c.levelLabel}): ${joinGerman(c.riskIds)}`,
  );
  const empty = 16 - filled.length;
  const contested = rows.flatMap((r) => r.cells).filter((c) => c.contested);
  const description =
    'Vier Stufen der Eintrittswahrscheinlichkeit (waagerecht) mal vier Stufen der Schwere des Schadens (senkrecht), ' +
    `${formatCount(dpia.risks.length, 'Risiko', 'Risiken')}. ` +
    (cellTexts.length > 0 ? `${cellTexts.join('. ')}. ` : '') +
    (contested.length > 0 ? `Gestrichelt umrandet und noch zu prüfen: ${joinGerman(contested.map((c) => `Schwere ${c.severity} × Wahrscheinlichkeit ${c.likelihood}`))}. ` : '') +
    (empty === 16 ? 'Alle Zellen sind leer.' : empty > 0 ? `Die übrigen ${empty} Zellen sind leer.` : 'Keine Zelle ist leer.');
  return {
    id: matrix.id,
    which,
    caption,
    columns: matrix.columns,
    rows,
    description,
  };
}

const side = (p: LevelPair) => ({ previous: p.previousLabel, current: p.currentLabel, level: p.current, move: p.move, moveLabel: p.moveLabel });

function comparisonDoc(c: DpiaLevelComparison): DpiaComparisonDoc {
  const eingestuft = (n: number, how: string) => (n > 0 ? [`${formatCount(n, 'Risiko', 'Risiken')} ${how} eingestuft`] : []);
  const moves = (n: { hoeher: number; niedriger: number }) =>
    n.hoeher === 0 && n.niedriger === 0 ? 'keine Stufe geändert' : joinGerman([...eingestuft(n.hoeher, 'höher'), ...eingestuft(n.niedriger, 'niedriger')]);
  const summary =
    `Gegenüber Version ${c.previousVersion}: vor den Maßnahmen ${moves(c.counts.before)}; nach den Maßnahmen ${moves(c.counts.after)}` +
    (c.counts.neu > 0 ? `; ${formatCount(c.counts.neu, 'Risiko', 'Risiken')} neu.` : '.');
  return {
    previousVersion: c.previousVersion,
    caption: c.caption,
    summary,
    rows: c.rows.map((r) => ({ id: r.id, title: r.title, isNew: r.isNew, before: side(r.before), after: side(r.after) })),
    droppedText:
      c.dropped.length === 0
        ? null
        : `Version ${c.previousVersion} bewertete außerdem ${joinGerman(c.dropped.map((r) => `${r.title} (${r.id})`))}; diese Version führt ${c.dropped.length === 1 ? 'dieses Risiko' : 'diese Risiken'} nicht mehr.`,
  };
}

/**
 * The view model of the DPIA PDF of one version. Pure: content in, document out. `dpia` is the
 * version to print; `content` gives publisher, site address, measures and the earlier versions
 * for the change history. Nothing depends on the build date: the PDF of a version stays the same.
 */
export function buildDpiaDocument(content: Content, dpia: DpiaInput): DpiaDocument {
  const meta = dpia.meta;
  const toms = new Map(content.toms.map((t) => [t.id, t]));
  const tomRef = (id: string) => ({ id, title: toms.get(id)?.title ?? id });
  const assessment = (a: Assessment): DpiaAssessmentDoc => {
    const level = levelIn(dpia, a);
    return { likelihood: DSK_LEVEL_LABELS[a.likelihood], severity: DSK_LEVEL_LABELS[a.severity], level, levelLabel: RISK_LEVEL_LABELS[level] };
  };
  const risks: DpiaRiskDoc[] = dpia.risks.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    groups: joinGerman(r.groups.map((g) => AFFECTED_GROUP_LABELS[g])),
    before: assessment(r.before),
    after: assessment(r.after),
    toms: r.toms.map(tomRef),
    limitsDamage: r.limits_damage && r.limits_damage.length > 0 ? { toms: r.limits_damage.map(tomRef), note: r.damage_note ?? '' } : null,
    art36: r.art36 ? { authority: r.art36.authority, dateShort: formatDateShort(r.art36.date), result: r.art36.result } : null,
    example: exampleText(r.beispiel),
  }));
  // Every measure a risk names, in catalogue order (goal, then id), with the risks it reduces.
  // Its row comes from the catalogue (lib/toms/catalogue.ts); its §§ are numbered for the newest
  // agreement version this DPIA belongs to, and only where that version's annex lists it.
  const measureIds = new Set(dpia.risks.flatMap((r) => [...r.toms, ...(r.limits_damage ?? [])]));
  const annexes = meta.agreements.map((tie) => ({ agreement: tie.agreement, version: [...tie.versions].sort(compareVersions).at(-1)! }));
  const riskIdsOf = (id: string) => dpia.risks.filter((r) => r.toms.includes(id) || (r.limits_damage ?? []).includes(id)).map((r) => r.id);
  const catalogued = tomCatalogue(content).flatMap((g) => g.measures.filter((m) => measureIds.has(m.id)));
  const measures: DpiaMeasureDoc[] = [
    ...catalogued.map((m) => ({
      id: m.id,
      title: m.title,
      goalLabel: m.goalLabel,
      description: m.description,
      responsible: m.responsible,
      statusLabel: m.statusLabel,
      // In print a reference never breaks across lines (as in Anlage 1).
      art32: m.art32.length > 0 ? `${m.art32.map((ref) => ref.replaceAll(' ', '\u00a0')).join(', ')} DSGVO` : '',
      references: annexes
        .filter((a) => isInAnnex(m.entry, a.agreement, a.version))
        .flatMap((a) => tomAnnexListings(content, m.entry, a).flatMap((l) => l.references)),
      riskIds: riskIdsOf(m.id),
    })),
    // An id the catalogue does not know (the validator refuses it; the PDF still names it).
    ...[...measureIds]
      .filter((id) => !toms.has(id))
      .map((id) => ({ id, title: id, goalLabel: '', description: '', responsible: '', statusLabel: '', art32: '', references: [], riskIds: riskIdsOf(id) })),
  ];
  const referenceVersions = annexes.map((a) => tieText(content, a.agreement, [a.version]));
  const comparison = dpiaLevelComparison(content, dpia);

  const record = (controller: string, role: string, r: { date?: string; result: string; beispiel?: true | string }): DpiaRecordDoc => {
    const shown = participationRecord(controller, role, r);
    return { ...shown, date: shown.date ?? null, example: shown.example ? exampleMarkText(shown.example) : null };
  };
  const summary = dpiaSummary(content, dpia);
  const fileName = dpiaPdfFileName(meta.version, meta.status);
  const isDraft = summary.isDraft;
  const recordDates = [...meta.reviews, ...meta.dpo_advice, ...meta.subject_views].map((r) => r.date).filter((d): d is string => d !== undefined);
  const lastDate = [meta.date, ...recordDates].sort().at(-1)!;
  const history = content.dpia.versions
    .filter((v) => compareVersions(v.meta.version, meta.version) <= 0)
    .map((v) => ({
      version: v.meta.version,
      date: v.meta.date,
      dateShort: formatDateShort(v.meta.date),
      statusLabel: VERSION_STATUS_LABELS[v.meta.status],
      changes: v.meta.changes.map((c) => `${c.text} (${c.reason})`),
    }));
  const doc: Omit<DpiaDocument, 'documentId' | 'digest'> = {
    path: `pdf/dsfa/${fileName}`,
    fileName,
    version: meta.version,
    title: summary.title,
    date: meta.date,
    dateText: summary.dateText,
    status: meta.status,
    statusLabel: summary.statusLabel,
    isDraft,
    result: summary.result,
    nextReviewText: summary.nextReviewText ?? null,
    supersedesText: meta.supersedes ? `Ersetzt die Folgenabschätzung in Version ${meta.supersedes}.` : null,
    agreements: summary.agreements,
    matrixSource: summary.matrixSource,
    example: exampleText(meta.beispiel),
    exampleMark: instanceExampleMark(content) ?? null,
    publisher: { ...printedPublisher(content), dpiaUrl: printedUrl(content, urls.dpiaVersion(meta.version)) },
    org: organisationOf(content),
    sections: dpia.sections.map((s) => ({
      id: s.id,
      anchor: `abschnitt-${s.id}`,
      title: s.title,
      art35: s.art35 ? ART35_LABELS[s.art35]! : null,
      html: renderMarkdownBody(s.body, `abschnitt-${s.id}`).html,
    })),
    risks,
    levelCounts: LEVELS.map(({ level, label }) => ({
      level,
      label,
      before: risks.filter((r) => r.before.level === level).length,
      after: risks.filter((r) => r.after.level === level).length,
    })),
    matrices: [buildMatrix(dpia, 'before'), buildMatrix(dpia, 'after')],
    whatIf: matrixWhatIf(dpia) ?? null,
    measures,
    referenceVersions,
    comparison: comparison ? comparisonDoc(comparison) : null,
    reviews: meta.reviews.map((r) => record('', r.role, r)),
    dpoAdvice: meta.dpo_advice.map((a) => record(controllerGroupLabel(content, a.controller), a.role, a)),
    subjectViews: meta.subject_views.map((v) => record('', v.body, v)),
    subjectViewsNotSought: meta.subject_views_not_sought ?? null,
    changes: meta.changes.map((c) => ({ risks: [...c.risks], text: c.text, reason: c.reason, example: exampleText(c.beispiel) })),
    history,
    metadata: {
      title: `${meta.title} – Version ${meta.version}${isDraft ? ' (Entwurf)' : ''}`,
      author: printedPublisher(content).name,
      subject: `Datenschutz-Folgenabschätzung nach Art. 35 DSGVO, Version ${meta.version} vom ${formatDateShort(meta.date)} (${VERSION_STATUS_IN_SENTENCE[meta.status]}).`,
      keywords: ['Datenschutz-Folgenabschätzung', 'DSFA', 'Art. 35 DSGVO', `Version ${meta.version}`],
      creator: 'Vertragswerk',
      producer: 'Vertragswerk (Chromium, pdf-lib)',
      // Dates from the content, never the clock: the version's date and its last recorded review.
      creationDate: meta.date,
      modDate: lastDate,
      language: 'de',
    },
  };
  const digest = sha256Hex(JSON.stringify({ ...doc, org: undefined }));
  return { ...doc, documentId: `dsfa-${meta.version}-${digest.slice(0, 8)}`, digest };
}

/** The DPIA PDFs a build writes: one per version, drafts included (marked „Entwurf“ on every page). */
export function buildDpiaDocuments(content: Content): DpiaDocument[] {
  return content.dpia.versions.map((v) => buildDpiaDocument(content, v));
}
