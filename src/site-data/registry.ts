/** The registry's data: model summaries, model pages, model version pages. */
import type { Entity } from "../model/entity.js";
import { parseRef } from "../model/refs.js";
import type { Stage } from "../model/types.js";
import { sortModelVersions } from "../relations/version-order.js";
import type { Reproduction } from "../registry/reproduce.js";
import { effectiveVisibility } from "./audience.js";
import type { SiteContext } from "./context.js";
import { groupEvaluations } from "./evaluation-groups.js";
import { resolveLineage } from "./lineage.js";
import { renderMarkdown } from "./markdown.js";
import { artifactRows } from "./rows.js";
import { nameValues } from "./spec-view.js";
import type {
  ArtifactRow,
  EvaluationComparison,
  EvaluationGroup,
  EvaluationRow,
  FlavorView,
  ModelPage,
  ModelSummary,
  ModelVersionPage,
  ModelVersionRow,
  ReproduceView,
  ServingView,
  UseEntry,
  VersionRef,
} from "./types.js";

/** Stages from most to least advanced: the order badges and "best stage" use. */
export const STAGE_RANK: readonly Stage[] = ["production", "staging", "testing", "disabled"];

/** The date a model version is shown with: `createdAt`, else its first stage change. */
function versionDate(v: Entity<"ModelVersion">): string | undefined {
  return v.data.createdAt ?? v.data.stageHistory?.[0]?.at;
}

