/**
 * A DAG as Polyaxon's V1Dag reads it: operations that resolve (dagRef,
 * hubRef, pathRef), params that fit their component, dependencies and refs
 * to operations of the DAG, unique names, no cycle.
 */
import { describe, expect, it } from "vitest";
import { dagsCheck } from "../../src/checks/dags.js";
import { runRule } from "./run-rule.js";
import { BASE } from "../helpers/catalog.js";

const PIPELINE = "orgs/acme/components/pipeline/versions/1.0.0.yaml";

/** A DAG with operations `ops` (from line 9) and two inline components. */
const dag = (ops: string) => `version: 1.1
kind: component
inputs:
  - {name: lr, type: float, value: 0.1}
run:
  kind: dag
  components:
    - {name: prep, outputs: [{name: data, type: path}], run: {kind: job}}
    - {name: fit, inputs: [{name: data, type: path}, {name: lr, type: float, value: 0.1}], outputs: [{name: model, type: path}], run: {kind: job}}
  operations:
${ops}`;

const files = (text: string, extra: Record<string, string> = {}) => ({
  ...BASE,
  "orgs/acme/components/pipeline/component.yaml": 'name: pipeline\nowner: alice\nreleases: [{tag: "1.0.0"}]\n',
  [PIPELINE]: text,
  ...extra,
});
const found = (ops: string, extra?: Record<string, string>) =>
  runRule(dagsCheck, files(dag(ops), extra)).map((d) => [d.code, d.line, d.column]);

const PREP = "    - {name: prep, dagRef: prep}\n"; // line 11

describe("a DAG's operations", () => {
  it.each([
    [
      "a valid pipeline",
      PREP +
        "    - {name: fit, dagRef: fit, dependencies: [prep], params: {data: {ref: ops.prep, value: outputs.data}, lr: 0.05}}\n",
      [],
    ],
    [
      "a dependency on an unknown operation",
      PREP + "    - {name: fit, dagRef: fit, dependencies: [prepare], params: {data: s3://d}}\n",
      [["dag/unknown-dependency", 12, 47]],
    ],
    [
      "an unknown param",
      PREP + "    - {name: fit, dagRef: fit, params: {data: s3://d, lrate: 0.1}}\n",
      [["param/unknown", 12, 55]],
    ],
    ["a missing required input", PREP + "    - {name: fit, dagRef: fit}\n", [["param/missing-required", 12, 14]]],
    [
      "a param of the wrong type (full form)",
      PREP + "    - {name: fit, dagRef: fit, params: {data: s3://d, lr: {value: fast}}}\n",
      [["param/invalid-value", 12, 67]],
    ],
    [
      "a dagRef to an undefined component",
      PREP + "    - {name: fit, dagRef: train, params: {data: s3://d}}\n",
      [["dag/unknown-component", 12, 27]],
    ],
    [
      "a ref to an unknown operation",
      PREP + "    - {name: fit, dagRef: fit, params: {data: {ref: ops.prpe, value: outputs.data}}}\n",
      [["dag/unknown-ref", 12, 53]],
    ],
    [
      "a ref to an output the upstream lacks",
      PREP + "    - {name: fit, dagRef: fit, params: {data: {ref: ops.prep, value: outputs.dataset}}}\n",
      [["dag/unknown-ref", 12, 70]],
    ],
    ["two operations with one name", PREP + "    - {name: prep, dagRef: prep}\n", [["dag/duplicate-name", 12, 14]]],
    ["no reference at all", PREP + "    - {name: fit, params: {data: s3://d}}\n", [["op/reference-count", 12, 14]]],
    [
      "two references",
      PREP + "    - {name: fit, dagRef: fit, hubRef: acme/train:1.0.0}\n",
      [["op/reference-count", 12, 14]],
    ],
    // {ref: dag}: the DAG's context is dag.inputs[.<input>], dag.globals[.<key>] and dag.artifacts (V1Dag.process_components).
    [
      "params read the DAG's own inputs and globals, plain or as {{ }}",
      PREP +
        "    - {name: fit, dagRef: fit, params: {data: {ref: dag, value: '{{ globals.artifacts_path }}'}, lr: {ref: dag, value: inputs.lr}}}\n",
      [],
    ],
    [
      "a param reads an input the DAG does not declare",
      PREP + "    - {name: fit, dagRef: fit, params: {data: s3://d, lr: {ref: dag, value: '{{ inputs.lrr }}'}}}\n",
      [["dag/unknown-ref", 12, 77]],
    ],
    [
      "a param reads the DAG's own outputs",
      PREP + "    - {name: fit, dagRef: fit, params: {data: {ref: dag, value: outputs.model}}}\n",
      [["dag/unknown-ref", 12, 65]],
    ],
    [
      "a param reads a global Polyaxon does not give",
      PREP + "    - {name: fit, dagRef: fit, params: {data: {ref: dag, value: globals.run_uuid}}}\n",
      [["dag/unknown-ref", 12, 65]],
    ],
    [
      "a matrix supplies the missing inputs",
      PREP + "    - {name: fit, dagRef: fit, matrix: {kind: grid, params: {data: {kind: choice, value: [a, b]}}}}\n",
      [],
    ],
  ])("%s", (_name, ops, expected) => {
    expect(found(ops)).toEqual(expected);
  });

  it("names the cycle", () => {
    const ops =
      "    - {name: a, dagRef: prep, dependencies: [c]}\n    - {name: b, dagRef: prep, dependencies: [a]}\n    - {name: c, dagRef: fit, params: {data: {ref: ops.b, value: outputs.data}}}\n";
    const ds = runRule(dagsCheck, files(dag(ops)));
    expect(ds.map((d) => [d.code, d.line, d.column])).toEqual([["dag/cycle", 11, 14]]);
    expect(ds[0]?.message).toMatchInlineSnapshot(
      `"the DAG's operations depend on each other in a cycle: a → c → b → a (→: depends on)"`,
    );
  });
});

