/** The hub's data: component summaries, component pages, version pages. */
import type { Entity } from "../model/entity.js";
import type { ComponentSpecData, ReleaseData, Stage } from "../model/types.js";
import { replacementKey } from "../relations/component-refs.js";
import { compareVersionTags, currentTag } from "../relations/version-order.js";
import { effectiveVisibility } from "./audience.js";
import type { SiteContext } from "./context.js";
import { renderMarkdown } from "./markdown.js";
import { specView, usageSnippet } from "./spec-view.js";
import type { ComponentPage, ComponentSummary, ComponentVersionPage, Link, ReleaseRow } from "./types.js";
import type { UsageIndex } from "./usage.js";

/** A component's release rows in the one tag order (newest version first): one per version file, with the hub entry's metadata. */
export function releaseRows(ctx: SiteContext, component: Entity<"Component">): ReleaseRow[] {
  const byTag = new Map<string, ReleaseData>((component.data.releases ?? []).map((r) => [r.tag, r]));
  const mutable = new Set(component.data.mutableTags ?? []);
  const versions = ctx.catalog.versionsOf("ComponentVersion", component.key) as Entity<"ComponentVersion">[];
  return versions
    .map((v) => {
      const r = byTag.get(v.name);
      const replacement = r?.deprecated?.replacement;
      const replacementLink: Link | undefined =
        replacement === undefined
          ? undefined
          : ctx.link("ComponentVersion", replacementKey(component.key, replacement), replacement);
      return {
        tag: v.name,
        url: ctx.urls.page("ComponentVersion", v.key),
        ...(r?.stage !== undefined && { stage: r.stage }),
        ...(r?.notes !== undefined && { notes: r.notes }),
        ...(r?.releasedAt !== undefined && { releasedAt: r.releasedAt }),
        ...(r?.deprecated && {
          deprecated: { reason: r.deprecated.reason, ...(replacementLink && { replacement: replacementLink }) },
        }),
        mutable: mutable.has(v.name),
        ...(v.data.run?.kind !== undefined && { runKind: v.data.run.kind }),
      };
    })
    .sort((a, b) => compareVersionTags(a.tag, b.tag));
}

/**
 * The release a component shows as current (its card, its page, its usage
 * snippet): the row of `currentTag` (relations/version-order.ts), which passes
 * over deprecated and disabled releases and prefers a fixed version to a
 * mutable tag, and never takes a name such as `s3-path` for a version.
 */
export function defaultRelease(component: Entity<"Component">, rows: readonly ReleaseRow[]): ReleaseRow | undefined {
  const tag = currentTag(
    rows.map((r) => r.tag),
    { releases: component.data.releases ?? [], mutableTags: component.data.mutableTags ?? [] },
  );
  return rows.find((r) => r.tag === tag);
}

/** The page of one hub version. */
export function componentVersionPage(
  ctx: SiteContext,
  version: Entity<"ComponentVersion">,
  rows: readonly ReleaseRow[],
  usage: UsageIndex,
): ComponentVersionPage {
  const componentKey = `${version.org}/${version.parent}`;
  const release = rows.find((r) => r.tag === version.name);
  return {
    key: version.key,
    org: version.org!,
    name: version.parent!,
    tag: version.name,
    url: ctx.urls.page("ComponentVersion", version.key),
    apiUrl: ctx.urls.api(version),
    ...ctx.sourceOf(version),
    component: { label: componentKey, url: ctx.urls.page("Component", componentKey) },
    ...(release && { release }),
    ...specView(version),
    snippet: usageSnippet(version.key, version.data as ComponentSpecData),
    usedBy: { experiments: usage.experimentsOf(version.key), models: usage.modelsOf(version.key) },
    history: ctx.historyOf(version),
  };
}

/** A component's summary and full page (with its version pages). */
export function componentPages(
  ctx: SiteContext,
  component: Entity<"Component">,
  usage: UsageIndex,
): { summary: ComponentSummary; page: ComponentPage; versions: ComponentVersionPage[] } {
  const rows = releaseRows(ctx, component);
  const versions = (ctx.catalog.versionsOf("ComponentVersion", component.key) as Entity<"ComponentVersion">[]).map(
    (v) => componentVersionPage(ctx, v, rows, usage),
  );
  const current = defaultRelease(component, rows);
  const currentPage = current && versions.find((v) => v.tag === current.tag);
  const extra = ctx.catalog.versionsOf("ComponentVersion", component.key).map((v) => v.source.relPath);
  const history = ctx.historyOf(component, extra);
  const d = component.data;
  const summary: ComponentSummary = {
    key: component.key,
    org: component.org!,
    name: component.name,
    url: ctx.urls.page("Component", component.key),
    ...(d.description !== undefined && { description: d.description }),
    tags: d.tags ?? [],
    ...(currentPage?.runKind !== undefined && { runKind: currentPage.runKind }),
    ...(current?.stage !== undefined && { stage: current.stage as Stage }),
    ...(current && { defaultTag: current.tag }),
    versionCount: versions.length,
    owner: ctx.user(d.owner),
    ...(history[0] && { updatedAt: history[0].date }),
    visibility: effectiveVisibility(ctx.catalog, component),
  };
  const team = d.team === undefined ? undefined : ctx.link("Team", `${component.org}/${d.team}`);
  const page: ComponentPage = {
    ...summary,
    apiUrl: ctx.urls.api(component),
    ...ctx.sourceOf(component),
    ...(component.readme && {
      readmeHtml: renderMarkdown(component.readme.text, { title: [component.key, component.name] }),
    }),
    organization: ctx.link("Organization", component.org!)!,
    ...(team && { team }),
    maintainers: (d.maintainers ?? []).map((m) => ctx.user(m)),
    releases: rows,
    ...(currentPage && { current: currentPage }),
    usedBy: usage.ofComponent(component.key),
    history,
  };
  return { summary, page, versions };
}
