import { z } from 'zod';
import { exampleMark, isoDate, nonEmptyText, regime, REGIMES, slugId, versionId } from './common.ts';

/** Art. 28(3) sentence 2 lit. a–h GDPR, plus the general part of sentence 1. */
export const ART28_POINTS = [
  'art28-3-a',
  'art28-3-b',
  'art28-3-c',
  'art28-3-d',
  'art28-3-e',
  'art28-3-f',
  'art28-3-g',
  'art28-3-h',
] as const;
export type Art28Point = (typeof ART28_POINTS)[number];

export const ART28_LABELS: Record<Art28Point, string> = {
  'art28-3-a': 'Verarbeitung nur auf dokumentierte Weisung',
  'art28-3-b': 'Verpflichtung der Beschäftigten zur Vertraulichkeit',
  'art28-3-c': 'Maßnahmen nach Art.\u00a032 DSGVO',
  'art28-3-d': 'Unterauftragsverarbeiter nur nach Art.\u00a028 Abs.\u00a02 und 4',
  'art28-3-e': 'Unterstützung bei Betroffenenrechten',
  'art28-3-f': 'Unterstützung bei den Pflichten nach Art.\u00a032–36',
  'art28-3-g': 'Löschung oder Rückgabe nach Ende der Verarbeitung',
  'art28-3-h': 'Informationen und Überprüfungen (Audits)',
};

/** Where a notice period ends: at the end of the month, quarter or year it reaches, or on that very day. */
export const TERMINATION_ENDS = ['monatsende', 'quartalsende', 'jahresende', 'tag'] as const;
export type TerminationEnd = (typeof TERMINATION_ENDS)[number];

/** `content/agreements/<agreement-id>/agreement.yaml` */
export const agreementSchema = z.strictObject({
  id: slugId,
  title: nonEmptyText,
  short_title: nonEmptyText,
  /** Which party registry signs it: providers (`traeger`) or childminders. */
  party_kind: z.enum(['traeger', 'kindertagespflege'], {
    error: 'muss „traeger“ oder „kindertagespflege“ sein',
  }),
  /** Parties are eligible when a facility (or the childminder) is in this Bedarfsplan. */
  bedarfsplan: nonEmptyText,
  /** Council paper that asked for the agreement (id in content/council). */
  paper: nonEmptyText,
  summary: nonEmptyText,
  /**
   * The notice a party must give to terminate (a withdrawal in the ledger is this termination):
   * the agreement binds the party until the end date this period yields. `section` names the §
   * that agrees the period, so the site and the letters can cite it.
   */
  termination_notice: z
    .strictObject({
      months: z
        .number({ error: 'muss eine ganze Zahl von Monaten sein' })
        .int({ error: 'muss eine ganze Zahl von Monaten sein' })
        .min(0, { error: 'darf nicht negativ sein' }),
      to: z.enum(TERMINATION_ENDS, { error: 'muss „monatsende“, „quartalsende“, „jahresende“ oder „tag“ sein' }),
      section: slugId,
    })
    .optional(),
  /** Letters to the parties (`npm run letters`): how long they have to answer, when a reminder goes out. */
  letters: z
    .strictObject({
      answer_weeks: z.number({ error: 'muss eine ganze Zahl von Wochen sein' }).int({ error: 'muss eine ganze Zahl von Wochen sein' }).min(1, { error: 'muss mindestens 1 sein' }),
      reminder_weeks: z.number({ error: 'muss eine ganze Zahl von Wochen sein' }).int({ error: 'muss eine ganze Zahl von Wochen sein' }).min(1, { error: 'muss mindestens 1 sein' }),
      /** At most this many reminders per offer; absent: DEFAULT_LETTER_PERIODS.max_reminders. */
      max_reminders: z.number({ error: 'muss eine ganze Zahl sein' }).int({ error: 'muss eine ganze Zahl sein' }).min(0, { error: 'darf nicht negativ sein' }).optional(),
    })
    .optional(),
  /**
   * `false` for an agreement that is no processing agreement under Art. 28 GDPR (e.g. a supplementary
   * arrangement between two controllers): rule `art28-abdeckung` then does not ask for Art. 28(3) coverage.
   */
  auftragsverarbeitung: z.boolean({ error: 'muss true oder false sein' }).default(true),
  /** Headings of the two parts, e.g. „Teil A – Auftragsverarbeitung nach Art. 28 DSGVO“. */
  parts: z
    .strictObject({ A: nonEmptyText, B: nonEmptyText })
    .default({ A: 'Teil A – Auftragsverarbeitung', B: 'Teil B – Zusammenarbeit' }),
});
export type Agreement = z.infer<typeof agreementSchema>;

export const VERSION_STATUSES = ['entwurf', 'beschlossen', 'abgeloest'] as const;
export const VERSION_STATUS_LABELS: Record<(typeof VERSION_STATUSES)[number], string> = {
  entwurf: 'Entwurf',
  beschlossen: 'Beschlossen',
  abgeloest: 'Abgelöst',
};

