/**
 * Names Polyaxon gives a meaning to in component specs: the template
 * namespaces every `{{ }}` may read besides the spec's own inputs and outputs,
 * and the IO names that would clash with them.
 *
 * Source: Polyaxon's context sections (`inputs`, `outputs`, `io`, `artifacts`,
 * `globals`), the params/connections/init resolution of a run, and the DAG
 * and matrix contexts (`dag`, `ops`, `matrix`).
 */

/** Top-level names a template may read without declaring them. */
export const TEMPLATE_NAMESPACES: readonly string[] = [
  "globals",
  "params",
  "connections",
  "init",
  "inputs",
  "outputs",
  "io",
  "artifacts",
  "dag",
  "ops",
  "matrix",
];

/** Jinja's own global functions, which Polyaxon's template engine also knows. */
export const JINJA_GLOBALS: readonly string[] = ["range", "dict", "lipsum", "cycler", "joiner", "namespace"];

/** IO names Polyaxon reserves: an input or output with one of them would shadow a template namespace. */
export const RESERVED_IO_NAMES: ReadonlySet<string> = new Set(TEMPLATE_NAMESPACES);

/** Whether a template may read `name` without the spec declaring it. */
export function isKnownTemplateName(name: string): boolean {
  return TEMPLATE_NAMESPACES.includes(name) || JINJA_GLOBALS.includes(name);
}

/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function measureDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = row;
  }
  return prev[b.length]!;
}

/** The candidate closest to `word` when it is a likely typo (at most a third of its length in edits, at least 1, at most 3). */
export function findClosestName(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const d = c.toLowerCase() === word.toLowerCase() ? 0 : measureDistance(word.toLowerCase(), c.toLowerCase());
    if (d <= limit && d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}
