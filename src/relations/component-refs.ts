/**
 * What a component reference names. Experiments (`component`) and model
 * versions (`lineage.component`) write either a hub version `org/name:tag` or
 * the name of a component of their project; the site also links a hub
 * component written `org/name`. One resolution for the checks (which report
 * every way it fails), the site (which links what resolves), the public
 * audience (which drops what does not) and the authoring commands.
 *
 * Existence is asked with `catalog.has`, which counts a file the loader
 * rejected: a reference to it resolves, and the file's own problem is
 * reported once, by the check that rejected it.
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import { isDnsLabel } from "../model/names.js";
import { parseRef, stringifyRef, type Ref } from "../model/refs.js";
import type { ProjectRef } from "./project-refs.js";
import { sortVersionTags } from "./version-order.js";

/** What a component reference resolved to. */
export type ComponentTarget =
  | { kind: "ComponentVersion"; key: string }
  | { kind: "ProjectComponent"; key: string }
  | { kind: "Component"; key: string };

/** The outcome of resolving a component reference: the target, or why there is none. */
export type ComponentResolution =
  | { status: "found"; target: ComponentTarget }
  /** Neither `org/name:tag` nor a component name. `hubLike`: it has a `/` or `:`, so it was read as a hub reference. */
  | { status: "syntax"; hubLike: boolean }
  /** `org/name` without a tag, where a version is needed; `tags` are the component's, newest first. */
  | { status: "no-tag"; ref: Ref; componentKey: string; tags: string[] }
  | { status: "unknown-organization"; ref: Ref }
  | { status: "unknown-component"; ref: Ref; componentKey: string }
  | { status: "unknown-version"; ref: Ref; componentKey: string; tags: string[] }
  /** A bare name, and no project to look it up in. */
  | { status: "no-project" }
  /** A bare name, and the project it is looked up in has no component of that name. */
  | { status: "unknown-project-component"; scope: ProjectRef; name: string }
  /** A bare name, and the project it would be looked up in did not resolve (reported where the project is named). */
  | { status: "unresolved-project" };

/** How a reference is resolved. */
export interface ComponentRefOptions {
  /**
   * The project a bare name is looked up in: `null` when none is known,
   * `undefined` when the project itself did not resolve.
   */
  scope: ProjectRef | null | undefined;
  /** Accept a hub component `org/name` without a tag (the site links it; a run record must pin a version). */
  untagged?: boolean;
}

/** Resolve a component reference `text` against `catalog`. */
export function resolveComponentRef(
  catalog: Catalog,
  text: string,
  { scope, untagged = false }: ComponentRefOptions,
): ComponentResolution {
  if (text.includes("/") || text.includes(":")) return resolveHubVersion(catalog, text, untagged);
  if (!isDnsLabel(text)) return { status: "syntax", hubLike: false };
  if (scope === null) return { status: "no-project" };
  if (scope === undefined) return { status: "unresolved-project" };
  const key = `${scope.key}/${text}`;
  return catalog.has("ProjectComponent", key)
    ? { status: "found", target: { kind: "ProjectComponent", key } }
    : { status: "unknown-project-component", scope, name: text };
}

function resolveHubVersion(catalog: Catalog, text: string, untagged: boolean): ComponentResolution {
  const ref = parseRef(text);
  if (!ref) return { status: "syntax", hubLike: true };
  const componentKey = stringifyRef({ org: ref.org, name: ref.name });
  const tags = sortVersionTags(catalog.versionsOf("ComponentVersion", componentKey).map((v) => v.name));
  if (ref.tag === undefined && !untagged) return { status: "no-tag", ref, componentKey, tags };
  if (!catalog.has("Organization", ref.org)) return { status: "unknown-organization", ref };
  if (ref.tag === undefined)
    return catalog.has("Component", componentKey)
      ? { status: "found", target: { kind: "Component", key: componentKey } }
      : { status: "unknown-component", ref, componentKey };
  if (!catalog.has("Component", componentKey) && tags.length === 0)
    return { status: "unknown-component", ref, componentKey };
  const key = stringifyRef(ref);
  return catalog.has("ComponentVersion", key)
    ? { status: "found", target: { kind: "ComponentVersion", key } }
    : { status: "unknown-version", ref, componentKey, tags };
}

/** A resolved component spec a run can be judged against, and how messages name it. */
export interface ComponentSpec {
  entity: Entity<"ComponentVersion"> | Entity<"ProjectComponent">;
  label: string;
}

/**
 * The spec a run record's component reference names (a hub version
 * `org/name:tag`, or a component of `scope` by name), when its file exists and
 * passed its schema. It reads only that file: whether the organization or the
 * hub entry exists is the references check's to say (`resolveComponentRef`).
 */
export function componentSpecOf(
  catalog: Catalog,
  text: string,
  scope: ProjectRef | null | undefined,
): ComponentSpec | undefined {
  const ref = parseRef(text);
  if (ref?.tag !== undefined) {
    const key = stringifyRef(ref);
    const entity = catalog.get("ComponentVersion", key);
    return entity?.schemaValid ? { entity, label: key } : undefined;
  }
  if (!isDnsLabel(text) || !scope) return undefined;
  const entity = catalog.get("ProjectComponent", `${scope.key}/${text}`);
  return entity?.schemaValid ? { entity, label: `component "${text}" of project ${scope.key}` } : undefined;
}

/**
 * The key of the version a release's `deprecated.replacement` names: a tag of
 * the same component (`2.0.0`), or another component's version `org/name:tag`.
 */
export function replacementKey(componentKey: string, replacement: string): string {
  return replacement.includes(":") ? replacement : `${componentKey}:${replacement}`;
}
