/** Rules for projects, their experiments and their own components (the `projects` area). */
import { requireAction } from "../permissions/requirements.js";
import { describeTarget } from "./classify-change.js";
import { judgeOwnership } from "./rules-ownership.js";
import { judgeWidening, widensVisibility } from "./rules-visibility.js";
import { judgeCreatedBy } from "./rules-records.js";
import { areaScope, byTopKey, fieldChanges, scopeOf, verdict, type RuleInput, type Verdict } from "./rule-kit.js";

/** A project: admins add, change and delete projects and their access; ownership changes need both sides. */
export function judgeProject(input: RuleInput): Verdict[] {
  const info = input.change.info!;
  const label = describeTarget(input.change);
  const manage = "entity-manage";
  if (input.action === "create")
    return [
      verdict(
        requireAction(input.ctx, {
          rule: "project-create",
          scope: areaScope(info),
          action: manage,
          doing: `creating ${label}`,
        }),
      ),
    ];
  const scope = scopeOf(info);
  if (input.action === "delete")
    return [
      verdict(requireAction(input.ctx, { rule: "project-delete", scope, action: manage, doing: `deleting ${label}` })),
    ];
  const groups = byTopKey(fieldChanges(input));
  const out = judgeOwnership(input, scope, label);
  const widened = widensVisibility(input, scope.org);
  if (widened) out.push(judgeWidening(input, scope, label));
  const rest = [...groups.entries()].filter(([k]) => k !== "owner" && k !== "team" && !(widened && k === "visibility"));
  if (rest.length > 0 || groups.size === 0) {
    const what = rest.map(([k]) => k).join(", ");
    out.push(
      verdict(
        requireAction(input.ctx, {
          rule: "project-manage",
          scope,
          action: manage,
          doing: `changing ${what || "the file of"} ${label}`,
        }),
        rest[0]?.[1][0] ?? [],
      ),
    );
  }
  return out;
}

/** Experiments and project components: members add and update them, admins delete them. */
export function judgeProjectChild(input: RuleInput): Verdict[] {
  const info = input.change.info!;
  const label = describeTarget(input.change);
  const experiment = info.kind === "Experiment";
  const scope = scopeOf(info);
  if (input.action === "delete") {
    return [
      verdict(
        requireAction(input.ctx, {
          rule: experiment ? "experiment-delete" : "project-component-delete",
          scope,
          action: "child-delete",
          doing: `deleting ${label}`,
        }),
      ),
    ];
  }
  const path = input.action === "update" ? (fieldChanges(input)[0] ?? []) : [];
  const verb = input.action === "create" ? "adding" : "changing";
  const write = verdict(
    requireAction(input.ctx, {
      rule: experiment ? "experiment-write" : "project-component-write",
      scope,
      action: "child-write",
      doing: `${verb} ${label}`,
    }),
    path,
  );
  return experiment
    ? [write, ...judgeCreatedBy(input, input.action === "update" ? input.before?.data : undefined)]
    : [write];
}
