/**
 * Rules for the model registry: models, and model versions whose stage moves
 * only forward through an append-only history; production needs the
 * registry's production approvers. Moving an alias is judged like a stage
 * change (a production alias needs the production approvers), and a version
 * staged without what the base's `policy.stages` requires there is denied.
 */
import { describeMissing, missingRequirements } from "../checks/stage-policy.js";
import type { ModelVersionData, Stage } from "../model/types.js";
import { arrayAt, asRecord, stringAt } from "../permissions/read-data.js";
import { denyEveryone, requireAction } from "../permissions/requirements.js";
import type { RuleFor } from "../permissions/rules.js";
import type { ValuePath } from "../yaml/positions.js";
import { describeTarget } from "./classify-change.js";
import { sameValue } from "./field-diff.js";
import { judgeOwnership } from "./rules-ownership.js";
import { judgeWidening, widensVisibility } from "./rules-visibility.js";
import { judgeAppendedEntries, judgeCreatedBy } from "./rules-records.js";
import { areaScope, byTopKey, fieldChanges, scopeOf, verdict, type RuleInput, type Verdict } from "./rule-kit.js";

/** A registry model: admins create, change and delete it; ownership changes need both sides. */
export function judgeModel(input: RuleInput): Verdict[] {
  const info = input.change.info!;
  const label = describeTarget(input.change);
  const manage = "entity-manage";
  if (input.action === "create")
    return [
      verdict(
        requireAction(input.ctx, {
          rule: "model-create",
          scope: areaScope(info),
          action: manage,
          doing: `creating ${label}`,
        }),
      ),
    ];
  const scope = scopeOf(info);
  if (input.action === "delete")
    return [
      verdict(requireAction(input.ctx, { rule: "model-delete", scope, action: manage, doing: `deleting ${label}` })),
    ];
  const groups = byTopKey(fieldChanges(input));
  const out = judgeOwnership(input, scope, label);
  const widened = widensVisibility(input, scope.org);
  if (widened) out.push(judgeWidening(input, scope, label));
  if (groups.has("aliases")) out.push(...judgeAliases(input, scope, label));
  const rest = [...groups.entries()].filter(
    ([k]) => k !== "owner" && k !== "team" && k !== "aliases" && !(widened && k === "visibility"),
  );
  if (rest.length > 0 || groups.size === 0) {
    const what = rest.map(([k]) => k).join(", ") || "the file of";
    out.push(
      verdict(
        requireAction(input.ctx, { rule: "model-manage", scope, action: manage, doing: `changing ${what} ${label}` }),
        rest[0]?.[1][0] ?? [],
      ),
    );
  }
  return out;
}

/**
 * Aliases added, moved or removed: each is a stage change (admin on the model);
 * one the base's policy marks as production needs a production approver.
 */
function judgeAliases(input: RuleInput, scope: ReturnType<typeof scopeOf>, label: string): Verdict[] {
  const before = asRecord(asRecord(input.before?.data)?.aliases) ?? {};
  const after = asRecord(asRecord(input.after?.data)?.aliases) ?? {};
  const production = input.ctx.authority.policy().productionAliases;
  const out: Verdict[] = [];
  for (const alias of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const from = before[alias];
    const to = after[alias];
    if (from === to) continue;
    const doing =
      to === undefined
        ? `removing alias ${alias} (${String(from)}) of ${label}`
        : from === undefined
          ? `adding alias ${alias} -> ${String(to)} to ${label}`
          : `moving alias ${alias} of ${label} from ${String(from)} to ${String(to)}`;
    const path: ValuePath = to === undefined ? ["aliases"] : ["aliases", alias];
    out.push(
      production.includes(alias)
        ? verdict(
            requireAction(input.ctx, {
              rule: "alias-production",
              scope: { org: scope.org, area: "registry" },
              action: "production-approve",
              doing,
            }),
            path,
          )
        : verdict(requireAction(input.ctx, { rule: "alias-change", scope, action: "entity-manage", doing }), path),
    );
  }
  return out;
}

/** A version entering `stage` carries what the base's policy requires there; nothing when it does. */
function judgeStageRequirements(input: RuleInput, stage: string | undefined, doing: string): Verdict[] {
  const required = input.ctx.authority.policy().stageRequirements[stage as Stage] ?? [];
  const data = (asRecord(input.after?.data) ?? {}) as Partial<ModelVersionData>;
  const missing = missingRequirements(data, required);
  if (missing.length === 0) return [];
  const reason = `the catalog's policy (catalog.yaml policy.stages.${stage}) requires ${missing.map((m) => m.requirement).join(", ")}, which the version lacks`;
  return [
    verdict(denyEveryone(input.ctx, { rule: "stage-requirements", doing, reason }), ["stage"], {
      code: "policy/stage-requirements",
      hint: `add ${describeMissing(missing)} to the version in this pull request`,
    }),
  ];
}

