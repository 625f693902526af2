import { z } from 'zod';
import { isoDate, nonEmptyText, slugId } from './common.ts';

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
});
export type Risk = z.infer<typeof riskSchema>;

export const reviewSchema = z.strictObject({
  /** Role or body, never the name of a natural person. */
  role: nonEmptyText,
  date: isoDate,
  result: nonEmptyText,
});

/** `content/dpia/risks.yaml` */
export const riskRegisterSchema = z.strictObject({
  risks: z.array(riskSchema).min(1, { error: 'braucht mindestens ein Risiko' }),
});

/** `content/dpia/dpia.yaml` */
export const dpiaMetaSchema = z.strictObject({
  title: nonEmptyText,
  version: nonEmptyText,
  date: isoDate,
  /** Overall result in one or two sentences (annex 3 of each PDF quotes it). */
  result: nonEmptyText,
  reviews: z.array(reviewSchema).min(1, { error: 'braucht mindestens einen Prüfvermerk' }),
  next_review: isoDate.optional(),
});

/** Front matter of `content/dpia/sections/<nn>-<slug>.mdx` */
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
