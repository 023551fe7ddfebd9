/**
 * "Used by" sections as links: which experiments ran a component version,
 * which model versions came from it, which projects those belong to, which
 * projects use a connection. The relations are relations/used-by.ts's; this
 * file turns their keys into links to pages of the site.
 */
import { UsedBy } from "../relations/used-by.js";
import type { SiteContext } from "./context.js";
import type { Link } from "./types.js";

/** Reverse references of one audience's catalog, as links. */
export class UsageIndex {
  private readonly usedBy: UsedBy;

  constructor(private readonly ctx: SiteContext) {
    this.usedBy = new UsedBy(ctx.catalog);
  }

  private links(kind: "Experiment" | "ModelVersion" | "Project", keys: readonly string[]): Link[] {
    return keys
      .map((k) => this.ctx.link(kind, k, kind === "Experiment" ? k.split("/").slice(1).join("/") : k))
      .filter((l): l is Link => l !== undefined);
  }

  /** Experiments that ran a hub version (`org/name:tag`) or a project component (`org/project/name`). */
  experimentsOf(componentKey: string): Link[] {
    return this.links("Experiment", this.usedBy.experimentsOf(componentKey));
  }

  /** Model versions whose lineage leads to a hub version or project component. */
  modelsOf(componentKey: string): Link[] {
    return this.links("ModelVersion", this.usedBy.modelsOf(componentKey));
  }

  /** Model versions trained in a project. */
  modelsOfProject(projectKey: string): Link[] {
    return this.links("ModelVersion", this.usedBy.modelsOfProject(projectKey));
  }

  /** Model versions an experiment produced. */
  modelsOfExperiment(experimentKey: string): Link[] {
    return this.links("ModelVersion", this.usedBy.modelsOfExperiment(experimentKey));
  }

  /** Projects that may use a connection (`org/name`). */
  projectsOfConnection(connectionKey: string): Link[] {
    return this.links("Project", this.usedBy.projectsOfConnection(connectionKey));
  }

  /** Everything that uses any version of a hub component (`org/name`): projects, experiments, models. */
  ofComponent(componentKey: string): { projects: Link[]; experiments: Link[]; models: Link[] } {
    const { projects, experiments, models } = this.usedBy.ofComponent(componentKey);
    return {
      projects: this.links("Project", projects),
      experiments: this.links("Experiment", experiments),
      models: this.links("ModelVersion", models),
    };
  }
}
