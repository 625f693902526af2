import { z } from 'zod';
import { nonEmptyText, slugId } from './common.ts';

/**
 * `content/organisation.yaml`: the body that makes the agreements – its name and grammatical
 * gender, who represents it, the department that runs the agreements, the processor acting for it,
 * its council with committees and paper numbers, its state with data-protection authority and
 * laws. One place: every output takes these from here (src/lib/organisation/).
 */

const gender = z.enum(['m', 'f', 'n'], { error: 'muss „m“, „f“ oder „n“ sein (das grammatische Geschlecht: der, die, das)' });

const httpUrl = z.string().url({ protocol: /^https?$/, error: 'muss eine vollständige Adresse mit https:// sein' });

/**
 * A name as sentences use it: `gender` picks the article („die Stadt Musterstadt“, „das Amt
 * für …“); `genitive` is the name after „des“ where it changes („Gemeinderates“, „Landkreises Muster“).
 */
const nounFields = {
  name: nonEmptyText,
  gender,
  genitive: nonEmptyText.optional(),
};

const committeeSchema = z.strictObject({
  ...nounFields,
  /** Abbreviation, e.g. in session numbers („HA“). */
  short: nonEmptyText.optional(),
});

/** A regular expression from content; refused with a German message when it does not compile. */
const pattern = z.string({ error: 'muss ein regulärer Ausdruck in Anführungszeichen sein' }).superRefine((value, ctx) => {
  try {
    new RegExp(value, 'u');
  } catch {
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: 'ist kein gültiger regulärer Ausdruck',
      params: { hint: 'Schreiben Sie das Muster in einfache Anführungszeichen, z. B. \'^[A-Z]\\d{4}/\\d{2}$\' für „A0311/22“.' },
    });
  }
});

export const councilProfileSchema = z
  .strictObject({
    ...nounFields,
    /** URL of the council page: `/<slug>/`. Default: the name as an id („Gemeinderat“ → `gemeinderat`). */
    slug: slugId.optional(),
    /** Who reads the council pages, as the home page addresses them: „Mitglieder des Gemeinderates“. */
    members: nonEmptyText.optional(),
    /** Addressees of the Beschlusskontrolle report when council.yaml names none. */
    addressees: nonEmptyText.optional(),
    /** Salutation of the Beschlusskontrolle report: „Sehr geehrte Mitglieder des Gemeinderates,“. */
    salutation: nonEmptyText.optional(),
    /** The form of its paper numbers; a paper in council.yaml that does not match is refused with `paper_example`. */
    paper_pattern: pattern.optional(),
    paper_example: nonEmptyText.optional(),
    /** Committees that advise or decide (council.yaml `body`, version `adopted_by`), with their gender. */
    committees: z.array(committeeSchema).default([]),
  })
  .superRefine((council, ctx) => {
    if (council.paper_pattern && !council.paper_example) {
      ctx.addIssue({ code: 'custom', path: ['paper_pattern'], message: 'Zu diesem Muster fehlt „paper_example“, ein Beispiel einer gültigen Vorlagennummer', params: { hint: 'Ergänzen Sie z. B. „paper_example: A0311/22“; es erscheint in der Fehlermeldung zu einer falschen Nummer.' } });
    }
    const compiled = council.paper_pattern ? paperPatternOf(council.paper_pattern) : undefined;
    if (compiled && council.paper_example && !compiled.test(council.paper_example)) {
      ctx.addIssue({
        code: 'custom',
        path: ['paper_example'],
        input: council.paper_example,
        message: `passt nicht zum Muster „${council.paper_pattern}“`,
        params: { hint: 'Das Beispiel muss eine gültige Vorlagennummer sein; prüfen Sie Muster und Beispiel.' },
      });
    }
  });

export const organisationSchema = z.strictObject({
  /** „Stadt Musterstadt“ */
  ...nounFields,
  /** The name without the place, as a sentence repeats it: „die Landeshauptstadt verarbeitet …“. Default: `name`. */
  short_name: nonEmptyText.optional(),
  /** „Gebietskörperschaft des öffentlichen Rechts“ (Impressum). */
  legal_form: nonEmptyText.optional(),
  /** Where letters are dated: „Musterstadt, 7. Dezember 2026“. */
  place: nonEmptyText,
  /** Postal address of the department, as one line. */
  address: nonEmptyText,
  /** Functional mailbox (not a person's address). */
  contact_email: z.string().email({ error: 'muss eine E-Mail-Adresse sein' }),
  /** Title and address of the data protection officer (no name of a person needed). */
  data_protection_officer: nonEmptyText,
  /** Who signs for the body. */
  representative: z.strictObject({
    /** Under the signature line: „Die Bürgermeisterin“. */
    function: nonEmptyText,
    /** After „vertreten durch“ (accusative): „die Bürgermeisterin“. */
    represented_by: nonEmptyText,
    /** Whom a resolution instructs to conclude (accusative): „… und die Bürgermeisterin beauftragt“. Default: `represented_by`. */
    mandate: nonEmptyText.optional(),
  }),
  /** The department that runs the agreements and answers the parties. */
  department: z.strictObject(nounFields),
  /** The processor acting for the body under Art. 28 GDPR, when it is a unit of its own (absent: the body itself). */
  processor: z
    .strictObject({
      ...nounFields,
      /** „ihren“ in „durch ihren IT-Dienstleister“; default from the body's gender and the processor's. */
      possessive: nonEmptyText.optional(),
      /** „Einrichtung der Stadt ohne eigene Rechtspersönlichkeit“ */
      legal_nature: nonEmptyText.optional(),
    })
    .optional(),
  council: councilProfileSchema,
  /** The state the body belongs to: its data-protection authority and laws (legal pages). */
  state: z
    .strictObject({
      name: nonEmptyText,
      authority: z.strictObject({ name: nonEmptyText, address: nonEmptyText, url: httpUrl.optional() }),
      laws: z.array(z.strictObject({ short: nonEmptyText, title: nonEmptyText, url: httpUrl.optional() })).default([]),
    })
    .optional(),
  urls: z
    .strictObject({
      /** The body's own website. */
      website: httpUrl.optional(),
    })
    .optional(),
});
export type Organisation = z.infer<typeof organisationSchema>;
export type CouncilProfile = z.infer<typeof councilProfileSchema>;

/** The paper-number pattern as a whole-string match, or undefined when it does not compile. */
export function paperPatternOf(source: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${source})$`, 'u');
  } catch {
    return undefined;
  }
}
