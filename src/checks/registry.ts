/**
 * Check `registry`: what a model version (or the run it came from) says about
 * deploying and reproducing it holds together. Aliases are not version tags;
 * each flavor loads one of the artifacts and says what it needs (requirements
 * or a pinned image); an input example names an artifact; a serving
 * component gets params its inputs accept; evaluation datasets and input data
 * are pinned (a version, a revision or a checksum), and an input from another
 * run names one of that run's artifacts. Unresolved references are the
 * references check's.
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import { parseRef, stringifyRef } from "../model/refs.js";
import type { ArtifactData, DataInputData, EvaluationData, FlavorData } from "../model/types.js";
import type { ValuePath } from "../yaml/positions.js";
import { forEachSubject, type Check } from "./context.js";
import type { DiagnosticCollector } from "../report/collector.js";
import { reportParamProblems } from "./experiments.js";
import { isPinnedImage } from "./hub-hygiene.js";
import { checkParams, PARAM_CODES } from "./params-check.js";
import { isRecord } from "./spec-nested.js";
import { didYouMean, formatList } from "../text/suggest.js";

export const registryCheck: Check = {
  name: "registry",
  codes: [
    "registry/alias-is-tag",
    "registry/flavor-incomplete",
    "registry/unpinned-image",
    "registry/unpinned-data",
    "ref/unknown-artifact",
    "ref/duplicate",
    ...PARAM_CODES,
  ],
  run(ctx) {
    const { catalog, report } = ctx;
    forEachSubject(ctx, catalog.subjects(["Model"], true), (model) => checkAliases(catalog, model, report));
    forEachSubject(ctx, catalog.subjects(["ModelVersion"], true), (version) => {
      const { artifacts, flavors, inputExample, evaluation, lineage, serving } = version.data;
      checkFlavors(version, flavors, artifacts, report);
      if (isRecord(inputExample) && typeof inputExample.artifact === "string")
        expectArtifact(
          version,
          ["inputExample", "artifact"],
          inputExample.artifact,
          artifacts,
          report,
          "input example",
        );
      checkEvaluation(version, evaluation, report);
      if (isRecord(lineage)) checkInputs(catalog, version, ["lineage", "inputs"], lineage.inputs, report);
      if (isRecord(serving)) checkServing(catalog, version, serving, report);
    });
    forEachSubject(ctx, catalog.subjects(["Experiment"], true), (run) => {
      checkFlavors(run, run.data.flavors, run.data.artifacts, report);
      checkEvaluation(run, run.data.evaluation, report);
      checkInputs(catalog, run, ["inputs"], run.data.inputs, report);
    });
  },
};

/** An alias is not also a version tag of the model (a reader could not tell which is meant). */
function checkAliases(catalog: Catalog, model: Entity<"Model">, report: DiagnosticCollector): void {
  const aliases = model.data.aliases;
  if (!isRecord(aliases)) return;
  const tags = new Set(catalog.versionsOf("ModelVersion", model.key).map((v) => v.name));
  for (const alias of Object.keys(aliases)) {
    if (!tags.has(alias)) continue;
    report.at(
      model,
      ["aliases", alias],
      "registry/alias-is-tag",
      `alias ${alias} of model ${model.key} is also one of its version tags`,
      `rename the alias: ${model.key}:${alias} must mean one thing`,
      { target: "key" },
    );
  }
}

function checkFlavors(
  entity: Entity<"ModelVersion"> | Entity<"Experiment">,
  flavors: FlavorData[] | undefined,
  artifacts: ArtifactData[] | undefined,
  report: DiagnosticCollector,
): void {
  if (!Array.isArray(flavors)) return;
  const seen = new Set<string>();
  flavors.forEach((flavor, i) => {
    if (!isRecord(flavor)) return;
    const at: ValuePath = ["flavors", i];
    if (seen.has(flavor.name)) {
      report.at(
        entity,
        [...at, "name"],
        "ref/duplicate",
        `flavor ${flavor.name} is listed twice`,
        "give each flavor its own name",
      );
    }
    seen.add(flavor.name);
    expectArtifact(entity, [...at, "artifact"], flavor.artifact, artifacts, report, `flavor ${flavor.name}`);
    if (flavor.requirements === undefined && flavor.image === undefined) {
      report.at(
        entity,
        [...at, "name"],
        "registry/flavor-incomplete",
        `flavor ${flavor.name} says neither what it needs (requirements) nor what serves it (image)`,
        `add requirements (e.g. [${flavor.framework ?? "<package>"}==<version>]) or a pinned serving image`,
      );
    }
    if (typeof flavor.image === "string" && !isPinnedImage(flavor.image)) {
      report.at(
        entity,
        [...at, "image"],
        "registry/unpinned-image",
        `flavor ${flavor.name} names image "${flavor.image}", which is not pinned: the version would deploy whatever that tag points at`,
        "pin the image to a version tag or a digest (@sha256:...)",
      );
    }
  });
}

