/**
 * A model version's lineage, resolved to pages: the project and experiment
 * that produced it, the component version the experiment ran, its parameters,
 * code and input data, and the artifacts it left; then as deep as the catalog
 * knows: data that another run wrote (that run, and the data it read), and a
 * base model that is another catalog version (the run that made it, and so
 * on). Drawn as an SVG graph at build time. The reproduce text is
 * `mlcat reproduce`'s own.
 */
import type { Entity } from "../model/entity.js";
import { parseRef } from "../model/refs.js";
import { lineageComponent, lineageOf } from "../relations/lineage.js";
import type { DataInputData } from "../model/types.js";
import { reproduceVersion, type Reproduction } from "../registry/reproduce.js";
import type { SiteContext } from "./context.js";
import { renderLineageSvg } from "./lineage-svg.js";
import { isHttpUrl } from "./markdown.js";
import { codeCommitLink } from "./source-links.js";
import { nameValues } from "./spec-view.js";
import type { LineageEdge, LineageNode, LineageView } from "./types.js";

/** How many runs and versions upstream the graph follows (a chain longer than this is cut, not looped). */
const MAX_DEPTH = 6;

/** A graph under construction: nodes by id (each once), edges (each once). */
class Graph {
  readonly nodes = new Map<string, LineageNode>();
  readonly edges: LineageEdge[] = [];
  private readonly edgeKeys = new Set<string>();

  /** Add `node` unless a node with its id is there; returns whether it was added. */
  add(node: LineageNode): boolean {
    if (this.nodes.has(node.id)) return false;
    this.nodes.set(node.id, node);
    return true;
  }

  edge(from: string, to: string, label: string): void {
    const key = `${from}\u0000${to}`;
    if (this.edgeKeys.has(key)) return;
    this.edgeKeys.add(key);
    this.edges.push({ from, to, label });
  }
}

/** The experiment `<project>/<run>` of `org`. */
function experimentOf(ctx: SiteContext, org: string, ref: string | undefined): Entity<"Experiment"> | undefined {
  return ref === undefined ? undefined : ctx.catalog.get("Experiment", `${org}/${ref}`);
}

/** The experiment a model version's lineage names. */
function versionExperiment(ctx: SiteContext, v: Entity<"ModelVersion">): Entity<"Experiment"> | undefined {
  return lineageOf(ctx.catalog, v).experiment;
}

/** Draw the inputs of a run (or of a version without a run) feeding `target` at `column`, and the runs that wrote them. */
function drawInputs(
  ctx: SiteContext,
  g: Graph,
  org: string,
  inputs: readonly DataInputData[] | undefined,
  target: string,
  column: number,
  depth: number,
): void {
  for (const input of inputs ?? []) {
    const run = input.experiment !== undefined ? experimentOf(ctx, org, input.experiment) : undefined;
    const artifact = run?.data.artifacts?.find((a) => a.name === input.artifact);
    const uri = input.uri ?? artifact?.uri;
    const pin = input.version ?? (input.sha256 ?? artifact?.sha256)?.slice(0, 12);
    const id = `data:${target}:${input.name}`;
    g.add({
      id,
      kind: "data",
      label: input.name,
      ...((uri ?? pin) !== undefined && { detail: [pin, uri].filter(Boolean).join(" · ") }),
      ...(isHttpUrl(uri) && { url: uri }),
      column: column - 1,
    });
    g.edge(id, target, "input");
    if (!run) continue;
    if (depth >= MAX_DEPTH) continue;
    const runId = drawRun(ctx, g, run, column - 2, depth + 1);
    g.edge(runId, id, input.artifact !== undefined ? `wrote ${input.artifact}` : "wrote");
  }
}

/** Draw an upstream run at `column` with its own inputs; returns its node id. */
function drawRun(ctx: SiteContext, g: Graph, run: Entity<"Experiment">, column: number, depth: number): string {
  const id = `run:${run.key}`;
  const added = g.add({
    id,
    kind: "experiment",
    label: run.name,
    detail: `${run.project} · ${run.data.status}`,
    url: ctx.urls.page("Experiment", run.key),
    column,
  });
  if (added) drawInputs(ctx, g, run.org!, run.data.inputs, id, column, depth);
  return id;
}

/** Draw a base model feeding `target` at `column`: a catalog version (with the run that made it), or an outside model. */
function drawBaseModel(ctx: SiteContext, g: Graph, base: string, target: string, column: number, depth: number): void {
  const ref = parseRef(base);
  const version = ref?.tag !== undefined ? ctx.catalog.get("ModelVersion", base) : undefined;
  const id = `base:${base}`;
  if (!version) {
    g.add({
      id,
      kind: "base-model",
      label: base,
      detail: "outside the catalog",
      ...(isHttpUrl(base) && { url: base }),
      column: column - 1,
    });
    g.edge(id, target, "base model");
    return;
  }
  const added = g.add({
    id,
    kind: "base-model",
    label: `${version.parent}:${version.name}`,
    detail: `${version.org} · ${version.data.stage}`,
    url: ctx.urls.page("ModelVersion", version.key),
    column: column - 1,
  });
  g.edge(id, target, "base model");
  if (!added || depth >= MAX_DEPTH) return;
  drawVersionUpstream(ctx, g, version, id, column - 1, depth + 1);
}

