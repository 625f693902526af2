import { SDM_GOALS, SDM_GOAL_LABELS, TOM_STATUSES, TOM_STATUS_LABELS, type SdmGoal } from '../../schemas/tom.ts';
import type { Content, RiskEntry, TomEntry } from '../content-model.ts';
import { RISK_LEVEL_LABELS } from '../dpia/risk.ts';
import { dpiaInForce, riskLevelsOf } from '../dpia/versions.ts';
import { statusDate } from '../signing/figures.ts';
import { EXPORT_FILES } from '../exports/files.ts';
import { currentOscalCatalogs } from '../exports/oscal.ts';
import { formatNumber, legalSpaces } from '../format.ts';
import { memo } from '../memo.ts';
import { SDM_GOAL_DESCRIPTIONS, tomCatalogue } from '../toms/catalogue.ts';
import { type ExampleMarkView } from '../example-data.ts';
import { urls } from './urls.ts';


export interface TomRiskLink {
  id: string;
  title: string;
  href: string;
  /** „hoch → normal“ */
  levels: string;
}

export interface TomItemView {
  id: string;
  title: string;
  description: string;
  goal: SdmGoal;
  goalLabel: string;
  status: string;
  statusLabel: string;
  responsible: string;
  art32: string[];
  /** „Mustervereinbarung seit Version 1.0; …“: every agreement whose annex lists it. */
  annexText: string;
  /** „§ 9 der Mustervereinbarung (Version 1.1)“, numbered for each agreement's current version. */
  references: string[];
  risks: TomRiskLink[];
  /** Example data (status, responsible body …), unless the group shows the same mark once for all. */
  example?: ExampleMarkView;
}

export interface TomGoalGroup {
  goal: SdmGoal;
  label: string;
  anchor: string;
  description: string;
  countText: string;
  /** The one example mark every measure of the group shares, shown once under the heading. */
  example?: ExampleMarkView;
  toms: TomItemView[];
}

export interface TomCatalogView {
  title: string;
  intro: string;
  totalText: string;
  statusSummary: { status: string; label: string; count: string }[];
  groups: TomGoalGroup[];
  /** The catalogue as files for machines. */
  dataLinks: { href: string; label: string }[];
  filters: { goals: { value: string; label: string }[]; statuses: { value: string; label: string }[] };
}

/** For each TOM id, the risks of the DPIA in force that name it. */
export function risksByTom(content: Content): Map<string, RiskEntry[]> {
  return memo(content, 'risks-by-tom', () => {
    const map = new Map<string, RiskEntry[]>();
    for (const risk of dpiaInForce(content, statusDate(content))?.risks ?? []) {
      for (const tomId of risk.toms) {
        const list = map.get(tomId) ?? [];
        list.push(risk);
        map.set(tomId, list);
      }
    }
    return map;
  });
}

export function buildTomCatalogView(content: Content): TomCatalogView {
  return memo(content, 'toms', () => {
    const risks = risksByTom(content);
    const dpia = dpiaInForce(content, statusDate(content));
    const groups: TomGoalGroup[] = tomCatalogue(content).map(({ goal, label, measures }) => {
      const toms = measures
        .map((t): TomItemView => ({
          id: t.id,
          title: t.title,
          description: t.description,
          goal: t.goal,
          goalLabel: t.goalLabel,
          status: t.status,
          statusLabel: t.statusLabel,
          responsible: t.responsible,
          art32: t.art32.map(legalSpaces),
          annexText: t.annexes.map((a) => `${a.shortTitle} seit Version ${a.since}`).join('; ') || 'in keiner Anlage aufgeführt',
          references: t.annexes.flatMap((a) => a.references.map((r) => `${r} (Version ${a.version})`)),
          risks: (risks.get(t.id) ?? []).map((r) => ({
            id: r.id,
            title: r.title,
            href: urls.risk(r.id),
            levels: levelsText(riskLevelsOf(dpia!, r)),
          })),
          example: t.example,
        }));
      // One mark for the whole group when every measure carries the same one (a file's mark); else each its own.
      const first = toms[0]?.example;
      const shared = first && toms.every((t) => t.example && t.example.note === first.note) ? first : undefined;
      return {
        goal,
        label,
        anchor: `ziel-${goal}`,
        description: SDM_GOAL_DESCRIPTIONS[goal],
        countText: toms.length === 1 ? '1 Maßnahme' : `${formatNumber(toms.length)} Maßnahmen`,
        ...(shared ? { example: shared } : {}),
        toms: shared ? toms.map(({ example: _example, ...t }) => t) : toms,
      };
    });
    return {
      title: 'Technische und organisatorische Maßnahmen',
      intro:
        'Der Katalog der technischen und organisatorischen Maßnahmen (TOM) nach Art.\u00a032 DSGVO ist Anlage 1 der Vereinbarungen. Er ist nach den sieben Gewährleistungszielen des Standard-Datenschutzmodells (SDM) geordnet. Zu jeder Maßnahme stehen die Vereinbarungen, deren Anlage sie aufführt, die Paragraphen, die sie regeln, und die Risiken der Datenschutz-Folgenabschätzung, die sie mindert.',
      totalText: `${formatNumber(content.toms.length)} ${content.toms.length === 1 ? 'Maßnahme' : 'Maßnahmen'}`,
      statusSummary: TOM_STATUSES.map((status) => ({
        status,
        label: TOM_STATUS_LABELS[status],
        count: formatNumber(content.toms.filter((t) => t.status === status).length),
      })),
      groups,
      dataLinks: [
        { href: urls.dataFile(EXPORT_FILES.tomCsv), label: 'als Tabelle (CSV)' },
        ...currentOscalCatalogs(content).map((c) => ({ href: urls.dataFile(c.file), label: `als OSCAL-Katalog (${c.title})` })),
        { href: urls.data(), label: 'alle maschinenlesbaren Daten' },
      ],
      filters: {
        goals: SDM_GOALS.filter((g) => content.toms.some((t) => t.goal === g)).map((g) => ({ value: g, label: SDM_GOAL_LABELS[g] })),
        statuses: TOM_STATUSES.map((s) => ({ value: s, label: TOM_STATUS_LABELS[s] })),
      },
    };
  });
}

function levelsText(levels: { before: keyof typeof RISK_LEVEL_LABELS; after: keyof typeof RISK_LEVEL_LABELS }): string {
  return `${RISK_LEVEL_LABELS[levels.before]} → ${RISK_LEVEL_LABELS[levels.after]}`;
}
