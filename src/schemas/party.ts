import { z } from 'zod';
import { exampleMark, isoDate, nonEmptyText, personFields, postalAddress, regime, slugId } from './common.ts';

const bedarfsplanEntry = z
  .strictObject({
    /** Which plan, e.g. "2021/2022" — compared with the agreement's `bedarfsplan`. */
    plan: nonEmptyText,
    /** The facility's number in that plan. */
    entry: nonEmptyText,
    /**
     * Since when (and until when) the entry is in the plan: a figure for a day before `since`
     * or after `until` does not count it. Without `since` it counts from the start.
     */
    since: isoDate.optional(),
    until: isoDate.optional(),
  })
  .refine((b) => !b.since || !b.until || b.since <= b.until, { error: '„until“ darf nicht vor „since“ liegen', path: ['until'] });

export const facilitySchema = z.strictObject({
  id: slugId,
  name: nonEmptyText,
  address: postalAddress,
  /** Absent when the facility is not in any Bedarfsplan. */
  bedarfsplan: bedarfsplanEntry.optional(),
  places: z
    .number({ error: 'muss eine ganze Zahl sein' })
    .int({ error: 'muss eine ganze Zahl sein' })
    .nonnegative({ error: 'darf nicht negativ sein' }),
});

export const contactSchema = z.strictObject({
  ...personFields,
  function: nonEmptyText,
  email: z.string().email({ error: 'muss eine E-Mail-Adresse sein' }).optional(),
  phone: nonEmptyText.optional(),
});

/** `content/parties/traeger/<id>.yaml`: a free provider (a legal entity). */
export const providerSchema = z.strictObject({
  id: slugId,
  name: nonEmptyText,
  legal_form: nonEmptyText,
  regime,
  address: postalAddress,
  facilities: z.array(facilitySchema).min(1, { error: 'braucht mindestens eine Einrichtung' }),
  contacts: z.array(contactSchema).default([]),
  /** The provider agreed that its signing status is shown on the public site. */
  publish_signing_status: z.boolean({ error: 'muss true oder false sein' }).default(false),
  /** The provider (name, address, facilities, places) is example data: its pages say so. */
  beispiel: exampleMark,
});
export type Provider = z.infer<typeof providerSchema>;

/**
 * `content/parties/kindertagespflege/<id>.yaml`: a childminder, a natural person.
 * Everything but the id and the aggregate figures is private unless `oeffentlich: true`.
 */
export const childminderSchema = z.strictObject({
  id: slugId,
  ...personFields,
  address: postalAddress,
  bedarfsplan: bedarfsplanEntry.optional(),
  places: z
    .number({ error: 'muss eine ganze Zahl sein' })
    .int({ error: 'muss eine ganze Zahl sein' })
    .nonnegative({ error: 'darf nicht negativ sein' }),
  regime: regime.default('dsgvo'),
});
export type Childminder = z.infer<typeof childminderSchema>;
