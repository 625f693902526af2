import { z } from 'zod';

/**
 * What is wrong with a date written as text, in German – for the content schema and for dates on
 * the command line alike; undefined for a real day written as JJJJ-MM-TT. `kind` says whether the
 * form is wrong or the day does not exist (2022-02-30).
 */
export function describeDateProblem(value: string): { kind: 'format' | 'day'; message: string; hint: string } | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
    const short = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value.trim());
    const pad = (n: string) => n.padStart(2, '0');
    const iso = german
      ? `${german[3]}-${pad(german[2]!)}-${pad(german[1]!)}`
      : short
        ? `${short[1]}-${pad(short[2]!)}-${pad(short[3]!)}`
        : undefined;
    const hint = iso ? `Schreiben Sie ${iso}.` : 'Schreiben Sie das Datum als JJJJ-MM-TT, z. B. 2022-03-31.';
    return { kind: 'format', message: 'ist kein Datum im Format JJJJ-MM-TT', hint };
  }
  if (isRealDate(value)) return undefined;
  const [y, m, d] = value.split('-');
  return { kind: 'day', message: 'ist kein gültiges Kalenderdatum', hint: `Prüfen Sie Tag und Monat: den ${d}.${m}.${y} gibt es nicht.` };
}

/** Calendar date as written in content: ISO `YYYY-MM-DD`, and a real day. */
export const isoDate = z
  .string({ error: 'muss ein Datum im Format JJJJ-MM-TT sein (z. B. 2022-03-31)' })
  .superRefine((value, ctx) => {
    const problem = describeDateProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', input: value, message: problem.message, params: { hint: problem.hint } });
  });

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
  .superRefine((value, ctx) => {
    if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) return;
    const suggestion = toSlug(value);
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: 'ist keine gültige Kennung: erlaubt sind nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche',
      params: { hint: suggestion ? `Schreiben Sie z. B. „${suggestion}“.` : 'Schreiben Sie z. B. „tom-zugriff-01“.' },
    });
  });

/** A valid id close to what the author wrote („Risiko 2“ → „risiko-2“). */
export function toSlug(value: string): string {
  return value
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Version numbers are written as strings ("1.0"), never as YAML numbers. */
export const versionId = z
  .string({ error: 'muss eine Versionsnummer in Anführungszeichen sein (z. B. "1.0")' })
  .regex(/^\d+\.\d+$/, { error: 'muss eine Versionsnummer wie "1.0" oder "1.1" sein' });

export const nonEmptyText = z
  .string({ error: 'muss ein Text sein' })
  .trim()
  .min(1, { error: 'darf nicht leer sein' });

/**
 * Marks content that reads as a fact but is not in the council documents (example data):
 * `true`, or a note saying what is invented, e.g. „Datum nicht in den Ratsdokumenten“.
 */
export const exampleMark = z
  .union([z.literal(true), nonEmptyText], { error: 'muss true oder ein kurzer Hinweis sein, was daran Beispieldaten sind' })
  .optional();

/**
 * A data-protection regime a party is under: an id from the regimes in `vocabularies.yaml` (rule
 * `vokabular` checks that it is declared there, with file and line).
 */
export const regime = slugId;
export type Regime = string;

export const postalAddress = z.strictObject({
  street: nonEmptyText,
  postal_code: z
    .string({ error: 'muss eine fünfstellige Postleitzahl in Anführungszeichen sein (z. B. "01069")' })
    .regex(/^\d{5}$/, { error: 'muss eine fünfstellige Postleitzahl sein' }),
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
