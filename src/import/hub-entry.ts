/**
 * The hub entry (`component.yaml`) for an imported Polyaxon hub component:
 * name, description and tags taken from its specs, the owner, one release per
 * version tag (newest first) and `latest` declared mutable.
 */
import { sortVersionTags } from "../relations/version-order.js";
import type { ComponentData } from "../model/types.js";
import { isDnsLabel } from "../model/names.js";
import { dataYaml } from "../yaml-writer/build.js";
import { quoted } from "../yaml-writer/style.js";

/** One version's parsed spec (undefined when it could not be parsed). */
export interface ParsedVersion {
  tag: string;
  spec: unknown;
}

/** What goes into a hub entry. */
export interface HubEntryInput {
  name: string;
  owner: string;
  versions: readonly ParsedVersion[];
  /** The catalog's tag vocabulary, when it has one: spec tags outside it are left out of the entry. */
  vocabulary?: ReadonlySet<string>;
}

/** The tags of the specs of `input` (lowercase DNS labels), sorted. */
export function specTags(versions: readonly ParsedVersion[]): string[] {
  const tags = new Set<string>();
  for (const v of versions) {
    const list = asRecord(v.spec)?.tags;
    if (Array.isArray(list)) for (const t of list) if (typeof t === "string" && isDnsLabel(t)) tags.add(t);
  }
  return [...tags].sort();
}

/**
 * The hub entry's data. The description is the `latest` spec's, else the
 * newest version's that has one; tags are the union of the specs' tags that
 * are lowercase DNS labels and, when the catalog has a tag vocabulary, in it.
 */
export function buildHubEntry(input: HubEntryInput): ComponentData {
  const order = sortVersionTags(input.versions.map((v) => v.tag));
  const specs = new Map(input.versions.map((v) => [v.tag, asRecord(v.spec)]));
  const preferred = order.includes("latest") ? ["latest", ...order.filter((t) => t !== "latest")] : order;
  const description = preferred
    .map((t) => specs.get(t)?.description)
    .find((d): d is string => typeof d === "string" && d.trim() !== "");
  const tags = new Set(specTags(input.versions).filter((t) => !input.vocabulary || input.vocabulary.has(t)));
  return {
    name: input.name,
    ...(description !== undefined && { description: description.trim() }),
    ...(tags.size > 0 && { tags: [...tags].sort() }),
    owner: input.owner,
    ...(order.includes("latest") && { mutableTags: ["latest"] }),
    releases: order.map((tag) => ({ tag })),
  };
}

/** The YAML text of a hub entry, written by mlcat's one writer (tag lists in flow style, release tags quoted). */
export function renderHubEntry(data: ComponentData): string {
  const releases = (data.releases ?? []).map((r) => ({ ...r, tag: quoted(r.tag) }));
  return dataYaml({ ...data, releases }, [
    "Hub entry imported from a Polyaxon hub checkout by `mlcat import polyaxon-hub`.",
    "",
  ]);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