/** Report `ref/unknown-artifact` unless `name` is one of `artifacts`. */
function expectArtifact(
  entity: Entity,
  path: ValuePath,
  name: unknown,
  artifacts: ArtifactData[] | undefined,
  report: DiagnosticCollector,
  what: string,
  owner = entity.kind === "Experiment" ? "the run" : "the version",
): void {
  if (typeof name !== "string") return;
  const names = (Array.isArray(artifacts) ? artifacts : []).map((a) => a?.name).filter((n) => typeof n === "string");
  if (names.includes(name)) return;
  report.at(
    entity,
    path,
    "ref/unknown-artifact",
    `${what} names artifact "${name}", which ${owner} does not list`,
    names.length > 0
      ? `name one of its artifacts${didYouMean(name, names)}: ${formatList(names, 8)}`
      : `add the artifact to ${owner}'s artifacts`,
  );
}

/** Each evaluation dataset is pinned by a version or a revision. */
function checkEvaluation(entity: Entity, evaluation: EvaluationData[] | undefined, report: DiagnosticCollector): void {
  if (!Array.isArray(evaluation)) return;
  evaluation.forEach((result, i) => {
    const dataset = result?.dataset;
    if (!isRecord(dataset) || dataset.version !== undefined || dataset.revision !== undefined) return;
    report.at(
      entity,
      ["evaluation", i, "dataset"],
      "registry/unpinned-data",
      `evaluation of ${result.metric} on dataset ${dataset.name} names no version or revision: the result cannot be compared or repeated`,
      "add dataset.version (a tag or snapshot) or dataset.revision (a commit of the dataset's repository)",
      { target: "key" },
    );
  });
}

/** Each input is a URI pinned by a version or checksum, or another run's artifact that exists. */
function checkInputs(
  catalog: Catalog,
  entity: Entity,
  at: ValuePath,
  inputs: DataInputData[] | undefined,
  report: DiagnosticCollector,
): void {
  if (!Array.isArray(inputs)) return;
  inputs.forEach((input, i) => {
    if (!isRecord(input)) return;
    const path: ValuePath = [...at, i];
    const fromRun = input.experiment !== undefined || input.artifact !== undefined;
    if (fromRun && (input.experiment === undefined || input.artifact === undefined || input.uri !== undefined)) {
      report.at(
        entity,
        [...path, "name"],
        "registry/unpinned-data",
        `input ${input.name} mixes the two forms: another run's output needs both experiment and artifact, and no uri`,
        "write either uri with version or sha256, or experiment (<project>/<experiment>) with artifact",
      );
      return;
    }
    if (fromRun) {
      const run = catalog.get("Experiment", `${entity.org}/${input.experiment}`);
      if (run?.schemaValid)
        expectArtifact(
          entity,
          [...path, "artifact"],
          input.artifact,
          run.data.artifacts,
          report,
          `input ${input.name}`,
          `experiment ${input.experiment}`,
        );
      return;
    }
    if (input.uri !== undefined && (input.version !== undefined || input.sha256 !== undefined)) return;
    report.at(
      entity,
      [...path, "name"],
      "registry/unpinned-data",
      input.uri === undefined
        ? `input ${input.name} says neither where its data are (uri) nor which run made them (experiment, artifact)`
        : `input ${input.name} (${input.uri}) names no version or checksum: the data at that URI may change`,
      input.uri === undefined
        ? "add uri with a version or sha256, or experiment and artifact"
        : "add version (a tag, snapshot or object version) or sha256 of the data",
    );
  });
}

/** The serving component's inputs accept the params (whether it resolves is the references check's). */
function checkServing(
  catalog: Catalog,
  version: Entity<"ModelVersion">,
  serving: Record<string, unknown>,
  report: DiagnosticCollector,
): void {
  const ref = typeof serving.component === "string" ? parseRef(serving.component) : undefined;
  if (ref?.tag === undefined) return;
  const component = catalog.get("ComponentVersion", stringifyRef(ref));
  if (!component?.schemaValid) return;
  const problems = checkParams(serving.params, component.data, {
    at: ["serving", "params"],
    missingAt: serving.params === undefined ? ["serving", "component"] : ["serving", "params"],
    form: "record",
    component: stringifyRef(ref),
  });
  reportParamProblems(version, problems, report);
}
