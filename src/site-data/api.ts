/**
 * The static JSON API: `api/index.json` lists every entity on the site; each
 * entity has a file at its catalog path with `.json` for `.yaml`
 * (`api/orgs/acme/components/train/versions/1.0.0.json`). A model version's
 * file also names the aliases that point to it (`aliases`), as its pages do.
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import type { SiteContext } from "./context.js";
import { aliasesByTag } from "./registry.js";
import type { Counts, StaticFile } from "./types.js";
import { apiPath } from "./urls.js";

/** The JSON text of an API file: stable key order as written, two-space indent, `<` escaped. */
export function apiJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/</g, "\\u003c")}\n`;
}

/** Every API file of the site. */
export function apiFiles(ctx: SiteContext, meta: { title: string; generatedAt: string }, counts: Counts): StaticFile[] {
  const catalog: Catalog = ctx.catalog;
  const files: StaticFile[] = [];
  const index = [];
  for (const e of catalog.entities()) {
    const url = e.kind === "Catalog" ? ctx.urls.path("") : ctx.urls.page(e.kind, e.key);
    const api = ctx.urls.api(e);
    index.push({ kind: e.kind, key: e.key, url, api });
    files.push({
      path: apiPath(e),
      body: apiJson({
        kind: e.kind,
        key: e.key,
        name: e.name,
        ...(e.org !== undefined && { org: e.org }),
        url,
        data: e.data,
        ...(e.kind === "ModelVersion" && { aliases: versionAliases(catalog, e as Entity<"ModelVersion">) }),
        ...(e.readme && { readme: e.readme.text }),
      }),
    });
  }
  files.push({
    path: "api/index.json",
    body: apiJson({
      title: meta.title,
      generatedAt: meta.generatedAt,
      audience: ctx.audience,
      counts,
      entities: index,
    }),
  });
  return files;
}

/** The aliases of a version's model that point to it. */
function versionAliases(catalog: Catalog, v: Entity<"ModelVersion">): string[] {
  return aliasesByTag(catalog.get("Model", `${v.org}/${v.parent}`)).get(v.name) ?? [];
}
