import { describe, expect, it } from "vitest";
import { applyPlan } from "../../src/authoring/apply-plan.js";
import { planStageChange, type StageChangeInput } from "../../src/authoring/change-stage.js";
import { validate } from "../../src/validate.js";
import { BASE } from "../helpers/catalog.js";
import { open, read, tempCatalog } from "./temp-catalog.js";

const FILE = "orgs/acme/models/churn-model/versions/1.0.0.yaml";
const change = (over: Partial<StageChangeInput> = {}): StageChangeInput => ({
  version: "acme/churn-model:1.0.0",
  stage: "staging",
  reason: "shadow traffic clean for a week",
  by: "alice",
  now: "2026-02-01T09:00:00Z",
  ...over,
});

describe("stage", () => {
  it("changes the stage and appends who, when and why; every other line stays as it was", async () => {
    const dir = tempCatalog();
    const ws = await open(dir);
    const plan = planStageChange({ ws }, change());
    if (!plan.ok) throw new Error(plan.refusal.message);
    expect(plan.value.notes).toEqual(["acme/churn-model:1.0.0: testing -> staging"]);
    const applied = await applyPlan(ws, plan.value);
    expect(applied.ok && applied.value.diagnostics).toEqual([]);
    expect(read(dir, FILE)).toBe(
      BASE[FILE]!.replace("stage: testing\nstageHistory", "stage: staging\nstageHistory").replace(
        "    reason: first candidate\n",
        '    reason: first candidate\n  - stage: staging\n    at: "2026-02-01T09:00:00Z"\n    by: alice\n    reason: shadow traffic clean for a week\n',
      ),
    );
    expect((await validate({ dir })).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("keeps comments around the edited values", async () => {
    const text = `name: 1.0.0
# promoted by the release bot
stage: testing # do not edit by hand
stageHistory:
  - stage: testing
    at: "2026-01-10T12:00:00Z"
    by: alice
    reason: first candidate
  # next entries go here
lineage: {project: churn, experiment: run-1, component: acme/train:1.0.0}
`;
    const dir = tempCatalog({ [FILE]: text });
    const ws = await open(dir);
    const plan = planStageChange({ ws }, change({ stage: "disabled", reason: "superseded" }));
    if (!plan.ok) throw new Error(plan.refusal.message);
    await applyPlan(ws, plan.value);
    const out = read(dir, FILE);
    expect(out).toContain("# promoted by the release bot\nstage: disabled # do not edit by hand\n");
    expect(out).toContain("  # next entries go here\n");
    expect(out).toContain(
      '  - stage: disabled\n    at: "2026-02-01T09:00:00Z"\n    by: alice\n    reason: superseded\n',
    );
  });

  it("needs no reason when the catalog's policy says so", async () => {
    const dir = tempCatalog({ "catalog.yaml": "title: T\nadmins: [alice]\npolicy: {requireStageReason: false}\n" });
    const plan = planStageChange({ ws: await open(dir) }, change({ reason: undefined }));
    expect(plan.ok).toBe(true);
  });

  it.each<[string, Partial<StageChangeInput>, boolean, RegExp]>([
    ["a missing reason", { reason: undefined }, true, /a stage change needs a reason \(--reason\)/],
    ["an unknown stage", { stage: "live" }, true, /"live" is not a stage/],
    ["a version without a tag", { version: "acme/churn-model" }, true, /should be written <org>\/<model>:<tag>/],
    [
      "a version that does not exist",
      { version: "acme/churn-model:9.0.0" },
      false,
      /model version "acme\/churn-model:9\.0\.0" does not exist/,
    ],
    ["the stage it is already in", { stage: "testing" }, false, /is already in stage "testing"/],
  ])("refuses %s", async (_name, over, usage, message) => {
    const plan = planStageChange({ ws: await open(tempCatalog()) }, change(over));
    expect(plan.ok).toBe(false);
    if (!plan.ok) {
      expect(plan.refusal.message).toMatch(message);
      expect(plan.refusal.usage).toBe(usage);
    }
  });

  it("refuses, writing nothing, a change that goes back in time", async () => {
    const dir = tempCatalog();
    const ws = await open(dir);
    const plan = planStageChange({ ws }, change({ now: "2025-01-01T00:00:00Z" }));
    if (!plan.ok) throw new Error(plan.refusal.message);
    const result = await applyPlan(ws, plan.value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal.diagnostics?.map((d) => d.code)).toEqual(["version/stage-history"]);
    expect(read(dir, FILE)).toBe(BASE[FILE]);
  });
});
