/**
 * Polyaxon's `hubRef` (DAG operations and operation files): `[owner/]name[:tag]`,
 * read as `get_versioned_entity_info` in
 * `cli/polyaxon/_env_vars/getters/versioned_entity.py` reads it: `.` and `/`
 * both separate the owner, no owner means Polyaxon's public hub (`polyaxon`),
 * no tag means `latest`.
 */

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
