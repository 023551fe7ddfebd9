/** Rules for the component hub: hub entries and their versions, which are immutable once published. */
import semverInc from "semver/functions/inc.js";
import semverValid from "semver/functions/valid.js";
import { arrayAt, stringAt, stringsAt } from "../permissions/read-data.js";
import { denyEveryone, requireAction } from "../permissions/requirements.js";
import type { RuleFor } from "../permissions/rules.js";
import type { ValuePath } from "../yaml/positions.js";
import { describeTarget } from "./classify-change.js";
import { changedPaths, firstDifferentLine } from "./field-diff.js";
import { judgeOwnership } from "./rules-ownership.js";
import { judgeWidening, widensVisibility } from "./rules-visibility.js";
import { areaScope, byTopKey, fieldChanges, scopeOf, verdict, type RuleInput, type Verdict } from "./rule-kit.js";

/** A hub component entry: admins manage it; members may add release notes for new tags. */
export function judgeComponent(input: RuleInput): Verdict[] {
  const info = input.change.info!;
  const label = describeTarget(input.change);
  const manage = "entity-manage";
  const { ctx } = input;
  if (input.action === "create")
    return [
      verdict(
        requireAction(ctx, {
          rule: "component-create",
          scope: areaScope(info),
          action: manage,
          doing: `creating ${label}`,
        }),
      ),
    ];
  const scope = scopeOf(info);
  if (input.action === "delete")
    return [
      verdict(requireAction(ctx, { rule: "component-delete", scope, action: manage, doing: `deleting ${label}` })),
    ];
  const groups = byTopKey(fieldChanges(input));
  const out = judgeOwnership(input, scope, label);
  const admin = (doing: string, path: ValuePath, rule: RuleFor<"entity-manage"> = "component-manage") =>
    verdict(requireAction(ctx, { rule, scope, action: manage, doing }), path);
  const widened = widensVisibility(input, scope.org);
  if (widened) out.push(judgeWidening(input, scope, label));
  for (const [key, paths] of groups) {
    if (key === "owner" || key === "team" || (widened && key === "visibility")) continue;
    if (key !== "releases") {
      out.push(admin(`changing ${key} of ${label}`, paths[0]!));
      continue;
    }
    const before = new Map(arrayAt(input.before?.data, "releases").map((r) => [stringAt(r, "tag"), r]));
    const after = arrayAt(input.after?.data, "releases");
    const afterTags = new Set(after.map((r) => stringAt(r, "tag")));
    const found: Verdict[] = [];
    after.forEach((release, i) => {
      const tag = stringAt(release, "tag");
      if (!before.has(tag)) {
        if (stringAt(release, "stage") === "production")
          found.push(
            admin(`releasing ${label}:${tag} straight to production`, ["releases", i, "stage"], "release-production"),
          );
        else
          found.push(
            verdict(
              requireAction(ctx, {
                rule: "release-add",
                scope,
                action: "child-write",
                doing: `adding release notes for ${label}:${tag}`,
              }),
              ["releases", i],
            ),
          );
      } else {
        const diff = changedPaths(before.get(tag), release, ["releases", i]);
        if (diff.length > 0) found.push(admin(`changing the release metadata of ${label}:${tag}`, diff[0]!));
      }
    });
    for (const tag of before.keys())
      if (!afterTags.has(tag)) found.push(admin(`removing the release metadata of ${label}:${tag}`, ["releases"]));
    out.push(...(found.length > 0 ? found : [admin(`reordering the releases of ${label}`, paths[0]!)]));
  }
  if (groups.size === 0) out.push(admin(`editing ${label}`, []));
  return out;
}

/** The tags of a component that may change after publication, as the base declares them. */
function mutableTags(input: RuleInput, componentKey: string): string[] {
  return stringsAt(input.ctx.authority.entityData("Component", componentKey), "mutableTags");
}

/**
 * A component version: members add versions and update mutable tags; once
 * published (present on the base) a version is immutable, whatever the role,
 * unless the base's entry lists its tag in `mutableTags`. Admins delete versions.
 */
export function judgeComponentVersion(input: RuleInput): Verdict[] {
  const info = input.change.info!;
  const label = describeTarget(input.change);
  const scope = scopeOf(info);
  const { ctx } = input;
  const tag = info.name;
  const mutable = mutableTags(input, scope.entity!.key).includes(tag);
  const next = semverValid(tag) ? semverInc(tag, "patch") : undefined;
  const immutable = (doing: string, reason: string, hint: string, line?: number) =>
    verdict(denyEveryone(ctx, { rule: "version-immutable", doing, reason }), [], {
      code: "pr/immutable-version",
      ...(line !== undefined && { line }),
      hint,
    });
  if (input.action === "delete") {
    if (mutable)
      return [
        verdict(
          requireAction(ctx, {
            rule: "version-delete",
            scope,
            action: "child-delete",
            doing: `deleting ${label}`,
          }),
        ),
      ];
    // A deleted tag could come back with other bytes: a published version stays, and is retired in its release metadata.
    const reason = `the version is published and its tag is not in mutableTags of ${scope.entity!.key}: once deleted, the tag could come back with other bytes`;
    return [
      immutable(
        `deleting ${label}`,
        reason,
        `leave versions/${tag}.yaml in place and retire the release in component.yaml instead: releases[].deprecated (with a reason and a replacement) or stage: disabled`,
      ),
    ];
  }
  // Published: on the base already (at the merge-base for an update; on the base's tip, with other bytes, for an add).
  const baseText = (input.before ?? input.onBase)?.source.text;
  const published =
    input.action === "update" || (input.onBase !== undefined && input.onBase.source.text !== input.after?.source.text);
  const newVersion = `publish the change as a new version${next ? ` (e.g. versions/${next}.yaml)` : ""}`;
  if (published && !mutable) {
    const reason = `the version is published and its tag is not in mutableTags of ${scope.entity!.key}`;
    const hint = `${newVersion} and leave ${tag} as it is; tags that follow releases, like latest, go in mutableTags`;
    return [immutable(`changing ${label}`, reason, hint, firstDifferentLine(baseText, input.after?.source.text))];
  }
  // A tag the base's history published and later deleted (a tombstone) comes back only with the bytes it had.
  const tombstone = input.tombstone;
  if (input.action === "create" && !input.onBase && tombstone && tombstone.oid !== input.change.newOid && !mutable) {
    const reason = `${tag} was published before (deleted in commit ${tombstone.commit.slice(0, 12)}), and a published tag never comes back with other bytes`;
    return [
      immutable(
        `adding ${label} again with other content`,
        reason,
        `${newVersion}; restoring ${tag} is allowed only with the bytes it had`,
      ),
    ];
  }
  const path = input.action === "update" ? (fieldChanges(input)[0] ?? []) : [];
  const verb = published ? "updating the mutable tag" : input.action === "create" ? "adding" : "changing";
  return [
    verdict(
      requireAction(ctx, { rule: "version-write", scope, action: "child-write", doing: `${verb} ${label}` }),
      path,
    ),
  ];
}
