/**
 * Polyaxon's `hubRef` (DAG operations and operation files): `[owner/]name[:tag]`,
 * read as `get_versioned_entity_info` in
 * `cli/polyaxon/_env_vars/getters/versioned_entity.py` reads it: `.` and `/`
 * both separate the owner, no owner means Polyaxon's public hub (`polyaxon`),
 * no tag means `latest`.
 */
import type { Catalog } from "../model/catalog.js";
import { sortVersionTags } from "./version-order.js";

/** The owner a `hubRef` without one names (DEFAULT_HUB in `cli/polyaxon/_constants/globals.py`). */
export const DEFAULT_HUB = "polyaxon";

/** A parsed hubRef. */
export interface HubRef {
  owner: string;
  name: string;
  tag: string;
}

/** Parse a hubRef as Polyaxon does; undefined when it is malformed. */
export function parseHubRef(text: string): HubRef | undefined {
  const parts = text.split(":");
  if (parts.length > 2 || parts[0] === "") return undefined;
  const tag = parts[1] || "latest";
  const path = parts[0]!.replace(/\./g, "/").split("/");
  if (path.length > 2 || path.some((p) => p === "")) return undefined;
  return path.length === 2 ? { owner: path[0]!, name: path[1]!, tag } : { owner: DEFAULT_HUB, name: path[0]!, tag };
}

/** The catalog keys a hubRef names: the hub component `owner/name` and its version `owner/name:tag`. */
export function hubRefKeys(ref: HubRef): { component: string; version: string } {
  const component = `${ref.owner}/${ref.name}`;
  return { component, version: `${component}:${ref.tag}` };
}

/** What a hubRef names in a catalog. */
export type HubRefResolution =
  | { status: "malformed" }
  /** Its owner is an external hub named in catalog.yaml: not this catalog's to judge. */
  | { status: "external"; ref: HubRef }
  /** Its owner is neither an organization of the catalog nor an external hub. */
  | { status: "unknown-hub"; ref: HubRef }
  /** The version's file exists; `key` is `owner/name:tag`. */
  | { status: "found"; ref: HubRef; key: string }
  /** The component has no versions in the catalog. */
  | { status: "unknown-component"; ref: HubRef }
  /** The component has versions (`tags`, newest first), not this one. */
  | { status: "unknown-version"; ref: HubRef; tags: string[] };

/** Resolve a hubRef against the catalog's hub (a version file the loader rejected counts as found). */
export function resolveHubRef(catalog: Catalog, text: string): HubRefResolution {
  const ref = parseHubRef(text);
  if (!ref) return { status: "malformed" };
  const external = catalog.settings()?.externalHubs ?? [];
  if (external.includes(ref.owner)) return { status: "external", ref };
  if (!catalog.has("Organization", ref.owner)) return { status: "unknown-hub", ref };
  const { component, version } = hubRefKeys(ref);
  if (catalog.has("ComponentVersion", version)) return { status: "found", ref, key: version };
  const tags = sortVersionTags(catalog.versionsOf("ComponentVersion", component).map((v) => v.name));
  return tags.length === 0 ? { status: "unknown-component", ref } : { status: "unknown-version", ref, tags };
}
