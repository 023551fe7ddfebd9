/**
 * What mlcat knows about each kind of catalog file, in one table: the one place a new kind is described.
 * Everything else that varies by kind (classifying paths, building them, schema files, editor globs, naming
 * scopes, visibility, READMEs, site pages, fmt's handling, the pull-request rules' scope) is derived from it.
 *
 * Templates: a path is catalog-relative with `/` separators; `{org}`, `{project}`, `{parent}` and `{name}`
 * each stand for one non-empty segment (a file segment is the variable followed by `.yaml`). The key, the
 * name and the page are filled from the same variables.
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

/** The variables a path template may hold. */
export type PathVar = "org" | "project" | "parent" | "name";

/** Whose visibility an entity has. */
export type KindVisibility =
  | "public" // seen by everyone (catalog settings, users)
  | "organization" // its organization's
  | "own" // its own `visibility`, else its organization's (within a public organization)
  | { parent: Kind; key: string }; // the `own` visibility of the entity with this key (a template)

/** The organization area whose roles (and delegations) govern changes to a kind, and the entity that bears them. */
export interface KindRuleScope {
  area: "projects" | "hub" | "registry";
  entity: "Project" | "Component" | "Model";
  /** That entity's key, filled from the changed path's variables. */
  key: string;
}

/** One kind's facts. Every field is required: a new kind states each of them. */
export interface KindDescriptor {
  /** How messages name the kind ("hub component"). */
  label: string;
  /** Where its files sit (a template; see the top of this file). */
  path: string;
  /** Its canonical key, unique within the kind (a template). */
  key: string;
  /** The name its path gives it, which must equal `name` inside (a template). */
  name: string;
  /** What its names must be: lowercase DNS labels, or version tags (which may hold dots). */
  names: "dns-label" | "version-tag";
  /** Its JSON Schema file, under `schemas/`. */
  schema: string;
  /** Whose visibility it has on the public site. */
  visibility: KindVisibility;
  /** Whether `README.md` beside its file belongs to it (only kinds named by their folder). */
  readme: boolean;
  /** Its site page, under the base path (a template; `""` is the home page). */
  page: string;
  /** How site links label it: its whole key, or its key less the organization. */
  linkLabel: "key" | "in-org";
  /** How `fmt` orders its keys: mlcat's order for the kind (authoring/key-order.ts), or left as Polyaxon wrote it. */
  format: "mlcat" | "polyaxon";
  /** Whether the catalog's tag vocabulary governs its `tags`. */
  tagged: boolean;
  /**
   * What its file tells about who may do what: catalog-wide policy and admins, the people roles name,
   * roles granted in an organization, or nothing (`none`). The pull-request check reads authority from
   * every kind but `none`; the `users` check reads the kinds that grant roles.
   */
  authority: "policy" | "people" | "roles" | "none";
  /** The scope whose roles govern changes to it in a pull request; `organization`: the organization's own roles. */
  rules: KindRuleScope | "organization" | "catalog";
}

const PROJECT_RULES: KindRuleScope = { area: "projects", entity: "Project", key: "{org}/{project}" };
const HUB_RULES: KindRuleScope = { area: "hub", entity: "Component", key: "{org}/{parent}" };
const REGISTRY_RULES: KindRuleScope = { area: "registry", entity: "Model", key: "{org}/{parent}" };

