import type { Content } from '../content-model.ts';
import { absoluteUrl } from '../site/urls.ts';

/** The publisher as every printed document names it (from `content/site.yaml`). */
export interface PrintedPublisher {
  name: string;
  department: string;
  address: string;
}

export function printedPublisher(content: Pick<Content, 'site'>): PrintedPublisher {
  const site = content.site;
  return { name: site?.publisher ?? '', department: site?.department ?? '', address: site?.address ?? '' };
}

/** A site page as a printed document names it: the site's address from `site.yaml` plus the path (the path alone without one). */
export function printedUrl(content: Pick<Content, 'site'>, sitePath: string): string {
  return absoluteUrl(content.site?.base_url ?? '', sitePath);
}
