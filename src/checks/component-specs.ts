/**
 * Check `component-specs`: Polyaxon semantics of component specs (hub
 * versions and project components): templates name declared IOs or known
 * namespaces, IO names are unique and not reserved, IOs are typed, a `value`
 * does not contradict `isOptional: false`, and a hub version's spec name
 * matches its hub entry.
 */
import type { Entity } from "../model/entity.js";
import type { IoData } from "../model/types.js";
import { positionOf } from "../yaml/positions.js";
import { forEachSubject, type Check, type DiagnosticCollector } from "./context.js";
import { RESERVED_IO_NAMES, TEMPLATE_NAMESPACES } from "./polyaxon-names.js";
import { findClosest } from "../text/suggest.js";
import { checkLegacyRunKinds, checkSpecVersion } from "./spec-release.js";
import { findUnknownTemplateNames, hasUnknownTemplateNames, type UnknownTemplateName } from "./spec-templates.js";

type SpecEntity = Entity<"ComponentVersion"> | Entity<"ProjectComponent">;

const SECTIONS = [
  ["inputs", "input"],
  ["outputs", "output"],
] as const;

export const componentSpecsCheck: Check = {
  name: "component-specs",
  codes: [
    "spec/unknown-template-variable",
    "spec/optional-value-conflict",
    "spec/duplicate-io",
    "spec/reserved-io-name",
    "spec/untyped-io",
    "spec/name-differs",
    "spec/unsupported-version",
    "spec/legacy-run-kind",
  ],
  run(ctx) {
    const { report } = ctx;
    const specs = ctx.catalog.subjects(["ComponentVersion", "ProjectComponent"], true) as SpecEntity[];
    forEachSubject(ctx, specs, (spec) => {
      checkSpecVersion(spec, report);
      checkLegacyRunKinds(spec, report);
      checkIos(spec, report);
      checkTemplates(spec, report);
      if (spec.kind === "ComponentVersion") checkSpecName(spec as Entity<"ComponentVersion">, report);
    });
  },
};

/** Duplicate, reserved, untyped and optional-value IO problems of one spec. */
function checkIos(spec: SpecEntity, report: DiagnosticCollector): void {
  const seen = new Map<string, { section: string; index: number; word: string }>();
  for (const [section, word] of SECTIONS) {
    const list = spec.data[section];
    if (!Array.isArray(list)) continue;
    list.forEach((io: IoData, index) => {
      if (typeof io?.name !== "string") return;
      const at = [section, index, "name"];
      const first = seen.get(io.name);
      if (first) {
        const { line } = positionOf(spec.source, [first.section, first.index, "name"]);
        report.at(
          spec,
          at,
          "spec/duplicate-io",
          `${word} "${io.name}" is declared twice: ${first.word} "${io.name}" is already declared on line ${line}`,
          `rename one of them or remove the duplicate: {{ ${io.name} }} can resolve to only one value`,
        );
      } else seen.set(io.name, { section, index, word });
      if (RESERVED_IO_NAMES.has(io.name)) {
        report.at(
          spec,
          at,
          "spec/reserved-io-name",
          `${word} "${io.name}" uses a name Polyaxon reserves for its {{ ${io.name} }} template namespace`,
          `rename the ${word} (e.g. "${io.name}_value"); reserved names: ${TEMPLATE_NAMESPACES.join(", ")}`,
        );
      }
      if (io.type === undefined) {
        report.at(
          spec,
          at,
          "spec/untyped-io",
          `${word} "${io.name}" has no type`,
          `add a type (str, int, float, bool, dict, list, path, image, git, uri...) so Polyaxon can check the values passed to it`,
        );
      }
      if (io.isOptional === false && io.value !== undefined && io.value !== null) {
        report.at(
          spec,
          [section, index, "isOptional"],
          "spec/optional-value-conflict",
          `${word} "${io.name}" has a value but isOptional: false`,
          `in Polyaxon a value makes an ${word} optional: set isOptional: true, or remove the value to make it required`,
        );
      }
    });
  }
}

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