/** Draw what made a catalog version upstream of the page's own (its run, the run's inputs, its base model). */
function drawVersionUpstream(
  ctx: SiteContext,
  g: Graph,
  version: Entity<"ModelVersion">,
  id: string,
  column: number,
  depth: number,
): void {
  const run = versionExperiment(ctx, version);
  if (run) {
    const runId = drawRun(ctx, g, run, column - 1, depth);
    g.edge(runId, id, "produced");
  } else drawInputs(ctx, g, version.org!, version.data.lineage?.inputs, id, column, depth);
  const model = ctx.catalog.get("Model", `${version.org}/${version.parent}`);
  if (model?.data.baseModel !== undefined && depth < MAX_DEPTH)
    drawBaseModel(ctx, g, model.data.baseModel, id, column, depth + 1);
}

/** Resolve a model version's lineage, draw its graph, and write (or refuse) its reproduce operation. */
export function resolveLineage(
  ctx: SiteContext,
  version: Entity<"ModelVersion">,
): { view: LineageView; reproduction: Reproduction } {
  const chain = lineageOf(ctx.catalog, version);
  const { experiment, componentRef, params, code } = chain;
  const projectKey = chain.projectExists ? chain.projectRef!.key : undefined;
  const component = ctx.componentLink(componentRef, lineageComponent(ctx.catalog, chain));

  const g = new Graph();
  // Columns: the version at 0, what fed it at negative columns, its artifacts at 1; shifted to start at 1.
  const target = experiment ? "experiment" : "version";
  const sourceColumn = experiment ? -2 : -1;
  if (experiment) {
    g.add({
      id: "experiment",
      kind: "experiment",
      label: experiment.name,
      detail: experiment.data.status,
      url: ctx.urls.page("Experiment", experiment.key),
      column: -1,
    });
    g.edge("experiment", "version", "produced");
  }
  if (projectKey !== undefined) {
    g.add({
      id: "project",
      kind: "project",
      label: projectKey,
      url: ctx.urls.page("Project", projectKey),
      column: sourceColumn,
    });
    g.edge("project", target, experiment ? "contains" : "trained in");
  }
  if (componentRef !== undefined && (component.link || component.text)) {
    g.add({
      id: "component",
      kind: "component",
      label: componentRef,
      ...(component.link && { url: component.link.url }),
      column: sourceColumn,
    });
    g.edge("component", target, "ran");
  }
  const paramList = nameValues(params);
  if (paramList.length > 0) {
    g.add({
      id: "params",
      kind: "params",
      label: `${paramList.length} parameter${paramList.length === 1 ? "" : "s"}`,
      detail: paramList.map((p) => `${p.name}=${p.value}`).join(", "),
      column: sourceColumn,
    });
    g.edge("params", target, "parameters");
  }
  const repoHref = isHttpUrl(code?.repo) ? code!.repo : undefined;
  const commitHref = codeCommitLink(code?.repo, code?.commit, ctx.sourceLinks);
  if (code?.commit || code?.repo) {
    g.add({
      id: "code",
      kind: "code",
      label: code.commit ? code.commit.slice(0, 12) : "repository",
      ...(code.repo !== undefined && { detail: code.repo.replace(/^https?:\/\//, "") }),
      // The commit the version was trained from; the repository when the host's commit URLs are unknown.
      ...((commitHref ?? repoHref) && { url: commitHref ?? repoHref }),
      column: sourceColumn,
    });
    g.edge("code", target, "code");
  }
  const org = version.org!;
  drawInputs(ctx, g, org, version.data.lineage?.inputs ?? experiment?.data.inputs, target, sourceColumn + 1, 0);
  const model = ctx.catalog.get("Model", `${org}/${version.parent}`);
  if (model?.data.baseModel !== undefined) drawBaseModel(ctx, g, model.data.baseModel, "version", 0, 0);
  g.add({
    id: "version",
    kind: "model-version",
    label: `${version.parent}:${version.name}`,
    detail: version.data.stage,
    url: ctx.urls.page("ModelVersion", version.key),
    column: 0,
  });
  (version.data.artifacts ?? []).forEach((a, i) => {
    g.add({
      id: `artifact-${i}`,
      kind: "artifact",
      label: a.name,
      detail: a.uri,
      ...(isHttpUrl(a.uri) && { url: a.uri }),
      column: 1,
    });
    g.edge("version", `artifact-${i}`, "artifact");
  });

  const shift = 1 - Math.min(...[...g.nodes.values()].map((n) => n.column));
  const nodes = [...g.nodes.values()].map((n) => ({ ...n, column: n.column + shift }));
  const projectLink = projectKey === undefined ? undefined : ctx.link("Project", projectKey, projectKey);
  const experimentLink = experiment && ctx.link("Experiment", experiment.key, experiment.name);
  const view: LineageView = {
    ...(projectLink && { project: projectLink }),
    ...(experimentLink && { experiment: experimentLink }),
    ...(component.link && { component: component.link }),
    ...(component.text !== undefined && { componentText: component.text }),
    params: paramList,
    ...(code && {
      code: {
        ...(code.repo !== undefined && { repo: code.repo }),
        ...(repoHref && { repoHref }),
        ...(code.commit !== undefined && { commit: code.commit }),
        ...(commitHref && { commitHref }),
      },
    }),
    nodes,
    edges: g.edges,
    svg: renderLineageSvg(nodes, g.edges, `Lineage of ${version.key}`, `lineage-${version.key}`),
    svgNarrow: renderLineageSvg(nodes, g.edges, `Lineage of ${version.key}`, `lineage-${version.key}`, "narrow"),
  };
  return { view, reproduction: reproduceVersion(ctx.catalog, version) };
}
