import { z } from 'zod';
import { REGIMES } from './common.ts';

/**
 * `pdf/manifest.json`: one entry per published PDF. The PDF build writes it, the site shows
 * sizes and checksums from it, „PDF prüfen“ and the ledger command look copies up in it.
 */
export const manifestEntrySchema = z.object({
  /** Relative to the output root, e.g. `pdf/muster/1.1/traeger-001.pdf`. */
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
  /** The browser binary that printed this copy: product and version as it reports them, e.g. „Chromium 147.0.7727.0“. */
  browser: z.string().min(1).optional(),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

/** Published PDFs that are not a party's copy: nobody signs them, „PDF prüfen“ and the ledger never take them for one. */
export const DOCUMENT_KINDS = ['dsfa', 'synopse'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * One such PDF: the DPIA of one version (`pdf/dsfa/dsfa-1.1.pdf`), or the Synopse of two versions
 * of an agreement (`pdf/<agreement>/synopse/synopse-1.1-1.2.pdf`, with `agreement` and `from`).
 */
export const documentEntrySchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  path: z.string().min(1),
  /** The agreement a Synopse compares versions of. */
  agreement: z.string().min(1).optional(),
  /** The older version a Synopse compares (`version` is the newer one). */
  from: z.string().min(1).optional(),
  /** The version of the document (for the DPIA: its own version, not an agreement's; for a Synopse: the newer version). */
  version: z.string().min(1),
  /** Lifecycle of that version when it has one (entwurf, beschlossen, abgeloest). */
  status: z.string().min(1).optional(),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  documentId: z.string().min(1),
  browser: z.string().min(1).optional(),
});
export type DocumentEntry = z.infer<typeof documentEntrySchema>;

/**
 * A Word file of a published PDF (`pdf/<agreement>/<version>/<party>.docx` beside the PDF in `of`):
 * a working copy for lawyers, not a record. Listed apart from `entries` and `documents`, so „PDF
 * prüfen“, the ledger and the letters never take one for a copy.
 */
export const workingCopyEntrySchema = z.object({
  path: z.string().min(1),
  /** The PDF it is a working copy of (its path in this manifest). */
  of: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The PDF's document id, which the Word file names too. */
  documentId: z.string().min(1),
});
export type WorkingCopyEntry = z.infer<typeof workingCopyEntrySchema>;

export const pdfManifestSchema = z.object({
  format: z.literal(1),
  /** Set on the partial manifest of one `--shard K/N` run. */
  shard: z.object({ index: z.number().int().positive(), count: z.number().int().positive() }).optional(),
  /** The browser that printed all the PDFs, when it was one. */
  browser: z.string().min(1).optional(),
  /** The parties' copies: the only entries anything treats as a copy to offer, sign or check. */
  entries: z.array(manifestEntrySchema),
  /** Other published PDFs (absent when there are none, and in manifests written before them). */
  documents: z.array(documentEntrySchema).optional(),
  /** Word working copies of the copies and Synopsen (absent when there are none, and in older manifests). */
  workingCopies: z.array(workingCopyEntrySchema).optional(),
});
export type PdfManifest = z.infer<typeof pdfManifestSchema>;
