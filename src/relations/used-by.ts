/**
 * "Used by": the references of a catalog read backwards, computed once. Which
 * experiments ran a component (hub version, hub component or project
 * component), which model versions' lineage leads to it, which model versions
 * a project or an experiment produced, which projects may use a connection,
 * what names a team. Every answer is sorted by key.
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import { experimentComponent, lineageComponent, lineageOf } from "./lineage.js";

/** Reverse references of one catalog. */
export class UsedBy {
  private readonly experimentsByComponent = new Map<string, Set<string>>();
  private readonly modelsByComponent = new Map<string, Set<string>>();
  private readonly modelsByProject = new Map<string, Set<string>>();
  private readonly modelsByExperiment = new Map<string, Set<string>>();
  private readonly projectsByConnection = new Map<string, Set<string>>();

  constructor(catalog: Catalog) {
    const add = (map: Map<string, Set<string>>, key: string, value: string) =>
      map.set(key, (map.get(key) ?? new Set()).add(value));
    for (const e of catalog.all("Experiment")) {
      const component = experimentComponent(catalog, e);
      if (component?.status === "found") add(this.experimentsByComponent, component.target.key, e.key);
    }
    for (const v of catalog.all("ModelVersion")) {
      const chain = lineageOf(catalog, v);
      const component = lineageComponent(catalog, chain);
      if (component?.status === "found") add(this.modelsByComponent, component.target.key, v.key);
      if (chain.projectExists) add(this.modelsByProject, chain.projectRef!.key, v.key);
      if (chain.projectExists && chain.experiment) add(this.modelsByExperiment, chain.experiment.key, v.key);
    }
    for (const p of catalog.all("Project")) {
      for (const c of p.data.connections ?? []) add(this.projectsByConnection, `${p.org}/${c}`, p.key);
    }
  }

  /** Experiments that ran a hub version (`org/name:tag`), a hub component (`org/name`) or a project component (`org/project/name`). */
  experimentsOf(componentKey: string): string[] {
    return sorted(this.experimentsByComponent.get(componentKey));
  }

  /** Model versions whose lineage leads to a hub version, hub component or project component. */
  modelsOf(componentKey: string): string[] {
    return sorted(this.modelsByComponent.get(componentKey));
  }

  /** Model versions trained in a project. */
  modelsOfProject(projectKey: string): string[] {
    return sorted(this.modelsByProject.get(projectKey));
  }

  /** Model versions an experiment produced. */
  modelsOfExperiment(experimentKey: string): string[] {
    return sorted(this.modelsByExperiment.get(experimentKey));
  }

  /** Projects that may use a connection (`org/name`). */
  projectsOfConnection(connectionKey: string): string[] {
    return sorted(this.projectsByConnection.get(connectionKey));
  }

  /** Everything that uses a hub component (`org/name`) or any of its versions: projects, experiments, models. */
  ofComponent(componentKey: string): { projects: string[]; experiments: string[]; models: string[] } {
    const experiments = new Set<string>();
    const models = new Set<string>();
    const prefix = `${componentKey}:`;
    for (const [k, v] of this.experimentsByComponent)
      if (k === componentKey || k.startsWith(prefix)) v.forEach((e) => experiments.add(e));
    for (const [k, v] of this.modelsByComponent)
      if (k === componentKey || k.startsWith(prefix)) v.forEach((m) => models.add(m));
    const projects = new Set([...experiments].map((e) => e.split("/").slice(0, 2).join("/")));
    return { projects: sorted(projects), experiments: sorted(experiments), models: sorted(models) };
  }
}

/** The kinds that name a team as their `team`. */
export type TeamOwnedKind = "Project" | "Component" | "Model";

/**
 * The entities of `kind` that name team `team` (an entity of organization
 * `org`) as their `team`, in key order: what the team's page lists and its
 * quota counts.
 */
export function namingTeam<K extends TeamOwnedKind>(
  catalog: Catalog,
  kind: K,
  team: Pick<Entity<"Team">, "org" | "name">,
): Entity<K>[] {
  return catalog.inOrg(kind, team.org!).filter((e) => (e.data as { team?: unknown }).team === team.name);
}

function sorted(keys: Iterable<string> | undefined): string[] {
  return [...(keys ?? [])].sort();
}
