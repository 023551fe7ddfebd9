/**
 * A model version's lineage against the experiment it names: a succeeded run
 * of the same component version, with the same params and code commit, and
 * params that are a complete run of the component.
 */
import { describe, expect, it } from "vitest";
import { lineageCheck } from "../../src/checks/lineage.js";
import { runRule } from "./run-rule.js";
import { BASE } from "../helpers/catalog.js";

const VERSION = "orgs/acme/models/churn-model/versions/1.1.0.yaml";
const RUN = "orgs/acme/projects/churn/experiments/run-2.yaml";
const SPEC = "orgs/acme/components/train/versions/1.1.0.yaml";

const files = (
  lineage: string,
  experiment = "status: succeeded\ncomponent: acme/train:1.1.0\nparams: {data: s3://d, lr: 0.05}\ncode: {commit: 3f2c1ab9d}\n",
) => ({
  ...BASE,
  [SPEC]:
    "version: 1.1\nkind: component\ninputs:\n  - {name: data, type: path}\n  - {name: lr, type: float, value: 0.1}\nrun: {kind: job}\n",
  "orgs/acme/components/train/component.yaml":
    'name: train\nowner: alice\nreleases: [{tag: "1.0.0"}, {tag: "1.1.0"}]\n',
  [RUN]: `name: run-2\n${experiment}`,
  [VERSION]: `name: 1.1.0
stage: testing
stageHistory:
  - {stage: testing, at: "2026-01-01T00:00:00Z", by: alice, reason: first}
lineage:
  project: churn
  experiment: run-2
${lineage}`, // lineage fields from line 8
});
const found = (lineage: string, experiment?: string) =>
  runRule(lineageCheck, files(lineage, experiment)).map((d) => [d.code, d.line, d.column]);

describe("a model version's lineage against its experiment", () => {
  it.each([
    [
      "the same component, params and commit",
      "  component: acme/train:1.1.0\n  params: {data: s3://d, lr: 0.05}\n  code: {commit: 3f2c1ab}\n",
      [],
    ],
    [
      "another component version",
      "  component: acme/train:1.0.0\n  params: {data: s3://d, lr: 0.05}\n",
      [
        ["lineage/component-differs", 8, 14],
        ["param/unknown", 9, 12],
      ],
    ],
    [
      "a param the experiment did not use",
      "  component: acme/train:1.1.0\n  params: {data: s3://d, lr: 0.1}\n",
      [["lineage/params-differ", 9, 3]],
    ],
    [
      "another commit",
      "  component: acme/train:1.1.0\n  params: {data: s3://d, lr: 0.05}\n  code: {commit: 'a1b2c3d'}\n",
      [["lineage/code-differs", 10, 18]],
    ],
    [
      "params that leave out a required input",
      "  component: acme/train:1.1.0\n  params: {lr: 0.05}\n",
      [
        ["lineage/params-differ", 9, 3],
        ["param/missing-required", 9, 3],
      ],
    ],
    [
      "a param the component does not have",
      "  component: acme/train:1.1.0\n  params: {data: s3://d, lr: 0.05, epochs: 3}\n",
      [
        ["lineage/params-differ", 9, 3],
        ["param/unknown", 9, 36],
      ],
    ],
  ])("%s", (_name, lineage, expected) => {
    expect(found(lineage)).toEqual(expected);
  });

  it("fails on a run that did not succeed", () => {
    const experiment = "status: failed\ncomponent: acme/train:1.1.0\nparams: {data: s3://d, lr: 0.05}\n";
    expect(found("  component: acme/train:1.1.0\n  params: {data: s3://d, lr: 0.05}\n", experiment)).toEqual([
      ["lineage/experiment-not-succeeded", 7, 15],
    ]);
  });

  it("says which params differ and how", () => {
    const ds = runRule(lineageCheck, files("  component: acme/train:1.1.0\n  params: {lr: 0.1, seed: 7}\n"));
    expect(ds.find((d) => d.code === "lineage/params-differ")?.message).toMatchInlineSnapshot(
      `"lineage params differ from those of experiment acme/churn/run-2: data is missing (the experiment used "s3://d"), lr is 0.1, the experiment used 0.05, seed 7 was not a param of the experiment"`,
    );
  });

  it("says nothing when the experiment does not exist (the references check does)", () => {
    const text = files("  component: acme/train:1.1.0\n  params: {data: s3://d, lr: 0.05}\n");
    text[VERSION] = text[VERSION]!.replace("experiment: run-2", "experiment: run-9");
    expect(runRule(lineageCheck, text)).toEqual([]);
  });
});
