/**
 * An experiment against the component version it ran: params as Polyaxon
 * judges a run's params, and the component's connections against the
 * project's.
 */
import { describe, expect, it } from "vitest";
import { experimentsCheck } from "../../src/checks/experiments.js";
import { runRule } from "./run-rule.js";
import { BASE } from "../helpers/catalog.js";

const XGB = "orgs/acme/components/xgb/versions/1.2.0.yaml";
const RUN = "orgs/acme/projects/churn/experiments/run-2.yaml";

const SPEC = `version: 1.1
kind: component
inputs:
  - {name: train_data, type: path}
  - {name: valid_data, type: path}
  - {name: max_depth, type: int, value: 6, validation: {ge: 1, le: 16}}
  - {name: learning_rate, type: float, value: 0.1}
  - {name: objective, type: str, value: "binary:logistic", validation: {options: ["binary:logistic", "reg:squarederror"]}}
  - {name: late, type: str, validation: {delay: true}}
outputs:
  - {name: model, type: path}
run:
  kind: job
  connections: [s3-data]
  container: {image: "ghcr.io/acme/xgb:1.2.0"}
`;

const files = (experiment: string, spec = SPEC) => ({
  ...BASE,
  "orgs/acme/components/xgb/component.yaml": 'name: xgb\nowner: alice\nreleases: [{tag: "1.2.0"}]\n',
  [XGB]: spec,
  [RUN]: experiment,
});
const found = (experiment: string, spec?: string) =>
  runRule(experimentsCheck, files(experiment, spec)).map((d) => [d.code, d.line, d.column]);
const run = (params: string) => `name: run-2\ncomponent: acme/xgb:1.2.0\nstatus: succeeded\nparams:\n${params}`; // params from line 5

describe("an experiment's params against its component", () => {
  it.each([
    ["all required inputs given", "  train_data: s3://d/train\n  valid_data: s3://d/valid\n  max_depth: 8\n", []],
    [
      "a misspelt param",
      "  train_data: s3://d/train\n  valid_data: s3://d/valid\n  max_dept: 8\n",
      [["param/unknown", 7, 3]],
    ],
    ["a missing required input", "  train_data: s3://d/train\n", [["param/missing-required", 4, 1]]],
    [
      "a value that does not parse",
      "  train_data: a\n  valid_data: b\n  max_depth: deep\n",
      [["param/invalid-value", 7, 14]],
    ],
    [
      "a value its validation refuses",
      "  train_data: a\n  valid_data: b\n  max_depth: 40\n",
      [["param/validation-failed", 7, 14]],
    ],
    [
      "an option that is not offered",
      "  train_data: a\n  valid_data: b\n  objective: multi:softmax\n",
      [["param/validation-failed", 7, 14]],
    ],
    ["an output's value may be recorded", "  train_data: a\n  valid_data: b\n  model: s3://d/model.json\n", []],
  ])("%s", (_name, params, expected) => {
    expect(found(run(params))).toEqual(expected);
  });

  it("reports missing inputs at component when there are no params", () => {
    expect(found("name: run-2\ncomponent: acme/xgb:1.2.0\nstatus: failed\n")).toEqual([
      ["param/missing-required", 2, 12],
    ]);
  });

  it("says what is wrong and offers the name meant", () => {
    const ds = runRule(experimentsCheck, files(run("  train_data: a\n  max_dept: 8\n")));
    expect(ds.map((d) => `${d.code}: ${d.message} (${d.hint})`)).toMatchInlineSnapshot(`
      [
        "param/missing-required: acme/xgb:1.2.0 requires input "valid_data", and it is not given (add valid_data: <value> under params (an input is optional only with a value, isOptional: true or a delayed validation))",
        "param/unknown: param "max_dept" is not an input or output of acme/xgb:1.2.0 (did you mean "max_depth"?)",
      ]
    `);
  });

  it("checks a project component's runs too", () => {
    const spec = "version: 1.1\nkind: component\ninputs: [{name: n, type: int}]\nrun: {kind: job}\n";
    const text = "name: run-2\ncomponent: prep\nstatus: succeeded\nparams: {n: many}\n";
    expect(
      runRule(experimentsCheck, { ...BASE, "orgs/acme/projects/churn/components/prep.yaml": spec, [RUN]: text }).map(
        (d) => [d.code, d.line, d.column],
      ),
    ).toEqual([["param/invalid-value", 4, 13]]);
  });

  it("says nothing of a component that does not resolve (the references check does)", () => {
    expect(found("name: run-2\ncomponent: acme/xgb:9.9.9\nstatus: succeeded\nparams: {nope: 1}\n")).toEqual([]);
  });
});

describe("an experiment's connections against its project", () => {
  const ok = "  train_data: a\n  valid_data: b\n";
  it("passes when the project lists every connection the component uses", () => {
    expect(found(run(ok))).toEqual([]);
  });

  it("fails when the component uses a connection the project does not list", () => {
    const spec = SPEC.replace(
      "connections: [s3-data]",
      "connections: [s3-data, warehouse]\n  init:\n    - {connection: repo, git: {revision: main}}",
    );
    const ds = runRule(experimentsCheck, files(run(ok), spec));
    expect(ds.map((d) => [d.code, d.line, d.column])).toEqual([["experiment/connection-not-allowed", 2, 12]]);
    expect(ds[0]?.message).toMatchInlineSnapshot(
      `"acme/xgb:1.2.0 uses connections "warehouse", "repo" (run.connections.1, run.init.0.connection), which project acme/churn does not list"`,
    );
  });

  it("counts an input's connection, and leaves templated names to run time", () => {
    const spec = SPEC.replace(
      "  - {name: late, type: str, validation: {delay: true}}",
      "  - {name: late, type: str, validation: {delay: true}, connection: gcs-x}",
    ).replace("connections: [s3-data]", 'connections: [s3-data, "{{ params.late.connection }}"]');
    expect(found(run(ok), spec)).toEqual([["experiment/connection-not-allowed", 2, 12]]);
  });
});
