import { createHash } from 'node:crypto';
import type { AgreementView } from '../agreement-view.ts';
import type { PartyDocument } from './party-document.ts';

/**
 * The document id of a personal copy: `<agreement>-<version>-<party>-<8 hex digits>`, the digits
 * from a SHA-256 over what the copy is about – the version's text and record, the party (with its
 * kind's name), its units with their register entries and weights, the plan, the annexes, the
 * signature block, the PDF's metadata.
 *
 * The JSON this hashes has a frozen shape: the one copies have been identified by since the first
 * release. So an update of Vertragswerk leaves the id (and with it the bytes) of every copy whose
 * print does not change as it was, and „PDF prüfen“ still recognises copies sent before. Its keys
 * are names of that format – `bedarfsplan`, `facilities`, `places` were fields of the first
 * content model – not words anyone reads; they must not be renamed. The other words a body gives
 * itself (units, weight and register names of parties/<kind>.yaml and registers/, vocabularies.yaml,
 * organisation.yaml) change the print, which the PDF and Word caches key by `digest` (everything
 * the copy shows); they stay out of the id.
 */

/** What a copy prints of the agreement view, in the frozen shape (the variant note is words: print only). */
export function identityOfView(view: AgreementView) {
  const { version: v } = view;
  return {
    agreementId: view.agreementId,
    title: view.title,
    shortTitle: view.shortTitle,
    summary: view.summary,
    regime: view.regime,
    regimeLabel: view.regimeLabel,
    version: { version: v.version, adopted: v.adopted, adoptedBy: v.adoptedBy, paper: v.paper, session: v.session, effective: v.effective },
    parts: view.parts,
  };
}

/**
 * The hashed identity of a copy. `viewDigest`: SHA-256 of `identityOfView` (shared by many copies,
 * computed once); `plan`: the plan of the register the version's rule names.
 */
export function identityDigest(doc: Omit<PartyDocument, 'documentId' | 'digest'>, viewDigest: string, plan: string): string {
  const identity = {
    job: doc.job,
    textSha256: doc.textSha256,
    agreement: viewDigest,
    publisher: doc.publisher,
    cover: { ...doc.cover, adoptedByPhrase: undefined },
    party: {
      id: doc.party.id,
      kind: doc.party.kind,
      kindLabel: doc.party.kindLabel,
      name: doc.party.name,
      legalForm: doc.party.legalForm,
      street: doc.party.street,
      postalCode: doc.party.postalCode,
      city: doc.party.city,
      regime: doc.party.regime,
      regimeLabel: doc.party.regimeLabel,
    },
    bedarfsplan: plan,
    facilities: doc.units.rows.map((u) => ({ name: u.name, street: u.street, postalCode: u.postalCode, city: u.city, entry: u.entry, places: u.weight })),
    placesTotal: doc.weight?.total ?? 0,
    toms: doc.toms,
    tomCount: doc.tomCount,
    dpia: doc.dpia,
    partySignature: doc.partySignature,
    exampleMark: doc.exampleMark,
    metadata: doc.metadata,
  };
  return sha256Hex(JSON.stringify(identity));
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
