import { z } from 'zod';
import { nonEmptyText, slugId } from './common.ts';

/** A data-protection regime a party may be under, with the words every output uses for it. */
export const regimeSchema = z.strictObject({
  /** „dsgvo“: in party files (`regime:`), § front matter (`regimes:`), URLs of its reading page. */
  id: slugId,
  /** Short name: „DSGVO“, „KDG“ (cover „DSGVO-Fassung“, tables, reading page switch). */
  label: nonEmptyText,
  /** Name in the report's table by regime, e.g. „KDG (katholisches Datenschutzrecht)“; default: `label`. */
  long: nonEmptyText.optional(),
  /** The sentence offer and change letters say about the copy, e.g. „Ihre Ausfertigung ist die Fassung nach …“; default names the label. */
  letter_sentence: nonEmptyText.optional(),
  /** Row heading in Anlage 2 for the party's data protection officer; default „Datenschutzbeauftragte oder Datenschutzbeauftragter“. */
  dpo_label: nonEmptyText.optional(),
  /**
   * `default`: the reading without suffix in the URL (/vereinbarung/<id>/<version>/), the only one
   * when a version reads the same for every regime. `own` (default): a page of its own
   * (/vereinbarung/<id>/<version>/<regime>/) when the version's §§ differ by regime. One regime at
   * most is `default`; without one, the first regime is.
   */
  reader: z.enum(['default', 'own'], { error: 'muss „default“ oder „own“ sein' }).default('own'),
});
export type RegimeInput = z.infer<typeof regimeSchema>;

/** An id with the label pages and PDFs show for it. */
export const labelledIdSchema = z.strictObject({ id: slugId, label: nonEmptyText });

/**
 * A controller group: an id with its label, or `self: true` for the body itself, which is then
 * named by its name from organisation.yaml.
 */
export const controllerGroupSchema = z
  .strictObject({ id: slugId, label: nonEmptyText.optional(), self: z.literal(true, { error: 'darf nur true sein' }).optional() })
  .refine((g) => (g.label === undefined) !== (g.self === undefined), {
    error: 'braucht entweder label (die Bezeichnung der Gruppe) oder self: true (die Körperschaft selbst, mit ihrem Namen aus organisation.yaml)',
  });

/**
 * `content/vocabularies.yaml`: the regimes, the DPIA's affected groups and controller groups.
 * A list the file leaves out comes from the bundled defaults (templates/defaults/vocabularies.yaml).
 */
export const vocabulariesSchema = z.strictObject({
  regimes: z.array(regimeSchema).min(1, { error: 'braucht mindestens ein Datenschutzrecht' }).optional(),
  /** Shown above the regime switch of a reading page, e.g. who reads a different text. */
  regimes_note: nonEmptyText.optional(),
  /** Groups of data subjects a DPIA risk concerns (`groups:` in risks.yaml). */
  affected_groups: z.array(labelledIdSchema).min(1, { error: 'braucht mindestens eine Gruppe' }).optional(),
  /** Controllers (or groups of them) whose data protection officer advises on the DPIA (`controller:` in dpia.yaml). */
  controller_groups: z.array(controllerGroupSchema).min(1, { error: 'braucht mindestens eine Gruppe' }).optional(),
});
export type VocabulariesInput = z.infer<typeof vocabulariesSchema>;
