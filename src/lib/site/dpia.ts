import { VERSION_STATUS_IN_SENTENCE } from '../../schemas/agreement.ts';
import { AFFECTED_GROUP_LABELS, DSK_LEVEL_LABELS } from '../../schemas/dpia.ts';
import { controllerGroupLabel } from '../dpia/controllers.ts';
import { TOM_STATUS_LABELS } from '../../schemas/tom.ts';
import type { Content, DpiaVersion, RiskEntry } from '../content-model.ts';
import { formatDateDe, formatDateShort } from '../dates.ts';
import { exampleMarkOf, type ExampleMarkView } from '../example-data.ts';
import { renderMarkdownBody } from '../markdown.ts';
import { RISK_LEVEL_LABELS, type Assessment, type RiskLevel } from '../dpia/risk.ts';
import { dpiaInForce, findDpiaVersion, levelOf, reviewOverdueSince } from '../dpia/versions.ts';
import { formatCount } from '../format.ts';
import { memo } from '../memo.ts';
import { dpiaSummary } from '../dpia/summary.ts';
import { riskMatrix } from '../dpia/matrix.ts';
import { participationRecord, type ParticipationRecord } from '../dpia/participation.ts';
import { dpiaLevelComparison, type DpiaLevelComparison } from '../dpia/comparison.ts';
import { matrixWhatIf, type MatrixWhatIf } from '../dpia/what-if.ts';
import { statusDate } from '../signing/figures.ts';
import { urls } from './urls.ts';

export interface AssessmentView {
  likelihood: string;
  severity: string;
  level: RiskLevel;
  levelLabel: string;
}

export interface RiskItemView {
  id: string;
  title: string;
  description: string;
  groups: string[];
  before: AssessmentView;
  after: AssessmentView;
  toms: { id: string; title: string; href: string; statusLabel: string }[];
  /** Measures that limit the damage itself (why the severity drops), with the note. */
  limitsDamage?: { label: string; toms: { id: string; title: string; href: string }[]; note: string };
  example?: ExampleMarkView;
}

export interface MatrixCell {
  level: RiskLevel;
  levelLabel: string;
  /** Still to be checked against the table's source; the what-if below says what hangs on it. */
  contested: boolean;
  risks: { id: string; title: string; href: string }[];
}

export interface MatrixView {
  id: string;
  caption: string;
  /** Likelihood levels, lowest first (columns). */
  columns: string[];
  /** Severity levels, highest first (rows). */
  rows: { label: string; cells: MatrixCell[] }[];
  /** Text alternative: the risks per resulting level. */
  summary: { level: RiskLevel; label: string; text: string }[];
}

export type DpiaRecordView = ParticipationRecord;

/** One DPIA version in full, as its page shows it. */
export interface DpiaVersionView {
  title: string;
  version: string;
  status: string;
  /** The badge: „In Kraft“, „Entwurf“, „Beschlossen“, „Abgelöst“. */
  statusLabel: string;
  /** The same inside a sentence: „in Kraft“, „Entwurf“, „beschlossen“, „abgelöst“. */
  statusText: string;
  isDraft: boolean;
  isInForce: boolean;
  href: string;
  /** The DPIA page (version in force and list of versions). */
  indexHref: string;
  dateText: string;
  result: string;
  nextReviewText?: string;
  /** „Überprüfung überfällig seit 30. April 2025“ when the version in force is past its review date (then no `nextReviewText`). */
  overdueText?: string;
  /** For a version not in force: „Bis zu ihrem Beschluss gilt Version 1.1.“ or „Es gilt Version 1.1.“ */
  inForceText?: string;
  supersedesText?: string;
  /** The agreement versions this DPIA belongs to, one line per agreement. */
  agreements: string[];
  matrixSource: string;
  sections: { id: string; anchor: string; title: string; art35?: string; html: string }[];
  risks: RiskItemView[];
  matrices: MatrixView[];
  /** For each contested cell of the matrix, what would change one level higher (lib/dpia/what-if.ts); absent when none is contested. */
  whatIf?: MatrixWhatIf;
  changes: { risks: { id: string; href: string }[]; text: string; reason: string; example?: ExampleMarkView }[];
  reviews: { role: string; date: string; dateShort: string; result: string; example?: ExampleMarkView }[];
  dpoAdvice: DpiaRecordView[];
  subjectViews: DpiaRecordView[];
  subjectViewsNotSought?: string;
  /** The levels next to those of the version this one supersedes (lib/dpia/comparison.ts); absent for a first version. */
  comparison?: DpiaLevelComparison & { previousHref: string };
  example?: ExampleMarkView;
}