/** The same statuses inside a sentence („Version 1.0 vom 15.02.2022 (beschlossen)“): the noun keeps its capital, the participles do not. */
export const VERSION_STATUS_IN_SENTENCE: Record<(typeof VERSION_STATUSES)[number], string> = {
  entwurf: 'Entwurf',
  beschlossen: 'beschlossen',
  abgeloest: 'abgelöst',
};

const textSha256 = z
  .string({ error: 'muss eine SHA-256-Prüfsumme sein (64 Zeichen 0–9 und a–f)' })
  .regex(/^[0-9a-f]{64}$/, { error: 'muss eine SHA-256-Prüfsumme sein (64 Zeichen 0–9 und a–f, Kleinbuchstaben)' });

/** A recorded typographic correction of an adopted version's text. */
export const erratumSchema = z.strictObject({
  /** The § file corrected, e.g. `07-weisungen.mdx`. */
  file: nonEmptyText,
  date: isoDate,
  /** Why the correction changes no meaning, e.g. „Tippfehler „Auftragsverarbeiterin“ berichtigt“. */
  reason: nonEmptyText,
  /** The checksum of the version's text after this correction. */
  text_sha256: textSha256,
});
export type Erratum = z.infer<typeof erratumSchema>;

/**
 * One entry of a version's changelog: the §§ it touches (section ids), what changed and why.
 * A plain text (the older form) is still accepted for a first version, which supersedes nothing.
 */
export const versionChangeSchema = z.strictObject({
  /** Section ids (front matter `id`) of every § the change touches, e.g. [beitragsrechnung]. */
  sections: z.array(slugId).min(1, { error: 'muss mindestens einen Paragraphen (seine Kennung) nennen' }),
  text: nonEmptyText,
  /** Begründung: why the § changed, shown on the changes page. */
  reason: nonEmptyText,
  /** The reason is example data, not from the council documents. */
  beispiel: exampleMark,
});
export type VersionChange = z.infer<typeof versionChangeSchema>;

/** `content/agreements/<agreement-id>/<version>/version.yaml` */
export const versionSchema = z
  .strictObject({
    version: versionId,
    status: z.enum(VERSION_STATUSES, { error: 'muss „entwurf“, „beschlossen“ oder „abgeloest“ sein' }),
    /** Body that adopted it, e.g. „Hauptausschuss“ (a committee in organisation.yaml). */
    adopted_by: nonEmptyText.optional(),
    adopted: isoDate.optional(),
    /** Council paper (id in content/council) and session number. */
    paper: nonEmptyText.optional(),
    session: nonEmptyText.optional(),
    effective: isoDate.optional(),
    /** A draft's publication date: the feed announces the draft on this day. */
    vorgelegt: isoDate.optional(),
    supersedes: versionId.optional(),
    /**
     * The changelog, one item per change, for the changes page and the feed: `{ sections, text, reason }`
     * (rule `aenderungen` checks it names every § that differs from the superseded version).
     */
    changes: z.array(z.union([nonEmptyText, versionChangeSchema], { error: 'muss eine Änderung { sections: […], text: …, reason: … } sein' })).default([]),
    /**
     * SHA-256 of the version's text at adoption (every § file, regime variants included; see
     * src/lib/version-text.ts). From then on the text is frozen.
     */
    text_sha256: textSha256.optional(),
    /** Typographic corrections after adoption, oldest first; the last one's checksum applies. */
    errata: z.array(erratumSchema).default([]),
    /** Example data (text or record not from the council documents): shown as „Beispieldaten“. */
    beispiel: exampleMark,
  })
  .superRefine((v, ctx) => {
    if (v.status !== 'entwurf') {
      for (const key of ['adopted', 'adopted_by', 'paper', 'session'] as const) {
        if (v[key] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `eine Version mit Status „${v.status}“ braucht das Feld „${key}“`,
            params: { hint: `Ergänzen Sie „${key}: …“ oder setzen Sie „status: entwurf“, solange die Version nicht beschlossen ist.` },
          });
        }
      }
    }
  });
export type AgreementVersion = z.infer<typeof versionSchema>;

/** Front matter of `content/agreements/<agreement-id>/<version>/<nn>-<slug>.mdx` */
export const sectionSchema = z.strictObject({
  id: slugId,
  number: z
    .number({ error: 'muss eine ganze Zahl sein (die Paragraphennummer)' })
    .int({ error: 'muss eine ganze Zahl sein (die Paragraphennummer)' })
    .positive({ error: 'muss 1 oder größer sein' }),
  part: z.enum(['A', 'B'], { error: 'muss „A“ oder „B“ sein' }),
  title: nonEmptyText,
  covers: z
    .array(z.enum(ART28_POINTS, { error: 'muss ein Punkt des Art.\u00a028 Abs.\u00a03 DSGVO sein: art28-3-a bis art28-3-h' }))
    .default([]),
  regimes: z.array(regime).min(1, { error: 'darf nicht leer sein' }).default([...REGIMES]),
});
export type SectionFrontMatter = z.infer<typeof sectionSchema>;
