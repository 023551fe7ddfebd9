/** The registry's data: model summaries, model pages, model version pages. */
import type { Entity } from "../model/entity.js";
import type { Stage } from "../model/types.js";
import { sortModelVersions } from "../relations/version-order.js";
import { effectiveVisibility } from "./audience.js";
import type { SiteContext } from "./context.js";
import { resolveLineage } from "./lineage.js";
import { renderMarkdown } from "./markdown.js";
import { artifactRows } from "./rows.js";
import type { ModelPage, ModelSummary, ModelVersionPage, ModelVersionRow } from "./types.js";

/** Stages from most to least advanced: the order badges and "best stage" use. */
export const STAGE_RANK: readonly Stage[] = ["production", "staging", "testing", "disabled"];

/** The date a model version is shown with: `createdAt`, else its first stage change. */
function versionDate(v: Entity<"ModelVersion">): string | undefined {
  return v.data.createdAt ?? v.data.stageHistory?.[0]?.at;
}

/** A model version's row in tables. */
export function modelVersionRow(ctx: SiteContext, v: Entity<"ModelVersion">): ModelVersionRow {
  const modelKey = `${v.org}/${v.parent}`;
  const date = versionDate(v);
  return {
    key: v.key,
    tag: v.name,
    url: ctx.urls.page("ModelVersion", v.key),
    model: { label: modelKey, url: ctx.urls.page("Model", modelKey) },
    stage: v.data.stage,
    metrics: v.data.metrics ?? {},
    ...(date !== undefined && { date }),
    ...(v.data.createdBy !== undefined && { createdBy: ctx.user(v.data.createdBy) }),
  };
}

/** A model version's page: row, stage history, lineage with its graph, artifacts, signature, reproduce snippet. */
export function modelVersionPage(ctx: SiteContext, v: Entity<"ModelVersion">): ModelVersionPage {
  const { view, reproduce } = resolveLineage(ctx, v);
  const sig = v.data.signature;
  const sigRows = (list: ReadonlyArray<{ name: string; type: string; shape?: Array<number | null> }> = []) =>
    list.map((s) => ({
      name: s.name,
      value: `${s.type}${s.shape ? ` [${s.shape.map((d) => (d === null ? "?" : d)).join(", ")}]` : ""}`,
    }));
  return {
    ...modelVersionRow(ctx, v),
    org: v.org!,
    name: v.parent!,
    apiUrl: ctx.urls.api(v),
    ...ctx.sourceOf(v),
    ...(v.data.description !== undefined && { description: v.data.description }),
    stageHistory: (v.data.stageHistory ?? []).map((s) => ({
      stage: s.stage,
      at: s.at,
      by: ctx.user(s.by),
      ...(s.reason !== undefined && { reason: s.reason }),
    })),
    lineage: view,
    artifacts: artifactRows(ctx, v.org!, v.data.artifacts),
    signature: { inputs: sigRows(sig?.inputs), outputs: sigRows(sig?.outputs) },
    ...(reproduce !== undefined && { reproduce }),
    sourceFile: v.source.relPath,
    sourceYaml: v.source.text,
    history: ctx.historyOf(v),
  };
}

/** A model's summary, page, and version pages. */
export function modelPages(
  ctx: SiteContext,
  model: Entity<"Model">,
): { summary: ModelSummary; page: ModelPage; versions: ModelVersionPage[] } {
  // Newest first in the one tag order: the first is the model's latest version.
  const versionEntities = sortModelVersions(
    ctx.catalog.versionsOf("ModelVersion", model.key) as Entity<"ModelVersion">[],
  );
  const versions = versionEntities.map((v) => modelVersionPage(ctx, v));
  const stages = STAGE_RANK.filter((s) => versions.some((v) => v.stage === s));
  const history = ctx.historyOf(
    model,
    versionEntities.map((v) => v.source.relPath),
  );
  const d = model.data;
  const summary: ModelSummary = {
    key: model.key,
    org: model.org!,
    name: model.name,
    url: ctx.urls.page("Model", model.key),
    ...(d.description !== undefined && { description: d.description }),
    ...(d.task !== undefined && { task: d.task }),
    ...(d.framework !== undefined && { framework: d.framework }),
    ...(d.license !== undefined && { license: d.license }),
    tags: d.tags ?? [],
    ...(stages[0] && { stage: stages[0] }),
    stages,
    ...(versions[0] && { latestTag: versions[0].tag }),
    versionCount: versions.length,
    owner: ctx.user(d.owner),
    ...(history[0] && { updatedAt: history[0].date }),
    visibility: effectiveVisibility(ctx.catalog, model),
  };
  const metricNames = [...new Set(versions.flatMap((v) => Object.keys(v.metrics)))].sort();
  const team = d.team === undefined ? undefined : ctx.link("Team", `${model.org}/${d.team}`);
  const page: ModelPage = {
    ...summary,
    apiUrl: ctx.urls.api(model),
    ...ctx.sourceOf(model),
    ...(model.readme && { cardHtml: renderMarkdown(model.readme.text, { title: [model.key, model.name] }) }),
    organization: ctx.link("Organization", model.org!)!,
    ...(team && { team }),
    versions: versions.map(({ key, tag, url, model: m, stage, metrics, date, createdBy }) => ({
      key,
      tag,
      url,
      model: m,
      stage,
      metrics,
      ...(date !== undefined && { date }),
      ...(createdBy !== undefined && { createdBy }),
    })),
    metricNames,
    history,
  };
  return { summary, page, versions };
}
