/** Where each entity lives on the site and in the JSON API, base path included. */
import type { Entity } from "../model/entity.js";
import { fromDescriptors } from "../model/kind-descriptors.js";
import type { Kind } from "../model/kinds.js";
import { templateFiller, templateReader, templateVariables } from "../model/path-template.js";

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
  return PAGES[kind](key);
}

/** Each kind's page, from the variables its key holds (a key that does not fit gives them empty). */
const PAGES: Record<Kind, (key: string) => string> = fromDescriptors((d) => {
  const read = templateReader(d.key);
  const fill = templateFiller(d.page);
  const empty = Object.fromEntries(templateVariables(d.key).map((v) => [v, ""]));
  return (key) => fill(read(key) ?? empty);
});

/** The API file path (under the base path) of an entity: its catalog path, `.yaml` made `.json`. */
export function apiPath(entity: Pick<Entity, "source">): string {
  return `api/${entity.source.relPath.replace(/\.yaml$/, ".json")}`;
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
