import type { PdfJob } from './party-document.ts';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses „K/N“ (1 ≤ K ≤ N); undefined for an invalid value. */
export function parseShard(value: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || index < 1 || index > count) return undefined;
  return { index, count };
}

/**
 * The K-th of N slices: parties sorted by id are dealt out in contiguous blocks, so a
 * party's PDFs (all versions) land in one shard and the split is stable between runs.
 */
export function selectShard(jobs: PdfJob[], shard: Shard): PdfJob[] {
  const parties = [...new Set(jobs.map((j) => j.partyId))].sort();
  const start = Math.floor(((shard.index - 1) * parties.length) / shard.count);
  const end = Math.floor((shard.index * parties.length) / shard.count);
  const chosen = new Set(parties.slice(start, end));
  return jobs.filter((j) => chosen.has(j.partyId));
}
