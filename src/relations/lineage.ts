/**
 * The lineage chain: a model version, the experiment that produced it, the
 * project that experiment ran in, the component version it ran and, for a hub
 * version promoted from a project, the project component it was copied from.
 * The site's lineage graph, "used by", `mlcat promote`'s trace and the lineage
 * checks walk it here.
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import { resolveComponentRef, type ComponentResolution } from "./component-refs.js";
import { parseProjectRef, projectOf, type ProjectRef } from "./project-refs.js";

/** One model version's lineage, resolved as far as it goes. */
export interface LineageChain {
  /** `lineage.project` as written, when it is a string. */
  projectText?: string;
  /** The project `lineage.project` names, when it is a project reference. */
  projectRef?: ProjectRef;
  /** Whether that project has a file (one the loader rejected counts). */
  projectExists: boolean;
  /**
   * Where a bare component name is looked up: the project, when it exists;
   * `null` when the lineage names no project; `undefined` when the project it
   * names does not resolve.
   */
  scope: ProjectRef | null | undefined;
  /** The key `lineage.experiment` names in the project, when both are given. */
  experimentKey?: string;
  /** The experiment, when it exists. */
  experiment?: Entity<"Experiment">;
  /** The component reference: `lineage.component`, else the experiment's `component`. */
  componentRef?: string;
  /** Where `componentRef` was written. */
  componentFrom?: "lineage" | "experiment";
  /** `lineage.params`, else the experiment's. */
  params?: Record<string, unknown>;
  /** `lineage.code`, else the experiment's. */
  code?: { repo?: string; commit?: string };
}

/** Walk a model version's lineage as far as the catalog goes. */
export function lineageOf(catalog: Catalog, version: Entity<"ModelVersion">): LineageChain {
  const lineage = version.data.lineage;
  const projectText = typeof lineage?.project === "string" ? lineage.project : undefined;
  const projectRef = projectText === undefined ? undefined : parseProjectRef(projectText, version.org!);
  const projectExists = projectRef !== undefined && catalog.has("Project", projectRef.key);
  const scope = projectText === undefined ? null : projectExists ? projectRef : undefined;
  const experimentKey =
    projectRef && typeof lineage?.experiment === "string" ? `${projectRef.key}/${lineage.experiment}` : undefined;
  const experiment = experimentKey === undefined ? undefined : catalog.get("Experiment", experimentKey);
  const own = typeof lineage?.component === "string" ? lineage.component : undefined;
  const fromExperiment = typeof experiment?.data.component === "string" ? experiment.data.component : undefined;
  const componentRef = own ?? fromExperiment;
  const params = lineage?.params ?? experiment?.data.params;
  const code = lineage?.code ?? experiment?.data.code;
  return {
    ...(projectText !== undefined && { projectText }),
    ...(projectRef && { projectRef }),
    projectExists,
    scope,
    ...(experimentKey !== undefined && { experimentKey }),
    ...(experiment && { experiment }),
    ...(componentRef !== undefined && {
      componentRef,
      componentFrom: own !== undefined ? "lineage" : "experiment",
    }),
    ...(params !== undefined && { params }),
    ...(code !== undefined && { code }),
  };
}

/** What a lineage's component reference resolves to (a hub component written `org/name` included). */
export function lineageComponent(catalog: Catalog, chain: LineageChain): ComponentResolution | undefined {
  return chain.componentRef === undefined
    ? undefined
    : resolveComponentRef(catalog, chain.componentRef, { scope: chain.scope, untagged: true });
}

/** What an experiment's `component` resolves to (a hub component written `org/name` included). */
export function experimentComponent(
  catalog: Catalog,
  experiment: Entity<"Experiment">,
): ComponentResolution | undefined {
  const text = experiment.data.component;
  if (typeof text !== "string") return undefined;
  return resolveComponentRef(catalog, text, { scope: projectOf(experiment), untagged: true });
}

/** The project component a hub version was promoted from, when its release records a `source` that exists. */
export function originOf(
  catalog: Catalog,
  version: Entity<"ComponentVersion">,
): Entity<"ProjectComponent"> | undefined {
  const entry = catalog.get("Component", `${version.org}/${version.parent}`);
  const release = entry?.data.releases?.find((r) => r && String(r.tag) === version.name);
  const source = release?.source;
  if (!source || typeof source.project !== "string" || typeof source.path !== "string") return undefined;
  const m = /^components\/([^/]+)\.yaml$/.exec(source.path);
  const project = parseProjectRef(source.project, version.org!);
  if (!m || !project) return undefined;
  return catalog.get("ProjectComponent", `${project.key}/${m[1]}`);
}
