/**
 * The data the site's pages receive: computed once from a validated catalog,
 * plain JSON (no Maps, no functions), every URL final (base path included).
 * Pages only lay this out; they never read files or the catalog.
 */
import type { Kind } from "../model/kinds.js";
import type { ExperimentStatus, Role, Stage, Visibility } from "../model/types.js";

/** Who the site is for: `public` leaves out every non-public entity and every trace of one. */
export type Audience = "internal" | "public";

/** A link to a page of the site. */
export interface Link {
  label: string;
  url: string;
}

/** A user as shown next to something they own or did; `url` is missing when the user has no page. */
export interface UserRef {
  name: string;
  label: string;
  url?: string;
}

/** One change of one file, from `git log`. */
export interface HistoryEntry {
  commit: string;
  short: string;
  /** ISO 8601 author date. */
  date: string;
  author: string;
  /** The commit subject; left out for the public audience (it may name private entities). */
  message?: string;
  change: "added" | "modified" | "deleted";
  /** Catalog-relative path of the file that changed. */
  file: string;
}

/** A change, with the entity it touched: the home page's and a user's "recent changes". */
export interface RecentChange extends HistoryEntry {
  kind: Kind;
  entity: Link;
}

/** One row of an inputs or outputs table. */
export interface IoRow {
  name: string;
  type: string;
  /** The default (`value`), as YAML-ish text. */
  default?: string;
  optional: boolean;
  list: boolean;
  flag: boolean;
  description?: string;
  connection?: string;
  toEnv?: string;
}

/** A name and a value, rendered as text (params, metrics, schema entries). */
export interface NameValue {
  name: string;
  value: string;
}

/** An artifact of an experiment or model version. */
export interface ArtifactRow {
  name: string;
  uri: string;
  kind?: string;
  /** Set when the URI is an http(s) URL safe to link to. */
  href?: string;
  connection?: Link;
  size?: string;
  sha256?: string;
}

/** One release of a hub component. */
export interface ReleaseRow {
  tag: string;
  url: string;
  stage?: Stage;
  notes?: string;
  releasedAt?: string;
  deprecated?: { reason: string; replacement?: Link };
  mutable: boolean;
  runKind?: string;
}

/** A hub component as listed (hub, home, organization pages). */
export interface ComponentSummary {
  key: string;
  org: string;
  name: string;
  url: string;
  description?: string;
  tags: string[];
  runKind?: string;
  /** Stage of the default version. */
  stage?: Stage;
  defaultTag?: string;
  versionCount: number;
  owner: UserRef;
  updatedAt?: string;
}

/** A Polyaxon component spec as shown (hub version or project component). */
export interface SpecView {
  description?: string;
  runKind?: string;
  image?: string;
  inputs: IoRow[];
  outputs: IoRow[];
  sourceFile: string;
  sourceYaml: string;
}

/** A hub component version's page. */
export interface ComponentVersionPage extends SpecView {
  key: string;
  org: string;
  name: string;
  tag: string;
  url: string;
  apiUrl: string;
  component: Link;
  release?: ReleaseRow;
  /** `hubRef: org/name:tag` operation, ready to copy. */
  snippet: string;
  usedBy: { experiments: Link[]; models: Link[] };
  history: HistoryEntry[];
}

/** A hub component's page. */
export interface ComponentPage extends ComponentSummary {
  apiUrl: string;
  visibility: Visibility;
  readmeHtml?: string;
  organization: Link;
  team?: Link;
  maintainers: UserRef[];
  releases: ReleaseRow[];
  /** The version the page shows by default (newest non-deprecated immutable release). */
  current?: ComponentVersionPage;
  usedBy: { projects: Link[]; experiments: Link[]; models: Link[] };
  history: HistoryEntry[];
}

/** One version in a model's versions table. */
export interface ModelVersionRow {
  key: string;
  tag: string;
  url: string;
  model: Link;
  stage: Stage;
  metrics: Record<string, number>;
  date?: string;
  createdBy?: UserRef;
}