describe("hub and path references", () => {
  it.each([
    ["a published hub version", "    - {name: t, hubRef: acme/train:1.0.0}\n", []],
    ["a version that is not published", "    - {name: t, hubRef: acme/train:2.0.0}\n", [["op/unresolved-ref", 11, 25]]],
    [
      "a component the hub does not have",
      "    - {name: t, hubRef: acme/trian:1.0.0}\n",
      [["op/unresolved-ref", 11, 25]],
    ],
    [
      "a hub that is neither an organization nor external",
      "    - {name: t, hubRef: kaniko:1.2}\n",
      [["op/unresolved-ref", 11, 25]],
    ],
    [
      "a param the hub version does not have",
      "    - {name: t, hubRef: acme/train:1.0.0, params: {lrr: 0.1}}\n",
      [["param/unknown", 11, 52]],
    ],
    // urlRef: Polyaxon's CLI downloads the spec; mlcat checks the address and never fetches it (its params unchecked).
    ["an https urlRef", "    - {name: t, urlRef: 'https://example.com/specs/train.yaml', params: {anything: 1}}\n", []],
    ["an http urlRef", "    - {name: t, urlRef: 'http://specs.internal:8080/train.yaml'}\n", []],
    ["a urlRef that is a path", "    - {name: t, urlRef: components/train.yaml}\n", [["op/unresolved-ref", 11, 25]]],
    [
      "a urlRef of another scheme",
      "    - {name: t, urlRef: 's3://bucket/train.yaml'}\n",
      [["op/unresolved-ref", 11, 25]],
    ],
    [
      "a urlRef and a hubRef",
      "    - {name: t, urlRef: 'https://example.com/t.yaml', hubRef: acme/train:1.0.0}\n",
      [["op/reference-count", 11, 14]],
    ],
  ])("%s", (_name, ops, expected) => {
    expect(found(ops)).toEqual(expected);
  });

  it("leaves a hub catalog.yaml names external unresolved", () => {
    const catalog = { "catalog.yaml": "title: Test catalog\nadmins: [alice]\nexternalHubs: [polyaxon]\n" };
    expect(found("    - {name: t, hubRef: kaniko:1.2, params: {anything: 1}}\n", catalog)).toEqual([]);
  });

  it("says which versions exist", () => {
    const [d] = runRule(dagsCheck, files(dag("    - {name: t, hubRef: acme/train}\n")));
    expect(`${d?.message} (${d?.hint})`).toMatchInlineSnapshot(
      `"hubRef "acme/train" names version "latest" of acme/train (a hubRef without a tag means latest), which is not published (use one of its versions: 1.0.0)"`,
    );
  });

  it("resolves a project component's pathRef within its project", () => {
    const project = "orgs/acme/projects/churn/components/flow.yaml";
    const prep = "orgs/acme/projects/churn/components/prep.yaml";
    const text = dag(
      "    - {name: p, pathRef: components/prep.yaml, params: {rows: 10}}\n    - {name: q, pathRef: ../components/nope.yaml}\n",
    );
    const ds = runRule(dagsCheck, {
      ...BASE,
      [project]: text,
      [prep]: "version: 1.1\nkind: component\ninputs: [{name: rows, type: int}]\nrun: {kind: job}\n",
    });
    expect(ds.map((d) => [d.code, d.line, d.column])).toEqual([["op/unresolved-ref", 12, 26]]);
  });
});
