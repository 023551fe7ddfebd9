/**
 * "Used by" sections as links: which experiments ran a component version,
 * which model versions came from it, which projects those belong to, which
 * projects use a connection. The relations are relations/used-by.ts's; this
 * file turns their keys into links to pages of the site.
 */
import { UsedBy } from "../relations/used-by.js";
import { aliasesOf } from "./api.js";
import type { SiteContext } from "./context.js";
import type { Link } from "./types.js";

/** Reverse references of one audience's catalog, as links. */
export class UsageIndex {
  private readonly usedBy: UsedBy;

  constructor(private readonly ctx: SiteContext) {
    this.usedBy = new UsedBy(ctx.catalog);
  }

  private links(kind: "Experiment" | "ModelVersion" | "Project", keys: readonly string[]): Link[] {
    return keys.map((k) => this.ctx.link(kind, k, this.label(kind, k))).filter((l): l is Link => l !== undefined);
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
