import { z } from 'zod';

/** Calendar date as written in content: ISO `YYYY-MM-DD`, and a real day. */
export const isoDate = z
  .string({ error: 'muss ein Datum im Format JJJJ-MM-TT sein (z. B. 2022-03-31)' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'muss ein Datum im Format JJJJ-MM-TT sein (z. B. 2022-03-31)' })
  .refine((value) => isRealDate(value), { error: 'ist kein gültiges Kalenderdatum' });

export function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Stable identifier: lower-case letters, digits and hyphens only, so it is safe in
 * file names, URLs and anchors (no spaces, no `../`).
 */
export const slugId = z
  .string({ error: 'muss eine Kennung sein (Kleinbuchstaben, Ziffern, Bindestriche)' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'darf nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche enthalten (z. B. „tom-zugriff-01“)',
  });

/** Version numbers are written as strings ("1.0"), never as YAML numbers. */
export const versionId = z
  .string({ error: 'muss eine Versionsnummer in Anführungszeichen sein (z. B. "1.0")' })
  .regex(/^\d+\.\d+$/, { error: 'muss eine Versionsnummer wie "1.0" oder "1.1" sein' });

export const nonEmptyText = z
  .string({ error: 'muss ein Text sein' })
  .trim()
  .min(1, { error: 'darf nicht leer sein' });

/** The data-protection regimes a provider can be under. */
export const REGIMES = ['dsgvo', 'kdg', 'dsg-ekd'] as const;
export const regime = z.enum(REGIMES, {
  error: 'muss eines von „dsgvo“, „kdg“ oder „dsg-ekd“ sein',
});
export type Regime = (typeof REGIMES)[number];

export const REGIME_LABELS: Record<Regime, string> = {
  dsgvo: 'DSGVO',
  kdg: 'KDG',
  'dsg-ekd': 'DSG-EKD',
};

export const postalAddress = z.strictObject({
  street: nonEmptyText,
  postal_code: z.string().regex(/^\d{5}$/, { error: 'muss eine fünfstellige Postleitzahl sein' }),
  city: nonEmptyText,
});
export type PostalAddress = z.infer<typeof postalAddress>;

/**
 * Data about a natural person. Private unless the content says `oeffentlich: true`;
 * private values never reach the public site.
 */
export const personFields = {
  name: nonEmptyText,
  oeffentlich: z.boolean({ error: 'muss true oder false sein' }).default(false),
};
