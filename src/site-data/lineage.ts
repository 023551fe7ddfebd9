/**
 * A model version's lineage, resolved to pages: the project and experiment
 * that produced it, the component version the experiment ran, its parameters
 * and code, and the artifacts it left. Drawn as an SVG graph at build time.
 */
import type { Entity } from "../model/entity.js";
import { parseRef } from "../model/refs.js";
import { lineageComponent, lineageOf } from "../relations/lineage.js";
import type { SiteContext } from "./context.js";
import { renderLineageSvg } from "./lineage-svg.js";
import { isHttpUrl } from "./markdown.js";
import { codeCommitLink } from "./source-links.js";
import { nameValues, reproduceSnippet } from "./spec-view.js";
import type { LineageEdge, LineageNode, LineageView } from "./types.js";

/** Resolve a model version's lineage, draw its graph, and write the snippet that reproduces it. */
export function resolveLineage(
  ctx: SiteContext,
  version: Entity<"ModelVersion">,
): { view: LineageView; reproduce?: string } {
  const chain = lineageOf(ctx.catalog, version);
  const { experiment, componentRef, params, code } = chain;
  const projectKey = chain.projectExists ? chain.projectRef!.key : undefined;
  const component = ctx.componentLink(componentRef, lineageComponent(ctx.catalog, chain));

  const nodes: LineageNode[] = [];
  const edges: LineageEdge[] = [];
  const self: LineageNode = {
    id: "version",
    kind: "model-version",
    label: `${version.parent}:${version.name}`,
    detail: version.data.stage,
    url: ctx.urls.page("ModelVersion", version.key),
    column: 3,
  };
  const target = experiment ? "experiment" : "version";
  if (experiment) {
    nodes.push({
      id: "experiment",
      kind: "experiment",
      label: experiment.name,
      detail: experiment.data.status,
      url: ctx.urls.page("Experiment", experiment.key),
      column: 2,
    });
    edges.push({ from: "experiment", to: "version", label: "produced" });
  }
  if (projectKey !== undefined) {
    nodes.push({
      id: "project",
      kind: "project",
      label: projectKey,
      url: ctx.urls.page("Project", projectKey),
      column: 1,
    });
    edges.push({ from: "project", to: target, label: experiment ? "contains" : "trained in" });
  }
  if (componentRef !== undefined && (component.link || component.text)) {
    nodes.push({
      id: "component",
      kind: "component",
      label: componentRef,
      ...(component.link && { url: component.link.url }),
      column: 1,
    });
    edges.push({ from: "component", to: target, label: "ran" });
  }
  const paramList = nameValues(params);
  if (paramList.length > 0) {
    const detail = paramList.map((p) => `${p.name}=${p.value}`).join(", ");
    nodes.push({
      id: "params",
      kind: "params",
      label: `${paramList.length} parameter${paramList.length === 1 ? "" : "s"}`,
      detail,
      column: 1,
    });
    edges.push({ from: "params", to: target, label: "parameters" });
  }
  const repoHref = isHttpUrl(code?.repo) ? code!.repo : undefined;
  const commitHref = codeCommitLink(code?.repo, code?.commit, ctx.sourceLinks);
  if (code?.commit || code?.repo) {
    nodes.push({
      id: "code",
      kind: "code",
      label: code.commit ? code.commit.slice(0, 12) : "repository",
      ...(code.repo !== undefined && { detail: code.repo.replace(/^https?:\/\//, "") }),
      // The commit the version was trained from; the repository when the host's commit URLs are unknown.
      ...((commitHref ?? repoHref) && { url: commitHref ?? repoHref }),
      column: 1,
    });
    edges.push({ from: "code", to: target, label: "code" });
  }
  nodes.push(self);
  (version.data.artifacts ?? []).forEach((a, i) => {
    nodes.push({
      id: `artifact-${i}`,
      kind: "artifact",
      label: a.name,
      detail: a.uri,
      ...(isHttpUrl(a.uri) && { url: a.uri }),
      column: 4,
    });
    edges.push({ from: "version", to: `artifact-${i}`, label: "artifact" });
  });

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
    edges,
    svg: renderLineageSvg(nodes, edges, `Lineage of ${version.key}`, `lineage-${version.key}`),
    svgNarrow: renderLineageSvg(nodes, edges, `Lineage of ${version.key}`, `lineage-${version.key}`, "narrow"),
  };
  const reproduce = reproduceFor(version, view, experiment);
  return reproduce === undefined ? { view } : { view, reproduce };
}

/** The reproduce snippet of a model version, when its lineage names a component. */
export function reproduceFor(
  version: Entity<"ModelVersion">,
  view: LineageView,
  experiment?: Entity<"Experiment">,
): string | undefined {
  const ref = view.component?.label ?? view.componentText;
  if (ref === undefined) return undefined;
  return reproduceSnippet({
    ref,
    hub: parseRef(ref) !== undefined,
    params: version.data.lineage?.params ?? experiment?.data.params,
    ...(view.project && { project: view.project.label }),
    ...(view.code?.commit !== undefined && { commit: view.code.commit }),
    ...(view.code?.repo !== undefined && { repo: view.code.repo }),
  });
}
