import type { Content } from '../content-model.ts';
import { organisationOf } from '../organisation/profile.ts';
import { absoluteUrl } from '../site/urls.ts';

/** The publisher as every printed document names it (from `content/organisation.yaml`). */
export interface PrintedPublisher {
  name: string;
  department: string;
  address: string;
}

export function printedPublisher(content: Content): PrintedPublisher {
  const org = organisationOf(content);
  return { name: org.name, department: org.department.name, address: org.address };
}

/** A site page as a printed document names it: the site's address from `site.yaml` plus the path (the path alone without one). */
export function printedUrl(content: Pick<Content, 'site'>, sitePath: string): string {
  return absoluteUrl(content.site?.base_url ?? '', sitePath);
}
