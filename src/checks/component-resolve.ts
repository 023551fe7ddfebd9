/**
 * Find the component spec a run record names: a hub version `org/name:tag`,
 * or a component of a project by name. Only files that passed their schema
 * resolve (the references check reports the rest).
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import { isDnsLabel } from "../model/names.js";
import { parseRef, stringifyRef } from "../model/refs.js";

/** A resolved component: the file and how messages name it. */
export interface ResolvedComponent {
  entity: Entity<"ComponentVersion"> | Entity<"ProjectComponent">;
  label: string;
}

/** The component `text` names, looked up in project `org/project` for a bare name. */
export function resolveComponentRef(
  catalog: Catalog,
  text: string,
  org: string | undefined,
  project: string | undefined,
): ResolvedComponent | undefined {
  const ref = parseRef(text);
  if (ref?.tag !== undefined) {
    const entity = catalog.get("ComponentVersion", stringifyRef(ref));
    return entity?.schemaValid ? { entity, label: stringifyRef(ref) } : undefined;
  }
  if (!isDnsLabel(text) || org === undefined || project === undefined) return undefined;
  const entity = catalog.get("ProjectComponent", `${org}/${project}/${text}`);
  return entity?.schemaValid ? { entity, label: `component "${text}" of project ${org}/${project}` } : undefined;
}
