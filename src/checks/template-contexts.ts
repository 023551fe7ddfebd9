/**
 * Which names a template may read, field by field, as Polyaxon's compiler
 * gives them (`cli/polyaxon/_polyaxonfile/specs/compiled_operation.py`,
 * `cli/polyaxon/_polyaxonfile/specs/libs/parser.py`,
 * `cli/polyaxon/_compiler/contexts/`):
 *
 * - every field rendered with the params: the declared inputs and outputs by
 *   name, `params` (each IO's `value`, `type`, `connection`, `as_str`,
 *   `as_arg`, and `params.as_args`) and `globals` (the run's context);
 * - a job's or service's run section (and each replica of a distributed run)
 *   is rendered at run time with `init` and `connections` besides;
 * - `run.connections` and `run.init[].connection` are resolved before that,
 *   with the params and globals only;
 * - an IO's `argFormat` is rendered alone, with only its own value
 *   (`ParamSpec.as_arg` in `cli/polyaxon/_flow/params/params.py`);
 * - a DAG operation's params may also read `dag` and `ops`
 *   (`V1Dag.process_components` in `cli/polyaxon/_flow/run/dag.py`); the
 *   `value` of a param with a `ref` is a reference, not a template;
 * - a component nested in a DAG has its own inputs and outputs.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from "yaml";
import type { ValuePath } from "../yaml/positions.js";

/** Polyaxon run kinds whose run section holds one set of containers. */
const SINGLE = new Set(["job", "service", "notifier", "cleaner", "tuner"]);

/** What a DAG operation's templates may read besides the params: its DAG's inputs and operations. */
export interface DagContext {
  inputs: string[];
  /** Operation name -> its component's inputs and outputs (`undefined` when the component is not known here). */
  ops: Map<string, { inputs: string[]; outputs: string[] } | undefined>;
}

/** The context of one templated field. */
export interface TemplateContext {
  /** Where the field is, for messages: `run.container`, `inputs[2].value`... */
  where: string;
  /** Declared input and output names (readable by name and as `params.<name>`). */
  io: string[];
  /** The namespaces the field's context holds besides the IO names. */
  namespaces: readonly string[];
  /** For an `argFormat`: the one name it may read. */
  own?: string;
  dag?: DagContext;
}

/** A templated scalar of a spec with its context. */
export interface ContextString {
  node: Scalar<string>;
  path: ValuePath;
  context: TemplateContext;
}

const PARAMS = ["params", "globals"] as const;
const RUNTIME = ["params", "globals", "init", "connections"] as const;
const DAG_OPS = ["params", "globals", "dag", "ops"] as const;

/** Every string of the component spec `root` with the context Polyaxon renders it in (descriptions are prose: skipped). */
export function contextStrings(
  root: YAMLMap,
  resolveOp?: (op: YAMLMap) => { inputs: string[]; outputs: string[] } | undefined,
): ContextString[] {
  const out: ContextString[] = [];
  walkComponent(root, [], out, resolveOp);
  return out;
}

function walkComponent(
  spec: YAMLMap,
  base: ValuePath,
  out: ContextString[],
  resolveOp: Parameters<typeof contextStrings>[1],
): void {
  const io = ioNames(spec);
  const ctx = (
    where: string,
    namespaces: readonly string[],
    extra: Partial<TemplateContext> = {},
  ): TemplateContext => ({ where, io, namespaces, ...extra });
  for (const pair of spec.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const path = [...base, key];
    if (["description", "name", "kind", "version", "tags", "template"].includes(key)) continue;
    if (key === "inputs" || key === "outputs") {
      if (!isSeq(pair.value)) continue;
      pair.value.items.forEach((item, i) => {
        if (!isMap(item)) return;
        const own = item.get("name");
        for (const field of item.items) {
          if (!isPair(field) || !isScalar(field.key) || field.key.value === "description") continue;
          const fieldPath = [...path, i, String(field.key.value)];
          const where = `${key}[${i}].${String(field.key.value)}`;
          if (field.key.value === "argFormat")
            collect(field.value, fieldPath, ctx(where, [], { own: typeof own === "string" ? own : undefined }), out);
          else collect(field.value, fieldPath, ctx(where, PARAMS), out);
        }
      });
    } else if (key === "run" && isMap(pair.value)) walkRun(pair.value, path, io, out, resolveOp);
    else collect(pair.value, path, ctx(key, PARAMS), out);
  }
}

function walkRun(
  run: YAMLMap,
  base: ValuePath,
  io: string[],
  out: ContextString[],
  resolveOp: Parameters<typeof contextStrings>[1],
): void {
  const kind = run.get("kind");
  if (kind === "dag") return walkDag(run, base, io, out, resolveOp);
  for (const pair of run.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const path = [...base, key];
    if (SINGLE.has(String(kind)) || !isMap(pair.value)) walkReplica(key, pair.value, path, io, out);
    else if (key === "workers" && isMap(pair.value)) {
      for (const group of pair.value.items)
        if (isPair(group) && isMap(group.value))
          walkReplicaMap(group.value, [...path, String((group.key as Scalar).value)], `run.${key}`, io, out);
    } else walkReplicaMap(pair.value, path, `run.${key}`, io, out);
  }
}

/** A distributed run's replica (or a raycluster worker group): a job's run fields. */
function walkReplicaMap(map: YAMLMap, base: ValuePath, where: string, io: string[], out: ContextString[]): void {
  for (const pair of map.items)
    if (isPair(pair) && isScalar(pair.key))
      walkReplica(String(pair.key.value), pair.value, [...base, String(pair.key.value)], io, out, where);
}

