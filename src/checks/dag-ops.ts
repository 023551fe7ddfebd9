/**
 * Operations as Polyaxon reads them (`V1Operation` in
 * `cli/polyaxon/_flow/operations/operation.py`) and DAGs as `V1Dag` builds
 * them (`process_dag`, `validate_dag`, `process_components` in
 * `cli/polyaxon/_flow/run/dag.py`; `sort_topologically` in
 * `cli/polyaxon/_flow/dags/__init__.py`): one reference per operation that
 * resolves, params that fit the component, unique operation and component
 * names, dependencies and `ops.` refs to operations of the DAG, no cycle.
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import type { ComponentSpecData } from "../model/types.js";
import type { ValuePath } from "../yaml/positions.js";
import type { DiagnosticCollector } from "../report/collector.js";
import { reportParamProblems } from "./experiments.js";
import { judgeHubRef, resolvePathRef, type Resolution } from "./op-refs.js";
import { checkParams } from "./params-check.js";
import { forEachNestedComponent, isRecord } from "./spec-nested.js";
import { findClosest } from "../text/suggest.js";

/** What an operation check needs: the catalog, the file, and the project it sits in (for pathRefs). */
export interface OpScope {
  catalog: Catalog;
  entity: Entity;
  report: DiagnosticCollector;
  project?: { org: string; project: string };
}

const REFERENCES = ["hubRef", "dagRef", "pathRef", "urlRef", "component"] as const;

/** The component an operation runs, when mlcat can know it; reports references that do not resolve. */
export function resolveOperation(
  scope: OpScope,
  op: Record<string, unknown>,
  at: ValuePath,
  inline?: Map<string, Record<string, unknown>>,
): ComponentSpecData | undefined {
  const given = REFERENCES.filter((r) => op[r] !== undefined);
  if (given.length !== 1) {
    scope.report.at(
      scope.entity,
      typeof op.name === "string" ? [...at, "name"] : at,
      "op/reference-count",
      given.length === 0
        ? `operation ${typeof op.name === "string" ? `"${op.name}" ` : ""}names no component`
        : `operation ${typeof op.name === "string" ? `"${op.name}" ` : ""}names ${given.join(" and ")}: Polyaxon wants exactly one`,
      'give one of hubRef, dagRef, pathRef, urlRef or an inline component (V1Operation: "One and only one reference must be specified")',
    );
    return undefined;
  }
  const ref = given[0]!;
  if (ref === "component") return isRecord(op.component) ? (op.component as unknown as ComponentSpecData) : undefined;
  if (typeof op[ref] !== "string") return undefined;
  const text = op[ref] as string;
  if (ref === "dagRef") {
    const component = inline?.get(text);
    if (component) return component as unknown as ComponentSpecData;
    const closest = findClosest(text, inline?.keys() ?? []);
    scope.report.at(
      scope.entity,
      [...at, "dagRef"],
      "dag/unknown-component",
      inline
        ? `dagRef "${text}" names no component of the DAG's components`
        : `dagRef "${text}" is only valid for an operation of a DAG`,
      closest
        ? `did you mean "${closest}"?`
        : `define a component named "${text}" under run.components (it has ${[...(inline?.keys() ?? [])].join(", ") || "none"})`,
    );
    return undefined;
  }
  let resolution: Resolution | undefined;
  if (ref === "hubRef") resolution = judgeHubRef(scope.catalog, text);
  else if (ref === "pathRef" && scope.project)
    resolution = resolvePathRef(
      scope.catalog,
      text,
      scope.project.org,
      scope.project.project,
      scope.entity.source.relPath.replace(/\/[^/]*$/, ""),
    );
  if (resolution?.status === "unknown")
    scope.report.at(scope.entity, [...at, ref], "op/unresolved-ref", resolution.message, resolution.hint);
  return resolution?.status === "resolved" ? resolution.spec : undefined;
}

