/** The data of the hub's and the registry's pages. */
import type { Stage, Visibility } from "../model/types.js";
import type { EntitySource, HistoryEntry, Link, UserRef } from "./types.js";

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
  visibility: Visibility;
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
  /** Links to the entity's file on the repository's host (none without catalog.yaml's `repository`). */
  source?: EntitySource;
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
  /** Links to the entity's file on the repository's host (none without catalog.yaml's `repository`). */
  source?: EntitySource;
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
  /** The model's aliases that point to this version (`champion`), in name order. */
  aliases: string[];
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
  /** The newest version, with its own stage: a list shows a stage only beside the version it belongs to. */
  latest?: VersionRef;
  /** The versions in production and in staging, newest first. */
  stageVersions: VersionRef[];
  /** The model's aliases, in name order, each with the version it points to. */
  aliases: Array<{ name: string; tag: string; url: string }>;
  versionCount: number;
  owner: UserRef;
  updatedAt?: string;
  visibility: Visibility;
}

/** A version as lists name it: tag, page, its own stage and aliases. */
export interface VersionRef {
  tag: string;
  url: string;
  stage: Stage;
  aliases: string[];
}

/** One way to deploy a version: an artifact, its format, how to load it, what it needs. */
export interface FlavorView {
  name: string;
  artifact: string;
  /** The artifact's location, when the version lists it. */
  uri?: string;
  href?: string;
  sha256?: string;
  format: string;
  framework?: string;
  frameworkVersion?: string;
  load?: string;
  requirements: string[];
  image?: string;
}

/** What serves a version: a hub component version (linked when it resolves) and its params. */
export interface ServingView {
  component: string;
  link?: Link;
  params: NameValue[];
}

/** A version's reproduce operation (`mlcat reproduce`'s text), or what its lineage lacks. */
export type ReproduceView =
  { ok: true; command: string; snippet: string; cli: string } | { ok: false; missing: string[]; cli: string };

/** One entry of a model's "use this model" panel: a version some alias or the production stage points to. */
export interface UseEntry {
  /** Why it is shown: alias names, and `production` when it is in production. */
  via: Array<{ kind: "alias" | "stage"; name: string }>;
  version: VersionRef;
  artifacts: ArtifactRow[];
  flavors: FlavorView[];
  serving?: ServingView;
  reproduce: ReproduceView;
}

/** One structured evaluation result, as a row of a table. */
export interface EvaluationRow {
  task: string;
  dataset: string;
  /** `version` or `revision` of the dataset. */
  datasetVersion?: string;
  split: string;
  metric: string;
  value: number;
  experiment?: Link;
}

/** Evaluation results across a model's versions: one row per task, dataset, split and metric. */
export interface EvaluationComparison {
  versions: VersionRef[];
  rows: Array<Omit<EvaluationRow, "value" | "experiment"> & { values: Array<number | null> }>;
  /** The rows by task, dataset and dataset version, in the rows' order: results are comparable within a group. */
  groups: EvaluationGroup[];
  /** Datasets scored at more than one version (so no version has results in every group). */
  mixedDatasets: string[];
}

/** The results of one task on one version of a dataset. */
export interface EvaluationGroup {
  task: string;
  dataset: string;
  datasetVersion?: string;
  /** The tags of the versions with a result in the group, in the columns' order. */
  scored: string[];
  rows: EvaluationComparison["rows"];
}

/** A registry model's page. */
export interface ModelPage extends ModelSummary {
  apiUrl: string;
  /** Links to the entity's file on the repository's host (none without catalog.yaml's `repository`). */
  source?: EntitySource;
  cardHtml?: string;
  organization: Link;
  team?: Link;
  versions: ModelVersionRow[];
  metricNames: string[];
  /** The "use this model" panel: each version an alias or the production stage points to. */
  use: UseEntry[];
  evaluation: EvaluationComparison;
  datasets: string[];
  baseModel?: { text: string; link?: Link };
  history: HistoryEntry[];
}

/** A node of a lineage graph. */
export interface LineageNode {
  id: string;
  kind:
    "project" | "component" | "code" | "params" | "data" | "experiment" | "base-model" | "model-version" | "artifact";
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
  /** The training code: its repository (linked when http(s)) and commit (linked when the host's URLs are known). */
  code?: { repo?: string; repoHref?: string; commit?: string; commitHref?: string };
  nodes: LineageNode[];
  edges: LineageEdge[];
  /** The graph drawn as SVG (our own markup, every text escaped), in columns for a wide screen. */
  svg: string;
  /** The same graph in one column, for a phone. */
  svgNarrow: string;
}

/** A model version's page. */
export interface ModelVersionPage extends ModelVersionRow {
  org: string;
  name: string;
  apiUrl: string;
  /** Links to the entity's file on the repository's host (none without catalog.yaml's `repository`). */
  source?: EntitySource;
  description?: string;
  stageHistory: Array<{ stage: Stage; at: string; by: UserRef; reason?: string }>;
  lineage: LineageView;
  artifacts: ArtifactRow[];
  signature: { inputs: NameValue[]; outputs: NameValue[] };
  /** The Polyaxon operation that re-runs what produced this version (`mlcat reproduce`'s text), or what is missing. */
  reproduce: ReproduceView;
  tags: string[];
  flavors: FlavorView[];
  serving?: ServingView;
  evaluation: EvaluationRow[];
  /** The input example: an artifact's name, or the value as JSON. */
  inputExample?: { artifact: string } | { json: string };
  sourceFile: string;
  sourceYaml: string;
  history: HistoryEntry[];
}