/** One field of a run section (or replica): connections are resolved with the params; the rest at run time. */
function walkReplica(
  key: string,
  value: unknown,
  path: ValuePath,
  io: string[],
  out: ContextString[],
  prefix = "run",
): void {
  const where = `${prefix}.${key}`;
  if (key === "connections") return collect(value, path, { where, io, namespaces: PARAMS }, out);
  if (key === "init" && isSeq(value)) {
    value.items.forEach((item, i) => {
      if (!isMap(item)) return collect(item, [...path, i], { where, io, namespaces: RUNTIME }, out);
      for (const field of item.items) {
        if (!isPair(field) || !isScalar(field.key)) continue;
        const k = String(field.key.value);
        collect(
          field.value,
          [...path, i, k],
          { where: `${where}[${i}].${k}`, io, namespaces: k === "connection" ? PARAMS : RUNTIME },
          out,
        );
      }
    });
    return;
  }
  collect(value, path, { where, io, namespaces: RUNTIME }, out);
}

function walkDag(
  run: YAMLMap,
  base: ValuePath,
  io: string[],
  out: ContextString[],
  resolveOp: Parameters<typeof contextStrings>[1],
): void {
  const dag = dagContext(run, io, resolveOp);
  for (const pair of run.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const path = [...base, key];
    if (key === "components" && isSeq(pair.value)) {
      pair.value.items.forEach((c, i) => isMap(c) && walkComponent(c, [...path, i], out, resolveOp));
    } else if (key === "operations" && isSeq(pair.value)) {
      pair.value.items.forEach((op, i) => {
        if (!isMap(op)) return;
        for (const field of op.items) {
          if (!isPair(field) || !isScalar(field.key)) continue;
          const k = String(field.key.value);
          if (k === "description" || k === "name") continue;
          if (k === "component" && isMap(field.value)) walkComponent(field.value, [...path, i, k], out, resolveOp);
          else if (k === "params" && isMap(field.value))
            walkDagParams(field.value, [...path, i, k], `run.operations[${i}].params`, io, dag, out);
          else
            collect(
              field.value,
              [...path, i, k],
              { where: `run.operations[${i}].${k}`, io, namespaces: DAG_OPS, dag },
              out,
            );
        }
      });
    } else collect(pair.value, path, { where: `run.${key}`, io, namespaces: PARAMS }, out);
  }
}

/**
 * A DAG operation's params. The `value` of a param with a `ref` is a reference
 * (`{ref: dag, value: "{{ inputs.lr }}"}`, `{ref: ops.train, value: outputs.model}`),
 * which Polyaxon reads with PARAM_REGEX and looks up among the DAG's context
 * keys (`V1Param.get_spec`, `ParamSpec.validate_ref` in
 * `cli/polyaxon/_flow/params/params.py`), not a template: the dags check
 * judges it. Every other value is a template with the DAG operation's context.
 */
function walkDagParams(
  params: YAMLMap,
  base: ValuePath,
  where: string,
  io: string[],
  dag: DagContext,
  out: ContextString[],
): void {
  const context: TemplateContext = { where, io, namespaces: DAG_OPS, dag };
  for (const pair of params.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const path = [...base, String(pair.key.value)];
    const param = pair.value;
    if (!isMap(param) || !param.has("ref")) {
      collect(param, path, context, out);
      continue;
    }
    for (const field of param.items)
      if (isPair(field) && isScalar(field.key) && field.key.value !== "value")
        collect(field.value, [...path, String(field.key.value)], context, out);
  }
}

/** The inputs of a DAG and, per operation, its component's inputs and outputs when they can be known. */
export function dagContext(
  run: YAMLMap,
  io: string[],
  resolveOp?: (op: YAMLMap) => { inputs: string[]; outputs: string[] } | undefined,
): DagContext {
  const components = new Map<string, YAMLMap>();
  const list = run.get("components", true);
  if (isSeq(list))
    for (const c of list.items)
      if (isMap(c) && typeof c.get("name") === "string") components.set(c.get("name") as string, c);
  const ops = new Map<string, { inputs: string[]; outputs: string[] } | undefined>();
  const opList = run.get("operations", true);
  if (isSeq(opList))
    for (const op of opList.items) {
      if (!isMap(op) || typeof op.get("name") !== "string") continue;
      const inline = op.get("component", true);
      const dagRef = op.get("dagRef");
      const component = isMap(inline) ? inline : typeof dagRef === "string" ? components.get(dagRef) : undefined;
      ops.set(
        op.get("name") as string,
        component ? { inputs: ioNames(component, "inputs"), outputs: ioNames(component, "outputs") } : resolveOp?.(op),
      );
    }
  return { inputs: io, ops };
}

/** The input and output names a component mapping declares (or only one section). */
export function ioNames(spec: YAMLMap, only?: "inputs" | "outputs"): string[] {
  const names: string[] = [];
  for (const section of only ? [only] : ["inputs", "outputs"]) {
    const list = spec.get(section, true);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      const name = isMap(item) ? item.get("name", true) : undefined;
      if (isScalar(name) && typeof name.value === "string") names.push(name.value);
    }
  }
  return names;
}

/** Collect the templated strings under `node`, all in `context`. */
function collect(node: unknown, path: ValuePath, context: TemplateContext, out: ContextString[]): void {
  if (isMap(node)) {
    for (const pair of node.items)
      if (isPair(pair) && isScalar(pair.key) && pair.key.value !== "description")
        collect(pair.value, [...path, String(pair.key.value)], context, out);
  } else if (isSeq(node)) node.items.forEach((item, i) => collect(item, [...path, i], context, out));
  else if (isScalar(node) && typeof node.value === "string" && (node.value.includes("{{") || node.value.includes("{%")))
    out.push({ node: node as Scalar<string> & Node, path, context });
}
