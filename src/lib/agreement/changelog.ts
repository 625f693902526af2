import { REGIMES, type Regime } from '../../schemas/common.ts';
import type { Section, Version } from '../content-model.ts';
import { exampleMarkOf, type ExampleMarkView } from '../example-data.ts';
import { legalSpaces } from '../format.ts';
import { readingKey } from './compare.ts';

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
