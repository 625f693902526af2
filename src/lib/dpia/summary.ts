import type { Content } from '../content-model.ts';
import { formatDateDe } from '../dates.ts';

/** The DPIA's header as the site's DPIA page and the PDF's Anlage 3 both show it. */
export interface DpiaSummary {
  available: boolean;
  title: string;
  version: string;
  dateText: string;
  result: string;
  nextReview?: string;
  nextReviewText?: string;
  /** Who reviewed it, with their finding (the DPO's advice under Art. 35(2) among them). */
  reviews: { role: string; date: string; dateText: string; result: string }[];
}

export function dpiaSummary(content: Content): DpiaSummary {
  const meta = content.dpia.meta;
  return {
    available: meta !== undefined,
    title: meta?.title ?? 'Datenschutz-Folgenabschätzung',
    version: meta?.version ?? '',
    dateText: meta ? formatDateDe(meta.date) : '',
    result: meta?.result ?? '',
    nextReview: meta?.next_review,
    nextReviewText: meta?.next_review ? formatDateDe(meta.next_review) : undefined,
    reviews: (meta?.reviews ?? []).map((r) => ({ role: r.role, date: r.date, dateText: formatDateDe(r.date), result: r.result })),
  };
}
