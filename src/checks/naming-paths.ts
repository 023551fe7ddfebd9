/** How the naming rules talk about an entity: its label and the file or folder that names it. */
import { posix } from "node:path";
import type { Entity } from "../model/entity.js";
import type { Kind } from "../model/kinds.js";
export { KIND_LABEL } from "../model/kinds.js";

/** Kinds whose name comes from a folder (`orgs/<org>/organization.yaml`) rather than a file. */
const FOLDER_KINDS: ReadonlySet<Kind> = new Set(["Organization", "Project", "Component", "Model"]);

/** Whether the entity's name comes from its folder. */
export function isNamedByFolder(entity: Entity): boolean {
  return FOLDER_KINDS.has(entity.kind);
}

/** The catalog-relative file or folder that gives the entity its name: `users/alice.yaml`, `orgs/acme/`. */
export function describeNamingPath(entity: Entity): string {
  return isNamedByFolder(entity) ? `${posix.dirname(entity.source.relPath)}/` : entity.source.relPath;
}

/** The naming path with the name replaced: `users/alice.yaml` -> `users/bob.yaml`, `orgs/acme/` -> `orgs/beta/`. */
export function renameNamingPath(entity: Entity, name: string): string {
  if (isNamedByFolder(entity)) return `${posix.dirname(posix.dirname(entity.source.relPath))}/${name}/`;
  return `${posix.dirname(entity.source.relPath)}/${name}.yaml`;
}

/**
 * The scope in which the entity's name must be unique, as text: users, organizations;
 * per organization teams, connections, projects, hub components, models; per project
 * components and experiments; per component or model its version tags.
 */
export function scopeOf(entity: Entity): string {
  switch (entity.kind) {
    case "ProjectComponent":
    case "Operation":
    case "Experiment":
      return `${entity.kind} ${entity.org}/${entity.project}`;
    case "ComponentVersion":
    case "ModelVersion":
      return `${entity.kind} ${entity.org}/${entity.parent}`;
    case "Team":
    case "Connection":
    case "Project":
    case "Component":
    case "Model":
      return `${entity.kind} ${entity.org}`;
    default:
      return entity.kind;
  }
}
