/**
 * `mlcat promote`'s trace: a model version's lineage (relations/lineage.ts)
 * followed back to what made it, as a list of files, refusing at the first
 * link that does not resolve.
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import { lineageComponent, lineageOf, originOf } from "../relations/lineage.js";
import { refuse, succeed, type Outcome } from "./outcome.js";

/** One link of a lineage chain. */
export interface LineageLink {
  kind: "ModelVersion" | "Experiment" | "ComponentVersion" | "ProjectComponent";
  key: string;
  /** Display path of the entity's file. */
  file: string;
}

/** The chain from model version `key` back to its component version (and the project component it came from); refuses at the first broken link. */
export function traceLineage(catalog: Catalog, key: string): Outcome<LineageLink[]> {
  const version = catalog.get("ModelVersion", key);
  if (!version) return refuse(`model version "${key}" does not exist`, "check the name and tag");
  const chain: LineageLink[] = [link("ModelVersion", version)];
  const lineage = lineageOf(catalog, version);
  if (lineage.projectText === undefined)
    return refuse(
      `model version "${key}" has no lineage.project`,
      "add lineage.project, lineage.experiment and lineage.component",
    );
  if (!lineage.projectExists) {
    const project = lineage.projectRef?.key ?? lineage.projectText;
    return refuse(`project "${project}" of model version "${key}" does not exist`, "fix lineage.project");
  }
  if (lineage.experimentKey !== undefined) {
    if (!lineage.experiment)
      return refuse(
        `experiment "${lineage.experimentKey}" of model version "${key}" does not exist`,
        "fix lineage.experiment",
      );
    chain.push(link("Experiment", lineage.experiment));
  }
  if (lineage.componentRef === undefined)
    return refuse(`model version "${key}" names no component`, "add lineage.component");
  const resolved = lineageComponent(catalog, lineage);
  const target = resolved?.status === "found" && resolved.target.kind !== "Component" ? resolved.target : undefined;
  const component = target && catalog.get(target.kind, target.key);
  if (!component)
    return refuse(
      `component "${lineage.componentRef}" of model version "${key}" does not exist`,
      "fix lineage.component",
    );
  chain.push(link(component.kind as LineageLink["kind"], component));
  if (component.kind === "ComponentVersion") {
    const origin = originOf(catalog, component as Entity<"ComponentVersion">);
    if (origin) chain.push(link("ProjectComponent", origin));
  }
  return succeed(chain);
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
