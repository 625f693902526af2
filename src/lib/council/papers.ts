import type { Council } from '../../schemas/council.ts';

/** Council facts the site's council page and the OParl export share. */
export const PAPER_KIND_LABELS: Record<Council['papers'][number]['kind'], string> = {
  antrag: 'Antrag',
  vorlage: 'Vorlage',
};

/** A consultation in which the body decides (not only advises): „beschließend“ in its role. */
export function isDecisionRole(role: string): boolean {
  return /beschließend/i.test(role);
}
