/**
 * Ownership changes (`owner` and `team` of a project, hub component or model)
 * need rights on the old owner AND on the new one: admin on the entity as the
 * base has it, rights on the old and the new team, and for a new owning user
 * either that user themselves or a manager of the organization.
 */
import { allOf, anyOf, type Decision } from "../permissions/decision.js";
import type { Scope } from "../permissions/effective-role.js";
import { stringAt } from "../permissions/read-data.js";
import { requireAction, requireSelf, requireTeamRights } from "../permissions/requirements.js";
import { verdict, type RuleInput, type Verdict } from "./rule-kit.js";

/** Verdicts for changes of `owner` and `team` in an update; none when neither changed. */
export function judgeOwnership(input: RuleInput, scope: Scope, label: string): Verdict[] {
  const { ctx } = input;
  const out: Verdict[] = [];
  const manage = (doing: string) => requireAction(ctx, { rule: "owner-change", scope, action: "entity-manage", doing });
  const oldOwner = stringAt(input.before?.data, "owner");
  const newOwner = stringAt(input.after?.data, "owner");
  if (oldOwner !== newOwner) {
    const doing = `changing the owner of ${label} from ${oldOwner ?? "nobody"} to ${newOwner ?? "nobody"}`;
    const onNew: Decision[] = [
      requireAction(ctx, { rule: "owner-change", scope: { org: scope.org }, action: "org-settings", doing }),
    ];
    if (newOwner !== undefined)
      onNew.unshift(
        requireSelf(ctx, { rule: "owner-change", user: newOwner, doing: `making ${newOwner} the owner of ${label}` }),
      );
    out.push(verdict(allOf(manage(doing), anyOf(...onNew)), ["owner"]));
  }
  const oldTeam = stringAt(input.before?.data, "team");
  const newTeam = stringAt(input.after?.data, "team");
  if (oldTeam !== newTeam) {
    const doing = `moving ${label} from team ${oldTeam ?? "(none)"} to team ${newTeam ?? "(none)"}`;
    const needs: Decision[] = [manage(doing)];
    for (const team of [oldTeam, newTeam])
      if (team !== undefined) needs.push(requireTeamRights(ctx, { rule: "owner-change", org: scope.org, team, doing }));
    out.push(verdict(allOf(...needs), ["team"]));
  }
  return out;
}
