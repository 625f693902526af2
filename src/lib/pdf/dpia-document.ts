import { AFFECTED_GROUP_LABELS, DSK_LEVELS, DSK_LEVEL_LABELS } from '../../schemas/dpia.ts';
import { SDM_GOALS, SDM_GOAL_LABELS, TOM_STATUS_LABELS } from '../../schemas/tom.ts';
import type { Content, Dpia } from '../content-model.ts';
import { formatDateDe, formatDateShort } from '../dates.ts';
import { formatCount, joinGerman } from '../format.ts';
import { renderMarkdownBody } from '../markdown.ts';
import { sha256Hex, type PdfMetadata } from './party-document.ts';
import { RISK_LEVEL_LABELS, riskLevel, type Assessment, type RiskLevel } from '../dpia/risk.ts';

/** One DPIA as the document builder reads it: today `content.dpia`, one entry of its versions later. */
export type DpiaInput = Pick<Dpia, 'meta' | 'sections' | 'risks'> & {
  /** Lifecycle of this version, when the content records one (entwurf, beschlossen, abgeloest). */
  status?: 'entwurf' | 'beschlossen' | 'abgeloest';
  /** What changed in this version, one line per change, when the content records it. */
  changes?: readonly string[];
};

/**
 * The one place this document asks for a risk level. The versioned DPIA brings its own matrix
 * per version: swap this body for its level function and every table, matrix and count follows.
 */
function levelOf(_dpia: DpiaInput, a: Assessment): RiskLevel {
  return riskLevel(a);
}

export const DPIA_STATUS_LABELS = { entwurf: 'Entwurf', beschlossen: 'beschlossen', abgeloest: 'abgelöst' } as const;
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
}

