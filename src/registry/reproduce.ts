/**
 * `mlcat reproduce`: the Polyaxon operation that runs again what made a model
 * version, written from its lineage. It names the exact hub component version
 * (`hubRef`), passes every param as the run recorded it (numbers as written),
 * checks out the code commit through a git init handler (`runPatch.init`, as
 * Polyaxon's own `polyaxon run --git-revision` does: `get_op_specification` in
 * `cli/polyaxon/_polyaxonfile/manager/operations.py`), and says in comments
 * what the catalog knows of the data, since Polyaxon cannot pin a path to a
 * version or a checksum. When the lineage is not complete it refuses, listing
 * every missing piece. The site's reproduce snippet is this same text.
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import { isDnsLabel } from "../model/names.js";
import { parseRef } from "../model/refs.js";
import type { ArtifactData, ComponentSpecData, DataInputData, IoData } from "../model/types.js";
import { checkParams } from "../checks/params-check.js";
import { isRecord } from "../checks/spec-nested.js";
import { flowYaml, writtenFlowYaml } from "../yaml/source-flow.js";
import type { ValuePath } from "../yaml/positions.js";

/** What reproduces a model version, or why nothing can. */
export type Reproduction =
  | {
      ok: true;
      /** The operation file, comments included. */
      text: string;
      /** The command that runs it. */
      command: string;
      /** `org/project` the run goes to. */
      project: string;
      /** The hub component version it runs. */
      hubRef: string;
    }
  | {
      ok: false;
      /** Every missing or inconsistent piece, one sentence each, in the order a reader fixes them. */
      missing: string[];
    };

/** The file name the commands use. */
export const REPRODUCE_FILE = "reproduce.yaml";

/** The replicas of distributed runs, each with its own init (the fields `get_replica_types` reads, `cli/polyaxon/_flow/run/`). */
const REPLICA_KINDS: Record<string, readonly string[]> = {
  pytorchjob: ["master", "worker"],
  tfjob: ["chief", "ps", "worker", "evaluator"],
  mpijob: ["launcher", "worker"],
  daskcluster: ["worker", "scheduler"],
  raycluster: ["head", "workers"],
};

/** Kinds with a single pod spec: the init list goes at the top of the run patch (`V1Job`, `V1Service`...). */
const SINGLE_KINDS = new Set(["job", "service", "notifier", "cleaner", "tuner"]);

/** Types of inputs that name data (Polyaxon's path-like IO types). */
const DATA_TYPES = new Set(["path", "uri", "artifacts", "gcs", "s3", "wasb", "dockerfile"]);

