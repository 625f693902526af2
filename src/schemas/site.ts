import { z } from 'zod';
import { exampleMark, nonEmptyText } from './common.ts';

/** `content/site.yaml`: publisher data for Impressum, feed and PDFs (no natural persons). */
export const siteSchema = z.strictObject({
  title: nonEmptyText,
  /** Absolute URL the site is published at; used for the feed, the sitemap and PDF links. */
  base_url: z.string().url({ protocol: /^https?$/, error: 'muss eine vollständige Adresse mit https:// sein (z. B. https://vereinbarungen.example.de)' }),
  publisher: nonEmptyText,
  department: nonEmptyText,
  address: nonEmptyText,
  /** Functional mailbox, e.g. for accessibility feedback; not a person's address. */
  contact_email: z.string().email({ error: 'muss eine E-Mail-Adresse sein' }),
  data_protection_officer: nonEmptyText,
  /** The agreement shown first on the start page. */
  main_agreement: nonEmptyText,
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
