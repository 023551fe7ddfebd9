/**
 * Order of version tags, for the versions check and the site: semver tags
 * (and `1.2`-style tags, read as `1.2.0`) newest first, then every other tag
 * (`latest`, `all-spark`...) alphabetically.
 */
import type { SemVer } from "semver";
// The functions one by one: the whole package is some fifty modules to load on every run.
import semverCoerce from "semver/functions/coerce.js";
import semverParse from "semver/functions/parse.js";
import semverRcompare from "semver/functions/rcompare.js";
import semverValid from "semver/functions/valid.js";
import type { ReleaseData } from "../model/types.js";

/** The semver version a tag stands for: a valid semver tag, or `1`/`1.2` (with an optional `v`) coerced; otherwise null. */
export function versionOfTag(tag: string): SemVer | null {
  const exact = semverParse(tag);
  if (exact) return exact;
  return /^v?\d+(\.\d+)?$/.test(tag) ? semverCoerce(tag) : null;
}

/** Compare two tags in display order: newer semver first, semver before other tags, other tags alphabetically. */
export function compareVersionTags(a: string, b: string): number {
  const va = versionOfTag(a);
  const vb = versionOfTag(b);
  if (va && vb) {
    const byVersion = semverRcompare(va, vb);
    if (byVersion !== 0) return byVersion;
    // `1.1.0` before `1.1`: the exact tag first, then by text.
    const exactA = semverValid(a) !== null;
    const exactB = semverValid(b) !== null;
    if (exactA !== exactB) return exactA ? -1 : 1;
  } else if (va || vb) {
    return va ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The other order: oldest semver tag first, then non-semver tags alphabetically (which tag came first). */
export function compareOldestFirst(a: string, b: string): number {
  const va = versionOfTag(a);
  const vb = versionOfTag(b);
  if (va && vb) return -compareVersionTags(a, b);
  if (va || vb) return va ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Semver tags in semver order, newest first (`1.2`-style tags coerced), then non-semver tags alphabetically. Returns a new array. */
export function sortVersionTags(tags: readonly string[]): string[] {
  return [...tags].sort(compareVersionTags);
}

/**
 * The tag the site shows as a component's current version: the newest stable
 * semver tag, else the newest prerelease, else `latest`, else the first tag
 * alphabetically. With `releases`, tags whose release is deprecated or
 * `disabled` are passed over unless every tag is.
 */
export function latestVersion(tags: readonly string[], releases: readonly ReleaseData[] = []): string | undefined {
  const retired = new Set(
    releases.filter((r) => r.deprecated !== undefined || r.stage === "disabled").map((r) => r.tag),
  );
  const live = tags.filter((t) => !retired.has(t));
  const pool = sortVersionTags(live.length > 0 ? live : tags);
  return (
    pool.find((t) => versionOfTag(t) !== null && versionOfTag(t)!.prerelease.length === 0) ??
    pool.find((t) => versionOfTag(t) !== null) ??
    pool.find((t) => t === "latest") ??
    pool[0]
  );
}
