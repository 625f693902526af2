import { z } from 'zod';
import { exampleMark, nonEmptyText } from './common.ts';

/**
 * A field that moved to organisation.yaml (the body is described in one place): refused with
 * where it belongs now.
 */
function movedToOrganisation(field: string) {
  return z
    .unknown()
    .superRefine((value, ctx) => {
      ctx.addIssue({
        code: 'custom',
        input: value,
        message: `steht nicht mehr in site.yaml, sondern in organisation.yaml (Feld „${field}“)`,
        params: { hint: `Verschieben Sie den Wert nach organisation.yaml, Feld „${field}“; das Muster steht in content/README.md.` },
      });
    })
    .optional();
}

/** `content/site.yaml`: the website – title, address, licence, start page (the body itself: organisation.yaml). */
export const siteSchema = z.strictObject({
  title: nonEmptyText,
  /** Absolute URL the site is published at; used for the feed, the sitemap and PDF links. */
  base_url: z.string().url({ protocol: /^https?$/, error: 'muss eine vollständige Adresse mit https:// sein (z. B. https://vereinbarungen.example.de)' }),
  publisher: movedToOrganisation('name'),
  department: movedToOrganisation('department'),
  address: movedToOrganisation('address'),
  contact_email: movedToOrganisation('contact_email'),
  data_protection_officer: movedToOrganisation('data_protection_officer'),
  /** The agreement shown first on the start page. */
  main_agreement: nonEmptyText,
  /** The start page's opening paragraph: what this site publishes. */
  lead: nonEmptyText.optional(),
  /**
   * The records folder (sent letters), relative to the content folder; default `../akten`, beside it.
   * Never inside the content folder, never under the build's output.
   */
  akten: nonEmptyText.optional(),
  /** Licence of the machine-readable data under /daten/ (OSCAL, OParl, CSV). */
  license: z
    .strictObject({
      /** Short identifier, e.g. „dl-de/by-2-0“. */
      id: nonEmptyText,
      name: nonEmptyText,
      url: z.string().url({ protocol: /^https?$/, error: 'muss eine vollständige Adresse mit https:// sein' }),
    })
    .optional(),
  /**
   * The content is an example instance, not a real body's documents: every page, every PDF and
   * every letter carries a mark. `true` for the standard mark, or the text of the mark. Without
   * it the instance is real and per-fact `beispiel` marks are refused (rule `beispiel-instanz`).
   */
  beispiel: exampleMark,
  /**
   * Where the content comes from, for a site built on example data: a note shown on the start page
   * and in the Impressum, and the facts that come from real documents, each with its source.
   */
  herkunft: z
    .strictObject({
      hinweis: nonEmptyText,
      belege: z.array(z.strictObject({ angabe: nonEmptyText, quelle: nonEmptyText })).default([]),
    })
    .optional(),
});
export type SiteConfig = z.infer<typeof siteSchema>;
