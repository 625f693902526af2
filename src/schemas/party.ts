import { z } from 'zod';
import { exampleMark, nonEmptyText, personFields, postalAddress, regime, slugId } from './common.ts';
import { registerRefsSchema } from './register.ts';

/** A number the figures add up (places, pupils, inhabitants). */
const weight = z
  .number({ error: 'muss eine ganze Zahl sein' })
  .int({ error: 'muss eine ganze Zahl sein' })
  .nonnegative({ error: 'darf nicht negativ sein' });

/** A unit of a party (facility, school, site): its own entry in the register and its weight. */
export const unitSchema = z.strictObject({
  id: slugId,
  name: nonEmptyText,
  address: postalAddress,
  /** Absent when the unit is in no register. */
  register: registerRefsSchema.optional(),
  weight: weight.optional(),
});
export type Unit = z.infer<typeof unitSchema>;

export const contactSchema = z.strictObject({
  ...personFields,
  function: nonEmptyText,
  email: z.string().email({ error: 'muss eine E-Mail-Adresse sein' }).optional(),
  phone: nonEmptyText.optional(),
});

/**
 * `content/parties/<kind>/<id>.yaml`: one party of a kind. One schema for every kind; what a kind
 * requires (units or not, a weight, no legal form for a natural person) is checked by the rule
 * `partnerarten` against `parties/<kind>.yaml`, with file and line.
 */
export const partySchema = z.strictObject({
  id: slugId,
  name: nonEmptyText,
  /** Natural persons only: `true` allows name and address on the public site. */
  oeffentlich: personFields.oeffentlich.optional(),
  legal_form: nonEmptyText.optional(),
  /** Absent: the kind's `default_regime` (or the only regime of the vocabulary). */
  regime: regime.optional(),
  address: postalAddress,
  /** Kinds with units: the party's units. */
  units: z.array(unitSchema).min(1, { error: 'braucht mindestens eine Einheit' }).optional(),
  /** Kinds without units: the party's own entry in the register. */
  register: registerRefsSchema.optional(),
  /** Kinds without units: the party's own weight. */
  weight: weight.optional(),
  contacts: z.array(contactSchema).default([]),
  /** The party agreed that its signing status is shown on the public site. */
  publish_signing_status: z.boolean({ error: 'muss true oder false sein' }).default(false),
  /** The party (name, address, units, weight) is example data: its pages say so. */
  beispiel: exampleMark,
});
export type Party = z.infer<typeof partySchema>;
