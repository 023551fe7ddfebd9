/** Where each entity lives on the site and in the JSON API, base path included. */
import type { Entity } from "../model/entity.js";
import type { Kind } from "../model/kinds.js";

/** Normalize a base path to `/` or `/x/y/`. */
export function normalizeBasePath(base: string | undefined): string {
  const parts = (base ?? "/").split("/").filter((p) => p !== "");
  return parts.length === 0 ? "/" : `/${parts.join("/")}/`;
}

/** Normalize a site URL to an absolute http(s) origin plus path, no trailing slash. */
export function normalizeSiteUrl(url: string | undefined): string {
  const fallback = "http://localhost:4321";
  if (!url) return fallback;
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") return fallback;
    return `${u.origin}${u.pathname}`.replace(/\/+$/, "");
  } catch {
    return fallback;
  }
}

/** The page path (under the base path) of an entity of `kind` with `key`, e.g. `hub/acme/train/1.0.0/`. */
export function pagePath(kind: Kind, key: string): string {
  const [org = "", rest = ""] = splitOrg(key);
  switch (kind) {
    case "Catalog":
      return "";
    case "User":
      return `users/${key}/`;
    case "Organization":
      return `orgs/${key}/`;
    case "Team":
      return `orgs/${org}/teams/${rest}/`;
    case "Connection":
      return `orgs/${org}/connections/${rest}/`;
    case "Project":
      return `orgs/${org}/projects/${rest}/`;
    case "ProjectComponent": {
      const [project, name] = rest.split("/");
      return `orgs/${org}/projects/${project}/components/${name}/`;
    }
    case "Experiment": {
      const [project, name] = rest.split("/");
      return `orgs/${org}/projects/${project}/experiments/${name}/`;
    }
    case "Operation": {
      const [project, name] = rest.split("/");
      return `orgs/${org}/projects/${project}/operations/${name}/`;
    }
    case "Component":
      return `hub/${org}/${rest}/`;
    case "ComponentVersion": {
      const [name, tag] = rest.split(":");
      return `hub/${org}/${name}/${tag}/`;
    }
    case "Model":
      return `registry/${org}/${rest}/`;
    case "ModelVersion": {
      const [name, tag] = rest.split(":");
      return `registry/${org}/${name}/${tag}/`;
    }
  }
}

/** The API file path (under the base path) of an entity: its catalog path, `.yaml` made `.json`. */
export function apiPath(entity: Pick<Entity, "source">): string {
  return `api/${entity.source.relPath.replace(/\.yaml$/, ".json")}`;
}

function splitOrg(key: string): [string, string] {
  const i = key.indexOf("/");
  return i < 0 ? [key, ""] : [key.slice(0, i), key.slice(i + 1)];
}

/** Builds final URLs (base path prefixed) for one site. */
export class Urls {
  constructor(readonly basePath: string) {}

  /** URL of any path under the base, e.g. `hub/` -> `/x/hub/`. */
  path(path: string): string {
    return `${this.basePath}${path}`;
  }

  /** URL of an entity's page. */
  page(kind: Kind, key: string): string {
    return this.path(pagePath(kind, key));
  }

  /** URL of an entity's API file. */
  api(entity: Pick<Entity, "source">): string {
    return this.path(apiPath(entity));
  }
}
