/**
 * The stage policy of catalog.yaml (`policy.stages`, `policy.productionAliases`):
 * what a model version must carry to be in a stage, and which aliases mean
 * production. `missingForStage` is the one judgement; the `stage-policy`
 * check applies it to every version (and to each version a production alias
 * names), and `mlcat check` to the versions a pull request stages or aliases.
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import type { CatalogData, ModelVersionData, Stage, StageRequirement } from "../model/types.js";
import { forEachSubject, type Check, type DiagnosticCollector } from "./context.js";
import { isRecord } from "./spec-nested.js";

/** Aliases that mean production when the policy names none. */
export const DEFAULT_PRODUCTION_ALIASES: readonly string[] = ["production"];

/** The aliases the policy treats as production. */
export function productionAliases(settings: CatalogData | undefined): readonly string[] {
  return settings?.policy?.productionAliases ?? DEFAULT_PRODUCTION_ALIASES;
}

/** What the policy requires of a version in `stage` (none when it says nothing). */
export function stageRequirements(settings: CatalogData | undefined, stage: Stage): readonly StageRequirement[] {
  return settings?.policy?.stages?.[stage]?.require ?? [];
}

/** One unmet requirement: its name and what to add, in words. */
export interface MissingRequirement {
  requirement: StageRequirement;
  /** The fields to fill, e.g. `sha256 and size of artifact model`. */
  fields: string;
}

/** The requirements `data` does not meet, in the policy's order. */
export function missingRequirements(
  data: Partial<ModelVersionData>,
  required: readonly StageRequirement[],
): MissingRequirement[] {
  const out: MissingRequirement[] = [];
  for (const requirement of required) {
    const fields = unmet(data, requirement);
    if (fields !== undefined) out.push({ requirement, fields });
  }
  return out;
}

function unmet(data: Partial<ModelVersionData>, requirement: StageRequirement): string | undefined {
  switch (requirement) {
    case "checksums": {
      const artifacts = Array.isArray(data.artifacts) ? data.artifacts : [];
      if (artifacts.length === 0) return "artifacts, each with sha256 and size";
      const lacking = artifacts.filter((a) => !isRecord(a) || a.sha256 === undefined || a.size === undefined);
      if (lacking.length === 0) return undefined;
      const names = lacking.map((a) => (isRecord(a) && typeof a.name === "string" ? a.name : "?"));
      return `sha256 and size of ${names.length === 1 ? "artifact" : "artifacts"} ${names.join(", ")}`;
    }
    case "flavor":
      return Array.isArray(data.flavors) && data.flavors.length > 0 ? undefined : "flavors (at least one)";
    case "signature": {
      const s = data.signature;
      const some = isRecord(s) && ((s.inputs?.length ?? 0) > 0 || (s.outputs?.length ?? 0) > 0);
      return some ? undefined : "signature (inputs and outputs)";
    }
    case "evaluation":
      return Array.isArray(data.evaluation) && data.evaluation.length > 0
        ? undefined
        : "evaluation (at least one result)";
    case "inputExample":
      return data.inputExample === undefined ? "inputExample" : undefined;
  }
}

/** `a, b and c`. */
export function describeMissing(missing: readonly MissingRequirement[]): string {
  const parts = missing.map((m) => m.fields);
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

export const stagePolicyCheck: Check = {
  name: "stage-policy",
  codes: ["policy/stage-requirements"],
  run(ctx) {
    const { catalog, report } = ctx;
    forEachSubject(ctx, catalog.subjects(["ModelVersion"], true), (version) => {
      const settings = catalog.settings();
      const stage = version.data.stage;
      const missing = missingRequirements(version.data, stageRequirements(settings, stage));
      if (missing.length === 0) return;
      report.at(
        version,
        ["stage"],
        "policy/stage-requirements",
        `version ${version.key} is in ${stage}, but lacks what the catalog's policy requires there: ${missing.map((m) => m.requirement).join(", ")}`,
        `add ${describeMissing(missing)}, or move the version to a stage that does not require it (catalog.yaml policy.stages.${stage})`,
      );
    });
    forEachSubject(ctx, catalog.subjects(["Model"], true), (model) => checkProductionAliases(catalog, model, report));
  },
};

/** A version a production alias names carries what production requires. */
function checkProductionAliases(catalog: Catalog, model: Entity<"Model">, report: DiagnosticCollector): void {
  const aliases = model.data.aliases;
  if (!isRecord(aliases)) return;
  const settings = catalog.settings();
  const required = stageRequirements(settings, "production");
  if (required.length === 0) return;
  const meaning = productionAliases(settings);
  for (const [alias, tag] of Object.entries(aliases)) {
    if (!meaning.includes(alias) || typeof tag !== "string") continue;
    const version = catalog.get("ModelVersion", `${model.key}:${tag}`);
    if (!version?.schemaValid) continue;
    const missing = missingRequirements(version.data, required);
    if (missing.length === 0) continue;
    report.at(
      model,
      ["aliases", alias],
      "policy/stage-requirements",
      `alias ${alias} means production, but version ${version.key} lacks what production requires: ${missing.map((m) => m.requirement).join(", ")}`,
      `add ${describeMissing(missing)} to ${version.source.relPath}, or point ${alias} at a version that has them`,
    );
  }
}
