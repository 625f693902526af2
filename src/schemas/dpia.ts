import { z } from 'zod';
import { exampleMark, isoDate, nonEmptyText, slugId, versionId } from './common.ts';
import { VERSION_STATUSES } from './agreement.ts';

/** The four levels of likelihood and severity (DSK Kurzpapier Nr. 18). */
export const DSK_LEVELS = ['geringfuegig', 'ueberschaubar', 'substanziell', 'gross'] as const;
export type DskLevel = (typeof DSK_LEVELS)[number];
export const DSK_LEVEL_LABELS: Record<DskLevel, string> = {
  geringfuegig: 'geringfügig',
  ueberschaubar: 'überschaubar',
  substanziell: 'substanziell',
  gross: 'groß',
};

const dskLevel = z.enum(DSK_LEVELS, {
  error: 'muss „geringfuegig“, „ueberschaubar“, „substanziell“ oder „gross“ sein',
});

export const AFFECTED_GROUPS = ['kinder', 'eltern', 'personal', 'kindertagespflegepersonen'] as const;
export const AFFECTED_GROUP_LABELS: Record<(typeof AFFECTED_GROUPS)[number], string> = {
  kinder: 'Kinder',
  eltern: 'Eltern und Sorgeberechtigte',
  personal: 'Beschäftigte der Träger',
  kindertagespflegepersonen: 'Kindertagespflegepersonen',
};