export interface DpiaVersionListItem {
  version: string;
  title: string;
  statusLabel: string;
  isDraft: boolean;
  isInForce: boolean;
  dateText: string;
  href: string;
  agreements: string[];
}

/** The DPIA page: the version in force in full, and every version in a list. */
export interface DpiaPageView {
  inForce: DpiaVersionView | undefined;
  versions: DpiaVersionListItem[];
}

const ART35_LABELS: Record<string, string> = {
  a: 'Art.\u00a035 Abs.\u00a07 lit.\u00a0a DSGVO: systematische Beschreibung',
  b: 'Art.\u00a035 Abs.\u00a07 lit.\u00a0b DSGVO: Notwendigkeit und Verhältnismäßigkeit',
  c: 'Art.\u00a035 Abs.\u00a07 lit.\u00a0c DSGVO: Risiken für die Betroffenen',
  d: 'Art.\u00a035 Abs.\u00a07 lit.\u00a0d DSGVO: Abhilfemaßnahmen',
};

const LEVEL_HEADINGS: Record<RiskLevel, string> = { hoch: 'Hohes Risiko', normal: 'Normales Risiko', gering: 'Geringes Risiko' };

function assessmentView(dpia: DpiaVersion, a: Assessment): AssessmentView {
  const level = levelOf(dpia, a);
  return { likelihood: DSK_LEVEL_LABELS[a.likelihood], severity: DSK_LEVEL_LABELS[a.severity], level, levelLabel: RISK_LEVEL_LABELS[level] };
}

/** A 4×4 matrix: likelihood across, severity down (highest first); each cell has its level from the version's matrix and lists its risks. */
export function buildRiskMatrix(dpia: DpiaVersion, which: 'before' | 'after', risks: RiskEntry[] = dpia.risks): MatrixView {
  const matrix = riskMatrix(dpia, which, risks);
  const rows = matrix.rows.map((row) => ({
    label: row.label,
    cells: row.cells.map((cell): MatrixCell => ({
      level: cell.level,
      levelLabel: cell.levelLabel,
      contested: cell.contested,
      risks: cell.risks.map((r) => ({ id: r.id, title: r.title, href: `#${r.id}` })),
    })),
  }));
  const levels: RiskLevel[] = ['hoch', 'normal', 'gering'];
  return {
    id: matrix.id,
    caption: matrix.caption,
    columns: matrix.columns,
    rows,
    summary: levels.map((level) => {
      const inLevel = risks.filter((r) => levelOf(dpia, r[which]) === level);
      return {
        level,
        label: LEVEL_HEADINGS[level],
        text: inLevel.length === 0 ? 'keines' : `${formatCount(inLevel.length, 'Risiko', 'Risiken')} – ${inLevel.map((r) => `${r.title} (${r.id})`).join('; ')}`,
      };
    }),
  };
}

/** Where a DPIA version is shown: every version has its own page; the one in force is also /dsfa/. */
export function dpiaHref(dpia: DpiaVersion): string {
  return urls.dpiaVersion(dpia.meta.version);
}

