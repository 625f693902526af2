import type { Regime } from '../schemas/common.ts';
import { regimeIds, regimeLabel } from './vocabulary.ts';
import { agreementWords } from './parties/kinds.ts';
import { VERSION_STATUS_LABELS } from '../schemas/agreement.ts';
import { changelogOf } from './agreement/changelog.ts';
import type { AgreementEntry, Content, Section, Version } from './content-model.ts';
import { formatDateDe } from './dates.ts';
import { currentVersion } from './agreement/versions.ts';
import { renderMarkdownBody, type ParagraphAnchor } from './markdown.ts';

export interface SectionView {
  id: string;
  number: number;
  /** „§ 5“ with a non-breaking space. */
  label: string;
  title: string;
  part: 'A' | 'B';
  anchor: string;
  html: string;
  text: string;
  paragraphs: ParagraphAnchor[];
  covers: string[];
  /** True when other regimes read a different text for this §. */
  isVariant: boolean;
}

export interface PartView {
  part: 'A' | 'B';
  title: string;
  sections: SectionView[];
}

export interface VersionSummary {
  version: string;
  status: Version['status'];
  statusLabel: string;
  adopted?: string;
  adoptedText?: string;
  adoptedBy?: string;
  paper?: string;
  session?: string;
  effective?: string;
  supersedes?: string;
  changes: string[];
}

/** One agreement at one version, as read under one regime: what the site page and the PDF render. */
export interface AgreementView {
  agreementId: string;
  title: string;
  shortTitle: string;
  summary: string;
  version: VersionSummary;
  /** Newest adopted version; equals `version.version` when this one is current. */
  currentVersion: string;
  isCurrent: boolean;
  regime: Regime;
  regimeLabel: string;
  /** Above a § that reads differently by regime: „Fassung für Träger unter KDG.“ (the agreement's party words). */
  variantNote: string;
  parts: PartView[];
  sections: SectionView[];
  /** All versions, oldest first, for the version switcher. */
  versions: VersionSummary[];
}

export function sectionAnchor(sectionId: string): string {
  return sectionId;
}

export function summarizeVersion(version: Version): VersionSummary {
  return {
    version: version.version,
    status: version.status,
    statusLabel: VERSION_STATUS_LABELS[version.status],
    adopted: version.adopted,
    adoptedText: version.adopted ? formatDateDe(version.adopted) : undefined,
    adoptedBy: version.adopted_by,
    paper: version.paper,
    session: version.session,
    effective: version.effective,
    supersedes: version.supersedes,
    changes: changelogOf(version).map((c) => c.text),
  };
}

/** Sections a reader under `regime` sees, in § order. */
export function sectionsForRegime(version: Version, regime: Regime): Section[] {
  return version.sections.filter((s) => s.regimes.includes(regime)).sort((a, b) => a.number - b.number);
}

export function findAgreement(content: Content, agreementId: string): AgreementEntry {
  const agreement = content.agreements.find((a) => a.id === agreementId);
  if (!agreement) throw new Error(`Unbekannte Vereinbarung „${agreementId}“.`);
  return agreement;
}

export function findVersion(agreement: AgreementEntry, version: string): Version {
  const found = agreement.versions.find((v) => v.version === version);
  if (!found) throw new Error(`Die Vereinbarung „${agreement.id}“ hat keine Version „${version}“.`);
  return found;
}

export function buildAgreementView(content: Content, agreementId: string, versionId: string, regime: Regime): AgreementView {
  const agreement = findAgreement(content, agreementId);
  const version = findVersion(agreement, versionId);
  const current = currentVersion(agreement);
  const variantIds = new Set(
    version.sections.filter((s) => s.regimes.length < regimeIds(content).length || version.sections.some((o) => o !== s && o.id === s.id)).map((s) => s.id),
  );
  const sections: SectionView[] = sectionsForRegime(version, regime).map((s) => {
    const anchor = sectionAnchor(s.id);
    const body = renderMarkdownBody(s.body, anchor);
    return {
      id: s.id,
      number: s.number,
      label: `§\u00a0${s.number}`,
      title: s.title,
      part: s.part,
      anchor,
      html: body.html,
      text: body.text,
      paragraphs: body.paragraphs,
      covers: s.covers,
      isVariant: variantIds.has(s.id),
    };
  });
  const parts: PartView[] = (['A', 'B'] as const)
    .map((part) => ({ part, title: agreement.parts[part], sections: sections.filter((s) => s.part === part) }))
    .filter((p) => p.sections.length > 0);
  return {
    agreementId: agreement.id,
    title: agreement.title,
    shortTitle: agreement.short_title,
    summary: agreement.summary,
    version: summarizeVersion(version),
    currentVersion: current?.version ?? version.version,
    isCurrent: current?.version === version.version,
    regime,
    regimeLabel: regimeLabel(content, regime),
    variantNote: `Fassung für ${agreementWords(content, agreement).many} unter ${regimeLabel(content, regime)}.`,
    parts,
    sections,
    versions: agreement.versions.map(summarizeVersion),
  };
}