/** A registry model as listed. */
export interface ModelSummary {
  key: string;
  org: string;
  name: string;
  url: string;
  description?: string;
  task?: string;
  framework?: string;
  license?: string;
  tags: string[];
  /** The most advanced stage any version is in (production > staging > testing > disabled). */
  stage?: Stage;
  /** Every stage some version is in: the registry's stage facet. */
  stages: Stage[];
  latestTag?: string;
  versionCount: number;
  owner: UserRef;
  updatedAt?: string;
}

/** A registry model's page. */
export interface ModelPage extends ModelSummary {
  apiUrl: string;
  visibility: Visibility;
  cardHtml?: string;
  organization: Link;
  team?: Link;
  versions: ModelVersionRow[];
  metricNames: string[];
  history: HistoryEntry[];
}

/** A node of a lineage graph. */
export interface LineageNode {
  id: string;
  kind: "project" | "component" | "code" | "params" | "experiment" | "model-version" | "artifact";
  label: string;
  detail?: string;
  url?: string;
  column: number;
}

/** An edge of a lineage graph, `from` feeds `to`. */
export interface LineageEdge {
  from: string;
  to: string;
  label?: string;
}

/** A model version's lineage, resolved. */
export interface LineageView {
  project?: Link;
  experiment?: Link;
  component?: Link;
  /** The component reference as written, when it does not resolve to a page (e.g. an unpublished project component). */
  componentText?: string;
  params: NameValue[];
  code?: { repo?: string; repoHref?: string; commit?: string };
  nodes: LineageNode[];
  edges: LineageEdge[];
  /** The graph drawn as SVG (our own markup, every text escaped). */
  svg: string;
}

/** A model version's page. */
export interface ModelVersionPage extends ModelVersionRow {
  org: string;
  name: string;
  apiUrl: string;
  description?: string;
  stageHistory: Array<{ stage: Stage; at: string; by: UserRef; reason?: string }>;
  lineage: LineageView;
  artifacts: ArtifactRow[];
  signature: { inputs: NameValue[]; outputs: NameValue[] };
  /** A Polyaxon operation (and commands) that re-runs what produced this version. */
  reproduce?: string;
  sourceFile: string;
  sourceYaml: string;
  history: HistoryEntry[];
}

/** One line of a quota table. */
export interface QuotaRow {
  what: string;
  limit: string;
  used?: number;
}

/** Who may do what in an organization. */
export interface PermissionMatrix {
  actions: Array<{ id: string; label: string; lowest: string }>;
  rows: Array<{ user: UserRef; role: Role; via?: string; allowed: boolean[] }>;
}

/** A team as listed. */
export interface TeamSummary {
  key: string;
  name: string;
  url: string;
  description?: string;
  memberCount: number;
}

/** A team's page. */
export interface TeamPage extends TeamSummary {
  org: string;
  apiUrl: string;
  organization: Link;
  members: Array<{ user: UserRef; role: Role }>;
  projects: Array<{ project: Link; role: Role }>;
  quotas: QuotaRow[];
  history: HistoryEntry[];
}

/** A connection as listed and shown. */
export interface ConnectionPage {
  key: string;
  org: string;
  name: string;
  url: string;
  apiUrl: string;
  organization: Link;
  kind: string;
  description?: string;
  tags: string[];
  schema: NameValue[];
  secretName?: string;
  mountPath?: string;
  usedBy: Link[];
  history: HistoryEntry[];
}

/** A project as listed. */
export interface ProjectSummary {
  key: string;
  org: string;
  name: string;
  url: string;
  description?: string;
  tags: string[];
  visibility: Visibility;
  owner: UserRef;
  experimentCount: number;
  updatedAt?: string;
}

/** An experiment as listed. */
export interface ExperimentRow {
  key: string;
  name: string;
  url: string;
  project: Link;
  status: ExperimentStatus;
  component?: Link;
  componentText?: string;
  metrics: Record<string, number>;
  startedAt?: string;
  createdBy?: UserRef;
}

/** A project's page. */
export interface ProjectPage extends ProjectSummary {
  apiUrl: string;
  organization: Link;
  readmeHtml?: string;
  team?: Link;
  members: Array<{ user: UserRef; role: Role }>;
  teams: Array<{ team: Link; role: Role }>;
  connections: Link[];
  components: Link[];
  hubComponents: Link[];
  experiments: ExperimentRow[];
  models: Link[];
  history: HistoryEntry[];
}

