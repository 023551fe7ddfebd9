/**
 * Which Polyaxon the spec rules follow, and what older releases accepted that
 * it does not. Read from Polyaxon's own source (the polyaxon/cli repository):
 *
 * - `cli/polyaxon/pkg.py`: VERSION 2.16.4, SCHEMA_VERSION 1.1;
 *   `cli/polyaxon/_polyaxonfile/specs/base.py` (`check_version`) wants a
 *   `version` with MIN_VERSION <= version <= MAX_VERSION, both SCHEMA_VERSION.
 * - `cli/polyaxon/_flow/run/enums.py` (V1RunKind) and
 *   `cli/polyaxon/_flow/run/__init__.py` (V1Runtime: the kinds a run accepts).
 * - Dropped kinds: `spark`, `flink`, `dask`, `ray` (Polyaxon 1.x,
 *   `cli/polyaxon/polyflow/run/` at tag v1.18.0); `daskjob` and `rayjob`
 *   (v2.0 to v2.11, renamed `daskcluster` and `raycluster` in v2.12);
 *   `mxjob`, `xgbjob`, `paddlejob` (removed in v2.12, commit 45160deb
 *   "Remove unused CRDs for paddlepaddle, XGBoost, MXjob").
 */
import type { CurrentRunKind, LegacyRunKind } from "../model/types.js";

/** The Polyaxon CLI release whose source the rules were read from. */
export const POLYAXON_RELEASE = "2.16.4";

/** The only spec `version` that release reads. */
export const SPEC_VERSION = 1.1;

/** A run kind an older Polyaxon had: when it was last accepted and what replaces it. */
export interface LegacyRunKindInfo {
  lastRelease: string;
  replacement?: CurrentRunKind;
}

/** Run kinds older releases had and current Polyaxon dropped. */
export const LEGACY_RUN_KINDS: Readonly<Record<LegacyRunKind, LegacyRunKindInfo>> = {
  spark: { lastRelease: "1.x" },
  flink: { lastRelease: "1.x" },
  dask: { lastRelease: "1.x", replacement: "daskcluster" },
  ray: { lastRelease: "1.x", replacement: "raycluster" },
  daskjob: { lastRelease: "2.11", replacement: "daskcluster" },
  rayjob: { lastRelease: "2.11", replacement: "raycluster" },
  mxjob: { lastRelease: "2.11" },
  xgbjob: { lastRelease: "2.11" },
  paddlejob: { lastRelease: "2.11" },
};

/** Whether `kind` is a run kind only older Polyaxon releases accept. */
export function isLegacyRunKind(kind: unknown): kind is LegacyRunKind {
  return typeof kind === "string" && Object.hasOwn(LEGACY_RUN_KINDS, kind);
}
