/** Compare parsed values, not text: which fields changed between two versions of a file. */
import type { ValuePath } from "../yaml/positions.js";

/** Deep equality of plain JSON data (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null)
    return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.hasOwn(b as object, k) &&
        sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

/**
 * The paths of every changed value, as deep as they can be told apart:
 * mappings key by key; sequences of equal length item by item; otherwise the
 * first differing item. An empty result means the values are equal.
 */
export function changedPaths(before: unknown, after: unknown, at: ValuePath = []): ValuePath[] {
  if (sameValue(before, after)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => changedPaths(before[k], after[k], [...at, k]));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length === after.length) return before.flatMap((x, i) => changedPaths(x, after[i], [...at, i]));
    const first = Math.min(before.length, after.length);
    const i = before.findIndex((x, j) => j >= after.length || !sameValue(x, after[j]));
    return [[...at, i < 0 ? first : i]];
  }
  return [at];
}

/** The top-level keys among `paths` (`[]` counts as the whole document, key ``). */
export function topKeys(paths: readonly ValuePath[]): Set<string> {
  return new Set(paths.map((p) => (p.length === 0 ? "" : String(p[0]))));
}

/** The 1-based number of the first line where two texts differ (1 when one is missing). */
export function firstDifferentLine(before: string | undefined, after: string | undefined): number {
  if (before === undefined || after === undefined) return 1;
  const a = before.split("\n");
  const b = after.split("\n");
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return Math.min(i, b.length - 1) + 1;
  return 1;
}
