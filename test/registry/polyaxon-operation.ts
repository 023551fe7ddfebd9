/**
 * What Polyaxon (release 2.16.4) accepts as an operation that names a hub
 * component, derived field by field from its source, for the parts of a
 * reproduce file the catalog's operation schema leaves open:
 *
 * - `V1Operation` (`cli/polyaxon/_flow/operations/operation.py`) with the
 *   fields of `BaseOp` and `BaseComponent` (`_flow/operations/base.py`,
 *   `_flow/component/base.py`); one reference only (`validate_reference`).
 * - `V1Param` (`_flow/params/params.py`): a full-form param has only
 *   `value`, `ref`, `contextOnly`, `connection`, `toInit`, `toEnv`.
 * - `runPatch`, as `validate_run_patch` (`_flow/run/patch.py`) reads it for the
 *   component's run kind: `V1Job` and its subclasses, `V1Service`, the
 *   replicas of `V1PytorchJob`/`V1TFJob`/`V1MPIJob` (`V1KFReplica`),
 *   `V1DaskCluster`, `V1RayCluster`; a patch that is not the run's own shape is
 *   tried as one replica's patch applied to every replica the run defines.
 * - `V1Init` (`_flow/init/__init__.py`): known fields, at most one handler
 *   (`validate_init`), and a `git` without `url` needs a `connection`;
 *   `V1GitType` (`_schemas/types/git.py`): `url`, `revision`, `flags`.
 *
 * Pydantic models forbid unknown fields here (Polyaxon's base schema model),
 * so an unknown key is a rejection.
 */
import type { ComponentSpecData } from "../../src/model/types.js";

/** `V1Operation`'s fields by their YAML names. */
export const V1_OPERATION_FIELDS = [
  // BaseComponent
  "version",
  "kind",
  "name",
  "description",
  "tags",
  "presets",
  "queue",
  "namespace",
  "cache",
  "termination",
  "plugins",
  "build",
  "hooks",
  "isApproved",
  "cost",
  "mount",
  // BaseOp
  "schedule",
  "events",
  "matrix",
  "joins",
  "dependencies",
  "trigger",
  "conditions",
  "skipOnUpstreamSkip",
  // V1Operation
  "params",
  "hubRef",
  "dagRef",
  "urlRef",
  "pathRef",
  "component",
  "patchStrategy",
  "isPreset",
  "runPatch",
  "template",
] as const;

const REFERENCES = ["hubRef", "dagRef", "urlRef", "pathRef", "component"];
const PARAM_FIELDS = new Set(["value", "ref", "contextOnly", "connection", "toInit", "toEnv"]);
const POD_FIELDS = ["environment", "connections", "volumes", "init", "sidecars", "container"];
const JOB_FIELDS = new Set(["kind", ...POD_FIELDS]);
const SERVICE_FIELDS = new Set([...JOB_FIELDS, "ports", "rewritePath", "replicas", "isExternal"]);
const KF_REPLICA_FIELDS = new Set(["replicas", ...POD_FIELDS]);
const DASK_REPLICA_FIELDS = KF_REPLICA_FIELDS;
const RAY_REPLICA_FIELDS = new Set(["replicas", "minReplicas", "maxReplicas", "rayStartParams", ...POD_FIELDS]);
const INIT_HANDLERS = [
  "artifacts",
  "paths",
  "git",
  "dockerfile",
  "file",
  "tensorboard",
  "lineageRef",
  "modelRef",
  "artifactRef",
];
const INIT_FIELDS = new Set([...INIT_HANDLERS, "connection", "path", "container"]);
const GIT_FIELDS = new Set(["url", "revision", "flags"]);

