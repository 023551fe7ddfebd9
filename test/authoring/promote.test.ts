import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { applyPlan } from "../../src/authoring/apply-plan.js";
import { formatLineage, traceLineage } from "../../src/authoring/lineage-trace.js";
import type { Outcome } from "../../src/authoring/outcome.js";
import type { Plan } from "../../src/authoring/plan.js";
import { planPromoteComponent, type PromoteComponentInput } from "../../src/authoring/promote-component.js";
import { planPromoteExperiment, type PromoteExperimentInput } from "../../src/authoring/promote-experiment.js";
import type { Workspace } from "../../src/authoring/workspace.js";
import { validate } from "../../src/validate.js";
import { open, read, tempCatalog } from "./temp-catalog.js";

const NOW = "2026-03-01T10:00:00Z";

/** A project component with comments and odd spacing: promotion must copy it byte for byte. */
const PREPARE = `# Prepare the churn features.
version:   1.1
kind: component
name: prepare
inputs:
- {name: sample_rate, type: float, isOptional: true, value: 0.5}
run:
  kind: job
  container: {image: "python:3.12", command: [python, prepare.py, "--rate={{ sample_rate }}"]}
`;

const EXTRA = {
  "orgs/acme/projects/churn/components/prepare.yaml": PREPARE,
  "orgs/acme/projects/churn/experiments/run-2.yaml": "name: run-2\ncomponent: acme/train:1.0.0\nstatus: failed\n",
  "orgs/acme/projects/churn/experiments/run-3.yaml": "name: run-3\ncomponent: acme/train:9.9.9\nstatus: succeeded\n",
};

const experiment = (over: Partial<PromoteExperimentInput> = {}): PromoteExperimentInput => ({
  experiment: "acme/churn/run-1",
  model: "acme/churn-model",
  version: "1.1.0",
  stage: "testing",
  by: "bob",
  now: NOW,
  ...over,
});

async function apply(ws: Workspace, plan: Outcome<Plan>): Promise<void> {
  if (!plan.ok) throw new Error(`${plan.refusal.message} (${plan.refusal.hint})`);
  const result = await applyPlan(ws, plan.value);
  if (!result.ok) throw new Error(`${result.refusal.message}: ${JSON.stringify(result.refusal.diagnostics)}`);
}

describe("promote experiment", () => {
  it("writes a model version with the experiment's full lineage, metrics and a first stage history entry", async () => {
    const dir = tempCatalog(EXTRA);
    const ws = await open(dir);
    await apply(ws, planPromoteExperiment({ ws }, experiment({ reason: "AUC 0.9 on holdout" })));
    const data = parse(read(dir, "orgs/acme/models/churn-model/versions/1.1.0.yaml"), { version: "1.2" });
    expect(data).toEqual({
      name: "1.1.0",
      stage: "testing",
      stageHistory: [{ stage: "testing", at: NOW, by: "bob", reason: "AUC 0.9 on holdout" }],
      lineage: { project: "churn", experiment: "run-1", component: "acme/train:1.0.0", params: { lr: 0.1 } },
      metrics: { auc: 0.9 },
      createdAt: NOW,
      createdBy: "bob",
    });
    const after = await validate({ dir });
    expect(after.diagnostics.filter((d) => d.file.endsWith("1.1.0.yaml"))).toEqual([]);
    const chain = traceLineage(after.catalog, "acme/churn-model:1.1.0");
    expect(chain.ok && formatLineage(chain.value)).toBe(
      "model version acme/churn-model:1.1.0 <- experiment acme/churn/run-1 <- component version acme/train:1.0.0",
    );
  });

  it("creates the model entry and its model card when the model is new", async () => {
    const dir = tempCatalog();
    const ws = await open(dir);
    const plan = planPromoteExperiment({ ws }, experiment({ model: "acme/churn-v2", version: "0.1.0" }));
    expect(plan.ok && plan.value.changes.map((c) => c.relPath)).toEqual([
      "orgs/acme/models/churn-v2/model.yaml",
      "orgs/acme/models/churn-v2/README.md",
      "orgs/acme/models/churn-v2/versions/0.1.0.yaml",
    ]);
    await apply(ws, plan);
    expect(parse(read(dir, "orgs/acme/models/churn-v2/model.yaml"))).toMatchObject({ name: "churn-v2", owner: "bob" });
  });

  it.each<[string, Partial<PromoteExperimentInput>, boolean, RegExp]>([
    [
      "an experiment that did not succeed",
      { experiment: "acme/churn/run-2" },
      false,
      /has status "failed"; only a succeeded experiment can be promoted/,
    ],
    [
      "an experiment whose component version does not exist",
      { experiment: "acme/churn/run-3" },
      false,
      /ran component "acme\/train:9\.9\.9", which does not exist/,
    ],
    [
      "an experiment that does not exist",
      { experiment: "acme/churn/run-9" },
      false,
      /experiment "acme\/churn\/run-9" does not exist/,
    ],
    ["a version that exists", { version: "1.0.0" }, false, /model version "acme\/churn-model:1\.0\.0" already exists/],
    [
      "a model reference without an organization",
      { model: "churn-model" },
      true,
      /--model "churn-model" should be written <org>\/<model>/,
    ],
    ["a bad version tag", { version: "1.0.0!" }, true, /--version "1\.0\.0!" is not a valid version tag/],
  ])("refuses %s", async (_name, over, usage, message) => {
    const plan = planPromoteExperiment({ ws: await open(tempCatalog(EXTRA)) }, experiment(over));
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.refusal.message).toMatch(message);
      expect(plan.refusal.usage).toBe(usage);
    }
  });
});

