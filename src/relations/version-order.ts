/**
 * The one order of version tags, and the tags it picks: a component's current
 * version, a model's latest version, the newest version in a stage. The
 * checks, the site, `mlcat import` and the authoring commands all order tags
 * here, and nowhere else.
 *
 * A tag is read as a version when it is valid semver (`1.2.0`, `1.0.0-rc.1`,
 * `v1.2.3`) or one or two numbers with an optional `v` (`1`, `1.2`, `v1.2`,
 * read as `1.0.0`, `1.2.0`). Nothing else is a version: `s3-path`,
 * `py310-cuda12`, `latest` and `build-7` are names, however many digits they
 * hold (reading them loosely would make `s3-path` version 3.0.0).
 */
import type { SemVer } from "semver";
// The functions one by one: the whole package is some fifty modules to load on every run.
import semverCoerce from "semver/functions/coerce.js";
import semverInc from "semver/functions/inc.js";
import semverParse from "semver/functions/parse.js";
import semverRcompare from "semver/functions/rcompare.js";
import semverValid from "semver/functions/valid.js";
import type { ReleaseData, Stage } from "../model/types.js";

/** The semver version a tag stands for: a valid semver tag, or `1`/`1.2` (with an optional `v`) coerced; otherwise null. */
export function versionOfTag(tag: string): SemVer | null {
  const exact = semverParse(tag);
  if (exact) return exact;
  return /^v?\d+(\.\d+)?$/.test(tag) ? semverCoerce(tag) : null;
}

/**
 * Compare two tags in the one order, newest first: versions by semver
 * precedence (so `10.0.0` before `2.0.0`, `1.0.0` before `1.0.0-rc.1`), the
 * exact tag before its short form (`1.1.0` before `1.1`), then every other
 * tag alphabetically (`all-spark`, `latest`, `s3-path`).
 */
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

/** The other order: oldest version first, then other tags alphabetically (which tag came first). */
export function compareOldestFirst(a: string, b: string): number {
  const va = versionOfTag(a);
  const vb = versionOfTag(b);
  if (va && vb) return -compareVersionTags(a, b);
  if (va || vb) return va ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `tags` in the one order (see `compareVersionTags`). Returns a new array. */
export function sortVersionTags(tags: readonly string[]): string[] {
  return [...tags].sort(compareVersionTags);
}

/** The tag to suggest after a full semver tag (`1.2.0` -> `1.2.1`, the next patch); none for other tags. */
export function nextTag(tag: string): string | undefined {
  return semverValid(tag) ? (semverInc(tag, "patch") ?? undefined) : undefined;
}

/** What `currentTag` knows of a hub component besides its tags. */
export interface CurrentTagOptions {
  /** Its release metadata: deprecated and `disabled` releases are passed over unless every tag is. */
  releases?: readonly Partial<ReleaseData>[];
  /** Its mutable tags (`latest`): they follow releases, so a fixed version is preferred to them. */
  mutableTags?: readonly string[];
}

/**
 * The tag shown as a hub component's current version (its summary, its page,
 * its usage snippet): of the live tags (not deprecated, not `disabled`; all
 * tags when none is live), the newest stable version that is not a mutable
 * tag, else the newest prerelease that is not one, else `latest`, else the
 * first tag in the one order. So a component with only named tags (`latest`,
 * `s3-path`, `gcs-path`) shows `latest`: a named tag is no newer than another.
 */
export function currentTag(tags: readonly string[], options: CurrentTagOptions = {}): string | undefined {
  const retired = new Set(
    (options.releases ?? []).filter((r) => r.deprecated !== undefined || r.stage === "disabled").map((r) => r.tag),
  );
  const mutable = new Set(options.mutableTags ?? []);
  const live = tags.filter((t) => !retired.has(t));
  const pool = sortVersionTags(live.length > 0 ? live : tags);
  const fixed = pool.filter((t) => !mutable.has(t));
  return (
    fixed.find((t) => versionOfTag(t)?.prerelease.length === 0) ??
    fixed.find((t) => versionOfTag(t) !== null) ??
    pool.find((t) => t === "latest") ??
    pool[0]
  );
}

/** What a model version records of when it was registered. */
interface Registered {
  name: string;
  /** A model version's data: `createdAt`, `stageHistory[].at` are read. */
  data?: object;
}

/** When a model version was registered: `createdAt`, else its first stage entry; NaN when unknown. */
function registeredAt(v: Registered): number {
  const data = v.data as { createdAt?: unknown; stageHistory?: ReadonlyArray<{ at?: unknown }> } | undefined;
  const at = data?.createdAt ?? data?.stageHistory?.[0]?.at;
  return typeof at === "string" ? Date.parse(at) : NaN;
}

/**
 * A model's versions in the one order, newest first (a new array): versions
 * by semver precedence, first; then tags that are not versions (`build-7`,
 * `2024-06-01`), which say nothing of their order by their letters, newest
 * registered first, and at the same time (or none) in natural order,
 * highest first (`build-10` before `build-9`).
 */
export function sortModelVersions<V extends Registered>(versions: readonly V[]): V[] {
  return [...versions].sort((a, b) => {
    if (versionOfTag(a.name) || versionOfTag(b.name)) return compareVersionTags(a.name, b.name);
    const ta = registeredAt(a);
    const tb = registeredAt(b);
    if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return tb - ta;
    if (Number.isNaN(ta) !== Number.isNaN(tb)) return Number.isNaN(ta) ? 1 : -1;
    return b.name.localeCompare(a.name, "en", { numeric: true });
  });
}

/** The newest of a model's versions (the one order) whose stage is `stage`, if any. */
export function newestInStage<V extends Registered & { data: { stage: Stage } }>(
  versions: readonly V[],
  stage: Stage,
): V | undefined {
  return sortModelVersions(versions).find((v) => v.data.stage === stage);
}
