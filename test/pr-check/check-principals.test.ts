/** Every principal judged: the author and whoever else pushed to the branch (the event's sender) must each be allowed. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PR_BASE } from "../helpers/pr-catalog.js";
import { errorsOf, PrScenario } from "../helpers/pr-repo.js";

const RUN2 = "orgs/acme/projects/churn/experiments/run-2.yaml";
const RUN3 = "orgs/acme/projects/churn/experiments/run-3.yaml";
const MV2 = "orgs/acme/models/churn-model/versions/2.0.0.yaml";
const run3 = "name: run-3\ncomponent: acme/train:1.0.0\nstatus: created\n";
const messages = (result: Awaited<ReturnType<PrScenario["check"]>>) =>
  result.diagnostics.filter((d) => d.severity === "error").map((d) => d.message);

let s: PrScenario;
beforeAll(() => {
  s = new PrScenario(PR_BASE);
});
afterAll(() => s.remove());

describe("a pusher who is not the author", () => {
  it("is denied what the author may do: a viewer pushing an experiment's deletion onto an admin's branch", async () => {
    const byCarol = await s.check({ actor: "carol", actorId: 1003, change: { [RUN2]: null } });
    expect(errorsOf(byCarol)).toEqual([]);
    const pushedByDave = await s.check({
      actor: "carol",
      actorId: 1003,
      pushers: [{ login: "dave", id: 1004 }],
      change: { [RUN2]: null },
    });
    expect(errorsOf(pushedByDave)).toEqual([{ code: "pr/permission-denied", file: RUN2, line: 1, column: 1 }]);
    expect(messages(pushedByDave)).toEqual([
      "The pusher dave may not make this change: deleting experiment acme/churn/run-2 needs admin or higher on project acme/churn; dave is a viewer there (rule experiment-delete)",
    ]);
    expect(pushedByDave.changes.map((c) => [c.path, c.allowed])).toEqual([[`catalog/${RUN2}`, false]]);
    expect(pushedByDave.principals.map((p) => [p.as, p.login, p.user])).toEqual([
      ["author", "carol", "carol"],
      ["pusher", "dave", "dave"],
    ]);
  });

  it("names each principal's decision and its chain, the author's allowed and the pusher's denied", async () => {
    const result = await s.check({
      actor: "carol",
      actorId: 1003,
      pushers: [{ login: "dave", id: 1004 }],
      change: { [RUN2]: null },
    });
    const [author, pusher] = result.changes[0]!.decisions;
    expect([author!.principal, author!.allowed]).toEqual([{ login: "carol", id: 1003, as: "author" }, true]);
    expect([pusher!.principal, pusher!.allowed]).toEqual([{ login: "dave", id: 1004, as: "pusher" }, false]);
    expect(pusher!.chain).toEqual([
      "judged for the pusher dave, who pushed to the branch: every principal must be allowed",
      "GitHub user dave (id 1004) is catalog user dave (users/dave.yaml, matched by github.id 1004)",
      "dave is a viewer of organization acme",
      "dave's effective role on project acme/churn: viewer",
      "rule experiment-delete: deleting experiment acme/churn/run-2 needs admin or higher on project acme/churn",
    ]);
  });

  it("gives each denied principal its own annotation at the same place", async () => {
    const result = await s.check({
      actor: "dave",
      actorId: 1004,
      pushers: [{ login: "bob", id: 1002 }],
      change: { [RUN2]: null },
    });
    expect(errorsOf(result)).toEqual([
      { code: "pr/permission-denied", file: RUN2, line: 1, column: 1 },
      { code: "pr/permission-denied", file: RUN2, line: 1, column: 1 },
    ]);
    expect(messages(result)).toEqual([
      "The author dave may not make this change: deleting experiment acme/churn/run-2 needs admin or higher on project acme/churn; dave is a viewer there (rule experiment-delete)",
      "The pusher bob may not make this change: deleting experiment acme/churn/run-2 needs admin or higher on project acme/churn; bob is a member there (rule experiment-delete)",
    ]);
  });

  it("is allowed what both may do, and a denial nobody could avoid is reported once", async () => {
    expect(
      errorsOf(await s.check({ actor: "carol", pushers: [{ login: "bob", id: 1002 }], change: { [RUN3]: run3 } })),
    ).toEqual([]);
    const rewritten = PR_BASE[MV2]!.replace("reason: candidate", "reason: a better story");
    const result = await s.check({
      actor: "carol",
      pushers: [{ login: "alice", id: 1001 }],
      change: { [MV2]: rewritten },
    });
    expect(errorsOf(result)).toEqual([{ code: "pr/stage-history-rewritten", file: MV2, line: 5, column: 5 }]);
  });

  it("has no roles without a user file", async () => {
    const result = await s.check({ actor: "carol", pushers: [{ login: "zed", id: 9999 }], change: { [RUN3]: run3 } });
    expect(messages(result)).toEqual([
      "The pusher GitHub user zed may not make this change: adding experiment acme/churn/run-3 needs member or higher on project acme/churn; GitHub user zed has no role there (rule experiment-write)",
    ]);
  });

  it("fails the check closed when they match several user files, saying it is the pusher", async () => {
    // Two files with one login fail validation; a base that has them anyway (merged before that check) fails closed.
    const twice = new PrScenario({ ...PR_BASE, "users/bob2.yaml": "name: bob2\ngithub: { login: BOB }\n" });
    const result = await twice
      .check({ actor: "carol", pushers: [{ login: "bob" }], change: { [RUN3]: run3 } })
      .finally(() => twice.remove());
    expect(errorsOf(result)).toEqual([{ code: "pr/actor-ambiguous", file: "users/bob.yaml", line: 1, column: 1 }]);
    expect(result.failedClosed).toBe("the pusher matches several user files");
    expect(messages(result)[0]).toMatch(/^the pusher bob matches several user files on the base \(bob, bob2\)/);
  });
});

describe("a pusher who is the author", () => {
  it.each([
    ["the same id", { login: "carol", id: 1003 }],
    ["the same login, in another case, without an id", { login: "Carol" }],
  ])("is judged once, as the author, when named by %s", async (_how, pusher) => {
    const result = await s.check({ actor: "carol", actorId: 1003, pushers: [pusher], change: { [RUN2]: null } });
    expect(result.principals.map((p) => [p.as, p.login])).toEqual([["author", "carol"]]);
    expect(errorsOf(result)).toEqual([]);
  });

  it("is someone else when the login is the author's but the id is not (a renamed login taken over)", async () => {
    const result = await s.check({
      actor: "carol",
      actorId: 1003,
      pushers: [{ login: "carol", id: 4242 }],
      change: { [RUN2]: null },
    });
    expect(result.principals.map((p) => [p.as, p.login, p.id])).toEqual([
      ["author", "carol", 1003],
      ["pusher", "carol", 4242],
    ]);
    expect(result.changes[0]!.allowed).toBe(false);
  });
});
