import { VERSION_STATUS_LABELS } from '../../schemas/agreement.ts';
import type { Content, DpiaVersion } from '../content-model.ts';
import { formatDateDe } from '../dates.ts';
import { exampleMarkOf, type ExampleMarkView } from '../example-data.ts';

/** The header of one DPIA version as the site's DPIA page and the PDF's Anlage 3 both show it. */
export interface DpiaSummary {
  available: boolean;
  title: string;
  version: string;
  status: DpiaVersion['meta']['status'] | undefined;
  statusLabel: string;
  isDraft: boolean;
  dateText: string;
  result: string;
  nextReview?: string;
  nextReviewText?: string;
  /** „Musterportal 2: Versionen 1.0 und 1.1“, one line per agreement the version belongs to. */
  agreements: string[];
  /** Where the matrix that gives the levels comes from. */
  matrixSource: string;
  /** Who reviewed it, with their finding. */
  reviews: { role: string; date: string; dateText: string; result: string; example?: ExampleMarkView }[];
}

/** Summary of `dpia` (one version); `available: false` when the agreement version has none. */
export function dpiaSummary(content: Content, dpia: Pick<DpiaVersion, 'meta'> | undefined): DpiaSummary {
  const meta = dpia?.meta;
  return {
    available: meta !== undefined,
    title: meta?.title ?? 'Datenschutz-Folgenabschätzung',
    version: meta?.version ?? '',
    status: meta?.status,
    statusLabel: meta ? VERSION_STATUS_LABELS[meta.status] : '',
    isDraft: meta?.status === 'entwurf',
    dateText: meta ? formatDateDe(meta.date) : '',
    result: meta?.result ?? '',
    nextReview: meta?.next_review,
    nextReviewText: meta?.next_review ? formatDateDe(meta.next_review) : undefined,
    agreements: (meta?.agreements ?? []).map((tie) => tieText(content, tie.agreement, tie.versions)),
    matrixSource: meta?.matrix.source ?? '',
    reviews: (meta?.reviews ?? []).map((r) => ({ role: r.role, date: r.date, dateText: formatDateDe(r.date), result: r.result, example: exampleMarkOf(r.beispiel) })),
  };
}

/** „Musterportal 2, Versionen 1.0 und 1.1“ (the agreement's short title when it exists). */
export function tieText(content: Content, agreementId: string, versions: readonly string[]): string {
  const title = content.agreements.find((a) => a.id === agreementId)?.short_title ?? agreementId;
  const list = versions.length === 1 ? `Version ${versions[0]}` : `Versionen ${versions.slice(0, -1).join(', ')} und ${versions.at(-1)}`;
  return `${title}, ${list}`;
}
