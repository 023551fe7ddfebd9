/**
 * `stage`: move a model version to another stage and append the change to its
 * stage history (who, when, why), the way Polyaxon records stage conditions.
 * Only those two places of the file change; comments and the rest stay.
 */
import { describeMissing, missingRequirements, stageRequirements } from "../checks/stage-policy.js";
import { STAGES, type Stage } from "../model/types.js";
import { parseTaggedRef } from "./arg-names.js";
import { modelVersionPath } from "./catalog-paths.js";
import { refuse, refuseUsage, succeed, type Outcome } from "./outcome.js";
import { updateChange, type Plan } from "./plan.js";
import type { ScaffoldContext } from "./scaffold-context.js";
import { displayPath, readWorkspaceText } from "./workspace.js";
import { editYamlText } from "./yaml-edit.js";
import { quoted } from "./yaml-style.js";

/** A stage change. */
export interface StageChangeInput {
  /** `org/model:tag`. */
  version: string;
  stage: string;
  /** Why; required unless the catalog's policy says `requireStageReason: false`. */
  reason?: string;
  by: string;
  /** ISO time of the change. */
  now: string;
}

/** Plan the edit of the model version file. */
export function planStageChange(ctx: ScaffoldContext, input: StageChangeInput): Outcome<Plan> {
  const ref = parseTaggedRef(input.version, "model version", "<org>/<model>:<tag>");
  if (!ref.ok) return ref;
  if (!(STAGES as readonly string[]).includes(input.stage)) {
    return refuseUsage(`"${input.stage}" is not a stage`, `use one of ${STAGES.join(", ")}`);
  }
  const stage = input.stage as Stage;
  const { ws } = ctx;
  // Read before validation: the settings as written, when they are a boolean.
  const policy = ws.catalog.get("Catalog", "catalog")?.data.policy as { requireStageReason?: unknown } | undefined;
  const requireReason = typeof policy?.requireStageReason === "boolean" ? policy.requireStageReason : true;
  if (requireReason && (input.reason === undefined || input.reason.trim() === "")) {
    return refuseUsage(
      "a stage change needs a reason (--reason) in this catalog",
      'say why, e.g. --reason "AUC 0.91 on the March holdout; shadow traffic clean for a week"',
    );
  }
  const { org, name, tag } = ref.value;
  const relPath = modelVersionPath(org, name, tag);
  const entity = ws.catalog.get("ModelVersion", input.version);
  const text = readWorkspaceText(ws, relPath);
  if (!entity || text === undefined) {
    const known = ws.catalog.versionsOf("ModelVersion", `${org}/${name}`).map((v) => v.name);
    return refuse(
      `model version "${input.version}" does not exist (no ${displayPath(ws, relPath)})`,
      known.length
        ? `choose one of ${org}/${name}'s versions: ${known.join(", ")}`
        : `promote an experiment first: mlcat promote experiment <org>/<project>/<experiment> --model ${org}/${name} --version ${tag}`,
    );
  }
  if (entity.data.stage === stage) {
    return refuse(
      `model version "${input.version}" is already in stage "${stage}"`,
      `choose another stage: ${STAGES.filter((s) => s !== stage).join(", ")}`,
    );
  }
  const settings = ws.catalog.get("Catalog", "catalog")?.data;
  const missing = missingRequirements(entity.data, stageRequirements(settings, stage));
  if (missing.length > 0) {
    return refuse(
      `the catalog's policy requires of a ${stage} version what ${input.version} lacks: ${missing.map((m) => m.requirement).join(", ")}`,
      `add ${describeMissing(missing)} to ${displayPath(ws, relPath)} first (catalog.yaml policy.stages.${stage})`,
    );
  }
  const entry = {
    stage,
    at: quoted(input.now),
    by: input.by,
    ...(input.reason !== undefined && input.reason !== "" && { reason: input.reason }),
  };
  const edited = editYamlText(text, [
    { op: "set", path: ["stage"], value: stage },
    { op: "append", path: ["stageHistory"], value: entry },
  ]);
  const from = typeof entity.data.stage === "string" ? entity.data.stage : "?";
  return succeed({ changes: [updateChange(relPath, edited)], notes: [`${input.version}: ${from} -> ${stage}`] });
}
