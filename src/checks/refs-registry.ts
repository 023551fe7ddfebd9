/**
 * References of the registry's deployment and reproduction fields: a model's
 * aliases (to its own versions) and base model (a catalog version), a
 * version's serving component, the experiments its evaluation results and
 * lineage inputs name, and the same fields of an experiment. Whether the
 * artifacts they name exist is the registry check's.
 */
import type { Entity } from "../model/entity.js";
import { parseRef, stringifyRef } from "../model/refs.js";
import type { DataInputData, EvaluationData } from "../model/types.js";
import type { ValuePath } from "../yaml/positions.js";
import { checkComponentRef } from "./refs-components.js";
import type { RefChecker } from "./refs-index.js";
import { didYouMean, formatList } from "../text/suggest.js";

/** A model's aliases name versions of the model; its base model, when written as a catalog version, exists. */
export function checkModelRefs(refs: RefChecker, entity: Entity<"Model">): void {
  const { aliases, baseModel } = entity.data;
  if (aliases && typeof aliases === "object") {
    const tags = refs.catalog.versionsOf("ModelVersion", entity.key).map((v) => v.name);
    for (const [alias, tag] of Object.entries(aliases)) {
      if (typeof tag !== "string" || tags.includes(tag)) continue;
      refs.report.at(
        entity,
        ["aliases", alias],
        "ref/unknown-model-version",
        `alias ${alias} names version "${tag}", which model ${entity.key} does not have`,
        tags.length > 0
          ? `point it at one of its versions: ${formatList(tags, 10)}`
          : `add versions/${tag}.yaml first, or remove the alias`,
      );
    }
  }
  if (typeof baseModel === "string") checkBaseModel(refs, entity, baseModel);
}

/** A base model written `org/model:tag` is a version of the catalog; an `owner/name` id does not name a catalog organization. */
function checkBaseModel(refs: RefChecker, entity: Entity<"Model">, text: string): void {
  if (text.startsWith("https://")) return;
  if (!text.includes(":")) {
    // A Hugging Face id whose owner is an organization of this catalog is most likely one of its models.
    const owner = text.slice(0, text.indexOf("/")).toLowerCase();
    if (!refs.catalog.has("Organization", owner)) return;
    const tags = refs.catalog.versionsOf("ModelVersion", `${owner}/${text.slice(owner.length + 1)}`).map((v) => v.name);
    refs.report.at(
      entity,
      ["baseModel"],
      "ref/syntax",
      `base model "${text}" is written as a Hugging Face id, but ${owner} is an organization of this catalog`,
      `write the catalog version it was trained from as ${owner}/<model>:<tag>${tags.length > 0 ? ` (one of ${formatList(tags, 6)})` : ""}, so lineage can follow it`,
    );
    return;
  }
  const ref = parseRef(text);
  if (!ref || ref.tag === undefined) {
    refs.report.at(
      entity,
      ["baseModel"],
      "ref/syntax",
      `base model "${text}" is not a catalog version org/model:tag`,
      "write a catalog version as org/model:tag, a Hugging Face model id as owner/name (no tag), or an https:// URL",
    );
    return;
  }
  expectModelVersion(refs, entity, ["baseModel"], ref.org, ref.name, ref.tag, "base model");
}

/** Report `ref/unknown-model-version` unless `org/model:tag` exists; whether it does. */
export function expectModelVersion(
  refs: RefChecker,
  entity: Entity,
  path: ValuePath,
  org: string,
  model: string,
  tag: string,
  what: string,
): boolean {
  const modelKey = stringifyRef({ org, name: model });
  const key = stringifyRef({ org, name: model, tag });
  if (refs.catalog.has("ModelVersion", key)) return true;
  const tags = refs.catalog.versionsOf("ModelVersion", modelKey).map((v) => v.name);
  const known = refs.catalog.has("Model", modelKey) || tags.length > 0;
  refs.report.at(
    entity,
    path,
    "ref/unknown-model-version",
    known
      ? `${what} ${key}: model ${modelKey} has no version "${tag}"`
      : `${what} ${key}: the catalog has no model ${modelKey}`,
    known
      ? `use one of its versions: ${formatList(tags, 10)}`
      : `fix the reference${didYouMean(model, refs.namesUnder("Model", `${org}/`))}`,
  );
  return false;
}

/** A version's serving component, and the experiments of its evaluation and lineage inputs. */
export function checkModelVersionRegistryRefs(refs: RefChecker, entity: Entity<"ModelVersion">): void {
  const { serving, evaluation, lineage } = entity.data;
  if (serving && typeof serving.component === "string")
    checkComponentRef(refs, entity, ["serving", "component"], serving.component, null);
  checkEvaluationRefs(refs, entity, evaluation);
  if (lineage && typeof lineage === "object") checkInputRefs(refs, entity, ["lineage", "inputs"], lineage.inputs);
}

/** An experiment's evaluation results and inputs name experiments of its organization. */
export function checkExperimentRegistryRefs(refs: RefChecker, entity: Entity<"Experiment">): void {
  checkEvaluationRefs(refs, entity, entity.data.evaluation);
  checkInputRefs(refs, entity, ["inputs"], entity.data.inputs);
}

function checkEvaluationRefs(refs: RefChecker, entity: Entity, evaluation: EvaluationData[] | undefined): void {
  if (!Array.isArray(evaluation)) return;
  evaluation.forEach((result, i) => {
    if (typeof result?.experiment === "string")
      expectRun(refs, entity, ["evaluation", i, "experiment"], result.experiment, "evaluation experiment");
  });
}

function checkInputRefs(refs: RefChecker, entity: Entity, at: ValuePath, inputs: DataInputData[] | undefined): void {
  if (!Array.isArray(inputs)) return;
  inputs.forEach((input, i) => {
    if (typeof input?.experiment === "string")
      expectRun(refs, entity, [...at, i, "experiment"], input.experiment, "input experiment");
    if (typeof input?.connection === "string")
      refs.expectConnection(entity, [...at, i, "connection"], input.connection, entity.org!);
  });
}

/** Report `ref/unknown-experiment` (or `ref/unknown-project`) unless `<project>/<experiment>` exists in the entity's organization. */
export function expectRun(refs: RefChecker, entity: Entity, path: ValuePath, text: string, what: string): boolean {
  const [project, experiment] = text.split("/") as [string, string];
  const org = entity.org!;
  if (!refs.expectProject(entity, path, project, org)) return false;
  const prefix = `${org}/${project}/`;
  if (refs.catalog.has("Experiment", `${prefix}${experiment}`)) return true;
  refs.report.at(
    entity,
    path,
    "ref/unknown-experiment",
    `${what} "${text}": project "${org}/${project}" has no experiment "${experiment}"`,
    `fix the name${didYouMean(experiment, refs.namesUnder("Experiment", prefix))}`,
  );
  return false;
}
