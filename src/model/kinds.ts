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

const SEG = "([^/]+)";
const PATTERNS: ReadonlyArray<[RegExp, (m: string[]) => PathInfo]> = [
  [/^catalog\.yaml$/, () => ({ kind: "Catalog", key: "catalog", name: "catalog" })],
  [new RegExp(`^users/${SEG}\\.yaml$`), ([, u]) => ({ kind: "User", key: u!, name: u! })],
  [new RegExp(`^orgs/${SEG}/organization\\.yaml$`), ([, o]) => ({ kind: "Organization", key: o!, name: o!, org: o! })],
  [new RegExp(`^orgs/${SEG}/teams/${SEG}\\.yaml$`), ([, o, t]) => ({ kind: "Team", key: `${o}/${t}`, name: t!, org: o! })],
  [
    new RegExp(`^orgs/${SEG}/connections/${SEG}\\.yaml$`),
    ([, o, c]) => ({ kind: "Connection", key: `${o}/${c}`, name: c!, org: o! }),
  ],
  [
    new RegExp(`^orgs/${SEG}/projects/${SEG}/project\\.yaml$`),
    ([, o, p]) => ({ kind: "Project", key: `${o}/${p}`, name: p!, org: o!, project: p! }),
  ],
  [
    new RegExp(`^orgs/${SEG}/projects/${SEG}/components/${SEG}\\.yaml$`),
    ([, o, p, c]) => ({ kind: "ProjectComponent", key: `${o}/${p}/${c}`, name: c!, org: o!, project: p! }),
  ],
  [
    new RegExp(`^orgs/${SEG}/projects/${SEG}/experiments/${SEG}\\.yaml$`),
    ([, o, p, e]) => ({ kind: "Experiment", key: `${o}/${p}/${e}`, name: e!, org: o!, project: p! }),
  ],
  [
    new RegExp(`^orgs/${SEG}/components/${SEG}/component\\.yaml$`),
    ([, o, c]) => ({ kind: "Component", key: `${o}/${c}`, name: c!, org: o! }),
  ],
  [
    new RegExp(`^orgs/${SEG}/components/${SEG}/versions/${SEG}\\.yaml$`),
    ([, o, c, t]) => ({ kind: "ComponentVersion", key: `${o}/${c}:${t}`, name: t!, org: o!, parent: c! }),
  ],
  [new RegExp(`^orgs/${SEG}/models/${SEG}/model\\.yaml$`), ([, o, m]) => ({ kind: "Model", key: `${o}/${m}`, name: m!, org: o! })],
  [
    new RegExp(`^orgs/${SEG}/models/${SEG}/versions/${SEG}\\.yaml$`),
    ([, o, m, t]) => ({ kind: "ModelVersion", key: `${o}/${m}:${t}`, name: t!, org: o!, parent: m! }),
  ],
];

const README_PATTERNS: ReadonlyArray<[RegExp, (m: string[]) => ReadmeInfo]> = [
  [new RegExp(`^orgs/${SEG}/projects/${SEG}/README\\.md$`), ([, o, p]) => ({ ownerKind: "Project", ownerKey: `${o}/${p}` })],
  [new RegExp(`^orgs/${SEG}/components/${SEG}/README\\.md$`), ([, o, c]) => ({ ownerKind: "Component", ownerKey: `${o}/${c}` })],
  [new RegExp(`^orgs/${SEG}/models/${SEG}/README\\.md$`), ([, o, m]) => ({ ownerKind: "Model", ownerKey: `${o}/${m}` })],
];

/** Paths classified already: a catalog's paths are classified by several steps of one run. Bounded. */
const classified = new Map<string, Readonly<PathInfo> | undefined>();

/** The kind and identity of a catalog-relative path, or `undefined` if it maps to no kind (shared, read-only). */
export function classifyPath(relPath: string): Readonly<PathInfo> | undefined {
  if (classified.has(relPath)) return classified.get(relPath);
  let info: PathInfo | undefined;
  for (const [re, make] of PATTERNS) {
    const m = re.exec(relPath);
    if (m) {
      info = Object.freeze(make(m as unknown as string[]));
      break;
    }
  }
  if (classified.size >= 200_000) classified.clear();
  classified.set(relPath, info);
  return info;
}

/** The owner of a catalog-relative README path, or `undefined` if it is not a README the catalog knows. */
export function classifyReadme(relPath: string): ReadmeInfo | undefined {
  for (const [re, make] of README_PATTERNS) {
    const m = re.exec(relPath);
    if (m) return make(m as unknown as string[]);
  }
  return undefined;
}

/** The catalog layout, for hints: where each kind of file goes. */
export const LAYOUT_HINT =
  "catalog files go in catalog.yaml, users/<user>.yaml, orgs/<org>/organization.yaml, orgs/<org>/teams/<team>.yaml, " +
  "orgs/<org>/connections/<conn>.yaml, orgs/<org>/projects/<p>/project.yaml (+ README.md, components/<c>.yaml, experiments/<run>.yaml), " +
  "orgs/<org>/components/<c>/component.yaml (+ README.md, versions/<tag>.yaml), orgs/<org>/models/<m>/model.yaml (+ README.md, versions/<tag>.yaml)";
