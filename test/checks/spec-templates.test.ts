/**
 * Templates read with Jinja's grammar, each field in the context Polyaxon
 * renders it with: loops and `set` bind names, `params` has its helpers,
 * a job's container sees params, globals, init and connections (not dag,
 * ops or matrix), an argFormat sees only its own value, `{{ a-b }}` is one
 * problem with "did you mean a_b", and a DAG's operations may read dag and ops.
 */
import { describe, expect, it } from "vitest";
import { componentSpecsCheck } from "../../src/checks/component-specs.js";
import { runRule } from "./run-rule.js";
import { BASE } from "../helpers/catalog.js";

const VERSION = "orgs/acme/components/train/versions/1.0.0.yaml";

const INPUTS = `version: 1.1
kind: component
inputs:
  - {name: layers, type: "List[int]", value: [64, 32]}
  - {name: lr, type: float, value: 0.1}
  - {name: tls_verify, type: bool, value: true}
`; // 6 lines

const job = (container: string, extra = "") => `${INPUTS}${extra}run:
  kind: job
  container:
    image: python:3.12
${container}`; // with no extra, container fields start on line 11

const run = (text: string) => runRule(componentSpecsCheck, { ...BASE, [VERSION]: text });
const found = (text: string) => run(text).map((d) => [d.code, d.line, d.column]);

describe("Jinja statements and params helpers", () => {
  it.each([
    ["a loop variable is bound in the loop", `    args: ["{% for l in layers %}--layer={{ l }} {% endfor %}"]\n`, []],
    [
      "a loop variable is not bound after the loop",
      `    args: ["{% for l in layers %}{% endfor %}{{ l }}"]\n`,
      [["spec/unknown-template-variable", 11, 49]],
    ],
    ["a set variable is bound after the set", `    args: ["{% set n = lr * 2 %}--lr={{ n }}"]\n`, []],
    [
      "an if on an undeclared name",
      `    args: ["{% if use_gpu %}--gpu{% endif %}"]\n`,
      [["spec/unknown-template-variable", 11, 19]],
    ],
    [
      "params.as_args and params.<io>.as_arg",
      `    args: ["{{ params.as_args | join(' ') }}", "{{ params.lr.as_arg }}", "{{ params['lr'].value }}"]\n`,
      [],
    ],
    [
      "params.<io>.as_args is not a param field",
      `    args: ["{{ params.lr.as_args }}"]\n`,
      [["spec/unknown-template-variable", 11, 26]],
    ],
    ["params.<unknown>", `    args: ["{{ params.lrr.value }}"]\n`, [["spec/unknown-template-variable", 11, 23]]],
    ["Jinja's globals and literals", `    args: ["{{ range(3) | join(',') }} {{ None }} {{ lr is none }}"]\n`, []],
    ["a syntax error", `    args: ["{% for l in layers %}{{ l }}"]\n`, [["spec/template-syntax", 11, 13]]],
  ])("%s", (_name, container, expected) => {
    expect(found(job(container))).toEqual(expected);
  });

  it("says what params.<io> holds", () => {
    const [d] = run(job(`    args: ["{{ params.lr.as_args }}"]\n`));
    expect(`${d?.message} (${d?.hint})`).toMatchInlineSnapshot(
      `"template reads params.lr.as_args, but Polyaxon gives params.lr only value, type, connection, as_str, as_arg (did you mean params.lr.as_arg?)"`,
    );
  });
});

describe("{{ a-b }}", () => {
  it("is one problem, suggesting the declared a_b", () => {
    const ds = run(job(`    args: ["--tls-verify={{ tls-verify }}"]\n`));
    expect(ds.map((d) => [d.code, d.line, d.column])).toEqual([["spec/hyphenated-template-name", 11, 29]]);
    expect(`${ds[0]?.message} (${ds[0]?.hint})`).toMatchInlineSnapshot(
      `"{{ tls-verify }} reads "tls" minus "verify" (Jinja names cannot hold "-"), not the declared name "tls_verify" (did you mean tls_verify? Write {{ tls_verify }})"`,
    );
  });

  it("is a plain subtraction when both sides are declared", () => {
    const text = job(`    args: ["{{ lr-layers }}"]\n`);
    expect(found(text)).toEqual([]);
  });

  it("stays two unknown names when nothing like it is declared", () => {
    expect(found(job(`    args: ["{{ a-b }}"]\n`))).toEqual([
      ["spec/unknown-template-variable", 11, 16],
      ["spec/unknown-template-variable", 11, 18],
    ]);
  });
});