/** An operation's params against the component it runs. */
export function checkOperationParams(
  scope: OpScope,
  op: Record<string, unknown>,
  at: ValuePath,
  spec: ComponentSpecData | undefined,
  label: string,
): void {
  if (!spec) return;
  const problems = checkParams(op.params, spec, {
    at: [...at, "params"],
    missingAt: typeof op.name === "string" ? [...at, "name"] : at,
    form: "operation",
    component: label,
  });
  // A matrix or joins give params of their own (`validate_matrix` in ops_params.py): missing inputs may come from them.
  const fed = op.matrix !== undefined || op.joins !== undefined;
  reportParamProblems(
    scope.entity,
    fed ? problems.filter((p) => p.code !== "param/missing-required") : problems,
    scope.report,
  );
}

/** Every DAG of a spec (its own run and nested components' runs). */
export function checkDags(scope: OpScope, spec: Record<string, unknown>, base: ValuePath = []): void {
  checkDag(scope, spec, base);
  forEachNestedComponent(spec, base, (component, path) => checkDag(scope, component, path));
}

function checkDag(scope: OpScope, spec: Record<string, unknown>, base: ValuePath): void {
  const run = spec.run;
  if (!isRecord(run) || run.kind !== "dag" || !Array.isArray(run.operations)) return;
  const { entity, report } = scope;
  const inline = new Map<string, Record<string, unknown>>();
  (Array.isArray(run.components) ? run.components : []).forEach((c, i) => {
    if (!isRecord(c) || typeof c.name !== "string") return;
    if (inline.has(c.name))
      report.at(
        entity,
        [...base, "run", "components", i, "name"],
        "dag/duplicate-name",
        `the DAG defines component "${c.name}" twice`,
        "rename one of them: a dagRef can name only one",
      );
    else inline.set(c.name, c);
  });
  const ops = run.operations as unknown[];
  const names = new Map<string, number>();
  ops.forEach((op, i) => {
    if (!isRecord(op) || typeof op.name !== "string") return;
    if (names.has(op.name))
      report.at(
        entity,
        [...base, "run", "operations", i, "name"],
        "dag/duplicate-name",
        `the DAG has two operations named "${op.name}"`,
        "rename one of them: ops.<name> and dependencies can name only one",
      );
    else names.set(op.name, i);
  });
  const dagInputs = Array.isArray(spec.inputs) ? spec.inputs.filter(isRecord).map((io) => String(io.name)) : [];
  const resolved = new Map<string, ComponentSpecData | undefined>();
  ops.forEach((op, i) => {
    if (!isRecord(op)) return;
    const at = [...base, "run", "operations", i];
    const component = resolveOperation(scope, op, at, inline);
    if (typeof op.name === "string" && names.get(op.name) === i) resolved.set(op.name, component);
    const label = typeof op.name === "string" ? `the component of operation "${op.name}"` : "the operation's component";
    checkOperationParams(scope, op, at, component, label);
  });
  const upstream = new Map<string, Set<string>>();
  ops.forEach((op, i) => {
    if (!isRecord(op) || typeof op.name !== "string") return;
    const at = [...base, "run", "operations", i];
    const edges = new Set<string>();
    upstream.set(op.name, edges);
    (Array.isArray(op.dependencies) ? op.dependencies : []).forEach((dep, j) => {
      if (typeof dep !== "string") return;
      if (names.has(dep)) edges.add(dep);
      else
        report.at(
          entity,
          [...at, "dependencies", j],
          "dag/unknown-dependency",
          `operation "${op.name}" depends on "${dep}", which is not an operation of the DAG`,
          hintFor(dep, names),
        );
    });
    if (isRecord(op.params))
      for (const [param, value] of Object.entries(op.params)) {
        const target = checkParamRef(scope, value, [...at, "params", param], names, resolved, dagInputs);
        if (target) edges.add(target);
      }
    (Array.isArray(op.events) ? op.events : []).forEach((event, j) => {
      const ref = isRecord(event) && typeof event.ref === "string" ? event.ref : undefined;
      const target = ref?.startsWith("ops.") ? ref.slice(4) : undefined;
      if (target === undefined) return;
      if (names.has(target)) edges.add(target);
      else
        report.at(
          entity,
          [...at, "events", j, "ref"],
          "dag/unknown-ref",
          `event ref "${ref}" names no operation of the DAG`,
          hintFor(target, names),
        );
    });
  });
  const cycle = findCycle([...names.keys()], upstream);
  if (cycle) {
    report.at(
      entity,
      [...base, "run", "operations", names.get(cycle[0]!)!, "name"],
      "dag/cycle",
      `the DAG's operations depend on each other in a cycle: ${cycle.join(" → ")} (→: depends on)`,
      "remove one of these dependencies (or refs to an operation's outputs): Polyaxon refuses a graph that is not acyclic",
    );
  }
}

