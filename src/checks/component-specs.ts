/**
 * Check `component-specs`: Polyaxon semantics of component specs (hub
 * versions and project components): the spec version and run kinds current
 * Polyaxon reads, inputs and outputs as V1IO reads them (spec-ios.ts),
 * templates that name what their context holds, and a hub version's spec
 * name against its hub entry.
 */
import type { Entity } from "../model/entity.js";
import { forEachSubject, type Check } from "./context.js";
import { type DiagnosticCollector } from "../report/collector.js";
import type { YAMLMap } from "yaml";
import { CODES } from "../diagnostics/codes.js";
import type { Catalog } from "../model/catalog.js";
import type { IoData } from "../model/types.js";
import { judgeHubRef } from "./op-refs.js";
import { editDistance } from "../text/suggest.js";
import { checkIos } from "./spec-ios.js";
import { forEachNestedComponent } from "./spec-nested.js";
import { checkLegacyRunKinds, checkSpecVersion } from "./spec-release.js";
import { findTemplateProblems } from "./spec-templates.js";

type SpecEntity = Entity<"ComponentVersion"> | Entity<"ProjectComponent">;

export const componentSpecsCheck: Check = {
  name: "component-specs",
  codes: [
    "spec/unknown-template-variable",
    "spec/template-syntax",
    "spec/hyphenated-template-name",
    "spec/arg-format-scope",
    "dag/unknown-ref",
    "spec/optional-value-conflict",
    "spec/duplicate-io",
    "spec/reserved-io-name",
    "spec/untyped-io",
    "spec/name-differs",
    "spec/name-mistake",
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
      checkTemplates(ctx.catalog, spec, report);
      if (spec.kind === "ComponentVersion") checkSpecName(ctx.catalog, spec as Entity<"ComponentVersion">, report);
    });
  },
};

/** Template problems: syntax, names the field's context does not hold, `{{ a-b }}`, argFormat reading other inputs. */
function checkTemplates(catalog: Catalog, spec: SpecEntity, report: DiagnosticCollector): void {
  const resolveOp = (op: YAMLMap) => {
    const hubRef = op.get("hubRef");
    if (typeof hubRef !== "string") return undefined;
    const resolved = judgeHubRef(catalog, hubRef);
    return resolved.status === "resolved"
      ? { inputs: names(resolved.spec.inputs), outputs: names(resolved.spec.outputs) }
      : undefined;
  };
  for (const finding of findTemplateProblems(spec.source, resolveOp)) {
    report.push({
      code: finding.code,
      severity: CODES[finding.code].severity,
      file: spec.source.file,
      ...finding.position,
      message: finding.message,
      hint: finding.hint,
    });
  }
}

/**
 * A hub version's spec `name` against its hub entry's: Polyaxon refers to the
 * version by the entry's name whatever the spec says, so a different name is
 * an info when it looks deliberate (`az` for azure-cli, shared by the entry's
 * versions) and a warning when it looks like a mistake: a near miss of the
 * entry's name or of `<entry>-<tag>`, or, unlike the entry's other versions,
 * the name of another hub entry or the one another entry's versions use.
 */
function checkSpecName(catalog: Catalog, spec: Entity<"ComponentVersion">, report: DiagnosticCollector): void {
  const hubName = spec.parent;
  const name = spec.data.name;
  if (hubName === undefined || typeof name !== "string" || name === hubName) return;
  const bare = name.replace(/:.*$/, "").replace(/^.*\//, "");
  const usual = `${hubName}-${spec.name}`;
  const mistake = nearMiss(bare, hubName, false)
    ? `a near miss of "${hubName}"`
    : nearMiss(bare, usual, true)
      ? `a near miss of "${usual}"`
      : otherEntryName(catalog, spec, bare);
  if (mistake) {
    report.at(
      spec,
      ["name"],
      "spec/name-mistake",
      `spec name "${name}" differs from its hub entry's name "${hubName}" and looks like a mistake: it is ${mistake}`,
      `Polyaxon refers to this version as ${hubName}:${spec.name} whatever the spec says; correct the name (e.g. "${hubName}"), or leave it if it is meant`,
    );
    return;
  }
  report.at(
    spec,
    ["name"],
    "spec/name-differs",
    `spec name "${name}" differs from its hub entry's name "${hubName}"`,
    `Polyaxon would refer to this version as ${hubName}:${spec.name}; rename the spec to "${hubName}", or leave it as is`,
  );
}

/** One edit apart (any edit; or, with `sameLength`, a substitution or swap only), and not equal. */
function nearMiss(a: string, b: string, sameLength: boolean): boolean {
  if (a === b || (sameLength && a.length !== b.length)) return false;
  return editDistance(a, b) === 1;
}

/** When `name` is not what the entry's other versions use but another entry's name (or its versions' name): which. */
function otherEntryName(catalog: Catalog, spec: Entity<"ComponentVersion">, name: string): string | undefined {
  const org = spec.org!;
  const siblings = catalog
    .versionsOf("ComponentVersion", `${org}/${spec.parent}`)
    .filter((v) => v.key !== spec.key && v.schemaValid);
  if (siblings.length === 0 || siblings.every((v) => (v.data as { name?: unknown }).name === name)) return undefined;
  for (const key of catalog.keys("Component")) {
    if (!key.startsWith(`${org}/`) || key === `${org}/${spec.parent}`) continue;
    const other = key.slice(org.length + 1);
    if (other === name) return `the name of another hub entry, ${key}`;
    const names = catalog
      .versionsOf("ComponentVersion", key)
      .map((v) => (v.schemaValid ? (v.data as { name?: unknown }).name : undefined));
    if (names.length > 0 && names.every((n) => n === name)) return `the name ${key}'s versions use`;
  }
  return undefined;
}

function names(ios: IoData[] | undefined): string[] {
  return Array.isArray(ios) ? ios.filter((io) => typeof io?.name === "string").map((io) => io.name) : [];
}
