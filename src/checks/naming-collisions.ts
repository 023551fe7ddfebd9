/** `name/collision`: two names in one scope that fold or look the same. */
import type { Entity } from "../model/entity.js";
import type { DiagnosticCollector } from "../report/collector.js";
import { describeNamingPath, KIND_LABEL, scopeOf } from "./naming-paths.js";
import { collisionKeys, explainCollision, type CollisionReason } from "./naming-skeleton.js";

const REASON_TEXT: Record<CollisionReason, string> = {
  case: "they differ only in case",
  NFKC: "they are the same after NFKC normalization",
  "look-alike": "they differ only by look-alike characters",
};

const REASON_HINT: Record<CollisionReason, string> = {
  case: "on case-insensitive file systems they are the same file",
  NFKC: "they read the same and normalize to the same text",
  "look-alike": "readers cannot tell them apart, which invites mistakes and spoofing",
};

/**
 * Report every entity whose path name collides with an earlier one (key order)
 * of its scope. Path names are compared, so files that would clash on a
 * case-insensitive file system are found even when their YAML is broken.
 */
export function reportNameCollisions(entities: readonly Entity[], report: DiagnosticCollector): void {
  const scopes = new Map<string, Map<string, Entity>>();
  for (const entity of entities) {
    if (entity.kind === "Catalog") continue;
    const scope = scopeOf(entity);
    let seen = scopes.get(scope);
    if (!seen) scopes.set(scope, (seen = new Map()));
    const keys = collisionKeys(entity.name);
    let first: Entity | undefined;
    for (const k of keys) if ((first = seen.get(k)) !== undefined) break;
    if (first) reportCollision(entity, first, report);
    for (const k of keys) if (!seen.has(k)) seen.set(k, entity);
  }
}

function reportCollision(entity: Entity, first: Entity, report: DiagnosticCollector): void {
  const reason = explainCollision(first.name, entity.name) ?? "look-alike";
  const label = KIND_LABEL[entity.kind];
  // A component version's spec `name` is the component's, not the tag: point at the file's start.
  const path = entity.kind === "ComponentVersion" ? [] : ["name"];
  report.at(
    entity,
    path,
    "name/collision",
    `${label} name "${entity.name}" (${describeNamingPath(entity)}) collides with "${first.name}" (${describeNamingPath(first)}): ${REASON_TEXT[reason]}`,
    `rename one of them: ${REASON_HINT[reason]}`,
  );
}
