/**
 * References of run records and registry versions: an experiment's component,
 * creator and artifact connections; a model version's lineage (project,
 * experiment, component), stage-history authors, creator and artifacts.
 */
import type { Entity } from "../model/entity.js";
import type { ArtifactData } from "../model/types.js";
import { parseProjectRef, projectOf, type ProjectRef } from "../relations/project-refs.js";
import type { ValuePath } from "../yaml/positions.js";
import { checkComponentRef } from "./refs-components.js";
import type { RefChecker } from "./refs-index.js";
import { didYouMean } from "../text/suggest.js";

/** Artifacts' connections exist in `org`. */
function checkArtifacts(refs: RefChecker, entity: Entity, artifacts: ArtifactData[] | undefined, org: string): void {
  if (!Array.isArray(artifacts)) return;
  artifacts.forEach((artifact, i) => {
    if (typeof artifact?.connection === "string")
      refs.expectConnection(entity, ["artifacts", i, "connection"], artifact.connection, org);
  });
}

/** An experiment: its component resolves (hub version or a component of its project), its creator is a user. */
export function checkExperiment(refs: RefChecker, entity: Entity<"Experiment">): void {
  const org = entity.org!;
  const { component, createdBy, artifacts } = entity.data;
  // A project folder without project.yaml is reported once as an orphan: do not look up its components.
  const project = projectOf(entity)!;
  const scope = refs.catalog.has("Project", project.key) ? project : undefined;
  if (typeof component === "string") checkComponentRef(refs, entity, ["component"], component, scope);
  if (typeof createdBy === "string") refs.expectUser(entity, ["createdBy"], createdBy, "experiment creator");
  checkArtifacts(refs, entity, artifacts, org);
}

/**
 * The project a lineage names (`churn` in the version's organization, or
 * `org/churn`): `null` when none is given, `undefined` when it does not
 * resolve (reported here).
 */
function resolveLineageProject(
  refs: RefChecker,
  entity: Entity<"ModelVersion">,
  text: unknown,
): ProjectRef | null | undefined {
  if (typeof text !== "string") return null;
  const path: ValuePath = ["lineage", "project"];
  const scope = parseProjectRef(text, entity.org!);
  if (!scope) {
    refs.report.at(
      entity,
      path,
      "ref/syntax",
      `lineage project "${text}" is not a project reference`,
      `write a project of organization "${entity.org}" by name (churn) or any project as org/project`,
    );
    return undefined;
  }
  if (!refs.catalog.has("Organization", scope.org)) {
    const suggestion = didYouMean(scope.org, refs.catalog.keys("Organization"));
    refs.report.at(
      entity,
      path,
      "ref/unknown-organization",
      `organization "${scope.org}" of lineage project "${text}" does not exist`,
      `fix the reference${suggestion}`,
    );
    return undefined;
  }
  return refs.expectProject(entity, path, scope.project, scope.org) ? scope : undefined;
}

/** The lineage's experiment exists in the lineage's project. */
function checkLineageExperiment(
  refs: RefChecker,
  entity: Entity<"ModelVersion">,
  experiment: string,
  scope: ProjectRef | null | undefined,
): void {
  const path: ValuePath = ["lineage", "experiment"];
  if (scope === undefined) return;
  if (scope === null) {
    refs.report.at(
      entity,
      path,
      "ref/unknown-experiment",
      `lineage experiment "${experiment}" names no project to look it up in`,
      "add lineage.project: the project the experiment ran in",
    );
    return;
  }
  const prefix = `${scope.key}/`;
  if (refs.catalog.has("Experiment", `${prefix}${experiment}`)) return;
  const suggestion = didYouMean(experiment, refs.namesUnder("Experiment", prefix));
  refs.report.at(
    entity,
    path,
    "ref/unknown-experiment",
    `experiment "${experiment}" does not exist in project "${scope.org}/${scope.project}"`,
    `fix the name${suggestion}, or add orgs/${scope.org}/projects/${scope.project}/experiments/${experiment}.yaml`,
  );
}

/** A model version: lineage resolves, stage-history authors and the creator are users, artifact connections exist. */
export function checkModelVersion(refs: RefChecker, entity: Entity<"ModelVersion">): void {
  const { lineage, stageHistory, createdBy, artifacts } = entity.data;
  if (lineage && typeof lineage === "object") {
    const scope = resolveLineageProject(refs, entity, lineage.project);
    if (typeof lineage.experiment === "string") checkLineageExperiment(refs, entity, lineage.experiment, scope);
    if (typeof lineage.component === "string")
      checkComponentRef(refs, entity, ["lineage", "component"], lineage.component, scope);
  }
  if (Array.isArray(stageHistory)) {
    stageHistory.forEach((step, i) => {
      if (typeof step?.by === "string")
        refs.expectUser(entity, ["stageHistory", i, "by"], step.by, "stage change author");
    });
  }
  if (typeof createdBy === "string") refs.expectUser(entity, ["createdBy"], createdBy, "model version creator");
  checkArtifacts(refs, entity, artifacts, entity.org!);
}