describe("the context of each field", () => {
  it.each([
    [
      "a job's container: params, globals, init, connections",
      `    args: ["{{ globals.run_outputs_path }} {{ connections['s3'].bucket }} {{ init }}"]\n`,
      [],
    ],
    [
      "a job's container: not dag, ops, inputs or matrix",
      `    args: ["{{ dag }}{{ ops }}{{ inputs }}{{ matrix }}"]\n`,
      [
        ["spec/unknown-template-variable", 11, 16],
        ["spec/unknown-template-variable", 11, 25],
        ["spec/unknown-template-variable", 11, 34],
        ["spec/unknown-template-variable", 11, 46],
      ],
    ],
  ])("%s", (_name, container, expected) => {
    expect(found(job(container))).toEqual(expected);
  });

  it("resolves run.connections before init and connections exist", () => {
    const text = job("", "").replace(
      "  kind: job\n",
      `  kind: job\n  connections: ["{{ params.lr.connection }}", "{{ connections.x }}"]\n`,
    );
    expect(found(text)).toEqual([["spec/unknown-template-variable", 9, 51]]);
  });

  it("renders an input's value with params and globals", () => {
    const text = INPUTS + `  - {name: out, type: str, value: "{{ globals.uuid }}/{{ init.x }}"}\nrun:\n  kind: job\n`;
    expect(found(text)).toEqual([["spec/unknown-template-variable", 7, 58]]);
  });

  it("renders an argFormat with its own value only", () => {
    const text =
      INPUTS +
      `  - {name: check, type: bool, argFormat: "{{ 1 if check else 0 }}"}\n  - {name: rate, type: float, argFormat: "--rate={{ rate }} --lr={{ lr }}"}\nrun:\n  kind: job\n`;
    const ds = run(text);
    expect(ds.map((d) => [d.code, d.line, d.column])).toEqual([["spec/arg-format-scope", 8, 69]]);
    expect(ds[0]?.message).toMatchInlineSnapshot(
      `"argFormat of "rate" reads "lr": Polyaxon renders an argFormat with its own value only, so "lr" renders empty"`,
    );
  });

  it("renders hooks with params and globals", () => {
    const text = job(
      "",
      `hooks:\n  - hubRef: slack\n    conditions: "{{ globals.status == 'failed' }}"\n    params:\n      msg: {value: "{{ lr }} {{ init.repo }}"}\n`,
    );
    expect(found(text)).toEqual([["spec/unknown-template-variable", 11, 33]]);
  });
});

describe("a DAG's operations", () => {
  const dag = (params: string) => `version: 1.1
kind: component
inputs:
  - {name: lr, type: float, value: 0.1}
run:
  kind: dag
  operations:
    - name: train
      dagRef: trainer
      params:
        lr: {value: "{{ dag.inputs.lr }}"}
    - name: evaluate
      dagRef: evaluator
      params:
${params}  components:
    - name: trainer
      inputs: [{name: lr, type: float}]
      outputs: [{name: model, type: path}]
      run: {kind: job, container: {image: x, args: ["{{ lr }}"]}}
    - name: evaluator
      inputs: [{name: model, type: path}]
      run: {kind: job, container: {image: x, args: ["{{ model }}"]}}
`;
  it.each([
    [
      "may read an upstream output and the DAG's inputs",
      `        model: {value: "{{ ops.train.outputs.model }}"}\n`,
      [],
    ],
    [
      "may not read an operation the DAG does not have",
      `        model: {value: "{{ ops.trian.outputs.model }}"}\n`,
      [["dag/unknown-ref", 15, 32]],
    ],
    [
      "may not read an output the upstream component lacks",
      `        model: {value: "{{ ops.train.outputs.modle }}"}\n`,
      [["dag/unknown-ref", 15, 46]],
    ],
    [
      "may not read an input the DAG lacks",
      `        model: {value: "{{ dag.inputs.model }}"}\n`,
      [["dag/unknown-ref", 15, 39]],
    ],
    [
      "may read the DAG's params by name and as params.<input>",
      `        model: {value: "{{ lr }}-{{ params.lr.value }}-{{ dag.globals.uuid }}"}\n`,
      [],
    ],
    [
      "a ref's value is a reference, not a template (the dags check judges it)",
      `        model: {ref: ops.train, value: "{{ outputs.model }}"}\n`,
      [],
    ],
    ["a {ref: dag} value reads the DAG's context", `        model: {ref: dag, value: "{{ inputs }}"}\n`, []],
  ])("%s", (_name, params, expected) => {
    expect(found(dag(params))).toEqual(expected);
  });

  it("suggests the operation meant", () => {
    const [d] = run(dag(`        model: {value: "{{ ops.trian.outputs.model }}"}\n`));
    expect(`${d?.message} (${d?.hint})`).toMatchInlineSnapshot(
      `"template reads ops.trian, but the DAG has no operation "trian" (did you mean ops.train?)"`,
    );
  });
});
