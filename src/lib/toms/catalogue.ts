import { ART32_LABELS, SDM_GOALS, SDM_GOAL_LABELS, TOM_STATUS_LABELS, type SdmGoal } from '../../schemas/tom.ts';
import type { Content, TomEntry } from '../content-model.ts';
import { compareGerman } from '../format.ts';
import { compareVersions } from '../parse-content.ts';


/** One sentence per SDM protection goal, for readers who do not know the model. */
export const SDM_GOAL_DESCRIPTIONS: Record<SdmGoal, string> = {
  datenminimierung: 'Es werden nur die Daten verarbeitet, die für den Zweck nötig sind.',
  verfuegbarkeit: 'Daten und Dienste stehen zur Verfügung, wenn sie gebraucht werden, und lassen sich nach Störungen wiederherstellen.',
  integritaet: 'Daten bleiben richtig und vollständig; Änderungen sind erkennbar.',
  vertraulichkeit: 'Nur Befugte können Daten lesen oder verarbeiten.',
  nichtverkettung: 'Daten werden nur für den Zweck verwendet, für den sie erhoben wurden, und nicht mit anderen Beständen verknüpft.',
  transparenz: 'Betroffene, Verantwortliche und Aufsicht können nachvollziehen, was mit den Daten geschieht.',
  intervenierbarkeit: 'Betroffene können ihre Rechte wirksam ausüben; Verantwortliche können eingreifen.',
};

/** One measure as every output shows it: the site's catalogue, the PDF's Anlage 1 and the exports. */
export interface TomMeasure {
  id: string;
  title: string;
  description: string;
  goal: SdmGoal;
  goalLabel: string;
  status: TomEntry['status'];
  statusLabel: string;
  responsible: string;
  /** „Art. 32 Abs. 1 lit. b“, one per reference (each output sets its own non-breaking spaces). */
  art32: string[];
  sinceVersion: string;
  entry: TomEntry;
}

export interface TomGoalMeasures {
  goal: SdmGoal;
  label: string;
  measures: TomMeasure[];
}

/** The measures of one protection goal in catalogue order (by id). */
export function tomsOfGoal(content: Content, goal: SdmGoal): TomEntry[] {
  return content.toms.filter((t) => t.goal === goal).sort((a, b) => compareGerman(a.id, b.id));
}

export function tomMeasure(t: TomEntry): TomMeasure {
  return {
    id: t.id,
    title: t.title,
    description: t.description,
    goal: t.goal,
    goalLabel: SDM_GOAL_LABELS[t.goal],
    status: t.status,
    statusLabel: TOM_STATUS_LABELS[t.status],
    responsible: t.responsible,
    art32: t.art32.map((r) => ART32_LABELS[r]),
    sinceVersion: t.since_version,
    entry: t,
  };
}

/**
 * The catalogue by protection goal, in SDM order. With `version`, only the measures that belong
 * to the annex of that agreement version (since_version on or before it); empty goals dropped then.
 */
export function tomCatalogue(content: Content, version?: string): TomGoalMeasures[] {
  const groups = SDM_GOALS.map((goal) => ({
    goal,
    label: SDM_GOAL_LABELS[goal],
    measures: tomsOfGoal(content, goal)
      .filter((t) => version === undefined || compareVersions(t.since_version, version) <= 0)
      .map(tomMeasure),
  }));
  return version === undefined ? groups : groups.filter((g) => g.measures.length > 0);
}