export function buildDpiaVersionView(content: Content, version: string, buildAsOf?: string): DpiaVersionView {
  return memo(content, `dpia:${version}:${buildAsOf ?? ''}`, () => {
    const dpia = findDpiaVersion(content, version);
    if (!dpia) throw new Error(`Die Folgenabschätzung in Version „${version}“ gibt es nicht.`);
    const asOf = statusDate(content, buildAsOf);
    const inForce = dpiaInForce(content, asOf);
    const isInForce = inForce === dpia;
    const summary = dpiaSummary(content, dpia);
    const toms = new Map(content.toms.map((t) => [t.id, t]));
    const tomLink = (id: string) => ({ id, title: toms.get(id)?.title ?? id, href: urls.tom(id) });
    const overdue = isInForce ? reviewOverdueSince(dpia, asOf) : undefined;
    const meta = dpia.meta;
    const comparison = dpiaLevelComparison(content, dpia);
    const record = participationRecord;
    return {
      title: summary.title,
      version: summary.version,
      status: meta.status,
      statusLabel: isInForce ? 'In Kraft' : summary.statusLabel,
      statusText: isInForce ? 'in Kraft' : VERSION_STATUS_IN_SENTENCE[meta.status],
      isDraft: summary.isDraft,
      isInForce,
      href: dpiaHref(dpia),
      indexHref: urls.dpia(),
      dateText: summary.dateText,
      result: summary.result,
      nextReviewText: overdue ? undefined : summary.nextReviewText,
      inForceText: isInForce ? undefined : inForce ? `${summary.isDraft ? 'Bis zu ihrem Beschluss gilt' : 'Es gilt'} die Folgenabschätzung in Version ${inForce.meta.version}.` : 'Es ist noch keine Folgenabschätzung beschlossen.',
      overdueText: overdue ? `Überprüfung überfällig seit ${formatDateDe(overdue)}` : undefined,
      supersedesText: meta.supersedes ? `Ersetzt die Folgenabschätzung in Version ${meta.supersedes}.` : undefined,
      agreements: summary.agreements,
      matrixSource: summary.matrixSource,
      sections: dpia.sections.map((s) => ({
        id: s.id,
        anchor: `abschnitt-${s.id}`,
        title: s.title,
        art35: s.art35 ? ART35_LABELS[s.art35] : undefined,
        html: renderMarkdownBody(s.body, `abschnitt-${s.id}`).html,
      })),
      risks: dpia.risks.map((r) => ({
        id: r.id,
        title: r.title,
        description: r.description,
        groups: r.groups.map((g) => AFFECTED_GROUP_LABELS[g]),
        before: assessmentView(dpia, r.before),
        after: assessmentView(dpia, r.after),
        toms: r.toms.map((id) => ({ ...tomLink(id), statusLabel: toms.has(id) ? TOM_STATUS_LABELS[toms.get(id)!.status] : '' })),
        limitsDamage:
          r.limits_damage && r.limits_damage.length > 0
            ? { label: r.limits_damage.length === 1 ? 'Begrenzt den Schaden selbst' : 'Begrenzen den Schaden selbst', toms: r.limits_damage.map(tomLink), note: r.damage_note ?? '' }
            : undefined,
        example: exampleMarkOf(r.beispiel),
      })),
      matrices: [buildRiskMatrix(dpia, 'before'), buildRiskMatrix(dpia, 'after')],
      whatIf: matrixWhatIf(dpia),
      changes: meta.changes.map((c) => ({ risks: c.risks.map((id) => ({ id, href: `#${id}` })), text: c.text, reason: c.reason, example: exampleMarkOf(c.beispiel) })),
      reviews: meta.reviews.map((r) => ({ role: r.role, date: r.date, dateShort: formatDateShort(r.date), result: r.result, example: exampleMarkOf(r.beispiel) })),
      dpoAdvice: meta.dpo_advice.map((a) => record(controllerGroupLabel(content, a.controller), a.role, a)),
      subjectViews: meta.subject_views.map((v) => record('', v.body, v)),
      subjectViewsNotSought: meta.subject_views_not_sought,
      comparison: comparison ? { ...comparison, previousHref: urls.dpiaVersion(comparison.previousVersion) } : undefined,
      example: exampleMarkOf(meta.beispiel),
    };
  });
}

export function buildDpiaView(content: Content, buildAsOf?: string): DpiaPageView {
  return memo(content, `dpia-page:${buildAsOf ?? ''}`, () => {
    const inForce = dpiaInForce(content, statusDate(content, buildAsOf));
    return {
      inForce: inForce ? buildDpiaVersionView(content, inForce.meta.version, buildAsOf) : undefined,
      versions: [...content.dpia.versions].reverse().map((d) => {
        const summary = dpiaSummary(content, d);
        return {
          version: d.meta.version,
          title: d.meta.title,
          statusLabel: d === inForce ? 'In Kraft' : summary.statusLabel,
          isDraft: summary.isDraft,
          isInForce: d === inForce,
          dateText: summary.dateText,
          href: dpiaHref(d),
          agreements: summary.agreements,
        };
      }),
    };
  });
}

/** Routes for `/dsfa/<version>/`. */
export function dpiaRoutes(content: Content): { version: string }[] {
  return content.dpia.versions.map((d) => ({ version: d.meta.version }));
}
