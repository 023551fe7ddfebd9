/**
 * The data of each kind, as written in YAML. These interfaces mirror the JSON
 * Schemas in `schemas/` (the schemas are the source of truth for validation;
 * these types are what code reads after a file passed its schema).
 *
 * mlcat's own kinds carry no `kind:` field: a file's path says its kind.
 * Component versions and project components are unchanged Polyaxon specs.
 */

/** Organization roles, after Polyaxon, highest first. */
export type Role = "owner" | "manager" | "admin" | "member" | "viewer";
export const ROLES: readonly Role[] = ["owner", "manager", "admin", "member", "viewer"];

/** Polyaxon's model-version (and component-version) stages. */
export type Stage = "testing" | "staging" | "production" | "disabled";
export const STAGES: readonly Stage[] = ["testing", "staging", "production", "disabled"];

export type Visibility = "public" | "private";

/** A user's role on an organization, team, project, component or model. */
export interface MemberRole {
  user: string;
  role: Role;
}

/** A team's role on a project, component or model. */
export interface TeamRole {
  team: string;
  role: Role;
}

/** Count quotas (and, for teams, Kubernetes resource quotas). */
export interface Quotas {
  projects?: number;
  models?: number;
  components?: number;
  /** Resource quotas in Kubernetes units, e.g. `{cpu: "64", memory: "256Gi", "nvidia.com/gpu": 8}`. */
  resources?: Record<string, string | number>;
}

/** `catalog/catalog.yaml`. */
export interface CatalogData {
  title: string;
  description?: string;
  siteUrl?: string;
  /** The git repository the catalog lives in: pages link to their files and commits. */
  repository?: RepositoryData;
  /** Usernames of the catalog admins (they create organizations, change files outside catalog/). */
  admins: string[];
  vocabularies?: {
    /** When set, every tag in the catalog must be one of these. */
    tags?: string[];
    /** `spdx` accepts any valid SPDX expression; a list restricts licenses to those ids. */
    licenses?: "spdx" | string[];
  };
  policy?: {
    /** Pull requests changing more files than this fail closed (default 500). */
    maxChangedFiles?: number;
    /** Who may move a model version to production: `registry-admins` (default) or `owners`. */
    productionApprovers?: "registry-admins" | "owners";
    /** Whether a stage change must give a reason (default true). */
    requireStageReason?: boolean;
    /** Values that look like credentials but are not (public examples), by fingerprint; `mlcat check` reads it from the base only. */
    secretsAllowlist?: Array<{ fingerprint: string; reason: string }>;
    /** What a model version must have to be in a stage. */
    stages?: Partial<Record<Stage, { require: StageRequirement[] }>>;
    /** Model aliases that mean production: moving one needs the production approvers (default `[production]`). */
    productionAliases?: string[];
  };
  /** Owners of Polyaxon hubs outside this catalog (e.g. `polyaxon`, Polyaxon's public hub): `hubRef`s to them are not resolved. */
  externalHubs?: string[];
}

/** The hosts whose URL patterns mlcat knows. */
export type RepositoryHost = "github" | "gitlab" | "bitbucket" | "gitea" | "azure-devops";

/** catalog.yaml's `repository`: where the catalog's files and commits are on the web. */
export interface RepositoryData {
  /** The repository's web address, e.g. `https://github.com/acme/ml-catalog`. */
  url: string;
  /** The branch file links point to (default `main`). */
  branch?: string;
  /** The catalog folder's path in the repository (default: from git, else the root). */
  path?: string;
  /** Which host's URL patterns to use (default: from the URL's host name). */
  host?: RepositoryHost;
  /** URL patterns with `{url}`, `{branch}`, `{path}` and `{commit}`, for other hosts or to replace the host's. */
  links?: { view?: string; edit?: string; history?: string; commit?: string };
}

/** `catalog/users/<user>.yaml`. */
export interface UserData {
  name: string;
  displayName?: string;
  github?: { login: string; id?: number };
  email?: string;
  bio?: string;
}

/** `catalog/orgs/<org>/organization.yaml`. */
export interface OrganizationData {
  name: string;
  displayName?: string;
  description?: string;
  visibility: Visibility;
  website?: string;
  members: MemberRole[];
  /** Management delegated by managers/owners to named admins. */
  delegations?: Array<{ area: "projects" | "hub" | "registry"; to: string[] }>;
  quotas?: Quotas;
}

