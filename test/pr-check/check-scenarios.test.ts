/** Pull-request scenarios that need history: merged grants, merged main, policy on the base, failing closed. */
import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { GitError } from "../../src/git/git-error.js";
import { checkPullRequest } from "../../src/pr-check/run-check.js";
import { edit, moveStage, PR_BASE } from "../helpers/pr-catalog.js";
import { commitRawPaths } from "../helpers/git-repo.js";
import { errorsOf, PrScenario } from "../helpers/pr-repo.js";

const ORG = "orgs/acme/organization.yaml";
const RUN2 = "orgs/acme/projects/churn/experiments/run-2.yaml";
const MV2 = "orgs/acme/models/churn-model/versions/2.0.0.yaml";
const experiment = (name: string) => `name: ${name}\ncomponent: acme/train:1.0.0\nstatus: created\n`;
const bobAdmin = edit(ORG, "  - user: bob\n    role: member", "  - user: bob\n    role: admin");
const toProduction = (by: string) => moveStage(PR_BASE[MV2]!, "production", by, "go live");

const scenarios: PrScenario[] = [];
function scenario(files = PR_BASE): PrScenario {
  const s = new PrScenario(files);
  scenarios.push(s);
  return s;
}
afterEach(() => {
  for (const s of scenarios.splice(0)) s.remove();
});

describe("roles come from the base", () => {
  it("denies a grant used in the same pull request, and allows the same edit once the grant has merged", async () => {
    const s = scenario();
    const together = await s.check({ actor: "bob", change: { [ORG]: bobAdmin, [RUN2]: null } });
    expect(errorsOf(together).map((d) => [d.code, d.file])).toEqual([
      ["pr/permission-denied", ORG],
      ["pr/permission-denied", RUN2],
    ]);
    s.commitToMain({ [ORG]: bobAdmin }, "alice grants bob admin");
    const after = await s.check({ actor: "bob", change: { [RUN2]: null } });
    expect(errorsOf(after)).toEqual([]);
    expect(after.changes[0]!.decisions[0]!.chain).toContain("bob is an admin of organization acme");
  });

  it("reads the base's own objects, not replacements (refs/replace) someone pushed for them", async () => {
    const s = scenario();
    const org = s.repo.git("rev-parse", `main:catalog/${ORG}`);
    const forged = execFileSync("git", ["hash-object", "-w", "--stdin"], {
      cwd: s.repo.dir,
      input: bobAdmin,
      encoding: "utf8",
    }).trim();
    s.repo.git("replace", org, forged);
    const result = await s.check({ actor: "bob", change: { [RUN2]: null } });
    expect(errorsOf(result)).toEqual([{ code: "pr/permission-denied", file: RUN2, line: 1, column: 1 }]);
    expect(result.changes[0]!.decisions[0]!.chain).toContain("bob is a member of organization acme");
  });

  it("judges a file deleted and re-added in separate commits by what it became: a stage move", async () => {
    const s = scenario();
    s.repo.branch("two-steps", "main");
    s.repo.writeCatalog({ [MV2]: null });
    s.repo.commit("delete 2.0.0");
    s.repo.writeCatalog({ [MV2]: toProduction("bob") });
    s.repo.commit("add 2.0.0 back, in production");
    s.repo.checkout("main");
    const result = await checkPullRequest({
      cwd: s.repo.dir,
      base: "main",
      head: "two-steps",
      actor: { login: "bob" },
    });
    expect(result.changes.map((c) => [c.action, c.decisions.filter((d) => !d.allowed).map((d) => d.rule)])).toEqual([
      ["update", ["stage-production"]],
    ]);
    expect(errorsOf(result)).toEqual([{ code: "pr/permission-denied", file: MV2, line: 3, column: 8 }]);
  });

  it("does not blame the author for base changes their branch merged in", async () => {
    const s = scenario();
    const forkPoint = s.repo.git("rev-parse", "main");
    const branch = s.openBranch({ change: { "orgs/acme/projects/churn/experiments/run-3.yaml": experiment("run-3") } });
    s.commitToMain({ [ORG]: edit(ORG, "Acme's ML.", "Acme's machine learning.") }, "alice edits the org");
    s.repo.checkout(branch);
    s.repo.merge("main");
    const result = await checkPullRequest({ cwd: s.repo.dir, base: "main", head: branch, actor: { login: "bob" } });
    expect(errorsOf(result)).toEqual([]);
    expect(result.changes.map((c) => c.path)).toEqual(["catalog/orgs/acme/projects/churn/experiments/run-3.yaml"]);
    // Against the old base the org edit would be part of the diff, and denied: the merge-base is what makes the difference.
    const stale = await checkPullRequest({ cwd: s.repo.dir, base: forkPoint, head: branch, actor: { login: "bob" } });
    expect(errorsOf(stale).map((d) => d.file)).toEqual([ORG]);
  });

  it("does not let a newcomer register under a name the base already gives roles to", async () => {
    // The base names zed as an owner of acme and as the owner of a model, but has no users/zed.yaml (a dangling name).
    const model = "orgs/acme/models/churn-model/model.yaml";
    const s = scenario({
      ...PR_BASE,
      [ORG]: `${PR_BASE[ORG]}  - user: zed\n    role: owner\n`,
      [model]: PR_BASE[model]!.replace("owner: alice", "owner: zed"),
    });
    const zed = "name: zed\ngithub: { login: zed, id: 7777 }\n";
    const byZed = await s.check({ actor: "zed", actorId: 7777, change: { "users/zed.yaml": zed } });
    expect(errorsOf(byZed)).toEqual([{ code: "pr/permission-denied", file: "users/zed.yaml", line: 2, column: 9 }]);
    expect(byZed.diagnostics.find((d) => d.code === "pr/permission-denied")!.message).toMatchInlineSnapshot(
      `"The base already names zed as owner of organization acme, owner of registry model acme/churn-model: registering that name would take those roles, so only a catalog admin may add users/zed.yaml; alternatively, adding user zed for someone else needs a catalog admin (catalog.yaml admins: alice); GitHub user zed is not one (rule user-self-register or user-create)"`,
    );
    expect(errorsOf(await s.check({ actor: "alice", change: { "users/zed.yaml": zed } }))).toEqual([]);
  });
});