export interface DpiaMatrixCellDoc {
  likelihood: string;
  severity: string;
  level: RiskLevel;
  levelLabel: string;
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
  statusLabel: string;
  /** Ids of the risks this measure reduces. */
  riskIds: string[];
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
  status: DpiaInput['status'] | null;
  statusLabel: string | null;
  isDraft: boolean;
  result: string;
  nextReviewText: string | null;
  publisher: { name: string; department: string; address: string; dpiaUrl: string };
  sections: { id: string; anchor: string; title: string; art35: string | null; html: string }[];
  risks: DpiaRiskDoc[];
  levelCounts: { level: RiskLevel; label: string; before: number; after: number }[];
  matrices: [DpiaMatrixDoc, DpiaMatrixDoc];
  /** Every measure a risk names, in catalogue order (protection goal, then id). */
  measures: DpiaMeasureDoc[];
  reviews: { role: string; date: string; dateShort: string; result: string }[];
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

export class DpiaDocumentError extends Error {
  readonly exitCode = 1;
}

/** File name of a version's PDF: the version, and „-entwurf“ for a draft so nobody mistakes it for the adopted one. */
export function dpiaPdfFileName(version: string, status?: DpiaInput['status']): string {
  return `dsfa-${version}${status === 'entwurf' ? '-entwurf' : ''}.pdf`;
}

function buildMatrix(dpia: DpiaInput, which: 'before' | 'after'): DpiaMatrixDoc {
  const severities = [...DSK_LEVELS].reverse();
  const rows = severities.map((severity) => ({
    label: DSK_LEVEL_LABELS[severity],
    cells: DSK_LEVELS.map((likelihood): DpiaMatrixCellDoc => {
      const level = levelOf(dpia, { likelihood, severity });
      return {
        likelihood: DSK_LEVEL_LABELS[likelihood],
        severity: DSK_LEVEL_LABELS[severity],
        level,
        levelLabel: RISK_LEVEL_LABELS[level],
        riskIds: dpia.risks.filter((r) => r[which].likelihood === likelihood && r[which].severity === severity).map((r) => r.id),
      };
    }),
  }));
  const caption = which === 'before' ? 'Risikomatrix vor den Maßnahmen' : 'Risikomatrix nach den Maßnahmen (Restrisiko)';
  const filled = rows.flatMap((r) => r.cells).filter((c) => c.riskIds.length > 0);
  const cellTexts = filled.map(
    (c) => `Schwere ${c.severity}, Wahrscheinlichkeit ${c.likelihood} (Risiko ${c.levelLabel}): ${joinGerman(c.riskIds)}`,
  );
  const empty = 16 - filled.length;
  const description =
    'Vier Stufen der Eintrittswahrscheinlichkeit (waagerecht) mal vier Stufen der Schwere des Schadens (senkrecht), ' +
    `${formatCount(dpia.risks.length, 'Risiko', 'Risiken')}. ` +
    (cellTexts.length > 0 ? `${cellTexts.join('. ')}. ` : '') +
    (empty === 16 ? 'Alle Zellen sind leer.' : empty > 0 ? `Die übrigen ${empty} Zellen sind leer.` : 'Keine Zelle ist leer.');
  return {
    id: which === 'before' ? 'matrix-vorher' : 'matrix-nachher',
    which,
    caption,
    columns: DSK_LEVELS.map((l) => DSK_LEVEL_LABELS[l]),
    rows,
    description,
  };
}

/**
 * The view model of the DPIA PDF of one version. Pure: content in, document out. `dpia` is the
 * version to print (today `content.dpia`); `content` gives publisher, site address and measures;
 * `history` the versions up to this one for the change history (default: this one alone).
 */
export function buildDpiaDocument(content: Content, dpia: DpiaInput, options: { history?: readonly DpiaInput[] } = {}): DpiaDocument {
  const meta = dpia.meta;
  if (!meta) throw new DpiaDocumentError('Die Datenschutz-Folgenabschätzung hat keine dpia.yaml: es gibt nichts zu drucken.');
  const toms = new Map(content.toms.map((t) => [t.id, t]));
  const assessment = (a: Assessment): DpiaAssessmentDoc => {
    const level = levelOf(dpia, a);
    return { likelihood: DSK_LEVEL_LABELS[a.likelihood], severity: DSK_LEVEL_LABELS[a.severity], level, levelLabel: RISK_LEVEL_LABELS[level] };
  };
  const risks: DpiaRiskDoc[] = dpia.risks.map((r) => ({
    id: r.id,
    title: r.title,
    description: r.description,
    groups: joinGerman(r.groups.map((g) => AFFECTED_GROUP_LABELS[g])),
    before: assessment(r.before),
    after: assessment(r.after),
    toms: r.toms.map((id) => ({ id, title: toms.get(id)?.title ?? id })),
  }));
  // Every measure a risk names, in catalogue order (goal, then id), with the risks it reduces.
  const measureIds = [...new Set(dpia.risks.flatMap((r) => r.toms))];
  const goalOrder: readonly string[] = SDM_GOALS;
  const measures: DpiaMeasureDoc[] = measureIds
    .map((id) => {
      const tom = toms.get(id);
      return {
        id,
        title: tom?.title ?? id,
        goalLabel: tom ? SDM_GOAL_LABELS[tom.goal] : '',
        statusLabel: tom ? TOM_STATUS_LABELS[tom.status] : '',
        riskIds: dpia.risks.filter((r) => r.toms.includes(id)).map((r) => r.id),
        order: tom ? goalOrder.indexOf(tom.goal) : goalOrder.length,
      };
    })
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ order: _order, ...m }) => m);

  const site = content.site;
  const baseUrl = (site?.base_url ?? '').replace(/\/+$/, '');
  const status = dpia.status ?? null;
  const fileName = dpiaPdfFileName(meta.version, dpia.status);
  const lastReview = meta.reviews.map((r) => r.date).sort().at(-1) ?? meta.date;
  const doc: Omit<DpiaDocument, 'documentId' | 'digest'> = {
    path: `pdf/dsfa/${fileName}`,
    fileName,
    version: meta.version,
    title: meta.title,
    date: meta.date,
    dateText: formatDateDe(meta.date),
    status,
    statusLabel: status ? DPIA_STATUS_LABELS[status] : null,
    isDraft: status === 'entwurf',
    result: meta.result,
    nextReviewText: meta.next_review ? formatDateDe(meta.next_review) : null,
    publisher: { name: site?.publisher ?? '', department: site?.department ?? '', address: site?.address ?? '', dpiaUrl: `${baseUrl}/dsfa/` },
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
    measures,
    reviews: meta.reviews.map((r) => ({ role: r.role, date: r.date, dateShort: formatDateShort(r.date), result: r.result })),
    history: (options.history ?? [dpia]).flatMap((v) =>
      v.meta
        ? [{ version: v.meta.version, date: v.meta.date, dateShort: formatDateShort(v.meta.date), statusLabel: v.status ? DPIA_STATUS_LABELS[v.status] : '', changes: [...(v.changes ?? [])] }]
        : [],
    ),
    metadata: {
      title: `${meta.title} – Version ${meta.version}${status === 'entwurf' ? ' (Entwurf)' : ''}`,
      author: site?.publisher ?? '',
      subject: `Datenschutz-Folgenabschätzung nach Art. 35 DSGVO, Version ${meta.version} vom ${formatDateShort(meta.date)}.`,
      keywords: ['Datenschutz-Folgenabschätzung', 'DSFA', 'Art. 35 DSGVO', `Version ${meta.version}`],
      creator: 'Vertragswerk',
      producer: 'Vertragswerk (Chromium, pdf-lib)',
      // Dates from the content, never the clock: the version's date and its last review.
      creationDate: meta.date,
      modDate: lastReview > meta.date ? lastReview : meta.date,
      language: 'de',
    },
  };
  const digest = sha256Hex(JSON.stringify(doc));
  return { ...doc, documentId: `dsfa-${meta.version}-${digest.slice(0, 8)}`, digest };
}

/** The DPIA PDFs a build writes: one per version (today the one DPIA of the content, when it has one). */
export function buildDpiaDocuments(content: Content): DpiaDocument[] {
  return content.dpia.meta ? [buildDpiaDocument(content, content.dpia)] : [];
}
