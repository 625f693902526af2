import { z } from 'zod';
import { exampleMark, isoDate, nonEmptyText, slugId } from './common.ts';

export const paperSchema = z.strictObject({
  /** Paper number as the council system writes it; its form is checked against organisation.yaml (rule vorlagennummern). */
  id: nonEmptyText,
  kind: z.enum(['antrag', 'vorlage'], { error: 'muss „antrag“ oder „vorlage“ sein' }),
  date: isoDate,
  title: nonEmptyText,
  submitted_by: nonEmptyText.optional(),
  /** Example data, not from the council documents: shown as „Beispieldaten“. */
  beispiel: exampleMark,
});

export const consultationSchema = z.strictObject({
  paper: nonEmptyText,
  body: nonEmptyText,
  date: isoDate,
  public: z.boolean({ error: 'muss true oder false sein' }),
  role: nonEmptyText,
  beispiel: exampleMark,
});

export const resolutionSchema = z.strictObject({
  paper: nonEmptyText,
  number: z
    .number({ error: 'muss eine ganze Zahl sein (die Nummer des Beschlusspunkts)' })
    .int({ error: 'muss eine ganze Zahl sein (die Nummer des Beschlusspunkts)' })
    .positive({ error: 'muss 1 oder größer sein' }),
  text: nonEmptyText,
  /** What carries the point out: adopting an agreement, or concluding individual agreements. */
  kind: z.enum(['rahmenvereinbarung', 'einzelvereinbarungen'], {
    error: 'muss „rahmenvereinbarung“ oder „einzelvereinbarungen“ sein',
  }),
  agreement: slugId,
  adopted: isoDate.optional(),
  adopted_by: nonEmptyText.optional(),
  beispiel: exampleMark,
});

export const offerLetterSchema = z.strictObject({
  agreement: slugId,
  date: isoDate,
  summary: nonEmptyText,
  voluntary: z.boolean(),
  beispiel: exampleMark,
});

export const beschlusskontrolleSchema = z.strictObject({
  paper: nonEmptyText,
  session: nonEmptyText,
  /** The date the report was given: the default `--as-of` of the report. */
  date: isoDate,
  sender: nonEmptyText,
  /** Function of the official who signs the letter (e.g. „Beigeordneter für Bildung und Jugend“); no name needed. */
  signed_by: nonEmptyText.optional(),
  /** Whom the letter was for; default: the council's addressees in organisation.yaml. */
  addressees: nonEmptyText.optional(),
  reference: nonEmptyText.optional(),
  /**
   * Whether the letter reported a final state or an interim one, as recorded; the letter for this
   * date words itself accordingly instead of inferring it from the figures.
   */
  stand: z.enum(['abschliessend', 'zwischenstand'], { error: 'muss „abschliessend“ oder „zwischenstand“ sein' }).optional(),
  subject: nonEmptyText,
  beispiel: exampleMark,
  /**
   * The letter as the council document has it, word for word, for reproducing it on its date
   * (`npm run report` for that day): the report then prints these sentences, not its own. No
   * wording of a recorded letter lives in code.
   */
  record: z
    .strictObject({
      /** Which document and copy the text is taken from. */
      source: nonEmptyText,
      /** The Betreff line as written in the record. */
      heading: nonEmptyText,
      salutation: nonEmptyText,
      /** The sentence before the points, e.g. „folgender abschließender Stand kann … gegeben werden:“. */
      opening: nonEmptyText,
      /** Under each quoted resolution point (its text comes from `resolutions`): the paragraphs that follow it. */
      points: z
        .array(
          z.strictObject({
            number: z.number({ error: 'muss die Nummer des Beschlusspunkts sein' }).int({ error: 'muss die Nummer des Beschlusspunkts sein' }).positive({ error: 'muss 1 oder größer sein' }),
            notes: z.array(nonEmptyText).min(1, { error: 'braucht mindestens einen Absatz' }),
          }),
        )
        .min(1, { error: 'braucht mindestens einen Beschlusspunkt' }),
      closing: nonEmptyText,
      /** Lines below the signature as the record has them (who took note, by function). */
      acknowledgement: z.array(nonEmptyText).default([]),
      /** Every change against the source text (OCR errors corrected), one line each: shown under the letter. */
      corrections: z.array(nonEmptyText).default([]),
    })
    .optional(),
  /**
   * The figures the letter reported to the council, as recorded: a record that later content
   * must not contradict (the validator recomputes them for the letter's date).
   */
  reported: z
    .strictObject({
      eligible: z.number({ error: 'muss eine ganze Zahl sein' }).int({ error: 'muss eine ganze Zahl sein' }).nonnegative({ error: 'darf nicht negativ sein' }),
      signed: z.number({ error: 'muss eine ganze Zahl sein' }).int({ error: 'muss eine ganze Zahl sein' }).nonnegative({ error: 'darf nicht negativ sein' }),
    })
    .optional(),
});

/** `content/council/council.yaml` */
export const councilSchema = z.strictObject({
  papers: z.array(paperSchema).min(1),
  consultations: z.array(consultationSchema).default([]),
  resolutions: z.array(resolutionSchema).default([]),
  offer_letters: z.array(offerLetterSchema).default([]),
  beschlusskontrolle: z.array(beschlusskontrolleSchema).default([]),
});
export type Council = z.infer<typeof councilSchema>;