/** An experiment's page. */
export interface ExperimentPage extends ExperimentRow {
  org: string;
  apiUrl: string;
  description?: string;
  params: NameValue[];
  artifacts: ArtifactRow[];
  code?: { repo?: string; repoHref?: string; commit?: string; branch?: string };
  finishedAt?: string;
  tags: string[];
  models: Link[];
  sourceFile: string;
  sourceYaml: string;
  history: HistoryEntry[];
}

/** A project component's page. */
export interface ProjectComponentPage extends SpecView {
  key: string;
  org: string;
  name: string;
  url: string;
  apiUrl: string;
  project: Link;
  usedBy: Link[];
  history: HistoryEntry[];
}

/** An organization as listed. */
export interface OrgSummary {
  key: string;
  name: string;
  displayName: string;
  url: string;
  description?: string;
  visibility: Visibility;
  counts: { members: number; teams: number; projects: number; components: number; models: number };
}

/** An organization's page. */
export interface OrgPage extends OrgSummary {
  apiUrl: string;
  website?: string;
  members: Array<{ user: UserRef; role: Role }>;
  teams: TeamSummary[];
  projects: ProjectSummary[];
  components: ComponentSummary[];
  models: ModelSummary[];
  connections: Array<{ name: string; url: string; kind: string; description?: string }>;
  delegations: Array<{ area: string; to: UserRef[] }>;
  quotas: QuotaRow[];
  matrix: PermissionMatrix;
  history: HistoryEntry[];
}

/** A user's page. */
export interface UserPage {
  name: string;
  label: string;
  url: string;
  apiUrl: string;
  github?: { login: string; url: string };
  email?: string;
  bio?: string;
  catalogAdmin: boolean;
  orgs: Array<{ org: Link; role: Role }>;
  teams: Array<{ team: Link; role: Role }>;
  owns: { projects: Link[]; components: Link[]; models: Link[] };
  changes: RecentChange[];
}

/** One property of a JSON Schema, flattened for the schema reference. */
export interface SchemaProperty {
  path: string;
  type: string;
  required: boolean;
  description?: string;
  example?: string;
}

/** One JSON Schema, for the schema reference page. */
export interface SchemaDoc {
  file: string;
  title: string;
  description?: string;
  url: string;
  kinds: string[];
  properties: SchemaProperty[];
}

/** A facet of a list page: values with how many items carry each. */
export interface Facet {
  id: string;
  label: string;
  values: Array<{ value: string; count: number }>;
}

/** A file of the static output that is not a page: the JSON API, the schemas. */
export interface StaticFile {
  /** Path under the site root, no leading slash, e.g. `api/orgs/acme/organization.json`. */
  path: string;
  body: string;
}

/** Entity counts shown on the home page. */
export interface Counts {
  users: number;
  organizations: number;
  teams: number;
  projects: number;
  experiments: number;
  components: number;
  componentVersions: number;
  models: number;
  modelVersions: number;
  connections: number;
}

/** Everything the site needs. */
export interface SiteData {
  meta: {
    title: string;
    description?: string;
    /** Absolute site URL, no trailing slash. */
    siteUrl: string;
    /** Base path with leading and trailing slash (`/` or `/x/`). */
    basePath: string;
    audience: Audience;
    generatedAt: string;
    /** Whether git history was available. */
    history: boolean;
  };
  counts: Counts;
  recent: RecentChange[];
  home: { production: ModelVersionRow[]; components: ComponentSummary[] };
  hub: { components: ComponentSummary[]; facets: Facet[] };
  registry: { models: ModelSummary[]; facets: Facet[] };
  orgs: OrgPage[];
  teams: TeamPage[];
  connections: ConnectionPage[];
  projects: ProjectPage[];
  experiments: ExperimentPage[];
  projectComponents: ProjectComponentPage[];
  components: ComponentPage[];
  componentVersions: ComponentVersionPage[];
  models: ModelPage[];
  modelVersions: ModelVersionPage[];
  users: UserPage[];
  schemas: SchemaDoc[];
  /** The JSON API and the JSON Schemas. */
  files: StaticFile[];
}
