import { z } from 'zod';
import { exampleMark, nonEmptyText, slugId, versionId } from './common.ts';

/** The seven protection goals of the Standard-Datenschutzmodell (SDM). */
export const SDM_GOALS = [
  'datenminimierung',
  'verfuegbarkeit',
  'integritaet',
  'vertraulichkeit',
  'nichtverkettung',
  'transparenz',
  'intervenierbarkeit',
] as const;
export type SdmGoal = (typeof SDM_GOALS)[number];

export const SDM_GOAL_LABELS: Record<SdmGoal, string> = {
  datenminimierung: 'Datenminimierung',
  verfuegbarkeit: 'Verfügbarkeit',
  integritaet: 'Integrität',
  vertraulichkeit: 'Vertraulichkeit',
  nichtverkettung: 'Nichtverkettung',
  transparenz: 'Transparenz',
  intervenierbarkeit: 'Intervenierbarkeit',
};

export const TOM_STATUSES = ['umgesetzt', 'in-umsetzung', 'geplant'] as const;
export const TOM_STATUS_LABELS: Record<(typeof TOM_STATUSES)[number], string> = {
  umgesetzt: 'umgesetzt',
  'in-umsetzung': 'in Umsetzung',
  geplant: 'geplant',
};

/** Art. 32 GDPR references a measure can rest on. */
export const ART32_REFS = [
  'art32-1-a',
  'art32-1-b',
  'art32-1-c',
  'art32-1-d',
  'art32-2',
  'art32-4',
] as const;
export const ART32_LABELS: Record<(typeof ART32_REFS)[number], string> = {
  'art32-1-a': 'Art. 32 Abs. 1 lit. a',
  'art32-1-b': 'Art. 32 Abs. 1 lit. b',
  'art32-1-c': 'Art. 32 Abs. 1 lit. c',
  'art32-1-d': 'Art. 32 Abs. 1 lit. d',
  'art32-2': 'Art. 32 Abs. 2',
  'art32-4': 'Art. 32 Abs. 4',
};

/**
 * The annex of one agreement that lists the measure, from which of that agreement's versions.
 * Without `since`, the measure's `since_version` applies.
 */
export const tomAnnexSchema = z.strictObject({
  agreement: slugId,
  since: versionId.optional(),
});
export type TomAnnex = z.infer<typeof tomAnnexSchema>;

/**
 * Where an agreement rules the measure: the § by its stable `id`, optionally one paragraph (Abs.).
 * The § number is computed for each version, never written by hand.
 */
export const tomRefSchema = z.strictObject({
  agreement: slugId,
  section: slugId,
  paragraph: z
    .number({ error: 'muss die Nummer eines Absatzes sein, z. B. 2' })
    .int({ error: 'muss die Nummer eines Absatzes sein, z. B. 2' })
    .min(1, { error: 'muss mindestens 1 sein' })
    .optional(),
});
export type TomRef = z.infer<typeof tomRefSchema>;

export const tomSchema = z.strictObject({
  id: slugId,
  goal: z.enum(SDM_GOALS, {
    error: `muss eines der SDM-Gewährleistungsziele sein: ${SDM_GOALS.join(', ')}`,
  }),
  art32: z
    .array(z.enum(ART32_REFS, { error: `muss einer von ${ART32_REFS.join(', ')} sein` }))
    .min(1, { error: 'braucht mindestens einen Bezug auf Art.\u00a032 DSGVO' }),
  title: nonEmptyText,
  description: nonEmptyText,
  responsible: nonEmptyText,
  status: z.enum(TOM_STATUSES, { error: 'muss „umgesetzt“, „in-umsetzung“ oder „geplant“ sein' }),
  /** Agreement version from which the measure is part of the annex. */
  since_version: versionId,
  /**
   * The agreements whose annex lists the measure. Absent: every agreement's annex, from
   * `since_version`. Present: only these, each from its `since` (default `since_version`).
   */
  agreements: z.array(tomAnnexSchema).min(1, { error: 'braucht mindestens eine Vereinbarung – oder lassen Sie das Feld weg' }).optional(),
  /** The §§ of each agreement the measure implements or that rule it (rendered as „§ 9 der …“). */
  refs: z.array(tomRefSchema).default([]),
  /** Status and responsible body (or more) are example data; overrides the file's mark. */
  beispiel: exampleMark,
});
export type Tom = z.infer<typeof tomSchema>;

/** `content/toms/<goal>.yaml`: a list of measures. */
export const tomFileSchema = z.strictObject({
  /** Marks every measure of the file as example data (a measure's own `beispiel` overrides it). */
  beispiel: exampleMark,
  measures: z.array(tomSchema),
});
