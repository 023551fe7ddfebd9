/**
 * The static JSON API: `api/index.json` lists every entity on the site; each
 * entity has a file at its catalog path with `.json` for `.yaml`
 * (`api/orgs/acme/components/train/versions/1.0.0.json`).
 */
import type { Catalog } from "../model/catalog.js";
import type { ModelData } from "../model/types.js";
import type { SiteContext } from "./context.js";
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
        // A model version names the aliases that point at it (model.yaml holds them).
        ...(e.kind === "ModelVersion" && { aliases: aliasesOf(catalog, e.org!, e.parent!, e.name) }),
        data: e.data,
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

/** The aliases of model `org/model` that name version `tag`, in the order model.yaml lists them. */
export function aliasesOf(catalog: Catalog, org: string, model: string, tag: string): string[] {
  const aliases = (catalog.get("Model", `${org}/${model}`)?.data as ModelData | undefined)?.aliases ?? {};
  return Object.entries(aliases)
    .filter(([, t]) => t === tag)
    .map(([alias]) => alias);
}
