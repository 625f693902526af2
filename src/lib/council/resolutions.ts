import type { Council } from '../../schemas/council.ts';
import type { AgreementEntry, Content } from '../content-model.ts';
import { buildSigningFigures } from '../signing/figures.ts';

export type BeschlusskontrolleEntry = Council['beschlusskontrolle'][number];
export type Resolution = Council['resolutions'][number];
export type OfferLetter = Council['offer_letters'][number];

/** Papers whose resolutions concern the agreement, its own paper first. */
export function papersOf(content: Content, agreement: AgreementEntry): string[] {
  const papers = [agreement.paper];
  for (const r of content.council?.resolutions ?? []) if (r.agreement === agreement.id && !papers.includes(r.paper)) papers.push(r.paper);
  return papers;
}

/** The Beschlusskontrolle reports about an agreement (on its own paper or one whose resolutions concern it), oldest first. */
export function beschlusskontrolleFor(content: Content, agreement: AgreementEntry): BeschlusskontrolleEntry[] {
  const papers = papersOf(content, agreement);
  return (content.council?.beschlusskontrolle ?? []).filter((b) => papers.includes(b.paper)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The reports on the first of the agreement's papers that has any (its own paper first), oldest first: the letter's series. */
export function ownBeschlusskontrolle(content: Content, agreement: AgreementEntry): BeschlusskontrolleEntry[] {
  const entries = beschlusskontrolleFor(content, agreement);
  const paper = papersOf(content, agreement).find((p) => entries.some((e) => e.paper === p));
  return entries.filter((e) => e.paper === paper);
}

/** Offer letters for an agreement sent by the end of `asOf` (all without a date), oldest first. */
export function offerLettersFor(content: Content, agreementId: string, asOf?: string): OfferLetter[] {
  return (content.council?.offer_letters ?? [])
    .filter((o) => o.agreement === agreementId && (asOf === undefined || o.date <= asOf))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export type ResolutionStatus = 'beschlossen' | 'in-umsetzung' | 'erledigt' | 'offen';

export const RESOLUTION_STATUS_LABELS: Record<ResolutionStatus, string> = {
  beschlossen: 'beschlossen',
  'in-umsetzung': 'in Umsetzung',
  erledigt: 'erledigt',
  offen: 'offen',
};

/**
 * Where a resolution point stands at the end of `asOf` – the one definition for the council page
 * and the letter. Adopting a framework agreement is done when adopted. Concluding individual
 * agreements is done when offers went out and every eligible party has answered (signed,
 * declined or terminated): no party without an agreement still has an open offer (signing/terms.ts),
 * and none is left without one. A bound party's open offer of a newer version does not count here.
 */
export function resolutionStatus(content: Content, resolution: Resolution, asOf: string): { status: ResolutionStatus; done: boolean } {
  if (resolution.kind === 'rahmenvereinbarung') {
    const done = resolution.adopted !== undefined && resolution.adopted <= asOf;
    return { status: done ? 'beschlossen' : 'offen', done };
  }
  const agreement = content.agreements.find((a) => a.id === resolution.agreement);
  if (!agreement || offerLettersFor(content, agreement.id, asOf).length === 0) return { status: 'offen', done: false };
  const f = buildSigningFigures(content, agreement, asOf);
  const done = f.open === 0 && f.notOffered === 0;
  return { status: done ? 'erledigt' : 'in-umsetzung', done };
}
