import { z } from 'zod';
import { REGIMES } from './common.ts';

/**
 * `pdf/manifest.json`: one entry per published PDF. The PDF build writes it, the site shows
 * sizes and checksums from it, „PDF prüfen“ and the ledger command look copies up in it.
 */
export const manifestEntrySchema = z.object({
  /** Relative to the output root, e.g. `pdf/kita-planer-2/1.1/traeger-001.pdf`. */
  path: z.string().min(1),
  party: z.string().min(1),
  agreement: z.string().min(1),
  version: z.string().min(1),
  regime: z.enum(REGIMES),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The document id printed on every page of the copy (absent in manifests written before it was listed). */
  documentId: z.string().min(1).optional(),
  /** The browser that printed this copy (name and version). */
  browser: z.string().min(1).optional(),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const pdfManifestSchema = z.object({
  format: z.literal(1),
  /** Set on the partial manifest of one `--shard K/N` run. */
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).optional(),
  /** The browser that printed all the PDFs, when it was one. */
  browser: z.string().min(1).optional(),
  entries: z.array(manifestEntrySchema),
});
export type PdfManifest = z.infer<typeof pdfManifestSchema>;
