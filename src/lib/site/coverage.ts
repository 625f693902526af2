import { ART28_LABELS, ART28_POINTS, type Art28Point } from '../../schemas/agreement.ts';
import { regimeIds, regimeLabel } from '../vocabulary.ts';
import { findAgreement, findVersion } from '../agreement-view.ts';
import { adoptedVersions } from '../agreement/versions.ts';
import type { Content, Version } from '../content-model.ts';
import { joinGerman, legalSpaces } from '../format.ts';
import { readerHref } from './agreements.ts';
import { urls } from './urls.ts';

export interface CoverageCell {
  /** „§ 7“ links to the § in the reader; a note when only some regimes' text covers it. */
  sections: { label: string; title: string; href: string; note?: string }[];
  covered: boolean;
}

export interface CoverageRow {
  point: Art28Point;
  /** „lit. a“ */
  letter: string;
  label: string;
  cell: CoverageCell;
}

export interface CoverageView {
  agreementId: string;
  shortTitle: string;
  version: string;
  pageTitle: string;
  path: string;
  readerHref: string;
  rows: CoverageRow[];
  /** „Alle acht Punkte sind abgedeckt.“ or the missing letters. */
  verdict: string;
  complete: boolean;
  /** All versions side by side: one column per version. */
  matrix: { versions: { version: string; href: string; current: boolean }[]; rows: { letter: string; label: string; cells: { text: string; covered: boolean }[] }[] };
}

export function letterOf(point: Art28Point): string {
  return `lit.\u00a0${point.slice(-1)}`;
}

function cellFor(content: Content, version: Version, point: Art28Point): CoverageCell {
  const byId = new Map<string, { label: string; title: string; href: string; regimes: Set<string> }>();
  for (const s of version.sections) {
    if (!s.covers.includes(point)) continue;
    const entry = byId.get(s.id) ?? {
      label: `§\u00a0${s.number}`,
      title: s.title,
      href: `${readerHref(content, version, s.regimes[0]!)}#${s.id}`,
      regimes: new Set<string>(),
    };
    for (const r of s.regimes) entry.regimes.add(r);
    byId.set(s.id, entry);
  }
  const sections = [...byId.values()].map((e) => ({
    label: e.label,
    title: e.title,
    href: e.href,
    note: e.regimes.size < regimeIds(content).length ? `nur in der Fassung für ${joinGerman(regimeIds(content).filter((r) => e.regimes.has(r)).map((r) => regimeLabel(content, r)))}` : undefined,
  }));
  return { sections, covered: sections.length > 0 };
}

export function buildCoverageView(content: Content, agreementId: string, versionId: string): CoverageView {
  const agreement = findAgreement(content, agreementId);
  const version = findVersion(agreement, versionId);
  const rows = ART28_POINTS.map((point) => ({ point, letter: letterOf(point), label: legalSpaces(ART28_LABELS[point]), cell: cellFor(content, version, point) }));
  const missing = rows.filter((r) => !r.cell.covered).map((r) => r.letter);
  const currentId = adoptedVersions(agreement).at(-1)?.version;
  return {
    agreementId,
    shortTitle: agreement.short_title,
    version: versionId,
    pageTitle: `Art.\u00a028 Abs.\u00a03 DSGVO in Version ${versionId} – ${agreement.short_title}`,
    path: urls.coverage(agreementId, versionId),
    readerHref: urls.reader(agreementId, versionId),
    rows,
    complete: missing.length === 0,
    verdict:
      missing.length === 0
        ? 'Alle acht Pflichtinhalte nach Art.\u00a028 Abs.\u00a03 Satz\u00a02 DSGVO sind durch mindestens einen Paragraphen abgedeckt.'
        : `Nicht abgedeckt: ${joinGerman(missing)}.`,
    matrix: {
      versions: agreement.versions.map((v) => ({ version: v.version, href: urls.coverage(agreementId, v.version), current: v.version === currentId })),
      rows: ART28_POINTS.map((point) => ({
        letter: letterOf(point),
        label: legalSpaces(ART28_LABELS[point]),
        cells: agreement.versions.map((v) => {
          const cell = cellFor(content, v, point);
          return { text: cell.covered ? cell.sections.map((s) => s.label).join(', ') : 'fehlt', covered: cell.covered };
        }),
      })),
    },
  };
}
