/**
 * A project's operation files (`projects/<p>/operations/<op>.yaml`): a kind of
 * the catalog with a schema, checked as Polyaxon reads a V1Operation.
 */
import { describe, expect, it } from "vitest";
import { operationsCheck } from "../../src/checks/operations.js";
import { schemaCheck } from "../../src/checks/schema.js";
import { classifyPath } from "../../src/model/kinds.js";
import { runRule } from "./run-rule.js";
import { BASE, validateFiles } from "../helpers/catalog.js";

const OP = "orgs/acme/projects/churn/operations/nightly.yaml";
const PREP = "orgs/acme/projects/churn/components/prep.yaml";
const files = (op: string) => ({
  ...BASE,
  [PREP]:
    "version: 1.1\nkind: component\ninputs: [{name: rows, type: int}]\noutputs: [{name: data, type: path}]\nrun: {kind: job}\n",
  [OP]: op,
});
const found = (op: string) => runRule(operationsCheck, files(op)).map((d) => [d.code, d.line, d.column]);

describe("operation files", () => {
  it("are a kind of the catalog, in a project's operations folder", () => {
    expect(classifyPath(OP)).toEqual({
      kind: "Operation",
      key: "acme/churn/nightly",
      name: "nightly",
      org: "acme",
      project: "churn",
    });
  });

  it("pass the schema as Polyaxon writes them, and fail it otherwise", () => {
    const ok =
      "version: 1.1\nkind: operation\nhubRef: acme/train:1.0.0\nparams:\n  lr: {value: 0.05}\nschedule: {kind: cron, cron: '0 2 * * *'}\n";
    expect(validateFiles(files(ok), [schemaCheck])).toEqual([]);
    expect(
      validateFiles(files("version: 1.1\nkind: operation\nhubRef: acme/train:1.0.0\nparms: {}\n"), [schemaCheck]).map(
        (d) => d.code,
      ),
    ).toEqual(["schema/unknown-property"]);
  });

  it.each([
    [
      "a hub version with its params",
      "version: 1.1\nkind: operation\nhubRef: acme/train:1.0.0\nparams: {lr: 0.05}\n",
      [],
    ],
    [
      "a hub version that is not published",
      "version: 1.1\nkind: operation\nhubRef: acme/train:1.1.0\n",
      [["op/unresolved-ref", 3, 9]],
    ],
    [
      "a project component by path",
      "version: 1.1\nkind: operation\npathRef: components/prep.yaml\nparams: {rows: 100}\n",
      [],
    ],
    [
      "a path to no component",
      "version: 1.1\nkind: operation\npathRef: ../components/preprocess.yaml\n",
      [["op/unresolved-ref", 3, 10]],
    ],
    [
      "a misspelt param and a missing input",
      "version: 1.1\nkind: operation\npathRef: components/prep.yaml\nparams: {row: 100}\n",
      [
        ["param/missing-required", 4, 1],
        ["param/unknown", 4, 10],
      ],
    ],
    [
      "no version",
      "kind: operation\npathRef: components/prep.yaml\nparams: {rows: 1}\n",
      [["spec/unsupported-version", 1, 1]],
    ],
    [
      "two references",
      "version: 1.1\nkind: operation\nhubRef: acme/train:1.0.0\npathRef: components/prep.yaml\n",
      [["op/reference-count", 1, 1]],
    ],
    [
      "an inline DAG, checked as a DAG",
      "version: 1.1\nkind: operation\ncomponent:\n  kind: component\n  run:\n    kind: dag\n    operations:\n      - {name: a, pathRef: ../components/prep.yaml, params: {rows: 1}}\n      - {name: b, hubRef: acme/train:1.0.0, dependencies: [aa]}\n",
      [["dag/unknown-dependency", 9, 60]],
    ],
  ])("%s", (_name, op, expected) => {
    expect(found(op)).toEqual(expected);
  });
});