/** Alias names by the version tag they point to, each list in name order. */
function aliasesByTag(model: Entity<"Model"> | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [name, tag] of Object.entries(model?.data.aliases ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    out.set(tag, [...(out.get(tag) ?? []), name]);
  return out;
}

/** A model version's row in tables. */
export function modelVersionRow(
  ctx: SiteContext,
  v: Entity<"ModelVersion">,
  aliases: readonly string[] = [],
): ModelVersionRow {
  const modelKey = `${v.org}/${v.parent}`;
  const date = versionDate(v);
  return {
    key: v.key,
    tag: v.name,
    url: ctx.urls.page("ModelVersion", v.key),
    model: { label: modelKey, url: ctx.urls.page("Model", modelKey) },
    stage: v.data.stage,
    aliases: [...aliases],
    metrics: v.data.metrics ?? {},
    ...(date !== undefined && { date }),
    ...(v.data.createdBy !== undefined && { createdBy: ctx.user(v.data.createdBy) }),
  };
}

/** A version as lists name it. */
function versionRef(row: Pick<ModelVersionRow, "tag" | "url" | "stage" | "aliases">): VersionRef {
  return { tag: row.tag, url: row.url, stage: row.stage, aliases: row.aliases };
}

/** How to deploy a version: each flavor with its artifact's location. */
function flavorViews(v: Entity<"ModelVersion">, artifacts: readonly ArtifactRow[]): FlavorView[] {
  return (v.data.flavors ?? []).map((f) => {
    const a = artifacts.find((r) => r.name === f.artifact);
    return {
      name: f.name,
      artifact: f.artifact,
      ...(a && { uri: a.uri }),
      ...(a?.href !== undefined && { href: a.href }),
      ...(a?.sha256 !== undefined && { sha256: a.sha256 }),
      format: f.format,
      ...(f.framework !== undefined && { framework: f.framework }),
      ...(f.frameworkVersion !== undefined && { frameworkVersion: f.frameworkVersion }),
      ...(f.load !== undefined && { load: f.load }),
      requirements: f.requirements ?? [],
      ...(f.image !== undefined && { image: f.image }),
    };
  });
}

/** The component that serves a version, linked when it is a hub version of the catalog. */
function servingView(ctx: SiteContext, v: Entity<"ModelVersion">): ServingView | undefined {
  const serving = v.data.serving;
  if (!serving) return undefined;
  const link =
    parseRef(serving.component)?.tag !== undefined
      ? ctx.link("ComponentVersion", serving.component, serving.component)
      : undefined;
  return { component: serving.component, ...(link && { link }), params: nameValues(serving.params) };
}

/** The reproduce operation as the site shows it: the same text `mlcat reproduce` prints, or what is missing. */
function reproduceView(v: Entity<"ModelVersion">, r: Reproduction): ReproduceView {
  const cli = `mlcat reproduce ${v.key} --out reproduce.yaml`;
  return r.ok ? { ok: true, command: r.command, snippet: r.text, cli } : { ok: false, missing: r.missing, cli };
}

/** A version's structured evaluation results. */
function evaluationRows(ctx: SiteContext, v: Entity<"ModelVersion">): EvaluationRow[] {
  return (v.data.evaluation ?? []).map((e) => {
    const experiment =
      e.experiment === undefined ? undefined : ctx.link("Experiment", `${v.org}/${e.experiment}`, e.experiment);
    const datasetVersion = e.dataset.version ?? e.dataset.revision;
    return {
      task: e.task,
      dataset: e.dataset.name,
      ...(datasetVersion !== undefined && { datasetVersion }),
      split: e.dataset.split,
      metric: e.metric,
      value: e.value,
      ...(experiment && { experiment }),
    };
  });
}

/** Evaluation results across versions (newest first): a row per task, dataset (and version), split and metric. */
export function compareEvaluations(
  versions: ReadonlyArray<{ ref: VersionRef; rows: EvaluationRow[] }>,
): EvaluationComparison {
  const shown = versions.filter((v) => v.rows.length > 0);
  const keyOf = (r: EvaluationRow) => JSON.stringify([r.task, r.dataset, r.datasetVersion ?? "", r.split, r.metric]);
  const rows = new Map<string, EvaluationComparison["rows"][number]>();
  shown.forEach((v, i) => {
    for (const r of v.rows) {
      const key = keyOf(r);
      let row = rows.get(key);
      if (!row) {
        row = {
          task: r.task,
          dataset: r.dataset,
          ...(r.datasetVersion !== undefined && { datasetVersion: r.datasetVersion }),
          split: r.split,
          metric: r.metric,
          values: shown.map(() => null),
        };
        rows.set(key, row);
      }
      row.values[i] = r.value;
    }
  });
  const sorted = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
  const versionRefs = shown.map((v) => v.ref);
  return { versions: versionRefs, rows: sorted, ...evaluationGroups(versionRefs, sorted) };
}

/** Sorted comparison rows grouped by task, dataset and dataset version, and the datasets scored at several versions. */
function evaluationGroups(
  versions: readonly VersionRef[],
  rows: EvaluationComparison["rows"],
): Pick<EvaluationComparison, "groups" | "mixedDatasets"> {
  const groups: EvaluationGroup[] = groupEvaluations(rows).map((g) => ({
    ...g,
    scored: versions.filter((_, i) => g.rows.some((r) => r.values[i] !== null)).map((v) => v.tag),
  }));
  const versionsOf = new Map<string, Set<string>>();
  for (const g of groups)
    versionsOf.set(g.dataset, (versionsOf.get(g.dataset) ?? new Set()).add(g.datasetVersion ?? ""));
  const mixedDatasets = [...versionsOf].filter(([, v]) => v.size > 1).map(([name]) => name);
  return { groups, mixedDatasets };
}

/** A model version's page: row, stage history, lineage with its graph, artifacts, flavors, signature, reproduce operation. */
export function modelVersionPage(
  ctx: SiteContext,
  v: Entity<"ModelVersion">,
  aliases: readonly string[] = [],
): ModelVersionPage {
  const { view, reproduction } = resolveLineage(ctx, v);
  const sig = v.data.signature;
  const sigRows = (list: ReadonlyArray<{ name: string; type: string; shape?: Array<number | null> }> = []) =>
    list.map((s) => ({
      name: s.name,
      value: `${s.type}${s.shape ? ` [${s.shape.map((d) => (d === null ? "?" : d)).join(", ")}]` : ""}`,
    }));
  const artifacts = artifactRows(ctx, v.org!, v.data.artifacts);
  const serving = servingView(ctx, v);
  const example = v.data.inputExample;
  return {
    ...modelVersionRow(ctx, v, aliases),
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
    artifacts,
    tags: v.data.tags ?? [],
    flavors: flavorViews(v, artifacts),
    ...(serving && { serving }),
    evaluation: evaluationRows(ctx, v),
    ...(example?.artifact !== undefined
      ? { inputExample: { artifact: example.artifact } }
      : example && Object.hasOwn(example, "value")
        ? { inputExample: { json: JSON.stringify(example.value, null, 2) } }
        : {}),
    signature: { inputs: sigRows(sig?.inputs), outputs: sigRows(sig?.outputs) },
    reproduce: reproduceView(v, reproduction),
    sourceFile: v.source.relPath,
    sourceYaml: v.source.text,
    history: ctx.historyOf(v),
  };
}

/** The "use this model" panel: each version an alias or the production stage points to, production first. */
function useEntries(model: Entity<"Model">, versions: readonly ModelVersionPage[]): UseEntry[] {
  const byTag = new Map(versions.map((v) => [v.tag, v]));
  const via = new Map<string, UseEntry["via"]>();
  for (const v of versions) if (v.stage === "production") via.set(v.tag, [{ kind: "stage", name: "production" }]);
  for (const [name, tag] of Object.entries(model.data.aliases ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    if (byTag.has(tag)) via.set(tag, [...(via.get(tag) ?? []), { kind: "alias", name }]);
  const order = (tag: string) => (byTag.get(tag)!.stage === "production" ? 0 : 1);
  return [...via.keys()]
    .sort((a, b) => order(a) - order(b) || versions.indexOf(byTag.get(a)!) - versions.indexOf(byTag.get(b)!))
    .map((tag) => {
      const v = byTag.get(tag)!;
      return {
        via: via.get(tag)!,
        version: versionRef(v),
        artifacts: v.artifacts,
        flavors: v.flavors,
        ...(v.serving && { serving: v.serving }),
        reproduce: v.reproduce,
      };
    });
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
  const aliases = aliasesByTag(model);
  const versions = versionEntities.map((v) => modelVersionPage(ctx, v, aliases.get(v.name)));
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
    ...(versions[0] && { latestTag: versions[0].tag, latest: versionRef(versions[0]) }),
    stageVersions: versions.filter((v) => v.stage === "production" || v.stage === "staging").map(versionRef),
    aliases: Object.entries(d.aliases ?? {})
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .filter(([, tag]) => versions.some((v) => v.tag === tag))
      .map(([name, tag]) => ({ name, tag, url: versions.find((v) => v.tag === tag)!.url })),
    versionCount: versions.length,
    owner: ctx.user(d.owner),
    ...(history[0] && { updatedAt: history[0].date }),
    visibility: effectiveVisibility(ctx.catalog, model),
  };
  const metricNames = [...new Set(versions.flatMap((v) => Object.keys(v.metrics)))].sort();
  const team = d.team === undefined ? undefined : ctx.link("Team", `${model.org}/${d.team}`);
  const baseLink =
    d.baseModel !== undefined && parseRef(d.baseModel)?.tag !== undefined
      ? ctx.link("ModelVersion", d.baseModel, d.baseModel)
      : undefined;
  const baseModel = d.baseModel === undefined ? undefined : { text: d.baseModel, ...(baseLink && { link: baseLink }) };
  const page: ModelPage = {
    ...summary,
    apiUrl: ctx.urls.api(model),
    ...ctx.sourceOf(model),
    ...(model.readme && { cardHtml: renderMarkdown(model.readme.text, { title: [model.key, model.name] }) }),
    organization: ctx.link("Organization", model.org!)!,
    ...(team && { team }),
    versions: versions.map(({ key, tag, url, model: m, stage, aliases: names, metrics, date, createdBy }) => ({
      key,
      tag,
      url,
      model: m,
      stage,
      aliases: names,
      metrics,
      ...(date !== undefined && { date }),
      ...(createdBy !== undefined && { createdBy }),
    })),
    metricNames,
    use: useEntries(model, versions),
    evaluation: compareEvaluations(versions.map((v) => ({ ref: versionRef(v), rows: v.evaluation }))),
    datasets: d.datasets ?? [],
    ...(baseModel && { baseModel }),
    history,
  };
  return { summary, page, versions };
}
