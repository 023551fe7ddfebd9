/** The data of organization, team, connection, project, experiment, user and schema pages. */
import type { ExperimentStatus, Role, Visibility } from "../model/types.js";
import type { ArtifactRow, ComponentSummary, IoRow, ModelSummary, NameValue, SpecView } from "./types-catalog.js";
import type { CommitChanges, EntitySource, HistoryEntry, Link, UserRef } from "./types.js";

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
  /** Links to the entity's file on the repository's host (none without catalog.yaml's `repository`). */
  source?: EntitySource;
  organization: Link;
  members: Array<{ user: UserRef; role: Role }>;
  projects: Array<{ project: Link; role: Role }>;
  /** The projects, hub components and models whose `team` is this team. */
  namedBy: { projects: Link[]; components: Link[]; models: Link[] };
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
  /** Links to the entity's file on the repository's host (none without catalog.yaml's `repository`). */
  source?: EntitySource;
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
  /** Links to the entity's file on the repository's host (none without catalog.yaml's `repository`). */
  source?: EntitySource;
  organization: Link;
  readmeHtml?: string;
  team?: Link;
  members: Array<{ user: UserRef; role: Role }>;
  teams: Array<{ team: Link; role: Role }>;
  connections: Link[];
  components: Link[];
  /** The project's operation files. */
  operations: Link[];
  hubComponents: Link[];
  experiments: ExperimentRow[];
  models: Link[];
  history: HistoryEntry[];
}

/** An experiment's page. */
export interface ExperimentPage extends ExperimentRow {
  org: string;
  apiUrl: string;
  /** Links to the entity's file on the repository's host (none without catalog.yaml's `repository`). */
  source?: EntitySource;
  description?: string;
  params: NameValue[];
  artifacts: ArtifactRow[];
  /** The code it ran: its repository (linked when http(s)), commit (linked when the host's URLs are known) and branch. */
  code?: { repo?: string; repoHref?: string; commit?: string; commitHref?: string; branch?: string };
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
  /** Links to the entity's file on the repository's host (none without catalog.yaml's `repository`). */
  source?: EntitySource;
  project: Link;
  usedBy: Link[];
  history: HistoryEntry[];
}

/** What an operation runs: its reference as written, linked when it names a page of the site. */
export interface OperationTarget {
  /** How it names the component. */
  by: "hubRef" | "pathRef" | "urlRef" | "dagRef" | "component";
  /** The reference as written (an inline component's name, or `inline`). */
  text: string;
  /** The hub version or project component's page, when the reference resolves in the catalog. */
  link?: Link;
  /** A `urlRef`'s address, when it is http(s). */
  href?: string;
  /** Why it has no link: an external hub, a URL, an inline component, or a name that does not resolve. */
  note?: string;
}

/** An operation's page (`projects/<p>/operations/<op>.yaml`, a Polyaxon `kind: operation`). */
export interface OperationPage {
  key: string;
  org: string;
  name: string;
  url: string;
  apiUrl: string;
  /** Links to the entity's file on the repository's host (none without catalog.yaml's `repository`). */
  source?: EntitySource;
  project: Link;
  description?: string;
  tags: string[];
  runs: OperationTarget;
  /** An inline component's run kind. */
  runKind?: string;
  /** An inline component's inputs and outputs. */
  inline?: { inputs: IoRow[]; outputs: IoRow[] };
  params: NameValue[];
  sourceFile: string;
  sourceYaml: string;
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
  /** Links to the entity's file on the repository's host (none without catalog.yaml's `repository`). */
  source?: EntitySource;
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
  /** Links to the entity's file on the repository's host (none without catalog.yaml's `repository`). */
  source?: EntitySource;
  github?: { login: string; url: string };
  email?: string;
  bio?: string;
  catalogAdmin: boolean;
  orgs: Array<{ org: Link; role: Role }>;
  teams: Array<{ team: Link; role: Role }>;
  owns: { projects: Link[]; components: Link[]; models: Link[] };
  /** What they changed, a commit at a time, newest first (the last 20 commits, 8 entities each at most). */
  commits: CommitChanges[];
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
