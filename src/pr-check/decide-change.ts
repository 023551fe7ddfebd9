/** Decide one change: which rules apply to its path, on which sides, and what they say. */
import type { Entity } from "../model/entity.js";
import { classifyPath, type Kind, type PathInfo } from "../model/kinds.js";
import { denyEveryone, requireAction, requireCatalogAdmin, type DecideContext } from "../permissions/requirements.js";
import { describeTarget, readmeOwnerFile, type ChangeAction, type PrChange } from "./classify-change.js";
import { judgeComponent, judgeComponentVersion } from "./rules-hub.js";
import { judgeProject, judgeProjectChild } from "./rules-projects.js";
import { judgeModel, judgeModelVersion } from "./rules-registry.js";
import { judgeCatalogSettings, judgeOrganization, judgeOrgSetting, judgeUser } from "./rules-settings.js";
import { areaScope, scopeOf, verdict, type RuleInput, type Tombstone, type Verdict } from "./rule-kit.js";

/** The parsed sides of a change: before (merge-base), after (head), and on the base branch's tip. */
export interface ChangeSides {
  before?: Entity;
  after?: Entity;
  onBase?: Entity;
  /** A path absent from the base that its history once had (component versions only). */
  tombstone?: Tombstone;
}

const RULES: Record<Kind, (input: RuleInput) => Verdict[]> = {
  Catalog: judgeCatalogSettings,
  User: judgeUser,
  Organization: judgeOrganization,
  Team: judgeOrgSetting,
  Connection: judgeOrgSetting,
  Project: judgeProject,
  ProjectComponent: judgeProjectChild,
  Operation: judgeProjectChild,
  Experiment: judgeProjectChild,
  Component: judgeComponent,
  ComponentVersion: judgeComponentVersion,
  Model: judgeModel,
  ModelVersion: judgeModelVersion,
};

/** Every requirement of `change` and its decision, judged with the base's roles. */
export function decideChange(ctx: DecideContext, change: PrChange, sides: ChangeSides): Verdict[] {
  const target = describeTarget(change);
  if (change.relPath === undefined) {
    return [
      verdict(
        requireCatalogAdmin(ctx, {
          rule: "outside-catalog",
          doing: `changing ${change.path}, outside the catalog folder,`,
        }),
      ),
    ];
  }
  if (change.newType !== undefined && change.newType !== "file") {
    const reason = `a ${change.newType} is refused under the catalog folder: mlcat reads only regular files`;
    return [
      verdict(
        denyEveryone(ctx, {
          rule: "regular-files-only",
          doing: `adding ${change.path} as a ${change.newType}`,
          reason,
        }),
        [],
        { code: "file/not-regular", hint: "replace it with a regular file holding the content itself" },
      ),
    ];
  }
  const org = change.info?.org ?? change.readme?.ownerKey.split("/")[0];
  if (org !== undefined && change.info?.kind !== "Organization" && !ctx.authority.hasOrg(org)) {
    return [
      verdict(
        requireCatalogAdmin(ctx, {
          rule: "org-create",
          doing: `adding ${target} to organization ${org}, which does not exist on the base,`,
        }),
      ),
    ];
  }
  if (change.readme) return [judgeReadme(ctx, change)];
  if (!change.info) {
    return [
      verdict(
        requireCatalogAdmin(ctx, {
          rule: "unknown-path",
          doing: `changing ${change.path}, which maps to no kind of catalog entity,`,
        }),
      ),
    ];
  }
  const judge = RULES[change.info.kind];
  const input = { ctx, change, ...sides };
  if (change.action === "update" && (!sides.before || !sides.after) && change.info.kind !== "ComponentVersion") {
    // One side is not a readable entity (it failed to parse, or was not a regular file): judge a replacement.
    const { onBase: _ignored, ...plain } = input;
    return [
      ...judge({ ...plain, action: "delete" as ChangeAction }),
      ...judge({ ...plain, action: "create" as ChangeAction }),
    ];
  }
  return judge({ ...input, action: change.action });
}

/** The rule creating each kind of README owner. */
const CREATE_RULE = { Project: "project-create", Component: "component-create", Model: "model-create" } as const;

/** A README belongs to its project, component or model: changing it is managing that entity. */
function judgeReadme(ctx: DecideContext, change: PrChange): Verdict {
  const { ownerKind, ownerKey } = change.readme!;
  const info = classifyPath(readmeOwnerFile(change.readme!)) as PathInfo;
  const exists = ctx.authority.entityData(ownerKind, ownerKey) !== undefined;
  const verb = change.action === "create" ? "adding" : change.action === "delete" ? "deleting" : "changing";
  return verdict(
    requireAction(ctx, {
      rule: exists ? "readme" : CREATE_RULE[ownerKind],
      scope: exists ? scopeOf(info) : areaScope(info),
      action: "entity-manage",
      doing: `${verb} ${describeTarget(change)}`,
    }),
  );
}
