/**
 * Who uses what, computed once: which experiments ran a component version,
 * which model versions came from it, which projects those belong to, which
 * projects use a connection. Every answer is a list of links, sorted.
 */
import { aliasesOf } from "./api.js";
import type { SiteContext } from "./context.js";
import type { Link } from "./types.js";

/** Reverse references of one catalog, for "used by" sections. */
export class UsageIndex {
  private readonly experimentsByComponent = new Map<string, Set<string>>();
  private readonly modelsByComponent = new Map<string, Set<string>>();
  private readonly modelsByProject = new Map<string, Set<string>>();
  private readonly modelsByExperiment = new Map<string, Set<string>>();
  private readonly projectsByConnection = new Map<string, Set<string>>();

  constructor(private readonly ctx: SiteContext) {
    const add = (map: Map<string, Set<string>>, key: string, value: string) =>
      map.set(key, (map.get(key) ?? new Set()).add(value));
    for (const e of ctx.catalog.all("Experiment")) {
      const target = ctx.resolveComponent(e.org!, e.project, e.data.component);
      if (target) add(this.experimentsByComponent, target.key, e.key);
    }
    for (const v of ctx.catalog.all("ModelVersion")) {
      const lineage = v.data.lineage;
      const project = ctx.project(v.org!, lineage?.project);
      const experiment =
        project && lineage?.experiment !== undefined
          ? ctx.catalog.get("Experiment", `${project.key}/${lineage.experiment}`)
          : undefined;
      const componentRef = lineage?.component ?? experiment?.data.component;
      const target = ctx.resolveComponent(project?.org ?? v.org!, project?.name, componentRef);
      if (target) add(this.modelsByComponent, target.key, v.key);
      if (project) add(this.modelsByProject, project.key, v.key);
      if (experiment) add(this.modelsByExperiment, experiment.key, v.key);
    }
    for (const p of ctx.catalog.all("Project")) {
      for (const c of p.data.connections ?? []) add(this.projectsByConnection, `${p.org}/${c}`, p.key);
    }
  }

  private links(kind: "Experiment" | "ModelVersion" | "Project", keys: Iterable<string> | undefined): Link[] {
    return [...(keys ?? [])]
      .sort()
      .map((k) => this.ctx.link(kind, k, this.label(kind, k)))
      .filter((l): l is Link => l !== undefined);
  }

  /** How a list names an entity: an experiment within its project; a model version with the aliases that point to it. */
  private label(kind: "Experiment" | "ModelVersion" | "Project", key: string): string {
    if (kind === "Experiment") return key.split("/").slice(1).join("/");
    if (kind !== "ModelVersion") return key;
    const v = this.ctx.catalog.get("ModelVersion", key);
    const aliases = v ? aliasesOf(this.ctx.catalog, v.org!, v.parent!, v.name) : [];
    return aliases.length > 0 ? `${key} (${aliases.map((a) => `@${a}`).join(", ")})` : key;
  }

  /** Experiments that ran a hub version (`org/name:tag`) or a project component (`org/project/name`). */
  experimentsOf(componentKey: string): Link[] {
    return this.links("Experiment", this.experimentsByComponent.get(componentKey));
  }

  /** Model versions whose lineage leads to a hub version or project component. */
  modelsOf(componentKey: string): Link[] {
    return this.links("ModelVersion", this.modelsByComponent.get(componentKey));
  }

  /** Model versions trained in a project. */
  modelsOfProject(projectKey: string): Link[] {
    return this.links("ModelVersion", this.modelsByProject.get(projectKey));
  }

  /** Model versions an experiment produced. */
  modelsOfExperiment(experimentKey: string): Link[] {
    return this.links("ModelVersion", this.modelsByExperiment.get(experimentKey));
  }

  /** Projects that may use a connection (`org/name`). */
  projectsOfConnection(connectionKey: string): Link[] {
    return this.links("Project", this.projectsByConnection.get(connectionKey));
  }

  /** Everything that uses any version of a hub component (`org/name`): projects, experiments, models. */
  ofComponent(componentKey: string): { projects: Link[]; experiments: Link[]; models: Link[] } {
    const experiments = new Set<string>();
    const models = new Set<string>();
    const prefix = `${componentKey}:`;
    for (const [k, v] of this.experimentsByComponent)
      if (k === componentKey || k.startsWith(prefix)) v.forEach((e) => experiments.add(e));
    for (const [k, v] of this.modelsByComponent)
      if (k === componentKey || k.startsWith(prefix)) v.forEach((m) => models.add(m));
    const projects = new Set([...experiments].map((e) => e.split("/").slice(0, 2).join("/")));
    return {
      projects: this.links("Project", projects),
      experiments: this.links("Experiment", experiments),
      models: this.links("ModelVersion", models),
    };
  }
}