/** A model version: see the module comment. */
export function judgeModelVersion(input: RuleInput): Verdict[] {
  const info = input.change.info!;
  const label = describeTarget(input.change);
  const scope = scopeOf(info);
  const { ctx } = input;
  const member = (doing: string, path: ValuePath) =>
    verdict(requireAction(ctx, { rule: "version-write", scope, action: "child-write", doing }), path);
  const production = (rule: RuleFor<"production-approve">, doing: string, path: ValuePath) =>
    verdict(
      requireAction(ctx, { rule, scope: { org: info.org!, area: "registry" }, action: "production-approve", doing }),
      path,
    );
  // In production on the merge-base, or on the base's tip (promoted since the branch forked).
  const wasProduction = [input.before, input.onBase].some((side) => stringAt(side?.data, "stage") === "production");
  if (input.action === "delete") {
    const out = [
      verdict(
        requireAction(ctx, {
          rule: "version-delete",
          scope,
          action: "child-delete",
          doing: `deleting ${label}`,
        }),
      ),
    ];
    // Deleting takes the version out of production: what that needs, deleting needs too.
    if (wasProduction) out.push(production("production-frozen", `deleting ${label}, which is in production`, []));
    return out;
  }
  // A version published on the base after the branch forked is judged as an update of it.
  const before = input.action === "update" ? input.before : input.onBase;
  if (!before) {
    // A new version starts in testing: starting anywhere else is a stage move (its history's stages count too).
    const out = [member(`adding ${label}`, []), ...judgeAppendedEntries(input, 0), ...judgeCreatedBy(input, undefined)];
    const stage = stringAt(input.after?.data, "stage");
    const stages = [stage, ...arrayAt(input.after?.data, "stageHistory").map((e) => stringAt(e, "stage"))].filter(
      (x) => x !== undefined,
    );
    out.push(...judgeStageRequirements(input, stage, `adding ${label} in ${stage ?? "no stage"}`));
    if (stages.includes("production"))
      out.push(production("stage-production", `adding ${label} straight to production`, ["stage"]));
    else if (stages.some((x) => x !== "testing")) {
      out.push(
        verdict(
          requireAction(ctx, {
            rule: "stage-change",
            scope,
            action: "entity-manage",
            doing: `adding ${label} straight to ${stage ?? "another stage than testing"}`,
          }),
          ["stage"],
        ),
      );
    }
    return out;
  }
  const out: Verdict[] = [];
  const oldHistory = arrayAt(before.data, "stageHistory");
  const newHistory = arrayAt(input.after?.data, "stageHistory");
  const rewritten = oldHistory.findIndex((entry, i) => i >= newHistory.length || !sameValue(entry, newHistory[i]));
  if (rewritten >= 0) {
    const reason = "the stage history is append-only: entries may be added at the end, never edited or removed";
    out.push(
      verdict(
        denyEveryone(ctx, {
          rule: "stage-history-append-only",
          doing: `rewriting the stage history of ${label}`,
          reason,
        }),
        ["stageHistory", Math.min(rewritten, Math.max(newHistory.length - 1, 0))],
        {
          code: "pr/stage-history-rewritten",
          hint: `restore the first ${oldHistory.length} entries of stageHistory as they are on the base, and append a new entry for the new stage`,
        },
      ),
    );
  }
  const oldStage = stringAt(before.data, "stage");
  const newStage = stringAt(input.after?.data, "stage");
  const appended = newHistory.slice(oldHistory.length).map((e) => stringAt(e, "stage"));
  if (oldStage !== newStage || appended.length > 0) {
    const doing = `moving ${label} from ${oldStage ?? "no stage"} to ${newStage ?? "no stage"}`;
    if (oldStage !== newStage) out.push(...judgeStageRequirements(input, newStage, doing));
    if (newStage === "production" || appended.includes("production"))
      out.push(production("stage-production", doing, ["stage"]));
    else {
      out.push(verdict(requireAction(ctx, { rule: "stage-change", scope, action: "entity-manage", doing }), ["stage"]));
      // Taking a version out of production changes a production version: its approvers decide, not the model's admins.
      if (wasProduction) out.push(production("production-frozen", doing, ["stage"]));
    }
  }
  const groups = byTopKey(fieldChanges(input, before));
  const rest = [...groups.entries()].filter(([k]) => k !== "stage" && k !== "stageHistory");
  const frozen = rest.filter(([k]) => k !== "description");
  if (wasProduction && frozen.length > 0) {
    const doing = `changing ${frozen.map(([k]) => k).join(", ")} of ${label}, which is in production`;
    out.push(production("production-frozen", doing, frozen[0]![1][0]!));
  } else if (rest.length > 0) {
    out.push(member(`changing ${rest.map(([k]) => k).join(", ")} of ${label}`, rest[0]![1][0]!));
  }
  if (out.length === 0) out.push(member(`editing ${label}`, []));
  // What the pull request records of itself: the entries it appends (a rewritten history is denied already) and createdBy.
  if (rewritten < 0) out.push(...judgeAppendedEntries(input, oldHistory.length));
  out.push(...judgeCreatedBy(input, before.data));
  return out;
}
