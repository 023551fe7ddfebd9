/**
 * The parts of a component spec that say which Polyaxon reads it: its
 * `version` (current Polyaxon reads only 1.1) and run kinds older releases
 * had (accepted, with a warning naming the release and the replacement).
 */
import type { Entity } from "../model/entity.js";
import type { ValuePath } from "../yaml/positions.js";
import type { DiagnosticCollector } from "../report/collector.js";
import { forEachNestedComponent, isRecord } from "./spec-nested.js";
import { LEGACY_RUN_KINDS, POLYAXON_RELEASE, SPEC_VERSION, isLegacyRunKind } from "./polyaxon-release.js";

/** A file holding a Polyaxon spec (a component, or an operation). */
type SpecEntity = Entity;

/** Report a missing or unsupported `version`. */
export function checkSpecVersion(spec: SpecEntity, report: DiagnosticCollector): void {
  const version = (spec.data as { version?: unknown }).version;
  if (version === SPEC_VERSION) return;
  const hint = `write version: ${SPEC_VERSION}, the specification version Polyaxon ${POLYAXON_RELEASE} reads (it refuses any other)`;
  if (version === undefined) {
    report.atFile(
      spec.source.file,
      "spec/unsupported-version",
      `the spec has no version: Polyaxon refuses a Polyaxonfile without one`,
      hint,
    );
    return;
  }
  report.at(
    spec,
    ["version"],
    "spec/unsupported-version",
    `version ${JSON.stringify(version)} is not one Polyaxon ${POLYAXON_RELEASE} reads: it reads only ${SPEC_VERSION}`,
    hint,
  );
}

/** Report run kinds older Polyaxon releases had, in the spec and in the components nested in it. */
export function checkLegacyRunKinds(spec: SpecEntity, report: DiagnosticCollector): void {
  visitRuns(spec.data as unknown as Record<string, unknown>, (kind, path) => {
    if (!isLegacyRunKind(kind)) return;
    const info = LEGACY_RUN_KINDS[kind];
    const last = info.lastRelease === "1.x" ? "Polyaxon 1.x" : `Polyaxon ${info.lastRelease}`;
    report.at(
      spec,
      path,
      "spec/legacy-run-kind",
      `run kind "${kind}" was last accepted by ${last}; Polyaxon ${POLYAXON_RELEASE} does not run it`,
      info.replacement
        ? `use kind: ${info.replacement}, its replacement in current Polyaxon, and check the run's fields against it`
        : `current Polyaxon has no replacement: keep this version only for older Polyaxon deployments, or rewrite it as a job`,
    );
  });
}

/** Call `fn` with each `run.kind` of a spec and of the components nested in it. */
function visitRuns(spec: Record<string, unknown>, fn: (kind: unknown, path: ValuePath) => void): void {
  const kindOf = (c: Record<string, unknown>) => (isRecord(c.run) ? c.run.kind : undefined);
  if (isRecord(spec.run)) fn(kindOf(spec), ["run", "kind"]);
  forEachNestedComponent(spec, [], (c, path) => {
    if (isRecord(c.run)) fn(kindOf(c), [...path, "run", "kind"]);
  });
}
