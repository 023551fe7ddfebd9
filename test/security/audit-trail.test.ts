/**
 * The registry's audit trail is bound to the pull request that writes it: an
 * appended stage-history entry names the author and the time of the pull
 * request's commits; a new record's createdBy is its author (or a service
 * account's, on behalf of others, when the base's policy says so).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moveStage, PR_BASE, PR_TIME } from "../helpers/pr-catalog.js";
import { errorsOf, PrScenario } from "../helpers/pr-repo.js";

const MV2 = "orgs/acme/models/churn-model/versions/2.0.0.yaml";
const RUN3 = "orgs/acme/projects/churn/experiments/run-3.yaml";
const MV3 = "orgs/acme/models/churn-model/versions/3.0.0.yaml";
const experiment = (extra = "") => `name: run-3\ncomponent: acme/train:1.0.0\nstatus: created\n${extra}`;
const version = (by: string, extra = "") =>
  `name: 3.0.0\nstage: testing\nstageHistory:\n  - stage: testing\n    at: "${PR_TIME}"\n    by: ${by}\n    reason: first\n${extra}`;
const mismatch = (file: string, line: number, column: number) => ({ code: "pr/record-mismatch", file, line, column });

describe("records bound to the pull request", () => {
  let s: PrScenario;
  beforeAll(() => {
    s = new PrScenario({
      ...PR_BASE,
      "users/bot.yaml": "name: bot\ngithub: { login: train-bot, id: 3001 }\n",
      "catalog.yaml": `${PR_BASE["catalog.yaml"]}  recordOnBehalf: [bot]\n`,
      "orgs/acme/organization.yaml": `${PR_BASE["orgs/acme/organization.yaml"]}  - user: bot\n    role: member\n`,
    });
  });
  afterAll(() => s.remove());

  it.each([
    [
      "an approver moves a version to production in another approver's name",
      "carol",
      { [MV2]: moveStage(PR_BASE[MV2]!, "production", "erin") },
      [mismatch(MV2, 15, 9)],
    ],
    ["an approver moves it in their own name", "carol", { [MV2]: moveStage(PR_BASE[MV2]!, "production", "carol") }, []],
    [
      "a catalog admin disables a version writing the model's owner as by",
      "alice",
      { [MV2]: moveStage(PR_BASE[MV2]!, "disabled", "bob") },
      [mismatch(MV2, 15, 9)],
    ],
    [
      "an entry dated long before the pull request",
      "carol",
      {
        [MV2]: moveStage(PR_BASE[MV2]!, "production", "carol").replace(
          `at: "${PR_TIME}"`,
          'at: "2025-12-20T00:00:00Z"',
        ),
      },
      [mismatch(MV2, 14, 9)],
    ],
    [
      "an entry dated in the future",
      "carol",
      {
        [MV2]: moveStage(PR_BASE[MV2]!, "production", "carol").replace(
          `at: "${PR_TIME}"`,
          'at: "2030-01-01T00:00:00Z"',
        ),
      },
      [mismatch(MV2, 14, 9)],
    ],
    [
      "a member adds an experiment created by someone else",
      "bob",
      { [RUN3]: experiment("createdBy: carol\n") },
      [mismatch(RUN3, 4, 12)],
    ],
    ["a member adds an experiment created by themselves", "bob", { [RUN3]: experiment("createdBy: bob\n") }, []],
    ["a member adds an experiment without createdBy", "bob", { [RUN3]: experiment() }, []],
    [
      "the training bot records a run on behalf of a member",
      "train-bot",
      { [RUN3]: experiment("createdBy: bob\n") },
      [],
    ],
    ["a member adds a model version with their own first entry", "bob", { [MV3]: version("bob") }, []],
    [
      "a member adds a model version whose first entry names another",
      "bob",
      { [MV3]: version("alice") },
      [mismatch(MV3, 6, 9)],
    ],
    [
      "a member adds a model version created by another",
      "bob",
      { [MV3]: version("bob", "createdBy: alice\n") },
      [mismatch(MV3, 8, 12)],
    ],
    [
      "a member rewrites the creator of an existing experiment",
      "bob",
      {
        "orgs/acme/projects/churn/experiments/run-2.yaml": `${PR_BASE["orgs/acme/projects/churn/experiments/run-2.yaml"]}createdBy: alice\n`,
      },
      [mismatch("orgs/acme/projects/churn/experiments/run-2.yaml", 5, 12)],
    ],
  ] as const)("%s", async (_name, actor, change, expected) => {
    const result = await s.check({ actor, change });
    expect(errorsOf(result)).toEqual(expected);
  });

  it("lets an entry name any principal of the pull request: a production approver pushing onto the author's branch", async () => {
    const change = { [MV2]: moveStage(PR_BASE[MV2]!, "production", "carol") };
    const pushed = await s.check({ actor: "bob", actorId: 1002, pushers: [{ login: "carol", id: 1003 }], change });
    // bob may not move it to production: the verdict is about roles, not the record.
    expect(errorsOf(pushed).map((e) => e.code)).toEqual(["pr/permission-denied"]);
    expect(pushed.diagnostics.some((d) => d.code === "pr/record-mismatch")).toBe(false);
    const other = await s.check({
      actor: "bob",
      actorId: 1002,
      pushers: [{ login: "carol", id: 1003 }],
      change: { [MV2]: moveStage(PR_BASE[MV2]!, "production", "erin") },
    });
    expect(other.diagnostics.filter((d) => d.code === "pr/record-mismatch").length).toBeGreaterThan(0);
  });

  it("says which field is wrong and what it should be", async () => {
    const byOther = await s.check({
      actor: "carol",
      change: { [MV2]: moveStage(PR_BASE[MV2]!, "production", "erin") },
    });
    const d = byOther.diagnostics.find((x) => x.code === "pr/record-mismatch")!;
    expect(d.message).toContain(`Appended entry stageHistory[2] has by: "erin", but this pull request is by carol`);
    expect(d.hint).toContain("write by: carol");
    const late = await s.check({
      actor: "carol",
      change: {
        [MV2]: moveStage(PR_BASE[MV2]!, "production", "carol").replace(
          `at: "${PR_TIME}"`,
          'at: "2025-12-20T00:00:00Z"',
        ),
      },
    });
    expect(late.diagnostics.find((x) => x.code === "pr/record-mismatch")!.message).toMatch(
      /Appended entry stageHistory\[2\] has at: "2025-12-20T00:00:00Z", outside the time of this pull request's commits \(2025-12-31T23:51Z to 2026-01-01T00:\d\dZ, with 10 minutes' allowance\)/,
    );
    const created = await s.check({ actor: "bob", change: { [RUN3]: experiment("createdBy: carol\n") } });
    expect(created.diagnostics.find((x) => x.code === "pr/record-mismatch")!.hint).toBe(
      "write createdBy: bob, or leave it out",
    );
  });
});
