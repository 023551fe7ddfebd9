/** Suggestions for hints: the closest known name ("did you mean ...?") and short lists of names. */

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, prev2[j - 2]! + 1);
      row.push(best);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** Options of `findClosest`. */
export interface ClosestOptions {
  /** Also ignore `-` and `_`, so `is_optional` matches `isOptional`. */
  ignoreSeparators?: boolean;
}

/**
 * The candidate closest to `word` when it is a likely typo: a case-insensitive
 * match first, then at most a third of the length in edits (at least 1, at
 * most 3); ties go to the first candidate in order.
 */
export function findClosest(
  word: string,
  candidates: Iterable<string>,
  options: ClosestOptions = {},
): string | undefined {
  const norm = (s: string) => (options.ignoreSeparators ? s.toLowerCase().replace(/[-_]/g, "") : s.toLowerCase());
  const target = norm(word);
  const limit = Math.min(3, Math.max(1, Math.floor(target.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const d = editDistance(target, norm(c));
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** `a, b, c and 4 more`: at most `max` items, in the order given. */
export function formatList(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/** ` (did you mean "x"?)` when a close candidate exists, else the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const closest = findClosest(word, candidates);
  return closest === undefined ? "" : ` (did you mean "${closest}"?)`;
}
