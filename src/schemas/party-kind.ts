import { z } from 'zod';
import { nonEmptyText, slugId } from './common.ts';

export const gender = z.enum(['m', 'f', 'n'], { error: 'muss „m“ (der), „f“ (die) oder „n“ (das) sein' });

/**
 * A German noun with the forms sentences need. Only `gender`, `one` and `many` are required; the
 * other forms follow the usual German rules (dative plural with -n, genitive singular with -s for
 * der/das nouns) unless the noun is irregular.
 */
export const nounFields = {
  gender,
  /** Nominative singular: „Träger“, „Gemeinde“. */
  one: nonEmptyText,
  /** Nominative plural: „Träger“, „Gemeinden“. */
  many: nonEmptyText,
  /** „(des) Trägers“; default: -s for der/das nouns, unchanged for die nouns. */
  genitive_one: nonEmptyText.optional(),
  /** „(dem) Kunden“ for nouns of the n-declension; default: as `one`. */
  dative_one: nonEmptyText.optional(),
  /** „(den) Kunden“ for nouns of the n-declension; default: as `one`. */
  accusative_one: nonEmptyText.optional(),
  /** „(den) Trägern“; default: plural with -n unless it ends in -n or -s. */
  dative_many: nonEmptyText.optional(),
  /** „(der) Träger“; default: as `many`. */
  genitive_many: nonEmptyText.optional(),
};

/** The words for the parties of a kind (or of an agreement made with several kinds). */
export const partyWordsSchema = z.strictObject({
  ...nounFields,
  /** An adjective for the whole group, without ending: „frei“ gives „die freien Träger“, „Alle freien Träger“. */
  adjective: nonEmptyText.optional(),
  /** Name of the public directory, e.g. „Trägerverzeichnis“; default „Verzeichnis der …“. */
  directory_title: nonEmptyText.optional(),
});
export type PartyWordsInput = z.infer<typeof partyWordsSchema>;

/**
 * Relative clauses about eligibility, `{register}` stands for the register with its plan
 * („Bedarfsplan 2021/2022“). Defaults are built from the units and the register.
 */
export const eligibleClausesSchema = z.strictObject({
  /** After a singular noun and a comma: „der Einrichtungen im {register} betreibt“. */
  one: nonEmptyText.optional(),
  /** After a plural noun and a comma: „die Einrichtungen im {register} betreiben“. */
  many: nonEmptyText.optional(),
  /** What a party that is not eligible lacks, after its name: „hat keine Einrichtung im {register}“; `{am}` is „ am 7. Dezember 2026“ where a day is known. */
  not: nonEmptyText.optional(),
});

/** `content/parties/<kind>.yaml`: one kind of party an agreement is made with. */
export const partyKindSchema = z.strictObject({
  /** Equals the file name and the folder of the parties, e.g. `traeger` for `parties/traeger/`. */
  id: slugId,
  /** URL of the public directory, e.g. `traeger` → /traeger/ (only with `directory: true`); default: the id. */
  slug: slugId.optional(),
  /**
   * Parties of this kind are natural persons: name, address and everything else but the id stay off
   * the public site unless the party file says `oeffentlich: true`; their copies are private.
   */
  natural_person: z.boolean({ error: 'muss true oder false sein' }).default(false),
  /** The public site lists the eligible parties of this kind with a page each (never for natural persons). */
  directory: z.boolean({ error: 'muss true oder false sein' }).default(false),
  /** The register that entries of this kind name when they do not say `register:` (a file `registers/<id>.yaml`). */
  register: slugId,
  /** Regime of a party file that names none (a regime id from vocabularies.yaml). */
  default_regime: slugId.optional(),
  words: partyWordsSchema,
  /**
   * What the parties' units are called (facilities, schools, sites). Absent: a party has no units,
   * its own file carries the register entry and the weight.
   */
  units: z
    .strictObject({
      ...nounFields,
      /** Short form for a narrow table column, e.g. „Einr.“. */
      short: nonEmptyText.optional(),
      /**
       * `false`: the party itself is its one unit (register entry and weight in the party file); the
       * words name it in the annex, e.g. „Kindertagespflegestelle“. Default `true`: a list `units:` in each party file.
       */
      listed: z.boolean({ error: 'muss true oder false sein' }).default(true),
    })
    .optional(),
  /** A number per unit (or party) that the figures add up, e.g. places, pupils, inhabitants. */
  weight: z
    .strictObject({
      /** „Platz“ */
      one: nonEmptyText,
      /** „Plätze“ */
      many: nonEmptyText,
      /** „(von 16.184) Plätzen“; default: plural with -n unless it ends in -n or -s. */
      dative_many: nonEmptyText.optional(),
      /** Stem of the CSV columns: `plaetze` → `plaetze_berechtigt`, `plaetze_unterzeichnet`. */
      column: z
        .string({ error: 'muss ein Spaltenname sein (Kleinbuchstaben, Ziffern, Unterstriche)' })
        .regex(/^[a-z][a-z0-9_]*$/, { error: 'muss ein Spaltenname sein (Kleinbuchstaben a–z, Ziffern, Unterstriche; z. B. plaetze)' }),
      /** „(der unterzeichnende Träger) betreibt (120 Plätze)“; default „hat“. */
      verb_one: nonEmptyText.default('hat'),
      /** „(die unterzeichnenden Träger) betreiben“; default „haben“. */
      verb_many: nonEmptyText.default('haben'),
    })
    .optional(),
  eligible: eligibleClausesSchema.default({}),
});
export type PartyKind = z.infer<typeof partyKindSchema>;