describe("policy and delegations come from the base", () => {
  it("lets only the named admins manage a delegated registry", async () => {
    const files = {
      ...PR_BASE,
      "users/gus.yaml": "name: gus\ngithub: { login: gus, id: 1007 }\n",
      [ORG]: `${PR_BASE[ORG]}  - user: gus\n    role: admin\ndelegations:\n  - area: registry\n    to: [carol]\n`,
    };
    const s = scenario(files);
    const model = { "orgs/acme/models/fraud/model.yaml": "name: fraud\nowner: gus\n" };
    expect(
      errorsOf(await s.check({ actor: "gus", change: { [MV2]: toProduction("gus") } })).map((d) => d.code),
    ).toEqual(["pr/permission-denied"]);
    expect(errorsOf(await s.check({ actor: "carol", change: { [MV2]: toProduction("carol") } }))).toEqual([]);
    expect(errorsOf(await s.check({ actor: "gus", change: model })).map((d) => d.code)).toEqual([
      "pr/permission-denied",
    ]);
    expect(
      errorsOf(
        await s.check({ actor: "gus", change: { "orgs/acme/projects/ads/project.yaml": "name: ads\nowner: gus\n" } }),
      ),
    ).toEqual([]);
  });

  it("freezes a production model version except its description, for all but production approvers", async () => {
    const s = scenario();
    s.commitToMain({ [MV2]: toProduction("carol") }, "carol promotes 2.0.0");
    const metrics = toProduction("carol").replace("auc: 0.92", "auc: 0.99");
    expect(errorsOf(await s.check({ actor: "bob", change: { [MV2]: metrics } }))).toEqual([
      { code: "pr/permission-denied", file: MV2, line: 21, column: 17 },
    ]);
    expect(errorsOf(await s.check({ actor: "carol", change: { [MV2]: metrics } }))).toEqual([]);
    expect(
      errorsOf(
        await s.check({
          actor: "bob",
          change: { [MV2]: toProduction("carol").replace("Second candidate.", "Second candidate, in production.") },
        }),
      ),
    ).toEqual([]);
  });

  it("takes a version out of production only by a production approver, not by an admin of the model", async () => {
    const s = scenario();
    const model = "orgs/acme/models/churn-model/model.yaml";
    s.commitToMain(
      { [MV2]: toProduction("carol"), [model]: `${PR_BASE[model]}members:\n  - user: bob\n    role: admin\n` },
      "carol promotes 2.0.0; bob administers the model",
    );
    const disabled = (by: string) => moveStage(toProduction("carol"), "disabled", by, "pulled");
    const byBob = await s.check({ actor: "bob", change: { [MV2]: disabled("bob") } });
    expect(errorsOf(byBob)).toEqual([{ code: "pr/permission-denied", file: MV2, line: 3, column: 8 }]);
    expect(byBob.changes[0]!.decisions.filter((d) => !d.allowed).map((d) => d.rule)).toEqual(["production-frozen"]);
    expect(byBob.diagnostics.find((d) => d.code === "pr/permission-denied")!.message).toMatchInlineSnapshot(
      `"Moving model version acme/churn-model:2.0.0 from production to disabled needs a registry admin of acme: its owners, managers and admins; bob is not (rule production-frozen)"`,
    );
    expect(errorsOf(await s.check({ actor: "carol", change: { [MV2]: disabled("carol") } }))).toEqual([]);
    // The model's admin still moves versions that are not in production.
    const mv1 = "orgs/acme/models/churn-model/versions/1.0.0.yaml";
    const staged = moveStage(PR_BASE[mv1]!, "staging", "bob", "ok");
    expect(errorsOf(await s.check({ actor: "bob", change: { [mv1]: staged } }))).toEqual([]);
  });

  it("tightens production to owners with productionApprovers: owners", async () => {
    const s = scenario({ ...PR_BASE, "catalog.yaml": `${PR_BASE["catalog.yaml"]}  productionApprovers: owners\n` });
    const byErin = await s.check({ actor: "erin", change: { [MV2]: toProduction("erin") } });
    expect(errorsOf(byErin)).toEqual([{ code: "pr/permission-denied", file: MV2, line: 3, column: 8 }]);
    expect(byErin.diagnostics.find((d) => d.code === "pr/permission-denied")!.hint).toMatchInlineSnapshot(
      `"ask @alice (who may make this change) to make it, or to grant you the role in a separate pull request: a role granted in this one counts only after it merges"`,
    );
    expect(errorsOf(await s.check({ actor: "alice", change: { [MV2]: toProduction("alice") } }))).toEqual([]);
  });

  it("ignores a policy the pull request itself loosens", async () => {
    const s = scenario();
    const loosened = PR_BASE["catalog.yaml"]!.replace("maxChangedFiles: 10", "maxChangedFiles: 100");
    const change: Record<string, string> = { "catalog.yaml": loosened };
    for (let i = 0; i < 10; i++) change[`orgs/acme/projects/churn/experiments/x-${i}.yaml`] = experiment(`x-${i}`);
    const result = await s.check({ actor: "alice", change });
    expect(errorsOf(result)).toEqual([{ code: "pr/too-many-changes", file: "catalog.yaml", line: 4, column: 20 }]);
    expect(result.failedClosed).toBe("too many changed files");
  });
});

