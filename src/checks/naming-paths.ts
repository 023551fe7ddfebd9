/** How the naming rules talk about an entity: its label and the file or folder that names it. */
import { posix } from "node:path";
import type { Entity } from "../model/entity.js";
import { isNamedByFolder as kindNamedByFolder, nameScopeOf } from "../model/kinds.js";
export { KIND_LABEL } from "../model/kinds.js";

/** Whether the entity's name comes from its folder (`orgs/<org>/organization.yaml`) rather than a file. */
export function isNamedByFolder(entity: Entity): boolean {
  return kindNamedByFolder(entity.kind);
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
 * The scope in which the entity's name must be unique, as text: the kind, then the path's other names
 * (users and organizations catalog-wide; teams, connections, projects, hub components and models per
 * organization; project components, operations and experiments per project; versions per component or model).
 */
export function scopeOf(entity: Entity): string {
  const within = nameScopeOf(entity.kind).map((variable) => entity[variable]);
  return within.length === 0 ? entity.kind : `${entity.kind} ${within.join("/")}`;
}