/** `catalog/orgs/<org>/teams/<team>.yaml`. */
export interface TeamData {
  name: string;
  description?: string;
  members: MemberRole[];
  /** Roles this team's members get on the named projects of the organization. */
  projects?: Array<{ project: string; role: Role }>;
  quotas?: Quotas;
}

/** Polyaxon's connection kinds (the V1Connection kinds of Polyaxon 2.x). */
export type ConnectionKind =
  | "host_path"
  | "volume_claim"
  | "gcs"
  | "s3"
  | "wasb"
  | "registry"
  | "git"
  | "aws"
  | "gcp"
  | "azure"
  | "mysql"
  | "postgres"
  | "oracle"
  | "vertica"
  | "sqlite"
  | "mssql"
  | "redis"
  | "presto"
  | "mongo"
  | "cassandra"
  | "ftp"
  | "grpc"
  | "hdfs"
  | "http"
  | "pig_cli"
  | "hive_cli"
  | "hive_metastore"
  | "hive_server2"
  | "jdbc"
  | "jenkins"
  | "samba"
  | "snowflake"
  | "ssh"
  | "cloudant"
  | "databricks"
  | "segment"
  | "slack"
  | "discord"
  | "mattermost"
  | "pagerduty"
  | "hipchat"
  | "webhook"
  | "custom";

/** `catalog/orgs/<org>/connections/<conn>.yaml`. */
export interface ConnectionData {
  name: string;
  /** Polyaxon connection kind. */
  kind: ConnectionKind;
  description?: string;
  tags?: string[];
  /** Kind-specific schema, e.g. `{bucket: "s3://data"}`, `{url: "https://github.com/acme/ml"}`. */
  schema?: Record<string, unknown>;
  /** Only the *name* of the Kubernetes secret; never its value. */
  secret?: { name: string; mountPath?: string; items?: string[] };
  /** A Kubernetes config map, by name. */
  configMap?: { name: string; mountPath?: string; items?: string[] };
  /** Environment variables injected with the connection. */
  env?: Array<{ name: string; value?: string | number | boolean; valueFrom?: Record<string, unknown> }>;
  annotations?: Record<string, string>;
}

/** `.../projects/<p>/project.yaml`. */
export interface ProjectData {
  name: string;
  description?: string;
  tags?: string[];
  /** Defaults to the organization's visibility. */
  visibility?: Visibility;
  /** Owning user (an organization member). */
  owner: string;
  /** Owning team; the project counts against its quota. */
  team?: string;
  teams?: TeamRole[];
  members?: MemberRole[];
  /** Connections of the organization this project may use. */
  connections?: string[];
}

/** One release's metadata in a hub entry. */
export interface ReleaseData {
  /** The version tag: a file `versions/<tag>.yaml` must exist. Quote it (`"1.2"`). */
  tag: string;
  stage?: Stage;
  notes?: string;
  releasedAt?: string;
  deprecated?: { reason: string; replacement?: string };
  /** Where a promoted version came from. */
  source?: { project: string; path: string; commit?: string };
}

/** `.../components/<c>/component.yaml`: the hub entry. */
export interface ComponentData {
  name: string;
  description?: string;
  tags?: string[];
  visibility?: Visibility;
  owner: string;
  team?: string;
  maintainers?: string[];
  teams?: TeamRole[];
  members?: MemberRole[];
  /** Tags that may change after publication (e.g. `latest`); every other tag is immutable. */
  mutableTags?: string[];
  releases?: ReleaseData[];
}

/** What a stage's policy may require of a model version (catalog.yaml `policy.stages`). */
export type StageRequirement = "checksums" | "flavor" | "signature" | "evaluation" | "inputExample";
export const STAGE_REQUIREMENTS: readonly StageRequirement[] = [
  "checksums",
  "flavor",
  "signature",
  "evaluation",
  "inputExample",
];

/** `.../models/<m>/model.yaml`: the registry entry. */
export interface ModelData {
  name: string;
  description?: string;
  task?: string;
  framework?: string;
  /** SPDX expression. */
  license?: string;
  tags?: string[];
  /** Alias name -> version tag of this model (`champion: "2.0.0"`). */
  aliases?: Record<string, string>;
  /** Hugging Face dataset ids (`owner/name`) or https URLs. */
  datasets?: string[];
  /** A catalog version `org/model:tag`, an https URL or a Hugging Face model id `owner/name`. */
  baseModel?: string;
  visibility?: Visibility;
  owner: string;
  team?: string;
  teams?: TeamRole[];
  members?: MemberRole[];
}

