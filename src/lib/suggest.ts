/** Edit distance with adjacent transpositions (optimal string alignment), for „Meinten Sie …?“. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Ids with their zero-padded numbers read as numbers: „traeger-92“ and „traeger-092“ are the same. */
const normalise = (id: string) => id.toLowerCase().replace(/\d+/g, (n) => String(Number(n)));

/**
 * The candidates closest to what was typed (up to `limit`, ties in id order): one typo away
 * (a swapped, missing, extra or wrong character; two in long ids), or the same id with
 * other leading zeros. None when nothing is that close – another number is another party.
 */
export function closestIds(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const typed = normalise(input);
  const allowed = typed.length > 12 ? 2 : 1;
  const numbers = (s: string) => (s.match(/\d+/g) ?? []).join(' ');
  const scored = [...new Set(candidates)]
    .filter((id) => numbers(normalise(id)) === numbers(typed))
    .map((id) => ({ id, distance: editDistance(typed, normalise(id)) }))
    .filter(({ distance }) => distance <= allowed)
    .sort((a, b) => a.distance - b.distance || (a.id < b.id ? -1 : 1));
  const best = scored[0]?.distance;
  return scored.filter((s) => s.distance === best).slice(0, limit).map((s) => s.id);
}

/** Words of a command line compared without case, dashes or underscores: „--dryrun“, „--as_of“, „--asOf“. */
const bareWord = (word: string) => word.toLowerCase().replace(/^-+/, '').replace(/[-_]/g, '');

/**
 * The known words (options with their dashes, subcommands, stage or format names) closest to a
 * misspelt one: the same apart from case and dashes, one typo away (two in long words), or the
 * beginning of exactly one of them. Unlike ids, numbers carry no special meaning here.
 */
export function closestWords(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const typed = bareWord(input);
  if (typed === '') return [];
  const known = [...new Set(candidates)];
  // A one-letter word is one typo away from every other one.
  const allowed = Math.min(typed.length > 7 ? 2 : 1, typed.length - 1);
  const scored = known
    .map((word) => ({ word, distance: editDistance(typed, bareWord(word)) }))
    .filter(({ distance }) => distance <= allowed)
    .sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : 1));
  const best = scored[0]?.distance;
  if (best !== undefined) return scored.filter((s) => s.distance === best).slice(0, limit).map((s) => s.word);
  const starts = typed.length >= 3 ? known.filter((word) => bareWord(word).startsWith(typed)) : [];
  return starts.length === 1 ? starts : [];
}

/** „ Meinten Sie „a“?“, „ Meinten Sie „a“ oder „b“?“ – empty for none. */
export function formatSuggestions(close: readonly string[]): string {
  if (close.length === 0) return '';
  const quoted = close.map((c) => `„${c}“`);
  return ` Meinten Sie ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} oder ${quoted.at(-1)}`}?`;
}

/** „ Meinten Sie „traeger-092“?“ – empty when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  return formatSuggestions(closestIds(input, candidates));
}

/** „ Meinten Sie „--version“?“ for a misspelt option, subcommand or name – empty when nothing is close. */
export function didYouMeanWord(input: string, candidates: Iterable<string>): string {
  return formatSuggestions(closestWords(input, candidates));
}
