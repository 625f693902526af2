import { createHash } from 'node:crypto';
import type { Content, Version } from './content-model.ts';
import { formatDateDe } from './dates.ts';

/**
 * What the checksum of an adopted version covers: name and text of every § file of the
 * version folder, regime variants included, in file-name order.
 */
export interface VersionTextFile {
  /** File name inside the version folder, e.g. `07-weisungen.mdx`. */
  name: string;
  /** The file's text as read (BOM dropped, line endings LF). */
  text: string;
}

/**
 * The text as the checksum sees it: line endings LF, no BOM, Unicode NFC, no spaces at line
 * ends, exactly one final newline. Editors and machines differ in these; the words do not.
 */
export function normaliseVersionText(text: string): string {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** SHA-256 (hex) over the normalised § files of one version: the „Prüfsumme des Vertragstexts“. */
export function versionTextChecksum(files: readonly VersionTextFile[]): string {
  const hash = createHash('sha256');
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const file of sorted) {
    const text = normaliseVersionText(file.text);
    // Name and length first: no two different sets of files give the same byte stream.
    hash.update(`${file.name}\n${new TextEncoder().encode(text).length}\n${text}`);
  }
  return hash.digest('hex');
}

/** The § files of a version as the checksum sees them (file name from the section's source path). */
export function versionTextFiles(version: Pick<Version, 'sections'>): VersionTextFile[] {
  return version.sections.map((s) => ({ name: s.source.file.split('/').pop() ?? s.source.file, text: s.fileText }));
}

/** The checksum a version's text has now. */
export function currentVersionChecksum(version: Pick<Version, 'sections'>): string {
  return versionTextChecksum(versionTextFiles(version));
}

/** The checksum an adopted version's text must have: the last erratum's, else the one recorded at adoption. */
export function recordedVersionChecksum(version: Pick<Version, 'text_sha256' | 'errata'>): string | undefined {
  return version.errata.at(-1)?.text_sha256 ?? version.text_sha256;
}

/** The checksum the version's text had on `date`: the last erratum's up to that day, else the one recorded at adoption. */
export function versionChecksumOn(version: Pick<Version, 'text_sha256' | 'errata'>, date: string): string | undefined {
  return version.errata.filter((e) => e.date <= date).at(-1)?.text_sha256 ?? version.text_sha256;
}

export interface ErratumView {
  dateText: string;
  /** „§ 7 Weisungen“ (with the file name when a § has regime variants). */
  sectionLabel: string;
  reason: string;
  checksum: string;
}

/** What the version page shows about the frozen text: its checksum and every recorded erratum. */
export interface VersionRecordView {
  /** Absent for a draft. */
  checksum?: string;
  errata: ErratumView[];
}

export function buildVersionRecordView(version: Pick<Version, 'status' | 'sections' | 'text_sha256' | 'errata'>): VersionRecordView {
  if (version.status === 'entwurf') return { errata: [] };
  return {
    checksum: recordedVersionChecksum(version),
    errata: version.errata.map((e) => {
      const section = version.sections.find((s) => s.source.file.split('/').pop() === e.file);
      const variants = section ? version.sections.filter((s) => s.number === section.number).length : 0;
      const label = section ? `§\u00a0${section.number} ${section.title}` : e.file;
      return {
        dateText: formatDateDe(e.date),
        sectionLabel: section && variants > 1 ? `${label} (${e.file})` : label,
        reason: e.reason,
        checksum: e.text_sha256,
      };
    }),
  };
}

/** The record view of one agreement version, for its reader pages (empty when it does not exist). */
export function buildVersionRecordViewFor(content: Pick<Content, 'agreements'>, agreementId: string, version: string): VersionRecordView {
  const found = content.agreements.find((a) => a.id === agreementId)?.versions.find((v) => v.version === version);
  return found ? buildVersionRecordView(found) : { errata: [] };
}