/** Distributed kinds: their own fields, and their replica fields. */
const DISTRIBUTED: Record<string, { own: Set<string>; replicas: string[]; replicaFields: Set<string> }> = {
  pytorchjob: {
    own: new Set(["kind", "cleanPodPolicy", "schedulingPolicy", "elasticPolicy", "nProcPerNode"]),
    replicas: ["master", "worker"],
    replicaFields: KF_REPLICA_FIELDS,
  },
  tfjob: {
    own: new Set(["kind", "cleanPodPolicy", "schedulingPolicy", "enableDynamicWorker", "successPolicy"]),
    replicas: ["chief", "ps", "worker", "evaluator"],
    replicaFields: KF_REPLICA_FIELDS,
  },
  mpijob: {
    own: new Set(["kind", "cleanPodPolicy", "schedulingPolicy", "slotsPerWorker"]),
    replicas: ["launcher", "worker"],
    replicaFields: KF_REPLICA_FIELDS,
  },
  daskcluster: {
    own: new Set(["kind", "minReplicas", "maxReplicas"]),
    replicas: ["worker", "scheduler"],
    replicaFields: DASK_REPLICA_FIELDS,
  },
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function unknownKeys(obj: Record<string, unknown>, allowed: Set<string>, where: string): string[] {
  return Object.keys(obj)
    .filter((k) => !allowed.has(k))
    .map((k) => `${where}: unknown field "${k}"`);
}

/** `V1Init.validate_init`, and the fields of `V1Init` and `V1GitType`. */
function initProblems(init: unknown, where: string): string[] {
  if (!Array.isArray(init)) return [`${where}: init is not a list`];
  return init.flatMap((item, i) => {
    const at = `${where}.init[${i}]`;
    if (!isRecord(item)) return [`${at}: not a mapping`];
    const out = unknownKeys(item, INIT_FIELDS, at);
    const handlers = INIT_HANDLERS.filter((h) => item[h] !== undefined && item[h] !== null);
    if (handlers.length > 1) out.push(`${at}: only one of artifacts, paths, git, file, or dockerfile can be set`);
    if (item.git !== undefined) {
      if (!isRecord(item.git)) out.push(`${at}.git: not a mapping`);
      else {
        out.push(...unknownKeys(item.git, GIT_FIELDS, `${at}.git`));
        for (const k of ["url", "revision"])
          if (item.git[k] !== undefined && typeof item.git[k] !== "string") out.push(`${at}.git.${k}: not a string`);
        if (!item.git.url && !item.connection)
          out.push(`${at}: git field without a valid url requires a connection to be passed`);
      }
    }
    if (item.connection !== undefined && typeof item.connection !== "string")
      out.push(`${at}.connection: not a string`);
    return out;
  });
}

/** A pod-like patch (a job's run, one replica). */
function podPatchProblems(patch: Record<string, unknown>, allowed: Set<string>, where: string): string[] {
  const out = unknownKeys(patch, allowed, where);
  if (patch.init !== undefined) out.push(...initProblems(patch.init, where));
  return out;
}

/** `validate_run_patch(run_patch, kind, replica_types)`: the problems, none when Polyaxon accepts it. */
export function runPatchProblems(patch: unknown, spec: ComponentSpecData): string[] {
  if (!isRecord(patch)) return ["runPatch: not a mapping"];
  const run: Record<string, unknown> = isRecord(spec.run) ? spec.run : {};
  const kind = typeof run.kind === "string" ? run.kind : "";
  if (["job", "notifier", "cleaner", "tuner"].includes(kind)) return podPatchProblems(patch, JOB_FIELDS, "runPatch");
  if (kind === "service") return podPatchProblems(patch, SERVICE_FIELDS, "runPatch");
  const dist = DISTRIBUTED[kind];
  if (dist) {
    const asRun = [
      ...unknownKeys(patch, new Set([...dist.own, ...dist.replicas]), "runPatch"),
      ...dist.replicas
        .filter((r) => patch[r] !== undefined)
        .flatMap((r) =>
          isRecord(patch[r])
            ? podPatchProblems(patch[r] as Record<string, unknown>, dist.replicaFields, `runPatch.${r}`)
            : [`runPatch.${r}: not a mapping`],
        ),
    ];
    if (asRun.length === 0) return [];
    // The fallback: the patch is one replica's, applied to each replica the run defines.
    const asReplica = podPatchProblems(patch, dist.replicaFields, "runPatch");
    return asReplica.length === 0 ? [] : asRun;
  }
  if (kind === "raycluster") {
    const out = unknownKeys(
      patch,
      new Set([
        "kind",
        "head",
        "workers",
        "entrypoint",
        "runtimeEnv",
        "metadata",
        "rayVersion",
        "enableInTreeAutoscaling",
        "autoscalerOptions",
      ]),
      "runPatch",
    );
    if (isRecord(patch.head)) out.push(...podPatchProblems(patch.head, RAY_REPLICA_FIELDS, "runPatch.head"));
    if (isRecord(patch.workers))
      for (const [name, w] of Object.entries(patch.workers))
        out.push(...(isRecord(w) ? podPatchProblems(w, RAY_REPLICA_FIELDS, `runPatch.workers.${name}`) : []));
    return out;
  }
  return [`runPatch: run kind "${kind}" takes no patch mlcat knows of`];
}

/** Every reason Polyaxon would reject `op` (a parsed operation) for component `spec`. */
export function operationProblems(op: unknown, spec: ComponentSpecData): string[] {
  if (!isRecord(op)) return ["not a mapping"];
  const out = unknownKeys(op, new Set<string>(V1_OPERATION_FIELDS), "operation");
  if (op.kind !== "operation") out.push('kind: must be "operation"');
  if (typeof op.version !== "number") out.push("version: not a number");
  const refs = REFERENCES.filter((r) => op[r]);
  if (refs.length !== 1) out.push(`one and only one reference must be specified (found ${refs.join(", ") || "none"})`);
  if (op.params !== undefined) {
    if (!isRecord(op.params)) out.push("params: not a mapping");
    else
      for (const [name, p] of Object.entries(op.params)) {
        // Full form only: a mapping with V1Param keys (short form needs CLI >= 2.13).
        if (!isRecord(p) || !Object.keys(p).some((k) => PARAM_FIELDS.has(k)))
          out.push(`params.${name}: not a full-form param`);
        else out.push(...unknownKeys(p, PARAM_FIELDS, `params.${name}`));
      }
  }
  if (op.runPatch !== undefined) out.push(...runPatchProblems(op.runPatch, spec));
  return out;
}