/** Text from the catalog, safe inside a one-line YAML comment (no line break, no invisible character). */
export function commentText(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Where a run's params, component and code were read from. */
interface Sources {
  params: Record<string, unknown> | undefined;
  paramsFrom: { entity: Entity; path: ValuePath } | undefined;
  component: string | undefined;
  code: { repo?: string; commit?: string } | undefined;
  inputs: DataInputData[] | undefined;
}

/** The experiment a lineage names, or why it cannot be used. */
function lineageExperiment(
  catalog: Catalog,
  version: Entity<"ModelVersion">,
  missing: string[],
): { project?: string; experiment?: Entity<"Experiment"> } {
  const lineage = version.data.lineage ?? {};
  let project: string | undefined;
  if (typeof lineage.project !== "string") missing.push("lineage.project: not recorded (the project the run is in)");
  else {
    const text = lineage.project;
    const ref = isDnsLabel(text) ? { org: version.org!, name: text } : parseRef(text);
    const key = ref && !("tag" in ref && ref.tag !== undefined) ? `${ref.org}/${ref.name}` : undefined;
    if (key === undefined || !catalog.has("Project", key))
      missing.push(`lineage.project: project "${text}" is not in the catalog`);
    else project = key;
  }
  if (typeof lineage.experiment !== "string") {
    missing.push("lineage.experiment: not recorded (the run that produced the version)");
    return project === undefined ? {} : { project };
  }
  if (project === undefined) return {};
  const experiment = catalog.get("Experiment", `${project}/${lineage.experiment}`);
  if (!experiment?.schemaValid) {
    missing.push(`lineage.experiment: run "${project}/${lineage.experiment}" is not in the catalog (or is not valid)`);
    return { project };
  }
  if (experiment.data.status !== "succeeded")
    missing.push(
      `experiment ${experiment.key}: its status is "${experiment.data.status}"; only a run that succeeded is reproduced`,
    );
  return { project, experiment };
}

/** The run's params, component, code and inputs: the version's lineage, checked against its experiment's record. */
function runSources(version: Entity<"ModelVersion">, experiment: Entity<"Experiment"> | undefined, missing: string[]) {
  const lineage = version.data.lineage ?? {};
  const lineageInputs = lineage.inputs;
  const out: Sources = {
    params: lineage.params,
    paramsFrom: lineage.params !== undefined ? { entity: version, path: ["lineage", "params"] } : undefined,
    component: lineage.component,
    code: lineage.code,
    inputs: lineageInputs,
  };
  if (!experiment) return out;
  const run = experiment.data;
  // The run's own record is the one to copy; the lineage must agree with it.
  if (run.params !== undefined) {
    if (lineage.params !== undefined && JSON.stringify(lineage.params) !== JSON.stringify(run.params))
      missing.push(`lineage.params differ from the params of experiment ${experiment.key}: the run is the record`);
    out.params = run.params;
    out.paramsFrom = { entity: experiment, path: ["params"] };
  }
  if (lineage.component !== undefined && lineage.component !== run.component)
    missing.push(`lineage.component is ${lineage.component}, but experiment ${experiment.key} ran ${run.component}`);
  out.component = run.component;
  const commit = lineage.code?.commit;
  if (commit !== undefined && run.code?.commit !== undefined && !sameCommit(commit, run.code.commit))
    missing.push(`lineage.code.commit is ${commit}, but experiment ${experiment.key} ran ${run.code.commit}`);
  out.code = { ...run.code, ...lineage.code };
  if (out.code.commit === undefined && run.code?.commit !== undefined) out.code.commit = run.code.commit;
  out.inputs = lineageInputs ?? run.inputs;
  return out;
}

function sameCommit(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.toLowerCase().startsWith(short.toLowerCase());
}

/** The hub version a component reference names, or why it is not an exact one. */
function hubVersion(
  catalog: Catalog,
  ref: string | undefined,
  missing: string[],
): Entity<"ComponentVersion"> | undefined {
  if (ref === undefined) {
    missing.push("component: not recorded (the hub component version the run ran)");
    return undefined;
  }
  const parsed = parseRef(ref);
  if (parsed?.tag === undefined) {
    missing.push(
      `component "${ref}" is not a hub version org/name:tag (a project component has no version to pin): publish it with mlcat promote component and record the hub version`,
    );
    return undefined;
  }
  const entity = catalog.get("ComponentVersion", ref);
  if (!entity?.schemaValid) {
    missing.push(`component ${ref} is not a published hub version of this catalog (or is not valid)`);
    return undefined;
  }
  const component = catalog.get("Component", `${parsed.org}/${parsed.name}`);
  if (component?.data.mutableTags?.includes(parsed.tag))
    missing.push(`component ${ref}: "${parsed.tag}" is a mutable tag, not an exact version`);
  return entity;
}

/** A recorded input the catalog pins, and how it says so. */
interface PinnedInput {
  name: string;
  uri: string;
  text: string;
}

/** Whether `input` is the data a param's value names: the same name, the same URI, or a path under it. */
function covers(input: PinnedInput, name: string, value: unknown): boolean {
  if (input.name === name) return true;
  if (typeof value !== "string") return false;
  const prefix = input.uri.endsWith("/") ? input.uri : `${input.uri}/`;
  return value === input.uri || value.startsWith(prefix);
}

/** The data of each recorded input, or why it is not pinned. */
function describeInputs(
  catalog: Catalog,
  org: string,
  inputs: readonly DataInputData[] | undefined,
  missing: string[],
): PinnedInput[] {
  const out: PinnedInput[] = [];
  for (const input of inputs ?? []) {
    if (!isRecord(input) || typeof input.name !== "string") continue;
    if (input.experiment !== undefined || input.artifact !== undefined) {
      const run =
        typeof input.experiment === "string" ? catalog.get("Experiment", `${org}/${input.experiment}`) : undefined;
      if (!run?.schemaValid) {
        missing.push(`input "${input.name}": run "${org}/${input.experiment ?? ""}" is not in the catalog`);
        continue;
      }
      if (run.data.status !== "succeeded")
        missing.push(`input "${input.name}": run ${run.key} has status "${run.data.status}", not succeeded`);
      const artifact = (run.data.artifacts ?? []).find((a: ArtifactData) => a.name === input.artifact);
      if (!artifact) {
        missing.push(`input "${input.name}": run ${run.key} records no artifact "${input.artifact ?? ""}"`);
        continue;
      }
      const pin = artifact.sha256 !== undefined ? `, sha256 ${artifact.sha256}` : "";
      out.push({
        name: input.name,
        uri: artifact.uri,
        text: `artifact "${artifact.name}" of run ${run.key} (${artifact.uri}${pin})`,
      });
      continue;
    }
    if (typeof input.uri !== "string") {
      missing.push(`input "${input.name}": no uri, and no run output (experiment and artifact)`);
      continue;
    }
    const pins = [
      ...(typeof input.version === "string" ? [`version ${input.version}`] : []),
      ...(typeof input.sha256 === "string" ? [`sha256 ${input.sha256}`] : []),
    ];
    if (pins.length === 0) {
      missing.push(`input "${input.name}": ${input.uri} has no version or checksum`);
      continue;
    }
    out.push({ name: input.name, uri: input.uri, text: `${input.uri} (${pins.join(", ")})` });
  }
  return out;
}

/** A git connection of `org` whose URL is `repo`, to clone with its credentials. */
function gitConnection(catalog: Catalog, org: string, repo: string): string | undefined {
  const norm = (u: string) =>
    u
      .replace(/\/+$/, "")
      .replace(/\.git$/, "")
      .toLowerCase();
  const found = catalog
    .inOrg("Connection", org)
    .find(
      (c) =>
        c.schemaValid &&
        c.data.kind === "git" &&
        typeof c.data.schema?.url === "string" &&
        norm(c.data.schema.url) === norm(repo),
    );
  return found?.name;
}

/**
 * The run patch that adds `init` (one handler, as YAML lines) to the
 * component's run: at the top for a run with one pod spec (`V1Job`,
 * `V1Service`...), in each replica the run defines for a distributed run
 * (`V1KFReplica` of a `V1PytorchJob`..., Ray's `head` and named `workers`);
 * `undefined` for a run kind that takes no init (a DAG).
 */
function runPatchLines(spec: ComponentSpecData, init: readonly string[]): string[] | undefined {
  const run: Record<string, unknown> = isRecord(spec.run) ? spec.run : {};
  const kind = typeof run.kind === "string" ? run.kind : "";
  const item = (indent: string) => init.map((line, i) => `${indent}${i === 0 ? "- " : "  "}${line}`);
  if (SINGLE_KINDS.has(kind)) return ["runPatch:", "  init:", ...item("    ")];
  const replicas = REPLICA_KINDS[kind]?.filter((r) => isRecord(run[r]));
  if (!replicas || replicas.length === 0) return undefined;
  const lines = ["runPatch:"];
  for (const r of replicas) {
    if (kind === "raycluster" && r === "workers") {
      lines.push("  workers:");
      for (const name of Object.keys(run.workers as Record<string, unknown>))
        lines.push(`    ${flowYaml(name)}:`, "      init:", ...item("        "));
    } else lines.push(`  ${r}:`, "    init:", ...item("      "));
  }
  return lines;
}

/** The operation that reproduces `version`, or every reason it cannot be written. */
export function reproduceVersion(catalog: Catalog, version: Entity<"ModelVersion">): Reproduction {
  const missing: string[] = [];
  const org = version.org!;
  const { project, experiment } = lineageExperiment(catalog, version, missing);
  const src = runSources(version, experiment, missing);
  const component = hubVersion(catalog, src.component, missing);
  const spec = component?.data as ComponentSpecData | undefined;
  if (spec) {
    const problems = checkParams(src.params, spec, {
      at: ["params"],
      missingAt: ["params"],
      form: "record",
      component: src.component!,
    });
    for (const p of problems) missing.push(`params: ${p.message}`);
  }
  if (spec && runPatchLines(spec, []) === undefined) {
    const kind = typeof spec.run?.kind === "string" ? spec.run.kind : "run of no kind";
    missing.push(`component ${src.component} runs a ${kind}: Polyaxon has no init section to check out its code`);
  }
  const repo = src.code?.repo;
  const commit = src.code?.commit;
  if (typeof repo !== "string") missing.push("code.repo: not recorded (the repository the run's code came from)");
  if (typeof commit !== "string") missing.push("code.commit: not recorded (the commit the run's code was at)");
  const pinned = describeInputs(catalog, project?.split("/")[0] ?? org, src.inputs, missing);
  if (missing.length > 0 || !spec || !project || !repo || !commit || !experiment) return { ok: false, missing };

  const hubRef = src.component!;
  const command = `polyaxon run -f ${REPRODUCE_FILE} --project ${project}`;
  const connection = gitConnection(catalog, project.split("/")[0]!, repo);
  const inputsByName = new Map<string, IoData>((spec.inputs ?? []).map((i) => [i.name, i]));
  const params = Object.entries(src.params ?? {});
  const unpinned = params
    .filter(
      ([name, value]) =>
        DATA_TYPES.has(inputsByName.get(name)?.type ?? "") && !pinned.some((input) => covers(input, name, value)),
    )
    .map(([name]) => name);
  const dataLines = pinned.map((input) => {
    const fed = params.filter(([name, value]) => covers(input, name, value)).map(([name]) => name);
    const into = fed.length > 0 && (fed.length > 1 || fed[0] !== input.name) ? ` -> ${fed.join(", ")}` : "";
    return `#   ${input.name}: ${input.text}${into}`;
  });

  const lines = [
    `# Reproduces model version ${version.key} (${version.data.stage}): run ${experiment.key} (${experiment.data.status}).`,
    `# Run it: ${command}`,
    `# Code: ${repo} at ${commit}, checked out by the git init handler below.`,
  ];
  if (dataLines.length > 0)
    lines.push(
      "# Data as the catalog records it. Polyaxon passes a path as written and cannot pin it to a version",
      "# or a checksum: check that the data still match before comparing results.",
      ...dataLines,
    );
  if (unpinned.length > 0)
    lines.push(`# Not pinned (no version or checksum recorded): ${unpinned.join(", ")}; these paths may have changed.`);
  lines.push(
    "version: 1.1",
    "kind: operation",
    `description: ${flowYaml(`Reproduce ${version.key} (run ${experiment.key})`)}`,
    `hubRef: ${hubRef}`,
  );
  if (params.length > 0) {
    lines.push("params:");
    for (const [name, value] of params) {
      const text = src.paramsFrom
        ? writtenFlowYaml(src.paramsFrom.entity.source.doc, [...src.paramsFrom.path, name], value)
        : flowYaml(value);
      lines.push(`  ${flowYaml(name)}:`, `    value: ${text}`);
    }
  }
  const init = [
    "git:",
    `  url: ${flowYaml(repo)}`,
    `  revision: ${flowYaml(commit)}`,
    ...(connection !== undefined ? [`connection: ${flowYaml(connection)}`] : []),
  ];
  lines.push(...runPatchLines(spec, init)!);
  // Comments quote catalog text: no line break or invisible character may leave the comment.
  const safe = lines.map((line) => (line.startsWith("#") ? commentText(line) : line));
  return { ok: true, text: `${safe.join("\n")}\n`, command, project, hubRef };
}

/** A model version named `org/model:tag`, or `org/model@alias` through the model's aliases. */
export function findVersion(
  catalog: Catalog,
  text: string,
): { ok: true; version: Entity<"ModelVersion"> } | { ok: false; message: string; hint: string; usage: boolean } {
  const alias = /^([^/@:]+)\/([^/@:]+)@([^/@:]+)$/.exec(text);
  let key = text;
  if (alias) {
    const [, o, m, name] = alias;
    const model = catalog.get("Model", `${o}/${m}`);
    if (!model)
      return {
        ok: false,
        message: `model "${o}/${m}" does not exist`,
        hint: "check the organization and model name",
        usage: false,
      };
    const aliases = model.data.aliases ?? {};
    const tag = Object.hasOwn(aliases, name!) ? aliases[name!] : undefined;
    if (tag === undefined)
      return {
        ok: false,
        message: `model ${model.key} has no alias "${name}"`,
        hint:
          Object.keys(aliases).length > 0
            ? `its aliases: ${Object.keys(aliases).join(", ")}`
            : "name the version as org/model:tag",
        usage: false,
      };
    key = `${o}/${m}:${tag}`;
  } else {
    const ref = parseRef(text);
    if (ref?.tag === undefined)
      return {
        ok: false,
        message: `"${text}" is not a model version`,
        hint: "write org/model:tag (e.g. acme/churn-model:1.2.0) or org/model@alias",
        usage: true,
      };
  }
  const version = catalog.get("ModelVersion", key);
  if (!version)
    return {
      ok: false,
      message: `model version "${key}" does not exist`,
      hint: "check the name and tag",
      usage: false,
    };
  if (!version.schemaValid)
    return {
      ok: false,
      message: `model version "${key}" is not valid`,
      hint: "run mlcat validate and fix its file first",
      usage: false,
    };
  return { ok: true, version };
}
