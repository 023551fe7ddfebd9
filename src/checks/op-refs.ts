/**
 * Resolve what an operation runs: a `hubRef` (`[owner/]name[:tag]`, parsed in
 * relations/hub-refs.ts) against the catalog's hub, unless its owner is an external hub
 * named in catalog.yaml; a `pathRef` to a component of the operation's
 * project; a `dagRef` or an inline `component` within a DAG.
 */
import { posix } from "node:path";
import type { Catalog } from "../model/catalog.js";
import type { ComponentSpecData } from "../model/types.js";
import { DEFAULT_HUB, resolveHubRef } from "../relations/hub-refs.js";
import { didYouMean, formatList } from "../text/suggest.js";

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

/** What a hubRef resolves to (relations/hub-refs.ts), with what to say when it names nothing. */
export function judgeHubRef(catalog: Catalog, text: string): Resolution {
  const r = resolveHubRef(catalog, text);
  if (r.status === "malformed")
    return {
      status: "unknown",
      message: `hubRef "${text}" is not written [owner/]name[:tag]`,
      hint: "write e.g. acme/train:1.0.0, or kaniko:1.2 for Polyaxon's public hub",
    };
  if (r.status === "external") return { status: "external" };
  const { ref } = r;
  const implied = text.includes("/")
    ? ""
    : ` (a hubRef without an owner means Polyaxon's public hub, "${DEFAULT_HUB}")`;
  switch (r.status) {
    case "unknown-hub":
      return {
        status: "unknown",
        message: `hubRef "${text}" names hub "${ref.owner}"${implied}, which is neither an organization of the catalog nor an external hub`,
        hint: `add "${ref.owner}" to externalHubs in catalog.yaml if it lives outside this catalog, or name an organization's component as org/name:tag${didYouMean(ref.owner, catalog.keys("Organization"))}`,
      };
    case "found": {
      const version = catalog.get("ComponentVersion", r.key);
      // A version whose file did not load is reported where it is: its params cannot be judged.
      return version?.schemaValid
        ? { status: "resolved", spec: version.data, label: r.key, target: { kind: "ComponentVersion", key: r.key } }
        : { status: "external" };
    }
    case "unknown-component": {
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
    case "unknown-version":
      return {
        status: "unknown",
        message: `hubRef "${text}" names version "${ref.tag}" of ${ref.owner}/${ref.name}${text.includes(":") ? "" : " (a hubRef without a tag means latest)"}, which is not published`,
        hint: `use one of its versions: ${formatList(r.tags, 10)}`,
      };
  }
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
