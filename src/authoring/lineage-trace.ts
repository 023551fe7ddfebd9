/**
 * Follow a model version's lineage back to what made it: the experiment, the
 * component version it ran, and, for a hub version promoted from a project,
 * the project component it was copied from.
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import { parseRef } from "../model/refs.js";
import { refuse, succeed, type Outcome } from "./outcome.js";

/** One link of a lineage chain. */
export interface LineageLink {
  kind: "ModelVersion" | "Experiment" | "ComponentVersion" | "ProjectComponent";
  key: string;
  /** Display path of the entity's file. */
  file: string;
}

/** The project a reference names: `churn` in organization `org`, or `acme/churn`. */
export function projectKeyOf(ref: string, org: string): string {
  return ref.includes("/") ? ref : `${org}/${ref}`;
}

/** The component an experiment or lineage names: a hub version `org/name:tag`, or a component of project `projectKey`. */
export function resolveComponentRef(
  catalog: Catalog,
  ref: string,
  projectKey: string | undefined,
): Entity<"ComponentVersion"> | Entity<"ProjectComponent"> | undefined {
  const parsed = parseRef(ref);
  if (parsed?.tag !== undefined) return catalog.get("ComponentVersion", ref);
  if (!ref.includes("/") && projectKey !== undefined) return catalog.get("ProjectComponent", `${projectKey}/${ref}`);
  return undefined;
}

/** The chain from model version `key` back to its component version (and the project component it came from); refuses at the first broken link. */
export function traceLineage(catalog: Catalog, key: string): Outcome<LineageLink[]> {
  const version = catalog.get("ModelVersion", key);
  if (!version) return refuse(`model version "${key}" does not exist`, "check the name and tag");
  const chain: LineageLink[] = [link("ModelVersion", version)];
  const lineage = version.data.lineage;
  if (!lineage || typeof lineage.project !== "string")
    return refuse(
      `model version "${key}" has no lineage.project`,
      "add lineage.project, lineage.experiment and lineage.component",
    );
  const projectKey = projectKeyOf(lineage.project, version.org!);
  const project = catalog.get("Project", projectKey);
  if (!project)
    return refuse(`project "${projectKey}" of model version "${key}" does not exist`, "fix lineage.project");
  let componentRef = lineage.component;
  if (typeof lineage.experiment === "string") {
    const experiment = catalog.get("Experiment", `${projectKey}/${lineage.experiment}`);
    if (!experiment)
      return refuse(
        `experiment "${projectKey}/${lineage.experiment}" of model version "${key}" does not exist`,
        "fix lineage.experiment",
      );
    chain.push(link("Experiment", experiment));
    componentRef ??= experiment.data.component;
  }
  if (typeof componentRef !== "string")
    return refuse(`model version "${key}" names no component`, "add lineage.component");
  const component = resolveComponentRef(catalog, componentRef, projectKey);
  if (!component)
    return refuse(`component "${componentRef}" of model version "${key}" does not exist`, "fix lineage.component");
  chain.push(link(component.kind, component));
  if (component.kind === "ComponentVersion") {
    const origin = originOf(catalog, component as Entity<"ComponentVersion">);
    if (origin) chain.push(link("ProjectComponent", origin));
  }
  return succeed(chain);
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
  if (!m) return undefined;
  return catalog.get("ProjectComponent", `${projectKeyOf(source.project, version.org!)}/${m[1]}`);
}

function link(kind: LineageLink["kind"], entity: Entity): LineageLink {
  return { kind, key: entity.key, file: entity.source.file };
}

/** The chain as one line: `acme/churn-model:1.0.0 <- experiment acme/churn/run-1 <- ...`. */
export function formatLineage(chain: readonly LineageLink[]): string {
  const label: Record<LineageLink["kind"], string> = {
    ModelVersion: "model version",
    Experiment: "experiment",
    ComponentVersion: "component version",
    ProjectComponent: "project component",
  };
  return chain.map((l) => `${label[l.kind]} ${l.key}`).join(" <- ");
}