const component = (over: Partial<PromoteComponentInput> = {}): PromoteComponentInput => ({
  component: "acme/churn/prepare",
  to: "acme/prepare:1.0.0",
  now: NOW,
  commit: "0123456789abcdef0123456789abcdef01234567",
  ...over,
});

describe("promote component", () => {
  it("copies the spec byte for byte, creates the hub entry and records the source in the release", async () => {
    const dir = tempCatalog(EXTRA);
    const ws = await open(dir);
    await apply(ws, planPromoteComponent({ ws }, component({ notes: "First release." })));
    expect(readFileSync(join(dir, "orgs/acme/components/prepare/versions/1.0.0.yaml"))).toEqual(
      readFileSync(join(dir, "orgs/acme/projects/churn/components/prepare.yaml")),
    );
    expect(parse(read(dir, "orgs/acme/components/prepare/component.yaml"))).toEqual({
      name: "prepare",
      owner: "alice",
      team: "ml",
      releases: [
        {
          tag: "1.0.0",
          stage: "testing",
          releasedAt: NOW,
          notes: "First release.",
          source: {
            project: "churn",
            path: "components/prepare.yaml",
            commit: "0123456789abcdef0123456789abcdef01234567",
          },
        },
      ],
    });
    const after = await validate({ dir });
    expect(after.diagnostics.filter((d) => d.file.includes("/components/prepare/") && d.severity === "error")).toEqual(
      [],
    );
  });

  it("adds a release to an existing hub entry, keeping its comments", async () => {
    const entry = `# The training component.
name: train
description: Train a model.
owner: alice
releases:
  # the first one
  - tag: "1.0.0"
    stage: production
`;
    const dir = tempCatalog({ ...EXTRA, "orgs/acme/components/train/component.yaml": entry });
    const ws = await open(dir);
    await apply(ws, planPromoteComponent({ ws }, component({ to: "acme/train:1.1.0", stage: "staging" })));
    expect(read(dir, "orgs/acme/components/train/component.yaml")).toBe(`${entry}  - tag: "1.1.0"
    stage: staging
    releasedAt: "2026-03-01T10:00:00Z"
    source:
      project: churn
      path: components/prepare.yaml
      commit: 0123456789abcdef0123456789abcdef01234567
`);
  });

  it("refuses a published tag, and suggests the next one", async () => {
    const plan = planPromoteComponent({ ws: await open(tempCatalog(EXTRA)) }, component({ to: "acme/train:1.0.0" }));
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.refusal.message).toMatch(
        /acme\/train:1\.0\.0 is already published .*published versions are immutable/,
      );
      expect(plan.refusal.hint).toContain("--to acme/train:1.0.1");
    }
  });

  it.each<[string, Partial<PromoteComponentInput>, boolean, RegExp]>([
    [
      "a project component that does not exist",
      { component: "acme/churn/nope" },
      false,
      /project component "acme\/churn\/nope" does not exist/,
    ],
    [
      "a target without a tag",
      { to: "acme/prepare" },
      true,
      /--to "acme\/prepare" should be written <org>\/<name>:<tag>/,
    ],
    [
      "a hub organization that does not exist",
      { to: "globex/prepare:1.0.0" },
      false,
      /organization "globex" does not exist/,
    ],
  ])("refuses %s", async (_name, over, usage, message) => {
    const plan = planPromoteComponent({ ws: await open(tempCatalog(EXTRA)) }, component(over));
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.refusal.message).toMatch(message);
      expect(plan.refusal.usage).toBe(usage);
    }
  });
});

describe("lineage after both promotions", () => {
  it("resolves from the model version back to the project component the hub version came from", async () => {
    const dir = tempCatalog({
      ...EXTRA,
      "orgs/acme/projects/churn/experiments/run-3.yaml": null,
      "orgs/acme/projects/churn/experiments/run-4.yaml":
        "name: run-4\ncomponent: acme/prepare:1.0.0\nparams: {sample_rate: 0.25}\nstatus: succeeded\n",
    });
    let ws = await open(dir);
    await apply(ws, planPromoteComponent({ ws }, component()));
    ws = await open(dir);
    await apply(ws, planPromoteExperiment({ ws }, experiment({ experiment: "acme/churn/run-4", version: "2.0.0" })));
    const after = await validate({ dir });
    expect(after.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const chain = traceLineage(after.catalog, "acme/churn-model:2.0.0");
    expect(chain.ok && chain.value.map((l) => `${l.kind} ${l.key}`)).toEqual([
      "ModelVersion acme/churn-model:2.0.0",
      "Experiment acme/churn/run-4",
      "ComponentVersion acme/prepare:1.0.0",
      "ProjectComponent acme/churn/prepare",
    ]);
  });
});
