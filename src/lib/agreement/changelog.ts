import { REGIMES, type Regime } from '../../schemas/common.ts';
import type { AgreementEntry, Section, Version } from '../content-model.ts';
import { exampleMarkOf, type ExampleMarkView } from '../example-data.ts';
import { legalSpaces } from '../format.ts';
import { readingKey } from './compare.ts';
import { joinGerman } from '../format.ts';

/** A changelog entry as the outputs show it; an older plain-text entry has no §§ and no reason. */
export interface ChangeNote {
  sections: string[];
  text: string;
  reason?: string;
  /** Set when the reason is example data. */
  example?: ExampleMarkView;
}

/** The changelog of a version (version.yaml `changes`), with non-breaking spaces in „§ 23“ and „Art. 28 Abs. 3“ for every output. */
export function changelogOf(version: Pick<Version, 'changes'>): ChangeNote[] {
  return version.changes.map((c) =>
    typeof c === 'string'
      ? { sections: [], text: legalSpaces(c) }
      : { sections: c.sections, text: legalSpaces(c.text), reason: c.reason === undefined ? undefined : legalSpaces(c.reason), example: exampleMarkOf(c.beispiel) },
  );
}

/** A changelog entry of one of the versions between two compared ones, numbered through („Änderung 3“). */
export interface NumberedChangeNote extends ChangeNote {
  /** 1, 2, … across all versions of the range. */
  number: number;
  /** The version whose changelog it is. */
  version: string;
}

/**
 * The changelogs of every version after `from` up to `to`, oldest first, numbered through: what a
 * reader comparing the two versions needs to know about why (1.0 → 1.2 has the entries of 1.1 and 1.2).
 */
export function changelogBetween(agreement: Pick<AgreementEntry, 'versions'>, from: string, to: string): NumberedChangeNote[] {
  const start = agreement.versions.findIndex((v) => v.version === from);
  const end = agreement.versions.findIndex((v) => v.version === to);
  const out: NumberedChangeNote[] = [];
  for (const version of agreement.versions.slice(start + 1, end + 1)) {
    for (const note of changelogOf(version)) out.push({ ...note, number: out.length + 1, version: version.version });
  }
  return out;
}

/**
 * Whether a changelog entry is about a §: it names the §'s id. An older plain-text entry names no
 * §§ as data; there the § numbers in its text are the link („§ 10 nennt …“, „§§ 4–6 …“).
 */
export function noteCovers(note: ChangeNote, section: Pick<Section, 'id' | 'number'>): boolean {
  return note.sections.length > 0 ? note.sections.includes(section.id) : namesNumber(note.text, section.number);
}

function namesNumber(text: string, number: number): boolean {
  for (const m of text.matchAll(/§§?\s*(\d+)(?:\s*[–-]\s*(\d+))?((?:\s*,\s*\d+)*)(?:\s*und\s*(\d+))?/g)) {
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (number >= from && number <= to) return true;
    const more = [...(m[3] ?? '').matchAll(/\d+/g)].map((x) => Number(x[0]));
    if (m[4]) more.push(Number(m[4]));
    if (more.includes(number)) return true;
  }
  return false;
}

/** „§ 1“, „§§ 4–7“: the numbers of the §§ in order, runs of three or more as a range. */
export function sectionListText(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((x, y) => x - y);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return `${sorted.length === 1 ? '§' : '§§'}\u00a0${joinGerman(parts)}`;
}

/** The § a reader under `regime` sees (each file lists the regimes it is for, as in sectionsForRegime). */
function readingOf(version: Version, id: string, regime: Regime): Section | undefined {
  return version.sections.find((s) => s.id === id && s.regimes.includes(regime));
}

export interface DifferingSection {
  id: string;
  /** „§ 23“ (the new number; the old one for a removed §). */
  label: string;
  title: string;
  /** Regimes whose reading differs (all three when the general text changed). */
  regimes: Regime[];
}

/**
 * The §§ that read differently in `to` than in `from` for at least one regime: text, title,
 * number, or a regime variant added, changed or removed; also §§ added or removed. The one
 * definition of „changed“ for the changelog rule and the changes page.
 */
export function differingSections(from: Version, to: Version): DifferingSection[] {
  const ids = [...new Set([...to.sections.map((s) => s.id), ...from.sections.map((s) => s.id)])];
  const out: DifferingSection[] = [];
  for (const id of ids) {
    const regimes = REGIMES.filter((r) => readingKey(readingOf(from, id, r)) !== readingKey(readingOf(to, id, r)));
    if (regimes.length === 0) continue;
    const shown = to.sections.find((s) => s.id === id) ?? from.sections.find((s) => s.id === id)!;
    out.push({ id, label: `§\u00a0${shown.number}`, title: shown.title, regimes });
  }
  return out;
}