/** The three risk levels a matrix cell can hold. */
export const RISK_LEVELS = ['gering', 'normal', 'hoch'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

const riskLevelCell = z.enum(RISK_LEVELS, { error: 'muss „gering“, „normal“ oder „hoch“ sein' });

/** One row of the matrix (one severity): the level for each of the four likelihoods, all required. */
const matrixRow = z.strictObject(
  Object.fromEntries(DSK_LEVELS.map((l) => [l, riskLevelCell])) as Record<DskLevel, typeof riskLevelCell>,
  { error: 'muss für jede Eintrittswahrscheinlichkeit (geringfuegig, ueberschaubar, substanziell, gross) eine Stufe nennen' },
);

/**
 * The risk matrix a DPIA version applies: a lookup table, one row per severity, one cell per
 * likelihood (all 16 cells required), and where the table comes from.
 */
export const riskMatrixSchema = z.strictObject({
  source: nonEmptyText,
  rows: z.strictObject(
    Object.fromEntries(DSK_LEVELS.map((l) => [l, matrixRow])) as Record<DskLevel, typeof matrixRow>,
    { error: 'muss für jede Schwere (geringfuegig, ueberschaubar, substanziell, gross) eine Zeile haben' },
  ),
  /**
   * Cells whose entry is not yet checked against the source („zu prüfen“): the DPIA page and PDF
   * show for each what would change if it were one level higher (lib/dpia/what-if.ts).
   */
  contested: z
    .array(
      z.strictObject({
        severity: dskLevel,
        likelihood: dskLevel,
        /** Why the cell is contested, in one sentence. */
        note: nonEmptyText.optional(),
      }),
    )
    .optional(),
});
export type RiskMatrix = z.infer<typeof riskMatrixSchema>;

/** Records name roles and bodies only: a field for a person's name is refused with this message. */
const noPersonName = z
  .undefined({ error: 'darf hier nicht stehen: Namen natürlicher Personen gehören nicht in die Folgenabschätzung; nennen Sie nur die Rolle oder das Gremium (Feld „role“ bzw. „body“)' })
  .optional();

const assessment = z.strictObject({
  likelihood: dskLevel,
  severity: dskLevel,
});

export const riskSchema = z.strictObject({
  id: slugId,
  title: nonEmptyText,
  description: nonEmptyText,
  groups: z
    .array(z.enum(AFFECTED_GROUPS, { error: `muss eine von ${AFFECTED_GROUPS.join(', ')} sein` }))
    .min(1, { error: 'braucht mindestens eine betroffene Gruppe' }),
  before: assessment,
  after: assessment,
  /** TOM ids that reduce the risk. */
  toms: z.array(slugId).default([]),
  /**
   * TOM ids that limit the damage itself (not only its likelihood): required when
   * `after.severity` is lower than `before.severity` (rule `dsfa-schwere`).
   */
  limits_damage: z.array(slugId).optional(),
  /** How those measures limit the damage, in one or two sentences. */
  damage_note: nonEmptyText.optional(),
  /** Prior consultation of the supervisory authority (Art. 36 GDPR), needed when the risk stays high. */
  art36: z.strictObject({ authority: nonEmptyText, date: isoDate, result: nonEmptyText }).optional(),
  /** The risk (or its assessment) is example data, not from the council documents. */
  beispiel: exampleMark,
});
export type Risk = z.infer<typeof riskSchema>;

export const reviewSchema = z.strictObject({
  /** Role or body, never the name of a natural person. */
  role: nonEmptyText,
  date: isoDate,
  result: nonEmptyText,
  name: noPersonName,
  beispiel: exampleMark,
});

/** Controllers (or groups of them) whose data protection officer advises under Art. 35(2) GDPR. */
export const CONTROLLER_GROUPS = ['stadt', 'katholische-traeger', 'evangelische-traeger', 'traeger-dsgvo', 'kindertagespflegepersonen'] as const;
export type ControllerGroup = (typeof CONTROLLER_GROUPS)[number];
export const CONTROLLER_GROUP_LABELS: Record<ControllerGroup, string> = {
  // The body itself: shown with its name from organisation.yaml (lib/dpia/controllers.ts).
  stadt: 'Körperschaft',
  'katholische-traeger': 'Katholische Träger (KDG)',
  'evangelische-traeger': 'Evangelische Träger (DSG-EKD)',
  'traeger-dsgvo': 'Übrige freie Träger (DSGVO)',
  kindertagespflegepersonen: 'Kindertagespflegepersonen (DSGVO)',
};

/** The advice of a controller's DPO (Art. 35(2) GDPR); `date` is absent while it is awaited. */
export const dpoAdviceSchema = z.strictObject({
  controller: z.enum(CONTROLLER_GROUPS, { error: `muss eine von ${CONTROLLER_GROUPS.join(', ')} sein` }),
  /** Role of the officer, never a name. */
  role: nonEmptyText,
  date: isoDate.optional(),
  result: nonEmptyText,
  name: noPersonName,
  beispiel: exampleMark,
});

/** A view of data subjects or their representatives (Art. 35(9) GDPR). */
export const subjectViewSchema = z.strictObject({
  /** Body or role that gave the view (e.g. „Stadtelternrat“), never a name. */
  body: nonEmptyText,
  date: isoDate.optional(),
  result: nonEmptyText,
  name: noPersonName,
  beispiel: exampleMark,
});

/** What changed against the superseded DPIA version, and why. */
export const dpiaChangeSchema = z.strictObject({
  /** Risk ids the change touches (none for a change of method or record). */
  risks: z.array(slugId).default([]),
  text: nonEmptyText,
  reason: nonEmptyText,
  beispiel: exampleMark,
});

/** Which versions of an agreement a DPIA version belongs to. */
export const dpiaAgreementTieSchema = z.strictObject({
  agreement: slugId,
  versions: z.array(versionId).min(1, { error: 'braucht mindestens eine Version der Vereinbarung' }),
});

/** `content/dpia/<version>/risks.yaml` */
export const riskRegisterSchema = z.strictObject({
  risks: z.array(riskSchema).min(1, { error: 'braucht mindestens ein Risiko' }),
});

/** `content/dpia/<version>/dpia.yaml` */
export const dpiaMetaSchema = z
  .strictObject({
    title: nonEmptyText,
    version: versionId,
    status: z.enum(VERSION_STATUSES, { error: 'muss „entwurf“, „beschlossen“ oder „abgeloest“ sein' }),
    date: isoDate,
    /** The DPIA version this one replaces. */
    supersedes: versionId.optional(),
    /** The agreement versions this DPIA belongs to (rule `dsfa-versionen` checks they exist). */
    agreements: z.array(dpiaAgreementTieSchema).default([]),
    /** Overall result in one or two sentences (annex 3 of each PDF quotes it). */
    result: nonEmptyText,
    matrix: riskMatrixSchema,
    /** What changed against the superseded version, each with its reason. */
    changes: z.array(dpiaChangeSchema).default([]),
    /** Reviews and opinions as recorded (role or body, date, result). */
    reviews: z.array(reviewSchema).default([]),
    /** Advice of each controller's data protection officer (Art. 35(2) GDPR). */
    dpo_advice: z.array(dpoAdviceSchema).default([]),
    /** Views of data subjects or their representatives (Art. 35(9) GDPR) … */
    subject_views: z.array(subjectViewSchema).default([]),
    /** … or why none were sought. */
    subject_views_not_sought: nonEmptyText.optional(),
    next_review: isoDate.optional(),
    beispiel: exampleMark,
  })
  .superRefine((m, ctx) => {
    if (m.status !== 'entwurf' && m.reviews.length === 0 && m.dpo_advice.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['reviews'], message: 'eine beschlossene Folgenabschätzung braucht mindestens einen Prüfvermerk oder eine Stellungnahme eines Datenschutzbeauftragten' });
    }
  });
export type DpiaMeta = z.infer<typeof dpiaMetaSchema>;

/** Front matter of `content/dpia/<version>/sections/<nn>-<slug>.mdx` */
export const dpiaSectionSchema = z.strictObject({
  id: slugId,
  order: z
    .number({ error: 'muss eine ganze Zahl sein' })
    .int({ error: 'muss eine ganze Zahl sein' })
    .positive({ error: 'muss 1 oder größer sein' }),
  title: nonEmptyText,
  /** Which point of Art. 35(7) GDPR the section answers, if any. */
  art35: z.enum(['a', 'b', 'c', 'd'], { error: 'muss „a“, „b“, „c“ oder „d“ sein' }).optional(),
});
