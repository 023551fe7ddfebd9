/**
 * The verdict is about the merge result: what merging the branch into the base
 * would change on the base, not the branch's own diff. Two changes to one file,
 * each allowed on its own, can line-merge into one that neither was judged on.
 */
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { GitError } from "../../src/git/git-error.js";
import { checkPullRequest } from "../../src/pr-check/run-check.js";
import { edit, PR_BASE } from "../helpers/pr-catalog.js";
import { errorsOf, PrScenario } from "../helpers/pr-repo.js";

const ORG = "orgs/acme/organization.yaml";
const RUN2 = "orgs/acme/projects/churn/experiments/run-2.yaml";
const RUN3 = "orgs/acme/projects/churn/experiments/run-3.yaml";
const MV1 = "orgs/acme/models/churn-model/versions/1.0.0.yaml";
const run3 = "name: run-3\ncomponent: acme/train:1.0.0\nstatus: created\n";

const scenarios: PrScenario[] = [];
function scenario(files = PR_BASE): PrScenario {
  const s = new PrScenario(files);
  scenarios.push(s);
  return s;
}
afterEach(() => {
  for (const s of scenarios.splice(0)) s.remove();
});

/** Open a branch from main with `change` (left on main). */
function branchOf(s: PrScenario, change: Record<string, string | null>): string {
  const branch = s.openBranch({ change });
  s.repo.checkout("main");
  return branch;
}

const check = (s: PrScenario, head: string, login: string, base = "main") =>
  checkPullRequest({ cwd: s.repo.dir, base, head, actor: { login } });
const denial = (result: Awaited<ReturnType<typeof check>>) => result.diagnostics.find((d) => d.severity === "error")!;

