/**
 * Resolve what an operation runs: a `hubRef` (`[owner/]name[:tag]`, read as
 * `get_versioned_entity_info` in `cli/polyaxon/_env_vars/getters/versioned_entity.py`
 * reads it: owner `polyaxon`, Polyaxon's public hub, and tag `latest` when
 * left out) against the catalog's hub, unless its owner is an external hub
 * named in catalog.yaml; a `pathRef` to a component of the operation's
 * project; a `dagRef` or an inline `component` within a DAG.
 */
import { posix } from "node:path";
import type { Catalog } from "../model/catalog.js";
import type { ComponentSpecData } from "../model/types.js";
import { didYouMean, formatList } from "../text/suggest.js";

/** The owner a `hubRef` without one names (DEFAULT_HUB in `cli/polyaxon/_constants/globals.py`). */
export const DEFAULT_HUB = "polyaxon";

/** A parsed hubRef. */
export interface HubRef {
  owner: string;
  name: string;
  tag: string;
}

/** What a reference resolved to. */
export type Resolution =
  | {
      status: "resolved";
      spec: ComponentSpecData;
      label: string;
      /** The entity it names: a hub version or a project component. */
      target: { kind: "ComponentVersion" | "ProjectComponent"; key: string };
    }
  | { status: "external" }
  | { status: "unknown"; message: string; hint: string };

/** Parse a hubRef as Polyaxon does; undefined when it is malformed. */
export function parseHubRef(text: string): HubRef | undefined {
  const parts = text.split(":");
  if (parts.length > 2 || parts[0] === "") return undefined;
  const tag = parts[1] || "latest";
  const path = parts[0]!.replace(/\./g, "/").split("/");
  if (path.length > 2 || path.some((p) => p === "")) return undefined;
  return path.length === 2 ? { owner: path[0]!, name: path[1]!, tag } : { owner: DEFAULT_HUB, name: path[0]!, tag };
}

/** Resolve a hubRef against the catalog (recording the reads). */
export function resolveHubRef(catalog: Catalog, text: string): Resolution {
  const ref = parseHubRef(text);
  if (!ref)
    return {
      status: "unknown",
      message: `hubRef "${text}" is not written [owner/]name[:tag]`,
      hint: "write e.g. acme/train:1.0.0, or kaniko:1.2 for Polyaxon's public hub",
    };
  const external = catalog.settings()?.externalHubs ?? [];
  if (external.includes(ref.owner)) return { status: "external" };
  const full = `${ref.owner}/${ref.name}:${ref.tag}`;
  const implied = text.includes("/")
    ? ""
    : ` (a hubRef without an owner means Polyaxon's public hub, "${DEFAULT_HUB}")`;
  if (!catalog.has("Organization", ref.owner)) {
    return {
      status: "unknown",
      message: `hubRef "${text}" names hub "${ref.owner}"${implied}, which is neither an organization of the catalog nor an external hub`,
      hint: `add "${ref.owner}" to externalHubs in catalog.yaml if it lives outside this catalog, or name an organization's component as org/name:tag${didYouMean(ref.owner, catalog.keys("Organization"))}`,
    };
  }
  const version = catalog.get("ComponentVersion", full);
  if (version?.schemaValid)
    return { status: "resolved", spec: version.data, label: full, target: { kind: "ComponentVersion", key: full } };
  if (version || catalog.has("ComponentVersion", full)) return { status: "external" };
  const tags = catalog.versionsOf("ComponentVersion", `${ref.owner}/${ref.name}`).map((v) => v.name);
  if (tags.length === 0) {
    const names = catalog
      .keys("Component")
      .filter((k) => k.startsWith(`${ref.owner}/`))
      .map((k) => k.slice(ref.owner.length + 1));
    return {
      status: "unknown",
      message: `hubRef "${text}" names ${ref.owner}/${ref.name}${implied}, which the catalog's hub does not have`,
      hint: `fix the name${didYouMean(ref.name, names)}, or publish it under orgs/${ref.owner}/components/${ref.name}/`,
    };
  }
  return {
    status: "unknown",
    message: `hubRef "${text}" names version "${ref.tag}" of ${ref.owner}/${ref.name}${text.includes(":") ? "" : " (a hubRef without a tag means latest)"}, which is not published`,
    hint: `use one of its versions: ${formatList(tags, 10)}`,
  };
}

/** Resolve a pathRef written in a file of project `org/project` (relative to that file's folder, or to the project folder). */
export function resolvePathRef(
  catalog: Catalog,
  text: string,
  org: string,
  project: string,
  fileDir: string,
): Resolution {
  const base = `orgs/${org}/projects/${project}`;
  for (const candidate of [posix.normalize(posix.join(fileDir, text)), posix.normalize(posix.join(base, text))]) {
    const m = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/components/([^/]+)\\.ya?ml$`).exec(candidate);
    if (!m) continue;
    const entity = catalog.get("ProjectComponent", `${org}/${project}/${m[1]}`);
    if (entity?.schemaValid)
      return {
        status: "resolved",
        spec: entity.data,
        label: `component "${m[1]}" of project ${org}/${project}`,
        target: { kind: "ProjectComponent", key: entity.key },
      };
    if (entity) return { status: "external" };
  }
  const names = catalog
    .keys("ProjectComponent")
    .filter((k) => k.startsWith(`${org}/${project}/`))
    .map((k) => `components/${k.split("/")[2]}.yaml`);
  return {
    status: "unknown",
    message: `pathRef "${text}" names no component of project ${org}/${project}`,
    hint: `point at one of its components (relative to the project folder): ${formatList(names, 8) || "it has none"}`,
  };
}