export interface ArtifactData {
  name: string;
  /** `s3://...`, `gs://...`, `https://...`, or a path within `connection`. */
  uri: string;
  kind?: "model" | "dataset" | "metrics" | "image" | "file" | "dir" | "env" | "other";
  connection?: string;
  size?: number;
  sha256?: string;
}

/** The file formats a flavor's artifact may have (closed list). */
export type FlavorFormat =
  | "onnx"
  | "torchscript"
  | "pytorch-state-dict"
  | "safetensors"
  | "savedmodel"
  | "keras"
  | "tflite"
  | "xgboost-json"
  | "xgboost-ubj"
  | "lightgbm-text"
  | "catboost-cbm"
  | "sklearn-pickle"
  | "joblib"
  | "mlflow-pyfunc"
  | "gguf"
  | "custom";

/** One way to deploy a model version (or a run's model): an artifact, its format, how to load it, what it needs. */
export interface FlavorData {
  name: string;
  /** The name of one of the version's (or run's) artifacts. */
  artifact: string;
  format: FlavorFormat;
  framework?: string;
  frameworkVersion?: string;
  /** A short code snippet. */
  load?: string;
  requirements?: string[];
  /** A serving image pinned by a version tag or a digest. */
  image?: string;
}

/** One structured evaluation result (after Hugging Face's model-index). */
export interface EvaluationData {
  task: string;
  dataset: { name: string; version?: string; revision?: string; split: string; uri?: string };
  metric: string;
  value: number;
  /** `<project>/<experiment>` in the same organization. */
  experiment?: string;
}

/** Data a run read: a pinned URI, or another run's artifact. */
export interface DataInputData {
  name: string;
  uri?: string;
  version?: string;
  sha256?: string;
  connection?: string;
  /** `<project>/<experiment>` in the same organization (with `artifact`). */
  experiment?: string;
  artifact?: string;
}

/** `.../models/<m>/versions/<tag>.yaml`. */
export interface ModelVersionData {
  /** The version tag (file name). */
  name: string;
  description?: string;
  stage: Stage;
  stageHistory: Array<{ stage: Stage; at: string; by: string; reason?: string }>;
  /** Free tags (names), not checked against the tag vocabulary. */
  tags?: string[];
  lineage?: {
    /** Project in the same organization (`churn`) or `org/project`. */
    project?: string;
    /** Experiment name within `project`. */
    experiment?: string;
    /** Hub component version `org/name:tag`, or a project component name. */
    component?: string;
    params?: Record<string, unknown>;
    code?: { repo?: string; commit?: string };
    /** The data the run read. */
    inputs?: DataInputData[];
  };
  artifacts?: ArtifactData[];
  flavors?: FlavorData[];
  /** The hub component version that serves it, and its params. */
  serving?: { component: string; params?: Record<string, unknown> };
  metrics?: Record<string, number>;
  evaluation?: EvaluationData[];
  signature?: {
    inputs?: Array<{ name: string; type: string; shape?: Array<number | null> }>;
    outputs?: Array<{ name: string; type: string; shape?: Array<number | null> }>;
  };
  /** Exactly one of an artifact name or a JSON value. */
  inputExample?: { artifact?: string; value?: unknown };
  createdAt?: string;
  createdBy?: string;
}

export type ExperimentStatus = "created" | "queued" | "running" | "succeeded" | "failed" | "stopped" | "skipped";

/** `.../projects/<p>/experiments/<run>.yaml`: a run record. */
export interface ExperimentData {
  name: string;
  description?: string;
  /** Hub component version `org/name:tag`, or the name of a component of this project. */
  component: string;
  params?: Record<string, unknown>;
  /** The data the run read. */
  inputs?: DataInputData[];
  metrics?: Record<string, number>;
  evaluation?: EvaluationData[];
  artifacts?: ArtifactData[];
  flavors?: FlavorData[];
  code?: { repo?: string; commit?: string; branch?: string };
  status: ExperimentStatus;
  startedAt?: string;
  finishedAt?: string;
  createdBy?: string;
  tags?: string[];
}

