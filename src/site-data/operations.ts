/** A project's operation files (Polyaxon `kind: operation`) as the site shows them. */
import { resolvePathRef } from "../checks/op-refs.js";
import { resolveHubRef } from "../relations/hub-refs.js";
import type { Entity } from "../model/entity.js";
import type { SiteContext } from "./context.js";
import { isHttpUrl } from "./markdown.js";
import { ioRows, nameValues } from "./spec-view.js";
import type { OperationPage, OperationTarget } from "./types.js";

const BY = ["hubRef", "pathRef", "urlRef", "dagRef", "component"] as const;

/** An operation's page. */
export function operationPage(ctx: SiteContext, o: Entity<"Operation">): OperationPage {
  const d = o.data;
  const projectKey = `${o.org}/${o.project}`;
  const inline = d.component !== undefined && typeof d.component === "object" ? d.component : undefined;
  return {
    key: o.key,
    org: o.org!,
    name: o.name,
    url: ctx.urls.page("Operation", o.key),
    apiUrl: ctx.urls.api(o),
    ...ctx.sourceOf(o),
    project: { label: projectKey, url: ctx.urls.page("Project", projectKey) },
    ...(typeof d.description === "string" && { description: d.description }),
    tags: Array.isArray(d.tags) ? d.tags.filter((t): t is string => typeof t === "string") : [],
    runs: operationTarget(ctx, o),
    ...(typeof inline?.run?.kind === "string" && { runKind: inline.run.kind }),
    ...(inline && { inline: { inputs: ioRows(inline.inputs), outputs: ioRows(inline.outputs) } }),
    params: nameValues(d.params),
    sourceFile: o.source.relPath,
    sourceYaml: o.source.text,
    history: ctx.historyOf(o),
  };
}

/** What the operation runs, resolved with the resolvers the operations check uses. */
function operationTarget(ctx: SiteContext, o: Entity<"Operation">): OperationTarget {
  const d = o.data;
  const given = BY.filter((b) => d[b] !== undefined);
  const by = given[0] ?? "component";
  if (by === "component") {
    const name = (d.component as { name?: unknown } | undefined)?.name;
    return { by, text: typeof name === "string" ? name : "inline", note: "an inline component" };
  }
  const text = String(d[by]);
  if (by === "urlRef")
    return { by, text, ...(isHttpUrl(text) && { href: text }), note: "a spec at a URL, read by Polyaxon's CLI" };
  if (by === "dagRef") return { by, text, note: "a dagRef names a component of a DAG" };
  if (by === "hubRef") {
    const r = resolveHubRef(ctx.catalog, text);
    const link = r.status === "found" ? ctx.link("ComponentVersion", r.key, r.key) : undefined;
    if (link) return { by, text, link };
    if (r.status === "external") return { by, text, note: `a component of the external hub "${r.ref.owner}"` };
  } else {
    const r = resolvePathRef(ctx.catalog, text, o.org!, o.project!, o.source.relPath.replace(/\/[^/]*$/, ""));
    const link = r.status === "resolved" ? ctx.link(r.target.kind, r.target.key, r.target.key) : undefined;
    if (link) return { by, text, link };
  }
  return { by, text, note: "not a page of this site" };
}
