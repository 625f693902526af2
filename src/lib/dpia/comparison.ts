import type { Content, DpiaVersion } from '../content-model.ts';
import { RISK_LEVEL_LABELS, compareLevels, type RiskLevel } from './risk.ts';
import { levelOf } from './versions.ts';

/**
 * A DPIA version's risk levels next to those of the version it supersedes, per risk id: the
 * DPIA PDF and the site's DPIA page both show this one comparison. Each level comes from its own
 * version's matrix (levelOf), so a risk whose assessment did not change can still change level
 * when the matrix did (1.1 multiplied, 2.0 reads the DSK table).
 */

/** How a level moved against the previous version; „neu“ when the previous version lacks the risk. */
export type LevelMove = 'neu' | 'gleich' | 'hoeher' | 'niedriger';

export const LEVEL_MOVE_LABELS: Record<LevelMove, string> = { neu: 'neu', gleich: 'unverändert', hoeher: 'höher', niedriger: 'niedriger' };

export interface LevelPair {
  /** Level in the previous version; null for a new risk. */
  previous: RiskLevel | null;
  previousLabel: string;
  current: RiskLevel;
  currentLabel: string;
  move: LevelMove;
  moveLabel: string;
}

export interface RiskLevelComparisonRow {
  id: string;
  title: string;
  isNew: boolean;
  before: LevelPair;
  after: LevelPair;
}

export interface DpiaLevelComparison {
  previousVersion: string;
  version: string;
  /** „Risikostufe in Version 1.1 und 2.0“ */
  caption: string;
  /** Every risk of this version, in register order; new ones marked. */
  rows: RiskLevelComparisonRow[];
  /** Risks of the previous version this one no longer has. */
  dropped: { id: string; title: string }[];
  /** How many levels went up or down, before and after the measures (new risks not counted). */
  counts: { before: { hoeher: number; niedriger: number }; after: { hoeher: number; niedriger: number }; neu: number };
}

type Version = Pick<DpiaVersion, 'meta' | 'risks'>;

/** The version `dpia` supersedes (meta.supersedes), when the content has it. */
export function previousDpia(content: Pick<Content, 'dpia'>, dpia: Pick<DpiaVersion, 'meta'>): DpiaVersion | undefined {
  const version = dpia.meta.supersedes;
  return version === undefined ? undefined : content.dpia.versions.find((v) => v.meta.version === version);
}

function pair(previous: RiskLevel | null, current: RiskLevel): LevelPair {
  const order = previous === null ? 0 : compareLevels(current, previous);
  const move: LevelMove = previous === null ? 'neu' : order > 0 ? 'hoeher' : order < 0 ? 'niedriger' : 'gleich';
  return {
    previous,
    previousLabel: previous === null ? 'neu' : RISK_LEVEL_LABELS[previous],
    current,
    currentLabel: RISK_LEVEL_LABELS[current],
    move,
    moveLabel: LEVEL_MOVE_LABELS[move],
  };
}

/** Compares `current` with `previous` risk by risk (matched by id), each level from its own version's matrix. Pure. */
export function compareDpiaLevels(previous: Version, current: Version): DpiaLevelComparison {
  const before = new Map(previous.risks.map((r) => [r.id, r]));
  const rows = current.risks.map((r): RiskLevelComparisonRow => {
    const old = before.get(r.id);
    return {
      id: r.id,
      title: r.title,
      isNew: old === undefined,
      before: pair(old ? levelOf(previous, old.before) : null, levelOf(current, r.before)),
      after: pair(old ? levelOf(previous, old.after) : null, levelOf(current, r.after)),
    };
  });
  const ids = new Set(current.risks.map((r) => r.id));
  const moved = (side: 'before' | 'after', move: LevelMove) => rows.filter((r) => r[side].move === move).length;
  return {
    previousVersion: previous.meta.version,
    version: current.meta.version,
    caption: `Risikostufe in Version ${previous.meta.version} und ${current.meta.version}`,
    rows,
    dropped: previous.risks.filter((r) => !ids.has(r.id)).map((r) => ({ id: r.id, title: r.title })),
    counts: {
      before: { hoeher: moved('before', 'hoeher'), niedriger: moved('before', 'niedriger') },
      after: { hoeher: moved('after', 'hoeher'), niedriger: moved('after', 'niedriger') },
      neu: rows.filter((r) => r.isNew).length,
    },
  };
}

/** The comparison of `dpia` with the version it supersedes; undefined for a first version. */
export function dpiaLevelComparison(content: Pick<Content, 'dpia'>, dpia: Version): DpiaLevelComparison | undefined {
  const previous = previousDpia(content, dpia);
  return previous ? compareDpiaLevels(previous, dpia) : undefined;
}
