/**
 * Visibility of a project, hub component or model. Narrowing it (public to
 * private) is managing the entity; widening it exposes the entity and all it
 * holds on the next public build, so it needs the role that owns the
 * organization's visibility (`org-owners`), as changing the organization's does.
 */
import { stringAt } from "../permissions/read-data.js";
import { requireAction } from "../permissions/requirements.js";
import type { Scope } from "../permissions/effective-role.js";
import { verdict, type RuleInput, type Verdict } from "./rule-kit.js";

/** The visibility an entity's data gives it, its organization's (on the base) when it sets none. */
function ownVisibility(input: RuleInput, data: unknown, org: string): string {
  return (
    stringAt(data, "visibility") ??
    stringAt(input.ctx.authority.catalog.get("Organization", org)?.data, "visibility") ??
    "private"
  );
}

/** Whether the update makes the entity public where it was not (an explicit `public`, or dropping `private` in a public organization). */
export function widensVisibility(input: RuleInput, org: string): boolean {
  if (input.action !== "update") return false;
  return (
    ownVisibility(input, input.before?.data, org) !== "public" &&
    ownVisibility(input, input.after?.data, org) === "public"
  );
}

/** The verdict on widening the visibility of `label`: an owner of the organization. */
export function judgeWidening(input: RuleInput, scope: Scope, label: string): Verdict {
  const doing = `making ${label} public`;
  return verdict(
    requireAction(input.ctx, {
      rule: "visibility-widen",
      scope: { org: scope.org },
      action: "org-owners",
      doing,
    }),
    ["visibility"],
  );
}
