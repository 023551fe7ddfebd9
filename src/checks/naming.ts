/**
 * Check `naming`: names are lowercase DNS labels (version tags for versions),
 * the file or folder name equals the `name` inside, and no two names in one
 * scope collide after case folding, NFKC normalization or confusable skeletons.
 */
import type { Entity } from "../model/entity.js";
import { KIND_DESCRIPTORS } from "../model/kind-descriptors.js";
import { isDnsLabel, isVersionTag } from "../model/names.js";
import { acrossCatalog, forEachSubject, type Check } from "./context.js";
import { type DiagnosticCollector } from "../report/collector.js";
import { reportNameCollisions } from "./naming-collisions.js";
import { describeNamingPath, isNamedByFolder, KIND_LABEL, renameNamingPath } from "./naming-paths.js";

const DNS_RULE = "lowercase letters, digits and hyphens, at most 63, starting and ending with a letter or digit";
const TAG_RULE = "lowercase letters, digits, dots and hyphens, at most 63, starting and ending with a letter or digit";

/** Whether the kind's names are version tags rather than DNS labels. */
function isTagKind(entity: Entity): boolean {
  return KIND_DESCRIPTORS[entity.kind].names === "version-tag";
}

function isValidName(entity: Entity, name: string): boolean {
  return isTagKind(entity) ? isVersionTag(name) : isDnsLabel(name);
}

/** Report an invalid `name` value, or a file or folder name that differs from it. */
function checkNameField(entity: Entity, report: DiagnosticCollector): void {
  const data = entity.data as { name?: unknown };
  const label = KIND_LABEL[entity.kind];
  const rule = isTagKind(entity) ? TAG_RULE : DNS_RULE;
  if (typeof data.name !== "string") {
    // Only a project component may omit `name` (a Polyaxon spec): its file name must still be valid.
    if (entity.kind === "ProjectComponent" && !isValidName(entity, entity.name)) {
      report.at(
        entity,
        [],
        "name/invalid",
        `${label} file name "${entity.name}" is not a lowercase DNS label`,
        `rename ${describeNamingPath(entity)}: use ${rule}`,
      );
    }
    return;
  }
  const name = data.name;
  // Project components are unchanged Polyaxon specs, whose `name` may be kept as published: warn only.
  const options = entity.kind === "ProjectComponent" ? { severity: "warning" as const } : {};
  if (!isValidName(entity, name)) {
    const example = isValidName(entity, entity.name)
      ? ` (the ${isNamedByFolder(entity) ? "folder" : "file"} name "${entity.name}" is one)`
      : "";
    const what = isTagKind(entity) ? "a version tag" : "a lowercase DNS label";
    report.at(
      entity,
      ["name"],
      "name/invalid",
      `${label} name "${name}" is not ${what}`,
      `use ${rule}${example}`,
      options,
    );
    return;
  }
  if (name === entity.name) return;
  const where = describeNamingPath(entity);
  const folderOrFile = isNamedByFolder(entity) ? "folder" : "file";
  const renameTo = renameNamingPath(entity, name);
  const hint = isValidName(entity, entity.name)
    ? `rename ${where} to ${renameTo}, or change name to "${entity.name}"`
    : `rename ${where} to ${renameTo}`;
  report.at(
    entity,
    ["name"],
    "name/mismatch",
    `${label} name "${name}" differs from its ${folderOrFile} name "${entity.name}" (${where})`,
    hint,
    options,
  );
}

/** A component version has no name field of its own: its file name is the tag. */
function checkVersionFileName(entity: Entity, report: DiagnosticCollector): void {
  if (isVersionTag(entity.name)) return;
  report.at(
    entity,
    [],
    "name/invalid",
    `component version file name "${entity.name}" is not a version tag`,
    `rename ${describeNamingPath(entity)}: use ${TAG_RULE}`,
  );
}

export const namingCheck: Check = {
  name: "naming",
  codes: ["name/invalid", "name/mismatch", "name/collision"],
  run(ctx) {
    const { catalog, report } = ctx;
    const named = catalog.subjects(undefined, true).filter((e) => e.kind !== "Catalog");
    forEachSubject(ctx, named, (entity) => {
      if (entity.kind === "ComponentVersion") checkVersionFileName(entity, report);
      else checkNameField(entity, report);
    });
    // Path names only, always compared across the whole catalog (cheap: no file is read).
    acrossCatalog(ctx, (whole) => reportNameCollisions(whole.subjects(undefined, false), report));
  },
};
