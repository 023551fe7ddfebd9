/**
 * Component references of experiments and model-version lineage: a hub
 * component version `org/name:tag`, or the name of a component of a project.
 * Resolved by relations/component-refs.ts; this file says what is wrong.
 */
import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { Entity } from "../model/entity.js";
import { resolveComponentRef } from "../relations/component-refs.js";
import type { ProjectRef } from "../relations/project-refs.js";
import type { ValuePath } from "../yaml/positions.js";
import type { RefChecker } from "./refs-index.js";
import { didYouMean, formatList } from "../text/suggest.js";

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
  scope: ProjectRef | null | undefined,
): void {
  const at = (code: DiagnosticCode, message: string, hint: string) => refs.report.at(entity, path, code, message, hint);
  const r = resolveComponentRef(refs.catalog, text, { scope });
  switch (r.status) {
    case "found":
    case "unresolved-project":
      return;
    case "syntax":
      return r.hubLike
        ? at("ref/syntax", `component reference "${text}" is not written org/name:tag`, `write ${FORM}`)
        : at(
            "ref/syntax",
            `component reference "${text}" is neither a hub reference nor a component name`,
            `write ${FORM}`,
          );
    case "no-tag": {
      const choice = r.tags.length > 0 ? `, one of ${formatList(r.tags)}` : "";
      return at(
        "ref/syntax",
        `component reference "${text}" names no version tag`,
        `pin a version: ${r.componentKey}:<tag>${choice}`,
      );
    }
    case "unknown-organization":
      return at(
        "ref/unknown-organization",
        `organization "${r.ref.org}" of component reference "${text}" does not exist`,
        `fix the reference${didYouMean(r.ref.org, refs.catalog.keys("Organization"))}`,
      );
    case "unknown-component":
      return at(
        "ref/unknown-component",
        `hub component "${r.componentKey}" does not exist`,
        `fix the reference${didYouMean(r.ref.name, refs.namesUnder("Component", `${r.ref.org}/`))}, or publish the component under orgs/${r.ref.org}/components/${r.ref.name}/`,
      );
    case "unknown-version":
      return at(
        "ref/unknown-component",
        `hub component "${r.componentKey}" has no version "${r.ref.tag}"`,
        r.tags.length > 0
          ? `use one of its versions: ${formatList(r.tags, 10)}`
          : `it has no versions yet: add orgs/${r.ref.org}/components/${r.ref.name}/versions/${r.ref.tag}.yaml`,
      );
    case "no-project":
      return at(
        "ref/unknown-component",
        `component "${text}" is a project component's name, but no project is given to look it up in`,
        "add lineage.project, or write the hub component version as org/name:tag",
      );
    case "unknown-project-component": {
      const { org, project } = r.scope;
      const suggestion = didYouMean(r.name, refs.namesUnder("ProjectComponent", `${r.scope.key}/`));
      return at(
        "ref/unknown-component",
        `project "${org}/${project}" has no component "${r.name}"`,
        `fix the name${suggestion}, add orgs/${org}/projects/${project}/components/${r.name}.yaml, or write a hub component version as org/name:tag`,
      );
    }
  }
}
