/**
 * Component references of experiments and model-version lineage: a hub
 * component version `org/name:tag`, or the name of a component of a project.
 */
import type { Entity } from "../model/entity.js";
import { isDnsLabel } from "../model/names.js";
import { parseRef, stringifyRef } from "../model/refs.js";
import type { ValuePath } from "../yaml/positions.js";
import type { RefChecker } from "./refs-index.js";
import { didYouMean, formatList } from "../text/suggest.js";

/** Where a bare component name is looked up: a project, by organization and name. */
export interface ProjectScope {
  org: string;
  project: string;
}

/** What to say when a bare name cannot be looked up (no project known). */
const FORM = "a hub component version org/name:tag (e.g. acme/train:1.0.0) or the name of a component of the project";

/**
 * Check a component reference at `path`. `scope` is the project whose
 * components a bare name refers to; `null` when no project is known (bare
 * names are then reported), `undefined` when the project itself did not
 * resolve (bare names are then skipped: the project was reported already).
 */
export function checkComponentRef(
  refs: RefChecker,
  entity: Entity,
  path: ValuePath,
  text: string,
  scope: ProjectScope | null | undefined,
): void {
  if (text.includes("/") || text.includes(":")) checkHubRef(refs, entity, path, text);
  else if (!isDnsLabel(text)) {
    refs.report.at(
      entity,
      path,
      "ref/syntax",
      `component reference "${text}" is neither a hub reference nor a component name`,
      `write ${FORM}`,
    );
  } else if (scope === null) {
    refs.report.at(
      entity,
      path,
      "ref/unknown-component",
      `component "${text}" is a project component's name, but no project is given to look it up in`,
      "add lineage.project, or write the hub component version as org/name:tag",
    );
  } else if (scope !== undefined) {
    checkProjectComponent(refs, entity, path, text, scope);
  }
}

function checkProjectComponent(
  refs: RefChecker,
  entity: Entity,
  path: ValuePath,
  name: string,
  { org, project }: ProjectScope,
): void {
  const prefix = `${org}/${project}/`;
  if (refs.catalog.has("ProjectComponent", `${prefix}${name}`)) return;
  const suggestion = didYouMean(name, refs.namesUnder("ProjectComponent", prefix));
  refs.report.at(
    entity,
    path,
    "ref/unknown-component",
    `project "${org}/${project}" has no component "${name}"`,
    `fix the name${suggestion}, add orgs/${org}/projects/${project}/components/${name}.yaml, or write a hub component version as org/name:tag`,
  );
}

function checkHubRef(refs: RefChecker, entity: Entity, path: ValuePath, text: string): void {
  const ref = parseRef(text);
  if (!ref) {
    refs.report.at(
      entity,
      path,
      "ref/syntax",
      `component reference "${text}" is not written org/name:tag`,
      `write ${FORM}`,
    );
    return;
  }
  const componentKey = stringifyRef({ org: ref.org, name: ref.name });
  const tags = refs.catalog.versionsOf("ComponentVersion", componentKey).map((v) => v.name);
  if (ref.tag === undefined) {
    const choice = tags.length > 0 ? `, one of ${formatList(tags)}` : "";
    refs.report.at(
      entity,
      path,
      "ref/syntax",
      `component reference "${text}" names no version tag`,
      `pin a version: ${componentKey}:<tag>${choice}`,
    );
    return;
  }
  if (!refs.catalog.has("Organization", ref.org)) {
    const suggestion = didYouMean(ref.org, refs.catalog.keys("Organization"));
    refs.report.at(
      entity,
      path,
      "ref/unknown-organization",
      `organization "${ref.org}" of component reference "${text}" does not exist`,
      `fix the reference${suggestion}`,
    );
    return;
  }
  if (!refs.catalog.has("Component", componentKey) && tags.length === 0) {
    const suggestion = didYouMean(ref.name, refs.namesUnder("Component", `${ref.org}/`));
    refs.report.at(
      entity,
      path,
      "ref/unknown-component",
      `hub component "${componentKey}" does not exist`,
      `fix the reference${suggestion}, or publish the component under orgs/${ref.org}/components/${ref.name}/`,
    );
    return;
  }
  if (refs.catalog.has("ComponentVersion", stringifyRef(ref))) return;
  refs.report.at(
    entity,
    path,
    "ref/unknown-component",
    `hub component "${componentKey}" has no version "${ref.tag}"`,
    tags.length > 0
      ? `use one of its versions: ${formatList(tags, 10)}`
      : `it has no versions yet: add orgs/${ref.org}/components/${ref.name}/versions/${ref.tag}.yaml`,
  );
}
