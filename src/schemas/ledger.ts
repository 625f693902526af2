import { z } from 'zod';
import { exampleMark, isoDate, nonEmptyText, personFields, slugId, versionId } from './common.ts';

export const SIGNATURE_FORMS = ['schriftlich', 'elektronisch'] as const;

/** Which PDF copy an offer or a signature concerns: so that it stays verifiable when later builds change the bytes. */
export const copyRefSchema = z.strictObject({
  document_id: nonEmptyText,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'muss eine SHA-256-Prüfsumme sein (64 Zeichen 0–9, a–f)' }),
});
export type CopyRef = z.infer<typeof copyRefSchema>;

/** A reminder sent about an open offer (`npm run letters`, recorded with `npm run ledger -- offer --from-letters`). */
export const reminderSchema = z.strictObject({
  date: isoDate,
  /** The copy the reminder enclosed (the document id the letter names). */
  copy: copyRefSchema.optional(),
  /** SHA-256 of the reminder letter's PDF, as the letter run wrote it. */
  letter_sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'muss eine SHA-256-Prüfsumme sein (64 Zeichen 0–9, a–f)' }).optional(),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const ledgerEntrySchema = z.strictObject({
  party: slugId,
  version: versionId,
  /** Why a version that a newer one had already replaced was offered or signed (recorded, shown to staff). */
  exception_reason: nonEmptyText.optional(),
  offered: isoDate,
  /** The copy the offer enclosed. */
  offered_copy: copyRefSchema.optional(),
  /** Reminders sent about this offer, oldest first. A reminder is no answer: it changes no figure. */
  reminders: z.array(reminderSchema).optional(),
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
  /** The copy that was signed. */
  signed_copy: copyRefSchema.optional(),
  declined: isoDate.optional(),
  withdrawn: isoDate.optional(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** `content/ledger/<agreement-id>.yaml` */
export const ledgerFileSchema = z.strictObject({
  agreement: slugId,
  /** The entries are example data: the signing figures computed from them carry the mark where they are shown. */
  beispiel: exampleMark,
  entries: z.array(ledgerEntrySchema),
});
