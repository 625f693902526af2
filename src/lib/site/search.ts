import type { Content } from '../content-model.ts';
import { organisationOf } from '../organisation/profile.ts';

export interface SearchPageView {
  title: string;
  description: string;
  lead: string;
}

/** The search page's texts; what it searches names the body's council. */
export function buildSearchPageView(content: Content): SearchPageView {
  const council = organisationOf(content).council;
  return {
    title: 'Suche',
    description: 'Volltextsuche im Vertragstext, im Maßnahmenkatalog und in der Datenschutz-Folgenabschätzung.',
    lead: `Durchsucht den Text der Vereinbarungen (alle beschlossenen Versionen), den Maßnahmenkatalog, die Datenschutz-Folgenabschätzung und die Vorlagen ${council.genitive}. Die Suche läuft vollständig in Ihrem Browser.`,
  };
}
