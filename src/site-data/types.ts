import type { Shard } from "./shard.js";

/**
 * The data the site's pages receive: computed once from a validated catalog,
 * plain JSON (no Maps, no functions), every URL final (base path included).
 * Pages only lay this out; they never read files or the catalog.
 */
import type { Kind } from "../model/kinds.js";
import type {
  ComponentPage,
  ComponentSummary,
  ComponentVersionPage,
  ModelPage,
  ModelSummary,
  ModelVersionPage,
  ModelVersionRow,
} from "./types-catalog.js";
import type {
  ConnectionPage,
  ExperimentPage,
  OperationPage,
  OrgPage,
  ProjectComponentPage,
  ProjectPage,
  SchemaDoc,
  TeamPage,
  UserPage,
} from "./types-org.js";

export type * from "./types-catalog.js";
export type * from "./types-org.js";

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
  /** The user's GitHub login (whom to request review from), when the user has a page and a well-formed login. */
  login?: string;
}

/** One change of one file, from `git log`. */
export interface HistoryEntry {
  commit: string;
  short: string;
  /** ISO 8601 author date. */
  date: string;
  author: string;
  /**
   * The catalog user the git author is (by username, display name or GitHub login, compared
   * case-insensitively: as a user's page finds their changes), shown as a link to their page.
   */
  authorUser?: UserRef;
  /** The commit subject; left out for the public audience (it may name private entities). */
  message?: string;
  change: "added" | "modified" | "deleted";
  /** Catalog-relative path of the file that changed. */
  file: string;
  /** The commit on the repository's host (catalog.yaml's `repository`). */
  commitUrl?: string;
}

/** Where an entity's file is on the repository's host: its path, and links to view, edit and see its history. */
export interface FileLinks {
  path: string;
  view?: string;
  edit?: string;
  history?: string;
}

/** An entity page's links to its source: its YAML file, and its README or model card when it has one. */
export interface EntitySource {
  file: FileLinks;
  readme?: FileLinks;
}

/** A change, with the entity it touched: the home page's and a user's "recent changes". */
export interface RecentChange extends HistoryEntry {
  kind: Kind;
  entity: Link;
}

/** One commit's changes to entities (the home page's feed and a user's page list changes this way). */
export interface CommitChanges {
  commit: string;
  short: string;
  date: string;
  author: string;
  /** The catalog user the git author is, when one is. */
  authorUser?: UserRef;
  message?: string;
  commitUrl?: string;
  /** The entities it added, modified or deleted (the first few). */
  changes: Array<{ kind: Kind; entity: Link; change: HistoryEntry["change"] }>;
  /** How many more entities the commit changed than are listed. */
  more: number;
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
    /** The part of a sharded build these pages are rendered for (`mlcat build --shard`). */
    shard?: Shard;
    /** The catalog's repository on its host (catalog.yaml's `repository`), when pages link to their sources. */
    repository?: string;
    /** The site's card image for link previews (a path under the base path), when the build drew one. */
    card?: { path: string; width: number; height: number };
  };
  counts: Counts;
  /** The latest commits that changed entities, each with what it changed (the home page's feed). */
  recent: CommitChanges[];
  home: { production: ModelVersionRow[]; components: ComponentSummary[] };
  hub: { components: ComponentSummary[]; facets: Facet[] };
  registry: { models: ModelSummary[]; facets: Facet[] };
  orgs: OrgPage[];
  teams: TeamPage[];
  connections: ConnectionPage[];
  projects: ProjectPage[];
  experiments: ExperimentPage[];
  projectComponents: ProjectComponentPage[];
  operations: OperationPage[];
  components: ComponentPage[];
  componentVersions: ComponentVersionPage[];
  models: ModelPage[];
  modelVersions: ModelVersionPage[];
  users: UserPage[];
  schemas: SchemaDoc[];
  /** The JSON API and the JSON Schemas. */
  files: StaticFile[];
}
