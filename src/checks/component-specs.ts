/**
 * Check `component-specs`: Polyaxon semantics of component specs (hub
 * versions and project components): the spec version and run kinds current
 * Polyaxon reads, inputs and outputs as V1IO reads them (spec-ios.ts),
 * templates that name what their context holds, and a hub version's spec
 * name against its hub entry.
 */
import type { Entity } from "../model/entity.js";
import { forEachSubject, type Check, type DiagnosticCollector } from "./context.js";
import { TEMPLATE_NAMESPACES } from "./polyaxon-names.js";
import { findClosest } from "../text/suggest.js";
import { checkIos } from "./spec-ios.js";
import { forEachNestedComponent } from "./spec-nested.js";
import { checkLegacyRunKinds, checkSpecVersion } from "./spec-release.js";
import { findUnknownTemplateNames, hasUnknownTemplateNames, type UnknownTemplateName } from "./spec-templates.js";

type SpecEntity = Entity<"ComponentVersion"> | Entity<"ProjectComponent">;

export const componentSpecsCheck: Check = {
  name: "component-specs",
  codes: [
    "spec/unknown-template-variable",
    "spec/optional-value-conflict",
    "spec/duplicate-io",
    "spec/reserved-io-name",
    "spec/untyped-io",
    "spec/name-differs",
    "spec/unknown-io-type",
    "spec/legacy-io-type",
    "spec/invalid-io-value",
    "spec/io-validation-failed",
    "spec/flag-not-bool",
    "spec/untyped-to-init",
    "spec/to-init-needs-connection",
    "spec/unsupported-version",
    "spec/legacy-run-kind",
  ],
  run(ctx) {
    const { report } = ctx;
    const specs = ctx.catalog.subjects(["ComponentVersion", "ProjectComponent"], true) as SpecEntity[];
    forEachSubject(ctx, specs, (spec) => {
      checkSpecVersion(spec, report);
      checkLegacyRunKinds(spec, report);
      checkIos(spec, spec.data as unknown as Record<string, unknown>, [], report);
      forEachNestedComponent(spec.data, [], (data, path) => checkIos(spec, data, path, report));
      checkTemplates(spec, report);
      if (spec.kind === "ComponentVersion") checkSpecName(spec as Entity<"ComponentVersion">, report);
    });
  },
};

/** Template names that resolve to no declared IO nor known namespace. */
function checkTemplates(spec: SpecEntity, report: DiagnosticCollector): void {
  // The plain data tells whether there is anything to report; only then is the document walked for positions.
  if (!hasUnknownTemplateNames(spec.data)) return;
  for (const unknown of findUnknownTemplateNames(spec.source)) {
    report.push({
      code: "spec/unknown-template-variable",
      severity: "error",
      file: spec.source.file,
      line: unknown.position.line,
      column: unknown.position.column,
      message:
        unknown.via === "params"
          ? `template reads params.${unknown.name}, but "${unknown.name}" is not a declared input or output`
          : `template variable "${unknown.name}" is not a declared input or output, nor a Polyaxon namespace (${TEMPLATE_NAMESPACES.join(", ")})`,
      hint: templateHint(unknown),
    });
  }
}

function templateHint(unknown: UnknownTemplateName): string {
  const candidates = unknown.via === "params" ? unknown.declared : [...unknown.declared, ...TEMPLATE_NAMESPACES];
  const closest = findClosest(unknown.name, candidates);
  const declare = `declare "${unknown.name}" under inputs or outputs`;
  if (closest) return `did you mean "${closest}"? Otherwise ${declare}`;
  const known = unknown.declared.length > 0 ? `declared: ${unknown.declared.join(", ")}` : "this component declares no inputs or outputs";
  return `${declare}, or fix the spelling (${known})`;
}

/** A hub version's spec `name` should be its hub entry's name. */
function checkSpecName(spec: Entity<"ComponentVersion">, report: DiagnosticCollector): void {
  const hubName = spec.parent;
  const name = spec.data.name;
  if (hubName === undefined || typeof name !== "string" || name === hubName) return;
  report.at(
    spec,
    ["name"],
    "spec/name-differs",
    `spec name "${name}" differs from its hub entry's name "${hubName}"`,
    `Polyaxon would refer to this version as ${hubName}:${spec.name}; rename the spec to "${hubName}", or leave it as is`,
  );
}
