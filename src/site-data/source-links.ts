/**
 * Links back to the source: an entity's file in the catalog's repository
 * (view, edit, history) and a commit, from catalog.yaml's `repository`;
 * and a commit of a code repository that an experiment or a lineage names.
 * URL patterns are the host's (GitHub, GitLab, Bitbucket, Gitea/Forgejo,
 * Azure DevOps) or the catalog's own; every value put into a pattern is
 * escaped for a URL, and a link is made only when the result is an http(s)
 * URL: catalog text never becomes a `javascript:` or relative link.
 */
import type { RepositoryData, RepositoryHost } from "../model/types.js";
import { isHttpUrl } from "./markdown.js";
import type { FileLinks } from "./types.js";

/** The four links a repository can give. */
export interface LinkPatterns {
  view: string;
  edit: string;
  history: string;
  commit: string;
}

/** Each host's URL patterns. */
export const HOST_PATTERNS: Readonly<Record<RepositoryHost, LinkPatterns>> = {
  github: {
    view: "{url}/blob/{branch}/{path}",
    edit: "{url}/edit/{branch}/{path}",
    history: "{url}/commits/{branch}/{path}",
    commit: "{url}/commit/{commit}",
  },
  gitlab: {
    view: "{url}/-/blob/{branch}/{path}",
    edit: "{url}/-/edit/{branch}/{path}",
    history: "{url}/-/commits/{branch}/{path}",
    commit: "{url}/-/commit/{commit}",
  },
  bitbucket: {
    view: "{url}/src/{branch}/{path}",
    edit: "{url}/src/{branch}/{path}?mode=edit",
    history: "{url}/history-node/{branch}/{path}",
    commit: "{url}/commits/{commit}",
  },
  gitea: {
    view: "{url}/src/branch/{branch}/{path}",
    edit: "{url}/_edit/{branch}/{path}",
    history: "{url}/commits/branch/{branch}/{path}",
    commit: "{url}/commit/{commit}",
  },
  "azure-devops": {
    view: "{url}?path=/{path}&version=GB{branch}",
    edit: "{url}?path=/{path}&version=GB{branch}&_a=contents",
    history: "{url}?path=/{path}&version=GB{branch}&_a=history",
    commit: "{url}/commit/{commit}",
  },
};