/** The descriptors, in the order summaries list the kinds. */
export const KIND_DESCRIPTORS = {
  Catalog: {
    label: "catalog",
    path: "catalog.yaml",
    key: "catalog",
    name: "catalog",
    names: "dns-label",
    schema: "catalog.schema.json",
    visibility: "public",
    readme: false,
    page: "",
    linkLabel: "key",
    format: "mlcat",
    tagged: false,
    authority: "policy",
    rules: "catalog",
  },
  User: {
    label: "user",
    path: "users/{name}.yaml",
    key: "{name}",
    name: "{name}",
    names: "dns-label",
    schema: "user.schema.json",
    visibility: "public",
    readme: false,
    page: "users/{name}/",
    linkLabel: "key",
    format: "mlcat",
    tagged: false,
    authority: "people",
    rules: "catalog",
  },
  Organization: {
    label: "organization",
    path: "orgs/{org}/organization.yaml",
    key: "{org}",
    name: "{org}",
    names: "dns-label",
    schema: "organization.schema.json",
    visibility: "organization",
    readme: false,
    page: "orgs/{org}/",
    linkLabel: "key",
    format: "mlcat",
    tagged: false,
    authority: "roles",
    rules: "organization",
  },
  Team: {
    label: "team",
    path: "orgs/{org}/teams/{name}.yaml",
    key: "{org}/{name}",
    name: "{name}",
    names: "dns-label",
    schema: "team.schema.json",
    visibility: "organization",
    readme: false,
    page: "orgs/{org}/teams/{name}/",
    linkLabel: "in-org",
    format: "mlcat",
    tagged: false,
    authority: "roles",
    rules: "organization",
  },
  Connection: {
    label: "connection",
    path: "orgs/{org}/connections/{name}.yaml",
    key: "{org}/{name}",
    name: "{name}",
    names: "dns-label",
    schema: "connection.schema.json",
    visibility: "organization",
    readme: false,
    page: "orgs/{org}/connections/{name}/",
    linkLabel: "in-org",
    format: "mlcat",
    tagged: true,
    authority: "none",
    rules: "organization",
  },
  Project: {
    label: "project",
    path: "orgs/{org}/projects/{project}/project.yaml",
    key: "{org}/{project}",
    name: "{project}",
    names: "dns-label",
    schema: "project.schema.json",
    visibility: "own",
    readme: true,
    page: "orgs/{org}/projects/{project}/",
    linkLabel: "in-org",
    format: "mlcat",
    tagged: true,
    authority: "roles",
    rules: PROJECT_RULES,
  },
  ProjectComponent: {
    label: "project component",
    path: "orgs/{org}/projects/{project}/components/{name}.yaml",
    key: "{org}/{project}/{name}",
    name: "{name}",
    names: "dns-label",
    schema: "component-spec.schema.json",
    visibility: { parent: "Project", key: "{org}/{project}" },
    readme: false,
    page: "orgs/{org}/projects/{project}/components/{name}/",
    linkLabel: "in-org",
    format: "polyaxon",
    tagged: false,
    authority: "none",
    rules: PROJECT_RULES,
  },
  Operation: {
    label: "operation",
    path: "orgs/{org}/projects/{project}/operations/{name}.yaml",
    key: "{org}/{project}/{name}",
    name: "{name}",
    names: "dns-label",
    schema: "operation.schema.json",
    visibility: { parent: "Project", key: "{org}/{project}" },
    readme: false,
    page: "orgs/{org}/projects/{project}/operations/{name}/",
    linkLabel: "in-org",
    format: "polyaxon",
    tagged: false,
    authority: "none",
    rules: PROJECT_RULES,
  },
  Experiment: {
    label: "experiment",
    path: "orgs/{org}/projects/{project}/experiments/{name}.yaml",
    key: "{org}/{project}/{name}",
    name: "{name}",
    names: "dns-label",
    schema: "experiment.schema.json",
    visibility: { parent: "Project", key: "{org}/{project}" },
    readme: false,
    page: "orgs/{org}/projects/{project}/experiments/{name}/",
    linkLabel: "in-org",
    format: "mlcat",
    tagged: true,
    authority: "none",
    rules: PROJECT_RULES,
  },
  Component: {
    label: "hub component",
    path: "orgs/{org}/components/{name}/component.yaml",
    key: "{org}/{name}",
    name: "{name}",
    names: "dns-label",
    schema: "component.schema.json",
    visibility: "own",
    readme: true,
    page: "hub/{org}/{name}/",
    linkLabel: "key",
    format: "mlcat",
    tagged: true,
    authority: "roles",
    rules: { ...HUB_RULES, key: "{org}/{name}" },
  },
  ComponentVersion: {
    label: "component version",
    path: "orgs/{org}/components/{parent}/versions/{name}.yaml",
    key: "{org}/{parent}:{name}",
    name: "{name}",
    names: "version-tag",
    schema: "component-spec.schema.json",
    visibility: { parent: "Component", key: "{org}/{parent}" },
    readme: false,
    page: "hub/{org}/{parent}/{name}/",
    linkLabel: "key",
    format: "polyaxon",
    tagged: false,
    authority: "none",
    rules: HUB_RULES,
  },
  Model: {
    label: "model",
    path: "orgs/{org}/models/{name}/model.yaml",
    key: "{org}/{name}",
    name: "{name}",
    names: "dns-label",
    schema: "model.schema.json",
    visibility: "own",
    readme: true,
    page: "registry/{org}/{name}/",
    linkLabel: "key",
    format: "mlcat",
    tagged: true,
    authority: "roles",
    rules: { ...REGISTRY_RULES, key: "{org}/{name}" },
  },
  ModelVersion: {
    label: "model version",
    path: "orgs/{org}/models/{parent}/versions/{name}.yaml",
    key: "{org}/{parent}:{name}",
    name: "{name}",
    names: "version-tag",
    schema: "model-version.schema.json",
    visibility: { parent: "Model", key: "{org}/{parent}" },
    readme: false,
    page: "registry/{org}/{parent}/{name}/",
    linkLabel: "key",
    format: "mlcat",
    tagged: false,
    authority: "none",
    rules: REGISTRY_RULES,
  },
} as const satisfies Record<Kind, KindDescriptor>;

/** The kinds whose descriptor's `field` is `value` (`KindWhere<"readme", true>`: the README owners). */
export type KindWhere<F extends keyof KindDescriptor, V> = {
  [K in Kind]: (typeof KIND_DESCRIPTORS)[K][F] extends V ? K : never;
}[Kind];

/** The descriptor of `kind`. */
export function describeKind(kind: Kind): KindDescriptor {
  return KIND_DESCRIPTORS[kind];
}

/** A table with one entry per kind, computed from its descriptor. */
export function fromDescriptors<T>(pick: (descriptor: KindDescriptor, kind: Kind) => T): Record<Kind, T> {
  const out = {} as Record<Kind, T>;
  for (const kind of Object.keys(KIND_DESCRIPTORS) as Kind[]) out[kind] = pick(KIND_DESCRIPTORS[kind], kind);
  return out;
}

/** The kinds whose descriptor passes `test`, in the order of `KINDS`. */
export function kindsWhere(test: (descriptor: KindDescriptor, kind: Kind) => boolean): Kind[] {
  return (Object.keys(KIND_DESCRIPTORS) as Kind[]).filter((kind) => test(KIND_DESCRIPTORS[kind], kind));
}