/** A param `{ref: ops.<op>, value: outputs.<o>}` or `{ref: dag, value: inputs.<x>}`: reports what it names that does not exist; returns the upstream op. */
function checkParamRef(
  scope: OpScope,
  param: unknown,
  at: ValuePath,
  names: Map<string, number>,
  resolved: Map<string, ComponentSpecData | undefined>,
  dagInputs: string[],
): string | undefined {
  if (!isRecord(param) || typeof param.ref !== "string") return undefined;
  const ref = param.ref;
  const value = typeof param.value === "string" ? param.value.replace(/^\{\{\s*|\s*\}\}$/g, "") : "";
  const [section, key] = value.split(".");
  if (ref === "dag") {
    if (section === "inputs" && key !== undefined && !dagInputs.includes(key))
      scope.report.at(
        scope.entity,
        [...at, "value"],
        "dag/unknown-ref",
        `param reads dag inputs.${key}, but the DAG declares no input "${key}"`,
        hintFor(key, new Map(dagInputs.map((n) => [n, 0]))),
      );
    return undefined;
  }
  if (!ref.startsWith("ops.")) return undefined;
  const op = ref.slice(4);
  if (!names.has(op)) {
    scope.report.at(
      scope.entity,
      [...at, "ref"],
      "dag/unknown-ref",
      `param refers to "${ref}", which is not an operation of the DAG`,
      hintFor(op, names),
    );
    return undefined;
  }
  const spec = resolved.get(op);
  const list = section === "outputs" ? spec?.outputs : section === "inputs" ? spec?.inputs : undefined;
  if (spec && list !== undefined && key !== undefined && !(list ?? []).some((io) => io.name === key)) {
    const available = (list ?? []).map((io) => io.name);
    const closest = findClosest(key, available);
    scope.report.at(
      scope.entity,
      [...at, "value"],
      "dag/unknown-ref",
      `param reads ${section}.${key} of operation "${op}", whose component has no ${section === "outputs" ? "output" : "input"} "${key}"`,
      closest ? `did you mean ${section}.${closest}?` : `its ${section}: ${available.join(", ") || "none"}`,
    );
  }
  return op;
}

function hintFor(name: string, names: Map<string, number>): string {
  const closest = findClosest(name, names.keys());
  return closest ? `did you mean "${closest}"?` : `the DAG's operations: ${[...names.keys()].join(", ") || "none"}`;
}

/** A cycle in the upstream graph, as a path that starts and ends at the same op, or undefined. */
function findCycle(nodes: string[], upstream: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    state.set(n, 1);
    stack.push(n);
    for (const up of [...(upstream.get(n) ?? [])].sort()) {
      if (state.get(up) === 1) return [...stack.slice(stack.indexOf(up)), up];
      if (!state.has(up)) {
        const found = visit(up);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(n, 2);
    return undefined;
  };
  for (const n of nodes) {
    if (state.has(n)) continue;
    const found = visit(n);
    if (found) return found;
  }
  return undefined;
}
