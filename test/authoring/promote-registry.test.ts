/**
 * `promote experiment` copies what the run records of deployment and data
 * (flavors, evaluation, input data) into the version, and says what is left
 * to fill for the stages the catalog's policy governs.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { applyPlan } from "../../src/authoring/apply-plan.js";
import { planPromoteExperiment, type PromoteExperimentInput } from "../../src/authoring/promote-experiment.js";
import { BASE } from "../helpers/catalog.js";
import { open, read, tempCatalog } from "./temp-catalog.js";

const NOW = "2026-03-01T10:00:00Z";
const SHA = "a".repeat(64);
const RUN = "orgs/acme/projects/churn/experiments/run-4.yaml";
const FEATURES = "orgs/acme/projects/churn/experiments/features-1.yaml";

const RECORDED = `name: run-4
component: acme/train:1.0.0
params: { lr: 0.10 }
inputs:
  - {name: features, experiment: churn/features-1, artifact: features}
  - {name: labels, uri: s3://acme-data/labels/, version: "2025-12"}
metrics: { auc: 0.90 }
evaluation:
  - {task: binary-classification, dataset: {name: acme/churn, version: v3, split: test}, metric: auc, value: 0.90}
  - {task: binary-classification, dataset: {name: acme/churn, version: v3, split: test}, metric: f1, value: 0.71, experiment: churn/run-1}
artifacts:
  - {name: model, uri: s3://acme-runs/run-4/model.onnx, kind: model, size: 1024, sha256: ${SHA}}
flavors:
  - {name: onnx, artifact: model, format: onnx, framework: onnxruntime, requirements: [onnxruntime==1.18.0]}
status: succeeded
`;
const POLICY = `title: Test catalog
admins: [alice]
policy:
  stages:
    staging: {require: [checksums, flavor]}
    production: {require: [checksums, flavor, signature, evaluation, inputExample]}
`;

const input = (over: Partial<PromoteExperimentInput> = {}): PromoteExperimentInput => ({
  experiment: "acme/churn/run-4",
  model: "acme/churn-model",
  version: "1.1.0",
  stage: "testing",
  by: "bob",
  now: NOW,
  ...over,
});

const catalog = (run: string) =>
  tempCatalog({
    "catalog.yaml": POLICY,
    [RUN]: run,
    [FEATURES]: `name: features-1\ncomponent: acme/train:1.0.0\nstatus: succeeded\nartifacts: [{name: features, uri: s3://acme-data/features/v1/}]\n`,
  });

describe("promote experiment: what the run records of deployment and data", () => {
  it("copies flavors, evaluation (marked with the run) and input data, numbers as written, and names what is left", async () => {
    const dir = catalog(RECORDED);
    const ws = await open(dir);
    const plan = planPromoteExperiment({ ws }, input());
    if (!plan.ok) throw new Error(plan.refusal.message);
    expect(plan.value.notes).toEqual([
      "left to fill before production (catalog.yaml policy.stages.production): signature (inputs and outputs) and inputExample",
    ]);
    const applied = await applyPlan(ws, plan.value);
    expect(applied.ok).toBe(true);
    const text = read(dir, "orgs/acme/models/churn-model/versions/1.1.0.yaml");
    expect(text).toMatch(/value: 0\.90\b/);
    const data = parse(text, { version: "1.2" });
    expect(data.lineage.inputs).toEqual([
      { name: "features", experiment: "churn/features-1", artifact: "features" },
      { name: "labels", uri: "s3://acme-data/labels/", version: "2025-12" },
    ]);
    expect(data.flavors).toEqual([
      {
        name: "onnx",
        artifact: "model",
        format: "onnx",
        framework: "onnxruntime",
        requirements: ["onnxruntime==1.18.0"],
      },
    ]);
    expect(data.evaluation.map((r: { metric: string; experiment: string }) => [r.metric, r.experiment])).toEqual([
      ["auc", "churn/run-4"],
      ["f1", "churn/run-1"],
    ]);
  });

  it("for a run that records none of it, says so, stage by stage", async () => {
    const dir = catalog("name: run-4\ncomponent: acme/train:1.0.0\nstatus: succeeded\n");
    const plan = planPromoteExperiment({ ws: await open(dir) }, input());
    if (!plan.ok) throw new Error(plan.refusal.message);
    expect(plan.value.notes).toEqual([
      "left to fill before staging (catalog.yaml policy.stages.staging): artifacts, each with sha256 and size and flavors (at least one)",
      "left to fill before production (catalog.yaml policy.stages.production): signature (inputs and outputs), evaluation (at least one result) and inputExample",
      "the run does not record lineage.inputs (the data the run read, pinned by a version or checksum): add them to the version where they apply",
    ]);
  });

  it("refuses to promote straight into a stage whose requirements the run does not meet", async () => {
    const dir = catalog(RECORDED.replace(/flavors:\n.*\n/, ""));
    const plan = planPromoteExperiment({ ws: await open(dir) }, input({ stage: "staging" }));
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.refusal.message).toContain("does not record: flavors (at least one)");
    expect(plan.refusal.hint).toContain("--stage testing");
  });

  it("promotes into staging when the run records what staging requires", async () => {
    const dir = catalog(RECORDED);
    const plan = planPromoteExperiment({ ws: await open(dir) }, input({ stage: "staging" }));
    expect(plan.ok).toBe(true);
  });

  it("keeps a catalog without a policy as it was: no requirement notes, only what the run lacks", async () => {
    const dir = tempCatalog({
      "catalog.yaml": BASE["catalog.yaml"]!,
      [RUN]: RECORDED,
      [FEATURES]:
        "name: features-1\ncomponent: acme/train:1.0.0\nstatus: succeeded\nartifacts: [{name: features, uri: s3://f/}]\n",
    });
    const plan = planPromoteExperiment({ ws: await open(dir) }, input());
    if (!plan.ok) throw new Error(plan.refusal.message);
    expect(plan.value.notes).toEqual([
      "the run does not record signature, inputExample: add them to the version where they apply",
    ]);
  });
});