describe("the author is known by GitHub id when CI gives one", () => {
  // maya-chen, as in the sample catalog, owns acme; zed is an admin whose file predates github.id.
  const MAYA = "name: maya-chen\ngithub:\n  login: mayachen-nw\n  id: 48210937\n";
  const ZED = "name: zed\ngithub: { login: zed }\n";
  const withMember = (user: string, role: string) => `${PR_BASE[ORG]}  - user: ${user}\n    role: ${role}\n`;
  const BASES = {
    "maya has an id": { ...PR_BASE, "users/maya-chen.yaml": MAYA, [ORG]: withMember("maya-chen", "owner") },
    "zed has no id": { ...PR_BASE, "users/zed.yaml": ZED, [ORG]: withMember("zed", "admin") },
  };
  const deleteRun2 = { [RUN2]: null };
  const missingId = { code: "user/missing-github-id", file: "users/zed.yaml", line: 2, column: 1 };
  const denied = { code: "pr/permission-denied", file: RUN2, line: 1, column: 1 };

  it.each<[string, keyof typeof BASES, string, number | undefined, Record<string, string | null>, object[]]>([
    ["maya, by her id, deletes an experiment", "maya has an id", "mayachen-nw", 48210937, deleteRun2, []],
    [
      "another account that registered maya's login (another id) gets no rights",
      "maya has an id",
      "mayachen-nw",
      11111111,
      deleteRun2,
      [denied],
    ],
    ["maya under a renamed login: her id still finds her", "maya has an id", "maya-renamed", 48210937, deleteRun2, []],
    ["without an id (a local run) the login matches", "maya has an id", "mayachen-nw", undefined, deleteRun2, []],
    [
      "zed's login with an id: a file without github.id matches nobody",
      "zed has no id",
      "zed",
      5555,
      deleteRun2,
      [denied],
    ],
    [
      "a catalog admin gives zed his id: allowed, and the head validates",
      "zed has no id",
      "alice",
      1001,
      { "users/zed.yaml": "name: zed\ngithub: { login: zed, id: 5555 }\n" },
      [],
    ],
  ])("%s", async (_name, base, actor, actorId, change, expected) => {
    const result = await scenario(BASES[base]).check({ actor, ...(actorId !== undefined && { actorId }), change });
    expect(errorsOf(result)).toEqual(expected);
  });

  it("explains a denial to an author whose login matches a file without github.id", async () => {
    const result = await scenario(BASES["zed has no id"]).check({ actor: "zed", actorId: 5555, change: deleteRun2 });
    // The head names the file without an id; the base had that error already, so it is counted as already there.
    expect(
      result.preexisting
        .filter((d) => d.severity === "error")
        .map(({ code, file, line, column }) => ({ code, file: file.replace(/^catalog\//, ""), line, column })),
    ).toEqual([missingId]);
    expect(result.actor.user).toBeUndefined();
    expect(result.changes[0]!.decisions[0]!.chain[0]).toBe(
      "GitHub user zed (id 5555) has no user file (no users/*.yaml has github.id 5555; users/zed.yaml has github.login zed but no github.id, and is not matched by login when the id is known): no roles",
    );
  });
});

describe("validateHead: false", () => {
  it("reads only the changed files: same verdicts, parse errors of changed files, no catalog-wide checks", async () => {
    const s = scenario();
    const branch = s.openBranch({
      change: {
        [RUN2]: null,
        "orgs/acme/projects/churn/experiments/run-3.yaml":
          "name: run-3\ncomponent: acme/nothing:9.9.9\nstatus: created\n",
        "orgs/acme/projects/churn/experiments/run-4.yaml": "name: run-4\nstatus: [\n",
      },
    });
    const light = await checkPullRequest({
      cwd: s.repo.dir,
      base: "main",
      head: branch,
      actor: { login: "bob" },
      validateHead: false,
    });
    const full = await checkPullRequest({ cwd: s.repo.dir, base: "main", head: branch, actor: { login: "bob" } });
    expect(light.changes).toEqual(full.changes);
    expect(new Set(errorsOf(light).map((d) => d.code))).toEqual(new Set(["pr/permission-denied", "yaml/syntax"]));
    expect(errorsOf(full).map((d) => d.code)).toContain("ref/unknown-component");
    expect(light.entities).toBeLessThan(5);
  });
});

describe("failing closed", () => {
  it("refuses a pull request over the file cap without judging it", async () => {
    const s = scenario();
    const change: Record<string, string> = {};
    for (let i = 0; i < 11; i++) change[`orgs/acme/projects/churn/experiments/x-${i}.yaml`] = experiment(`x-${i}`);
    const result = await s.check({ actor: "alice", change });
    expect(errorsOf(result)).toEqual([{ code: "pr/too-many-changes", file: "catalog.yaml", line: 4, column: 20 }]);
    expect(result.diagnostics[0]!.message).toMatchInlineSnapshot(
      `"this pull request changes 11 files, more than the 10 that policy.maxChangedFiles allows: it is not checked, and not allowed"`,
    );
    expect(result.changes).toEqual([]);
  });

  it("refuses every change when the base's roles do not parse", async () => {
    const s = scenario();
    s.commitToMain({ [ORG]: "name: acme\nmembers: [\n" }, "broken org file");
    const result = await s.check({ actor: "alice", change: { [ORG]: PR_BASE[ORG]! } });
    expect(errorsOf(result).every((d) => d.code === "pr/base-invalid" && d.file === ORG)).toBe(true);
    expect(errorsOf(result).length).toBeGreaterThan(0);
    expect(result.failedClosed).toBe("the base does not parse");
  });

  it("refuses an author that matches two user files", async () => {
    const s = scenario({ ...PR_BASE, "users/bob2.yaml": "name: bob2\ngithub: { login: BOB }\n" });
    const result = await s.check({
      actor: "bob",
      change: { "orgs/acme/projects/churn/experiments/run-3.yaml": experiment("run-3") },
    });
    expect(errorsOf(result)).toEqual([{ code: "pr/actor-ambiguous", file: "users/bob.yaml", line: 1, column: 1 }]);
  });

  it("reports a submodule under the catalog folder", async () => {
    const s = scenario();
    const branch = s.openBranch({});
    const sha = s.repo.git("rev-parse", "HEAD");
    s.repo.git("update-index", "--add", "--cacheinfo", `160000,${sha},catalog/orgs/acme/vendor`);
    s.repo.git("commit", "-q", "-m", "add a submodule");
    const result = await checkPullRequest({ cwd: s.repo.dir, base: "main", head: branch, actor: { login: "alice" } });
    expect(errorsOf(result)).toEqual([{ code: "file/not-regular", file: "orgs/acme/vendor", line: 1, column: 1 }]);
  });

  it("refuses a branch with several merge-bases (criss-cross merges): a revert hidden from one of them would pass", async () => {
    const s = scenario();
    const r = s.repo;
    // Bob's branch forks; main adds frank (a manager's change); bob's branch adds an experiment.
    r.branch("bob", "main");
    r.checkout("main");
    const frank = `${PR_BASE[ORG]}  - user: frank\n    role: member\n`;
    const addFrank = s.commitToMain({ [ORG]: frank }, "erin adds frank");
    r.checkout("bob");
    r.writeCatalog({ "orgs/acme/projects/churn/experiments/run-3.yaml": experiment("run-3") });
    const bobsRun = r.commit("bob adds run-3");
    // Each side merges the other's commit (main merged an earlier pull request from bob's branch)...
    r.merge(addFrank);
    r.checkout("main");
    r.merge(bobsRun);
    // ...then bob removes frank again. From the merge-base git picks (bob's commit), frank was never there.
    r.checkout("bob");
    r.writeCatalog({ [ORG]: PR_BASE[ORG]! });
    r.commit("bob removes frank");
    r.checkout("main");
    expect(r.git("merge-base", "--all", "main", "bob").split("\n")).toHaveLength(2);
    const err = await checkPullRequest({ cwd: r.dir, base: "main", head: "bob", actor: { login: "bob" } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GitError);
    const [base, head] = [r.git("rev-parse", "main").slice(0, 10), r.git("rev-parse", "bob").slice(0, 10)];
    expect((err as GitError).message).toBe(
      `the base ${base} and the head ${head} have 2 merge-bases (criss-cross merges): a change seen from one of them can be invisible from another, so the pull request is not judged`,
    );
    expect((err as GitError).hint).toBe(
      `merge the base into the pull request's branch (git merge ${base}) and push it, so that the branch has one merge-base`,
    );
    // Merging main in again leaves one merge-base, and bob's removal of frank is judged (and denied).
    r.checkout("bob");
    r.merge("main");
    r.checkout("main");
    const judged = await checkPullRequest({ cwd: r.dir, base: "main", head: "bob", actor: { login: "bob" } });
    expect(errorsOf(judged).map((d) => [d.code, d.file])).toEqual([["pr/permission-denied", ORG]]);
  });

  it("refuses a head that shares no history with the base, with what to do", async () => {
    const s = scenario();
    s.repo.git("checkout", "-q", "--orphan", "unrelated");
    s.repo.writeCatalog({ [RUN2]: null });
    s.repo.commit("a history of its own");
    s.repo.checkout("main");
    const err = await checkPullRequest({
      cwd: s.repo.dir,
      base: "main",
      head: "unrelated",
      actor: { login: "bob" },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    const [base, head] = [
      s.repo.git("rev-parse", "main").slice(0, 10),
      s.repo.git("rev-parse", "unrelated").slice(0, 10),
    ];
    expect([(err as GitError).message, (err as GitError).hint]).toEqual([
      `the base ${base} and the head ${head} share no history: the pull request's changes cannot be told apart from the base`,
      `open the pull request from a branch of the base (git rebase ${base}), or fetch the full history of both (fetch-depth: 0)`,
    ]);
  });

  it.each([
    [
      "an experiment of project `..`",
      "orgs/acme/projects/../experiments/x.yaml",
      "name: x\ncomponent: acme/train:1.0.0\nstatus: created\n",
    ],
    ["a model version of model `.`", "orgs/acme/models/./versions/9.0.0.yaml", "name: 9.0.0\nstage: testing\n"],
  ])("maps a path with a dot segment (a pushed tree can carry one) to no kind: %s", async (_name, rel, text) => {
    const s = scenario();
    commitRawPaths(s.repo, {
      from: "main",
      branch: "dots",
      files: { [`catalog/${rel}`]: text },
      message: "a path git's index refuses",
    });
    const result = await checkPullRequest({ cwd: s.repo.dir, base: "main", head: "dots", actor: { login: "bob" } });
    expect(result.changes.map((c) => [c.path, c.allowed, c.decisions.map((d) => d.rule)])).toEqual([
      [`catalog/${rel}`, false, ["unknown-path"]],
    ]);
    expect(errorsOf(result)).toContainEqual({ code: "pr/permission-denied", file: rel, line: 1, column: 1 });
  });

  it.each([
    ["after", "the tree of <head>"],
    ["before", "the comparison of <base> with <head>"],
  ] as const)(
    "refuses a head whose tree lists a file twice (malformed git objects), the forged copy %s the real one",
    async (where, listing) => {
      const s = scenario();
      const files = { [`catalog/${ORG}`]: bobAdmin };
      commitRawPaths(s.repo, {
        from: "main",
        branch: "twice",
        files,
        message: "organization.yaml twice",
        twice: where,
      });
      const err = await checkPullRequest({
        cwd: s.repo.dir,
        base: "main",
        head: "twice",
        actor: { login: "bob" },
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GitError);
      const what = listing
        .replace("<head>", s.repo.git("rev-parse", "twice"))
        .replace("<base>", s.repo.git("rev-parse", "main"));
      expect([(err as GitError).message, (err as GitError).hint]).toEqual([
        `${what} lists catalog/${ORG} twice: its git objects are malformed, so nothing in it is judged`,
        "recreate the commit with git itself (git fsck names the broken tree); git never writes such a tree",
      ]);
    },
  );

  it("ends with a GitError that says what to do when the base is missing", async () => {
    const s = scenario();
    const err = await checkPullRequest({ cwd: s.repo.dir, base: "origin/main", actor: { login: "alice" } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(GitError);
    expect((err as GitError).hint).toBe("fetch it first: git fetch origin main");
  });
});
