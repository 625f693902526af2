import { AFFECTED_GROUP_LABELS, DSK_LEVELS, DSK_LEVEL_LABELS, type DskLevel } from '../../schemas/dpia.ts';
import { TOM_STATUS_LABELS } from '../../schemas/tom.ts';
import type { Content, RiskEntry } from '../content-model.ts';
import { formatDateDe, formatDateShort } from '../dates.ts';
import { renderMarkdownBody } from '../markdown.ts';
import { riskLevel, riskScore, RISK_LEVEL_LABELS, type Assessment, type RiskLevel } from '../dpia/risk.ts';
import { formatCount } from '../format.ts';
import { memo } from '../memo.ts';
import { dpiaSummary } from '../dpia/summary.ts';
import { urls } from './urls.ts';

export interface AssessmentView {
  likelihood: string;
  severity: string;
  level: RiskLevel;
  levelLabel: string;
  score: number;
}

export interface RiskItemView {
  id: string;
  title: string;
  description: string;
  groups: string[];
  before: AssessmentView;
  after: AssessmentView;
  toms: { id: string; title: string; href: string; statusLabel: string }[];
}

export interface MatrixCell {
  level: RiskLevel;
  levelLabel: string;
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

export interface DpiaView {
  title: string;
  version: string;
  dateText: string;
  result: string;
  nextReviewText?: string;
  sections: { id: string; anchor: string; title: string; art35?: string; html: string }[];
  risks: RiskItemView[];
  matrices: MatrixView[];
  reviews: { role: string; date: string; dateShort: string; result: string }[];
}

const ART35_LABELS: Record<string, string> = {
  a: 'Art.\u00a035 Abs.\u00a07 lit.\u00a0a DSGVO: systematische Beschreibung',
  b: 'Art.\u00a035 Abs.\u00a07 lit.\u00a0b DSGVO: Notwendigkeit und Verhältnismäßigkeit',
  c: 'Art.\u00a035 Abs.\u00a07 lit.\u00a0c DSGVO: Risiken für die Betroffenen',
  d: 'Art.\u00a035 Abs.\u00a07 lit.\u00a0d DSGVO: Abhilfemaßnahmen',
};

const LEVEL_HEADINGS: Record<RiskLevel, string> = { hoch: 'Hohes Risiko', normal: 'Normales Risiko', gering: 'Geringes Risiko' };

function assessmentView(a: Assessment): AssessmentView {
  const level = riskLevel(a);
  return {
    likelihood: DSK_LEVEL_LABELS[a.likelihood],
    severity: DSK_LEVEL_LABELS[a.severity],
    level,
    levelLabel: RISK_LEVEL_LABELS[level],
    score: riskScore(a),
  };
}

/** A 4×4 matrix: likelihood across, severity down (highest first), each cell listing its risks. */
export function buildRiskMatrix(risks: RiskEntry[], which: 'before' | 'after'): MatrixView {
  const severities = [...DSK_LEVELS].reverse();
  const rows = severities.map((severity: DskLevel) => ({
    label: DSK_LEVEL_LABELS[severity],
    cells: DSK_LEVELS.map((likelihood): MatrixCell => {
      const level = riskLevel({ likelihood, severity });
      return {
        level,
        levelLabel: RISK_LEVEL_LABELS[level],
        risks: risks
          .filter((r) => r[which].likelihood === likelihood && r[which].severity === severity)
          .map((r) => ({ id: r.id, title: r.title, href: `#${r.id}` })),
      };
    }),
  }));
  const levels: RiskLevel[] = ['hoch', 'normal', 'gering'];
  return {
    id: which === 'before' ? 'matrix-vorher' : 'matrix-nachher',
    caption: which === 'before' ? 'Risikomatrix vor den Maßnahmen' : 'Risikomatrix nach den Maßnahmen (Restrisiko)',
    columns: DSK_LEVELS.map((l) => DSK_LEVEL_LABELS[l]),
    rows,
    summary: levels.map((level) => {
      const inLevel = risks.filter((r) => riskLevel(r[which]) === level);
      return {
        level,
        label: LEVEL_HEADINGS[level],
        text: inLevel.length === 0 ? 'keines' : `${formatCount(inLevel.length, 'Risiko', 'Risiken')} – ${inLevel.map((r) => `${r.title} (${r.id})`).join('; ')}`,
      };
    }),
  };
}

export function buildDpiaView(content: Content): DpiaView {
  return memo(content, 'dpia', () => {
    const summary = dpiaSummary(content);
    const toms = new Map(content.toms.map((t) => [t.id, t]));
    const risks = content.dpia.risks;
    return {
      title: summary.title,
      version: summary.version,
      dateText: summary.dateText,
      result: summary.result,
      nextReviewText: summary.nextReviewText,
      sections: content.dpia.sections.map((s) => ({
        id: s.id,
        anchor: `abschnitt-${s.id}`,
        title: s.title,
        art35: s.art35 ? ART35_LABELS[s.art35] : undefined,
        html: renderMarkdownBody(s.body, `abschnitt-${s.id}`).html,
      })),
      risks: risks.map((r) => ({
        id: r.id,
        title: r.title,
        description: r.description,
        groups: r.groups.map((g) => AFFECTED_GROUP_LABELS[g]),
        before: assessmentView(r.before),
        after: assessmentView(r.after),
        toms: r.toms.map((id) => {
          const tom = toms.get(id);
          return { id, title: tom?.title ?? id, href: urls.tom(id), statusLabel: tom ? TOM_STATUS_LABELS[tom.status] : '' };
        }),
      })),
      matrices: [buildRiskMatrix(risks, 'before'), buildRiskMatrix(risks, 'after')],
      reviews: summary.reviews.map((r) => ({ role: r.role, date: r.date, dateShort: formatDateShort(r.date), result: r.result })),
    };
  });
}
