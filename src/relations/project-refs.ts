/**
 * Project references, as a model version's `lineage.project` and a release's
 * `source.project` write them: a project of the writer's organization by name
 * (`churn`), or any project as `org/project`.
 */
import { isDnsLabel } from "../model/names.js";
import { parseRef } from "../model/refs.js";

/** A project named by a reference. */
export interface ProjectRef {
  org: string;
  project: string;
  /** The project's key, `org/project`. */
  key: string;
}

/** The project `text` names, seen from organization `org`; `undefined` when `text` is not a project reference. */
export function parseProjectRef(text: string, org: string): ProjectRef | undefined {
  if (isDnsLabel(text)) return { org, project: text, key: `${org}/${text}` };
  const ref = parseRef(text);
  return ref && ref.tag === undefined ? { org: ref.org, project: ref.name, key: `${ref.org}/${ref.name}` } : undefined;
}

/** The project an entity of project `org/project` sits in, as a reference. */
export function projectOf(entity: { org?: string; project?: string }): ProjectRef | undefined {
  return entity.org === undefined || entity.project === undefined
    ? undefined
    : { org: entity.org, project: entity.project, key: `${entity.org}/${entity.project}` };
}