describe("judging the merge result", () => {
  it("denies two separately allowed edits of one file that line-merge into a change neither author was judged on", async () => {
    // Erin (a manager) adds frank as a member, at the end of the members; the branch is allowed on its own.
    const s = scenario();
    const forkPoint = s.repo.git("rev-parse", "main");
    const frankMember = `${PR_BASE[ORG]}  - user: frank\n    role: member\n`;
    const branch = branchOf(s, { [ORG]: frankMember });
    expect(errorsOf(await check(s, branch, "erin"))).toEqual([]);
    // Meanwhile alice (an owner) makes frank an owner, listed after herself: allowed too, and merged.
    s.commitToMain(
      { [ORG]: edit(ORG, "    role: owner\n", "    role: owner\n  - user: frank\n    role: owner\n") },
      "alice makes frank an owner",
    );
    // git merges the two cleanly: frank is listed twice, as owner and as member. Changing an owner's entries needs an owner.
    const result = await check(s, branch, "erin");
    expect(s.repo.git("show", `${result.revisions.mergeTree}:catalog/${ORG}`)).toContain(
      "  - user: frank\n    role: owner\n  - user: erin",
    );
    expect(
      result.changes.map((c) => [c.path, c.allowed, c.decisions.filter((d) => !d.allowed).map((d) => d.rule)]),
    ).toEqual([[`catalog/${ORG}`, false, ["org-owners"]]]);
    // Annotated where erin edited the file (line 15 of her head), saying that the merge result was judged.
    expect(errorsOf(result)).toEqual([{ code: "pr/permission-denied", file: ORG, line: 15, column: 1 }]);
    expect(denial(result).message).toMatchInlineSnapshot(
      `"Changing frank's role in acme from owner to owner and member needs owner or higher on organization acme; erin is a manager there (rule org-owners; judged on the file as merging this branch into the base leaves it: the base changed it too since the branch forked)"`,
    );
    // The branch's own diff, from where it forked, is still allowed: only the merge result makes the difference.
    expect(errorsOf(await check(s, branch, "erin", forkPoint))).toEqual([]);
    // An owner may make the merged change.
    expect(errorsOf(await check(s, branch, "alice"))).toEqual([]);
  });

  it("judges a member's metrics edit of a testing version as an edit of the production version it merges into, annotated at the edited value", async () => {
    const s = scenario();
    const branch = branchOf(s, { [MV1]: PR_BASE[MV1]!.replace("auc: 0.9", "auc: 0.99") });
    const production = PR_BASE[MV1]!.replace("stage: testing\nstageHistory", "stage: production\nstageHistory").replace(
      "    reason: first candidate\n",
      `    reason: first candidate\n  - stage: production\n    at: "2026-01-14T12:00:00Z"\n    by: carol\n    reason: go live\n`,
    );
    s.commitToMain({ [MV1]: production }, "carol moves 1.0.0 to production");
    const result = await check(s, branch, "bob");
    expect(errorsOf(result)).toEqual([{ code: "pr/permission-denied", file: MV1, line: 12, column: 17 }]);
    expect(denial(result).message).toMatch(
      /^Changing metrics of model version acme\/churn-model:1\.0\.0, which is in production needs a registry admin of acme: its owners, managers and admins; bob is not \(rule production-frozen; judged on the file as merging this branch into the base leaves it/,
    );
    expect(errorsOf(await check(s, branch, "carol"))).toEqual([]);
  });

  it("judges a change a rename on the base carried to another path where it lands: an experiment moved to a project the author only views", async () => {
    const forecast = "orgs/acme/projects/forecast/project.yaml";
    const s = scenario({ ...PR_BASE, [forecast]: `${PR_BASE[forecast]}  - user: bob\n    role: viewer\n` });
    const branch = branchOf(s, { [RUN2]: PR_BASE[RUN2]!.replace("lr: 0.2", "lr: 0.3") });
    expect(errorsOf(await check(s, branch, "bob"))).toEqual([]);
    const moved = RUN2.replace("/churn/", "/forecast/");
    s.commitToMain({ [RUN2]: null, [moved]: PR_BASE[RUN2]! }, "carol moves run-2 to forecast");
    const result = await check(s, branch, "bob");
    expect(result.changes.map((c) => [c.path, c.action, c.allowed])).toEqual([[`catalog/${moved}`, "update", false]]);
    expect(errorsOf(result)).toEqual([{ code: "pr/permission-denied", file: moved, line: 3, column: 15 }]);
    expect(denial(result).message).toMatch(
      /^Changing experiment acme\/forecast\/run-2 needs member or higher on project acme\/forecast; bob is a viewer there \(rule experiment-write; judged on the file as merging/,
    );
    // The code frame shows the merged file: the head has no file there.
    expect(result.texts.get(`catalog/${moved}`)).toContain("lr: 0.3");
  });

  it("reports a merged file that does not parse, though each side's file does", async () => {
    const s = scenario();
    const branch = branchOf(s, { [RUN2]: `${PR_BASE[RUN2]}description: Bob's notes.\n` });
    s.commitToMain({ [RUN2]: `description: Alice's notes.\n${PR_BASE[RUN2]}` }, "alice describes run-2");
    const result = await check(s, branch, "alice");
    const problem = result.diagnostics.find((d) => d.code.startsWith("yaml/"))!;
    expect([problem.code, problem.file, problem.line, problem.column]).toEqual([
      "yaml/duplicate-key",
      `catalog/${RUN2}`,
      1,
      1,
    ]);
    expect(problem.message).toMatchInlineSnapshot(
      `"in the file merging this branch into the base would give (line 6): key "description" appears twice in this mapping (first on line 1)"`,
    );
    expect(problem.hint).toBe("rebase the branch on main, fix the file and push again");
  });

  it("judges only what the branch changes: a file only the base changed since the fork is not the contributor's", async () => {
    const s = scenario();
    const branch = branchOf(s, { [RUN3]: run3 });
    s.commitToMain({ [ORG]: edit(ORG, "Acme's ML.", "Acme's machine learning.") }, "alice edits the org");
    const result = await check(s, branch, "bob");
    expect(result.revisions.mergeTree).toMatch(/^[0-9a-f]{40}$/);
    expect(result.changes.map((c) => [c.path, c.allowed])).toEqual([[`catalog/${RUN3}`, true]]);
    expect(errorsOf(result)).toEqual([]);
  });
});

describe("a branch that does not merge cleanly", () => {
  it("is denied with pr/merge-conflict on each conflicting file, and what to do", async () => {
    const s = scenario();
    const mv2 = "orgs/acme/models/churn-model/versions/2.0.0.yaml";
    const branch = branchOf(s, { [RUN2]: PR_BASE[RUN2]!.replace("lr: 0.2", "lr: 0.3"), [mv2]: null, [RUN3]: run3 });
    s.commitToMain(
      {
        [RUN2]: PR_BASE[RUN2]!.replace("lr: 0.2", "lr: 0.5"),
        [mv2]: PR_BASE[mv2]!.replace("Second candidate.", "Second."),
      },
      "alice edits run-2 and 2.0.0",
    );
    const result = await check(s, branch, "alice");
    expect(errorsOf(result)).toEqual([
      { code: "pr/merge-conflict", file: mv2, line: 1, column: 1 },
      { code: "pr/merge-conflict", file: RUN2, line: 1, column: 1 },
    ]);
    const base = s.repo.git("rev-parse", "main").slice(0, 10);
    expect(result.diagnostics.map((d) => [d.message, d.hint])).toEqual([
      [
        `merging this branch into the base ${base} conflicts in this file: the branch deleted it and the base changed it; the file the merge would produce cannot be judged, so nothing in this pull request is allowed`,
        "rebase the branch on main and push again",
      ],
      [
        `merging this branch into the base ${base} conflicts in this file: the base and the branch both changed the same lines since the branch forked; the file the merge would produce cannot be judged, so nothing in this pull request is allowed`,
        "rebase the branch on main and push again",
      ],
    ]);
    expect(result.failedClosed).toBe("the branch does not merge cleanly into the base");
    expect(result.changes).toEqual([]);
    // Rebased on main, the branch is judged again, change by change.
    s.repo.checkout(branch);
    s.repo.git("reset", "-q", "--hard", "main");
    s.repo.writeCatalog({ [RUN2]: PR_BASE[RUN2]!.replace("lr: 0.2", "lr: 0.3"), [RUN3]: run3 });
    s.repo.commit("rebased");
    s.repo.checkout("main");
    expect((await check(s, branch, "alice")).changes.map((c) => [c.path, c.allowed])).toEqual([
      [`catalog/${RUN2}`, true],
      [`catalog/${RUN3}`, true],
    ]);
  });

  it("is denied when the base published, after the branch forked, a version the branch adds with other bytes", async () => {
    const s = scenario();
    const v = "orgs/acme/components/train/versions/1.1.0.yaml";
    const spec = PR_BASE["orgs/acme/components/train/versions/1.0.0.yaml"]!;
    const branch = branchOf(s, { [v]: spec.replace("python:3.12", "python:3.14") });
    s.commitToMain({ [v]: spec.replace("python:3.12", "python:3.13") }, "publish 1.1.0");
    const result = await check(s, branch, "bob");
    expect(errorsOf(result)).toEqual([{ code: "pr/merge-conflict", file: v, line: 1, column: 1 }]);
    expect(result.diagnostics[0]!.message).toContain("the base and the branch both added it, with different contents");
  });
});

describe("the fast path: the base has not moved since the branch forked", () => {
  /** A git that fails `git merge-tree`, and runs the real git for everything else. */
  function gitWithoutMergeTree(): string {
    const dir = mkdtempSync(join(tmpdir(), "mlcat-no-merge-tree-"));
    const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    const wrapper = join(dir, "git");
    writeFileSync(
      wrapper,
      `#!/bin/sh\nfor a in "$@"; do [ "$a" = merge-tree ] && { echo "fatal: merge-tree is not allowed here" >&2; exit 128; }; done\nexec "${real}" "$@"\n`,
    );
    chmodSync(wrapper, 0o755);
    return wrapper;
  }

  it("judges the head itself, without computing a merge; once the base moves, the merge is computed and a failure of it never passes", async () => {
    const s = scenario();
    const branch = branchOf(s, { [RUN3]: run3 });
    const binary = gitWithoutMergeTree();
    const fast = await checkPullRequest({
      cwd: s.repo.dir,
      base: "main",
      head: branch,
      actor: { login: "bob" },
      binary,
    });
    expect(fast.revisions.mergeTree).toBeUndefined();
    expect(fast.revisions.mergeBase).toBe(s.repo.git("rev-parse", "main"));
    expect(errorsOf(fast)).toEqual([]);
    s.commitToMain({ [ORG]: edit(ORG, "Acme's ML.", "Acme's machine learning.") }, "main moves on");
    const err = await checkPullRequest({
      cwd: s.repo.dir,
      base: "main",
      head: branch,
      actor: { login: "bob" },
      binary,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    expect((err as GitError).message).toMatch(
      /^cannot merge [0-9a-f]{40} into [0-9a-f]{40}: merge-tree is not allowed here$/,
    );
  });
});