/** The host a repository URL's host name says, if it says one. */
export function hostOf(url: string): RepositoryHost | undefined {
  let name: string;
  try {
    name = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  if (name === "github.com" || name.startsWith("github.")) return "github";
  if (name === "gitlab.com" || name.startsWith("gitlab.")) return "gitlab";
  if (name === "bitbucket.org") return "bitbucket";
  if (name === "codeberg.org" || name === "gitea.com" || name.startsWith("gitea.") || name.startsWith("forgejo."))
    return "gitea";
  if (name === "dev.azure.com" || name.endsWith(".visualstudio.com")) return "azure-devops";
  return undefined;
}

/** A repository URL as patterns take it: http(s), no query, fragment, trailing slash or `.git`. Undefined when it is not http(s). */
export function repositoryUrl(url: string | undefined): string | undefined {
  if (!isHttpUrl(url)) return undefined;
  const u = new URL(url);
  return `${u.origin}${u.pathname}`.replace(/\/+$/, "").replace(/\.git$/, "");
}

/** `text` escaped for a URL, each `/`-separated segment on its own (so paths and branches keep their slashes). */
function escapePath(text: string): string {
  return text.split("/").map(encodeURIComponent).join("/");
}

/** A commit id as links take it: 7 to 64 hexadecimal digits. */
const COMMIT = /^[0-9a-f]{7,64}$/i;

/** Fill `pattern` with `values` (each escaped), or undefined when the result is not an http(s) URL. */
export function fillPattern(
  pattern: string,
  values: { url: string; branch?: string; path?: string; commit?: string },
): string | undefined {
  let missing = false;
  const out = pattern.replace(/\{(url|branch|path|commit)\}/g, (_m, key: "url" | "branch" | "path" | "commit") => {
    const value = values[key];
    if (value === undefined) {
      missing = true;
      return "";
    }
    return key === "url" ? value : key === "commit" ? value.toLowerCase() : escapePath(value);
  });
  return !missing && isHttpUrl(out) ? out : undefined;
}

/** Why a catalog's pages have no source links, for the build's output (once). */
export type NoLinksReason = "no-repository" | "unknown-host" | "unknown-path";

/** The catalog's repository, as links. */
export class SourceLinks {
  private constructor(
    private readonly url: string,
    private readonly branch: string,
    /** The catalog folder in the repository, with a trailing `/` (or empty at the root). */
    private readonly prefix: string,
    private readonly patterns: Partial<LinkPatterns>,
  ) {}

  /**
   * The links of catalog.yaml's `repository`; `detectedPath` is where git says the catalog folder is
   * (`""` at the root; left out, the root too), `null` when git could not tell (the folder is a copy
   * outside git, or git refused it). A reason instead when there is no repository setting, its host
   * is unknown and no patterns are given, or the folder's place is unknown: a link that guessed it
   * (the root) would lead to a missing file, so none is made.
   */
  static from(
    repository: RepositoryData | undefined,
    detectedPath?: string | null,
  ): SourceLinks | { reason: NoLinksReason } {
    const url = repositoryUrl(repository?.url);
    if (!repository || !url) return { reason: "no-repository" };
    const host = repository.host ?? hostOf(url);
    const patterns: Partial<LinkPatterns> = { ...(host && HOST_PATTERNS[host]), ...repository.links };
    if (Object.keys(patterns).length === 0) return { reason: "unknown-host" };
    if (repository.path === undefined && detectedPath === null) return { reason: "unknown-path" };
    const folder = (repository.path ?? detectedPath ?? "")
      .split("/")
      .filter((p) => p !== "" && p !== ".")
      .join("/");
    return new SourceLinks(url, repository.branch ?? "main", folder === "" ? "" : `${folder}/`, patterns);
  }

  /** The links of a file of the catalog (`relPath`, catalog-relative). */
  file(relPath: string): FileLinks {
    const path = `${this.prefix}${relPath}`;
    const fill = (kind: "view" | "edit" | "history") => {
      const pattern = this.patterns[kind];
      return pattern === undefined ? undefined : fillPattern(pattern, { url: this.url, branch: this.branch, path });
    };
    const view = fill("view");
    const edit = fill("edit");
    const history = fill("history");
    return { path, ...(view && { view }), ...(edit && { edit }), ...(history && { history }) };
  }

  /** A commit of the catalog's repository. */
  commit(id: string): string | undefined {
    return commitLink(this.url, this.patterns.commit, id);
  }

  /** Whether `url` is this repository (a lineage's code may live in the catalog's own repository). */
  isRepository(url: string | undefined): boolean {
    return repositoryUrl(url) === this.url;
  }

  /** The commit pattern, for another repository on the same host (same origin). */
  commitPatternFor(url: string): string | undefined {
    const other = repositoryUrl(url);
    return other !== undefined && new URL(other).origin === new URL(this.url).origin ? this.patterns.commit : undefined;
  }
}

/** A commit's link from a repository URL and a commit pattern, when the id looks like one. */
function commitLink(url: string, pattern: string | undefined, id: string): string | undefined {
  return pattern !== undefined && COMMIT.test(id) ? fillPattern(pattern, { url, commit: id }) : undefined;
}

/**
 * A commit of a code repository (an experiment's or a lineage's `code`):
 * by the host its URL names, else by the catalog repository's patterns when
 * it is on the same host. Undefined when neither says how.
 */
export function codeCommitLink(
  repo: string | undefined,
  commit: string | undefined,
  catalog: SourceLinks | undefined,
): string | undefined {
  const url = repositoryUrl(repo);
  if (url === undefined || commit === undefined) return undefined;
  const host = hostOf(url);
  const pattern = host ? HOST_PATTERNS[host].commit : catalog?.commitPatternFor(url);
  return commitLink(url, pattern, commit);
}
