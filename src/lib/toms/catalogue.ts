import { ART32_LABELS, SDM_GOALS, SDM_GOAL_LABELS, TOM_STATUS_LABELS, type SdmGoal, type Tom } from '../../schemas/tom.ts';
import { adoptedVersions, agreementsInOrder, currentVersion } from '../agreement/versions.ts';
import type { AgreementEntry, Content, TomEntry, Version } from '../content-model.ts';
import { compareGerman, legalSpaces } from '../format.ts';
import { compareVersions } from '../parse-content.ts';
import { exampleMarkOf, type ExampleMarkView } from '../example-data.ts';


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

/** From which version the annex of `agreementId` lists the measure; undefined: never. */
export function annexSince(tom: Tom, agreementId: string): string | undefined {
  if (!tom.agreements) return tom.since_version;
  const annex = tom.agreements.find((a) => a.agreement === agreementId);
  return annex ? (annex.since ?? tom.since_version) : undefined;
}

/** Whether the annex (Anlage 1) of `agreementId` at `version` lists the measure. */
export function isInAnnex(tom: Tom, agreementId: string, version: string): boolean {
  const since = annexSince(tom, agreementId);
  return since !== undefined && compareVersions(since, version) <= 0;
}

/** The paragraph numbers „(1)“, „(2)“ … a § body has. */
export function paragraphNumbers(body: string): number[] {
  return [...body.matchAll(/^\((\d+)\)\s/gm)].map((m) => Number(m[1]));
}

/**
 * The measure's references into one agreement, numbered as in `version`:
 * „§ 9 Abs. 2 der Mustervereinbarung“ (non-breaking spaces set).
 * A reference to a § or paragraph that version does not have is left out.
 */
export function tomReferences(tom: Tom, agreement: AgreementEntry, version: Version): string[] {
  return tom.refs
    .filter((ref) => ref.agreement === agreement.id)
    .flatMap((ref) => {
      const section = version.sections.find((s) => s.id === ref.section);
      if (!section) return [];
      if (ref.paragraph !== undefined && !paragraphNumbers(section.body).includes(ref.paragraph)) return [];
      const paragraph = ref.paragraph === undefined ? '' : ` Abs. ${ref.paragraph}`;
      return [legalSpaces(`§ ${section.number}${paragraph} der ${agreement.short_title}`)];
    });
}

/** One agreement whose annex lists the measure, and the measure's §§ in the version shown. */
export interface TomAnnexListing {
  agreementId: string;
  shortTitle: string;
  /** First version of that agreement whose annex lists the measure. */
  since: string;
  /** The version the references are numbered for. */
  version: string;
  references: string[];
}

/** The annexes listing `tom`: every agreement's at its current version, or only `annex`'s at that version. */
export function tomAnnexListings(content: Content, tom: Tom, annex?: { agreement: string; version: string }): TomAnnexListing[] {
  return agreementsInOrder(content).flatMap((agreement) => {
    if (annex && agreement.id !== annex.agreement) return [];
    // The measures are Anlage 1 of processing agreements only (Art. 28(3)(c) GDPR).
    if (!agreement.auftragsverarbeitung) return [];
    const since = annexSince(tom, agreement.id);
    if (since === undefined || agreement.versions.length === 0) return [];
    const version = annex ? agreement.versions.find((v) => v.version === annex.version) : currentVersion(agreement);
    if (!version) return [];
    return [{ agreementId: agreement.id, shortTitle: agreement.short_title, since, version: version.version, references: tomReferences(tom, agreement, version) }];
  });
}

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
  /** The annexes that list the measure (see tomAnnexListings), each with its §§. */
  annexes: TomAnnexListing[];
  /** What about the measure is example data (its own or its file's `beispiel`); undefined for recorded facts. */
  example?: ExampleMarkView;
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

export function tomMeasure(content: Content, t: TomEntry, annex?: { agreement: string; version: string }): TomMeasure {
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
    annexes: tomAnnexListings(content, t, annex),
    example: exampleMarkOf(t.beispiel),
    entry: t,
  };
}

/**
 * The catalogue by protection goal, in SDM order. With `annex`, only the measures the annex of
 * that agreement version lists (see isInAnnex), their §§ numbered for it; empty goals dropped then.
 */
export function tomCatalogue(content: Content, annex?: { agreement: string; version: string }): TomGoalMeasures[] {
  // An agreement that is no processing agreement has no annex of measures.
  const noAnnex = annex !== undefined && content.agreements.find((a) => a.id === annex.agreement)?.auftragsverarbeitung === false;
  const groups = SDM_GOALS.map((goal) => ({
    goal,
    label: SDM_GOAL_LABELS[goal],
    measures: tomsOfGoal(content, goal)
      .filter((t) => annex === undefined || (!noAnnex && isInAnnex(t, annex.agreement, annex.version)))
      .map((t) => tomMeasure(content, t, annex)),
  }));
  return annex === undefined ? groups : groups.filter((g) => g.measures.length > 0);
}

/** The annex of one agreement version: what a party signing that version is promised. */
export interface TomAnnexEdition {
  agreement: AgreementEntry;
  version: Version;
  /** A draft's annex is published for review but binds no one. */
  draft: boolean;
  /** The measures it lists, by protection goal (as tomCatalogue with this annex). */
  goals: TomGoalMeasures[];
}

/** Every version's annex: agreements main first, versions oldest first, drafts included and marked. */
export function tomAnnexEditions(content: Content): TomAnnexEdition[] {
  // An agreement that is no processing agreement has no annex of measures.
  return agreementsInOrder(content).filter((agreement) => agreement.auftragsverarbeitung).flatMap((agreement) => {
    const adopted = new Set(adoptedVersions(agreement));
    return agreement.versions.map((version) => ({
      agreement,
      version,
      draft: !adopted.has(version),
      goals: tomCatalogue(content, { agreement: agreement.id, version: version.version }),
    }));
  });
}