/** A Polyaxon IO field (inputs/outputs). */
export interface IoData {
  name: string;
  description?: string;
  type?: string;
  isOptional?: boolean;
  isList?: boolean;
  isFlag?: boolean;
  argFormat?: string;
  connection?: string;
  toInit?: boolean;
  toEnv?: string;
  value?: unknown;
  validation?: Record<string, unknown>;
  /** Deprecated in Polyaxon (use `validation.delay`); still accepted in specs. */
  delayValidation?: boolean;
  /** Deprecated in Polyaxon (use `validation.options`); still accepted in specs. */
  options?: unknown[];
}

/** The run kinds of current Polyaxon (2.x). */
export type CurrentRunKind =
  | "job"
  | "service"
  | "dag"
  | "tfjob"
  | "pytorchjob"
  | "mpijob"
  | "daskcluster"
  | "raycluster"
  | "notifier"
  | "cleaner"
  | "tuner";
/** Run kinds older Polyaxon releases had and current ones dropped (accepted with a warning). */
export type LegacyRunKind =
  "dask" | "ray" | "spark" | "flink" | "daskjob" | "rayjob" | "mxjob" | "xgbjob" | "paddlejob";
/** Every run kind the schema accepts. */
export type RunKind = CurrentRunKind | LegacyRunKind;
/** The run kinds of current Polyaxon, in its V1RunKind order. */
export const RUN_KINDS: readonly CurrentRunKind[] = [
  "job",
  "service",
  "dag",
  "tfjob",
  "pytorchjob",
  "mpijob",
  "daskcluster",
  "raycluster",
  "notifier",
  "cleaner",
  "tuner",
];

/** A Polyaxon hook: an operation run when the main run reaches a final status. */
export interface HookData {
  hubRef: string;
  connection?: string;
  trigger?: "succeeded" | "failed" | "stopped" | "done";
  conditions?: string;
  queue?: string;
  presets?: string[];
  params?: Record<string, unknown>;
  disableDefaults?: boolean;
}

/**
 * A Polyaxon component spec (`kind: component`): hub versions and project
 * components. Every top-level key is listed (the schema refuses others);
 * `run` is checked strictly for `job` and `service` and loosely otherwise.
 */
export interface ComponentSpecData {
  version?: number;
  kind: "component";
  name?: string;
  description?: string;
  tags?: string[];
  presets?: string[];
  queue?: string;
  namespace?: string;
  cache?: { disable?: boolean; ttl?: number; io?: string[]; sections?: Array<"containers" | "init" | "connections"> };
  termination?: {
    maxRetries?: number | string;
    ttl?: number | string;
    timeout?: number | string;
    culling?: { timeout?: number };
    probe?: Record<string, unknown>;
    podFailurePolicy?: unknown;
  };
  /** auth, docker, shm, tmux, sandbox, ssh, shm, mountArtifactsStore, collectArtifacts, collectLogs, collectResources, syncStatuses, autoResume, externalHost, logLevel, sidecar, notifications. */
  plugins?: Record<string, unknown>;
  build?: { hubRef: string; [key: string]: unknown };
  hooks?: HookData[];
  template?: { enabled?: boolean; description?: string; fields?: string[] };
  isApproved?: boolean;
  cost?: number;
  /** Artifacts or connections mounted in every container. */
  mount?: Array<string | Record<string, unknown>>;
  inputs?: IoData[];
  outputs?: IoData[];
  run: { kind: RunKind; [key: string]: unknown };
}

/**
 * A Polyaxon operation (`kind: operation`), unchanged: what a project runs,
 * `projects/<p>/operations/<op>.yaml`. It names one component (hubRef,
 * pathRef, dagRef, urlRef or an inline component) and passes it params.
 */
export interface OperationData {
  version?: number;
  kind: "operation";
  name?: string;
  description?: string;
  tags?: string[];
  hubRef?: string;
  pathRef?: string;
  dagRef?: string;
  urlRef?: string;
  component?: ComponentSpecData;
  /** Params by input name: a value (`lr: 0.1`) or a full param (`{value, ref, connection, toInit, toEnv, contextOnly}`). */
  params?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The data type of each kind. */
export interface KindData {
  Catalog: CatalogData;
  User: UserData;
  Organization: OrganizationData;
  Team: TeamData;
  Connection: ConnectionData;
  Project: ProjectData;
  ProjectComponent: ComponentSpecData;
  Operation: OperationData;
  Experiment: ExperimentData;
  Component: ComponentData;
  ComponentVersion: ComponentSpecData;
  Model: ModelData;
  ModelVersion: ModelVersionData;
}
