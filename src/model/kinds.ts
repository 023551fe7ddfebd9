/**
 * The kinds of entity in a catalog, and the one place that maps a file's path
 * (relative to the catalog folder, POSIX separators) to its kind and identity.
 */

/** Every kind of catalog file. */
export type Kind =
  | "Catalog"
  | "User"
  | "Organization"
  | "Team"
  | "Connection"
  | "Project"
  | "ProjectComponent"
  | "Operation"
  | "Experiment"
  | "Component"
  | "ComponentVersion"
  | "Model"
  | "ModelVersion";

/** All kinds, in the order summaries list them. */
export const KINDS: readonly Kind[] = [
  "Catalog",
  "User",
  "Organization",
  "Team",
  "Connection",
  "Project",
  "ProjectComponent",
  "Operation",
  "Experiment",
  "Component",
  "ComponentVersion",
  "Model",
  "ModelVersion",
];

/** How messages name each kind ("user", "hub component", ...). */
export const KIND_LABEL: Record<Kind, string> = {
  Catalog: "catalog",
  User: "user",
  Organization: "organization",
  Team: "team",
  Connection: "connection",
  Project: "project",
  ProjectComponent: "project component",
  Operation: "operation",
  Experiment: "experiment",
  Component: "hub component",
  ComponentVersion: "component version",
  Model: "model",
  ModelVersion: "model version",
};

/** The JSON Schema file (under `schemas/`) that describes each kind. */
export const SCHEMA_FILE: Record<Kind, string> = {
  Catalog: "catalog.schema.json",
  User: "user.schema.json",
  Organization: "organization.schema.json",
  Team: "team.schema.json",
  Connection: "connection.schema.json",
  Project: "project.schema.json",
  ProjectComponent: "component-spec.schema.json",
  Operation: "operation.schema.json",
  Experiment: "experiment.schema.json",
  Component: "component.schema.json",
  ComponentVersion: "component-spec.schema.json",
  Model: "model.schema.json",
  ModelVersion: "model-version.schema.json",
};

/** Where a path sits in the catalog: its kind and the names its path gives it. */
export interface PathInfo {
  kind: Kind;
  /** Canonical key, unique within the kind (see `entityKey`). */
  key: string;
  /** The name the path gives (file or folder name); must equal `name` inside. */
  name: string;
  org?: string;
  project?: string;
  /** Component or model name, for versions. */
  parent?: string;
}

/** A README.md that belongs to a project, hub component or model. */
export interface ReadmeInfo {
  ownerKind: "Project" | "Component" | "Model";
  ownerKey: string;
}

/**
 * The catalog layout, segment by segment: `users/<u>.yaml`,
 * `orgs/<o>/teams/<t>.yaml`... Every `<...>` is a non-empty segment; a file
 * segment is a non-empty name followed by `.yaml` (the test compares this
 * with the layout's regular expressions).
 */
function stemOf(segment: string | undefined, ext: string): string | undefined {
  return segment !== undefined && segment.length > ext.length && segment.endsWith(ext)
    ? segment.slice(0, -ext.length)
    : undefined;
}

/**
 * The kind and identity of a catalog-relative path, or `undefined` if it maps to no kind. Computed on every call:
 * splitting a path costs less than looking it up in a memo of the catalog's paths (measured).
 */
export function classifyPath(relPath: string): Readonly<PathInfo> | undefined {
  if (relPath === "catalog.yaml") return { kind: "Catalog", key: "catalog", name: "catalog" };
  const s = relPath.split("/");
  if (s.some((seg) => seg === "")) return undefined;
  if (s.length === 2) {
    const u = s[0] === "users" ? stemOf(s[1], ".yaml") : undefined;
    return u === undefined ? undefined : { kind: "User", key: u, name: u };
  }
  if (s[0] !== "orgs") return undefined;
  const o = s[1]!;
  switch (s.length) {
    case 3:
      return s[2] === "organization.yaml" ? { kind: "Organization", key: o, name: o, org: o } : undefined;
    case 4: {
      const n = stemOf(s[3], ".yaml");
      if (n === undefined) return undefined;
      if (s[2] === "teams") return { kind: "Team", key: `${o}/${n}`, name: n, org: o };
      if (s[2] === "connections") return { kind: "Connection", key: `${o}/${n}`, name: n, org: o };
      return undefined;
    }
    case 5: {
      const [, , area, x, file] = s as [string, string, string, string, string];
      if (area === "projects" && file === "project.yaml")
        return { kind: "Project", key: `${o}/${x}`, name: x, org: o, project: x };
      if (area === "components" && file === "component.yaml")
        return { kind: "Component", key: `${o}/${x}`, name: x, org: o };
      if (area === "models" && file === "model.yaml") return { kind: "Model", key: `${o}/${x}`, name: x, org: o };
      return undefined;
    }
    case 6: {
      const [, , area, x, sub] = s as [string, string, string, string, string];
      const n = stemOf(s[5], ".yaml");
      if (n === undefined) return undefined;
      if (area === "projects" && sub === "components")
        return { kind: "ProjectComponent", key: `${o}/${x}/${n}`, name: n, org: o, project: x };
      if (area === "projects" && sub === "experiments")
        return { kind: "Experiment", key: `${o}/${x}/${n}`, name: n, org: o, project: x };
      if (area === "projects" && sub === "operations")
        return { kind: "Operation", key: `${o}/${x}/${n}`, name: n, org: o, project: x };
      if (area === "components" && sub === "versions")
        return { kind: "ComponentVersion", key: `${o}/${x}:${n}`, name: n, org: o, parent: x };
      if (area === "models" && sub === "versions")
        return { kind: "ModelVersion", key: `${o}/${x}:${n}`, name: n, org: o, parent: x };
      return undefined;
    }
    default:
      return undefined;
  }
}

const README_OWNERS: Readonly<Record<string, ReadmeInfo["ownerKind"]>> = {
  projects: "Project",
  components: "Component",
  models: "Model",
};

/** The owner of a catalog-relative README path, or `undefined` if it is not a README the catalog knows. */
export function classifyReadme(relPath: string): ReadmeInfo | undefined {
  if (!relPath.endsWith("/README.md") || !relPath.startsWith("orgs/")) return undefined;
  const s = relPath.split("/");
  if (s.length !== 5 || s[1] === "" || s[3] === "" || !Object.hasOwn(README_OWNERS, s[2]!)) return undefined;
  return { ownerKind: README_OWNERS[s[2]!]!, ownerKey: `${s[1]}/${s[3]}` };
}

/** The catalog layout, for hints: where each kind of file goes. */
export const LAYOUT_HINT =
  "catalog files go in catalog.yaml, users/<user>.yaml, orgs/<org>/organization.yaml, orgs/<org>/teams/<team>.yaml, " +
  "orgs/<org>/connections/<conn>.yaml, orgs/<org>/projects/<p>/project.yaml (+ README.md, components/<c>.yaml, operations/<op>.yaml, experiments/<run>.yaml), " +
  "orgs/<org>/components/<c>/component.yaml (+ README.md, versions/<tag>.yaml), orgs/<org>/models/<m>/model.yaml (+ README.md, versions/<tag>.yaml)";
