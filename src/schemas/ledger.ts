import { z } from 'zod';
import { isoDate, nonEmptyText, personFields, slugId, versionId } from './common.ts';

export const SIGNATURE_FORMS = ['schriftlich', 'elektronisch'] as const;

export const ledgerEntrySchema = z.strictObject({
  party: slugId,
  version: versionId,
  offered: isoDate,
  /** Date the party said it intends to sign. */
  intent: isoDate.optional(),
  signed: isoDate.optional(),
  form: z.enum(SIGNATURE_FORMS, { error: 'muss „schriftlich“ oder „elektronisch“ sein' }).optional(),
  signatory: z
    .strictObject({
      ...personFields,
      function: nonEmptyText,
    })
    .optional(),
  declined: isoDate.optional(),
  withdrawn: isoDate.optional(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** `content/ledger/<agreement-id>.yaml` */
export const ledgerFileSchema = z.strictObject({
  agreement: slugId,
  entries: z.array(ledgerEntrySchema),
});
