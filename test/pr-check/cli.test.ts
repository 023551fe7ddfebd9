/** `mlcat check` and `mlcat explain` as a user runs them: output formats, exit codes, failures. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { PR_BASE } from "../helpers/pr-catalog.js";
import { PrScenario } from "../helpers/pr-repo.js";

const RUN2 = "orgs/acme/projects/churn/experiments/run-2.yaml";
const RUN3 = "orgs/acme/projects/churn/experiments/run-3.yaml";

let s: PrScenario;
let allowed: string;
let denied: string;
beforeAll(() => {
  s = new PrScenario();
  allowed = s.openBranch({ change: { [RUN3]: "name: run-3\ncomponent: acme/train:1.0.0\nstatus: created\n" } });
  s.repo.checkout("main");
  denied = s.openBranch({ change: { [RUN2]: null } });
  s.repo.checkout("main");
});
afterAll(() => s.remove());

describe("mlcat check", () => {
  it("exits 0 and lists each allowed change", async () => {
    const run = await runCli(["check", "--repo", s.repo.dir, "--base", "main", "--head", allowed, "--actor", "bob"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`allowed create catalog/${RUN3} (experiment-write)`);
    expect(run.stdout).toContain(
      "No problems in what this pull request changes (21 entities in 21 files checked).\nNot shown: 1 info already there before this pull request, in 1 file it did not change (run mlcat check with --all to see them).\n",
    );
  });

  it("exits 1 and reports a denial at the change, with the rule and who could make it", async () => {
    const run = await runCli(["check", "--repo", s.repo.dir, "--base", "main", "--head", denied, "--actor", "bob"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`DENIED  delete catalog/${RUN2} (experiment-delete)`);
    expect(run.stdout).toContain(
      `catalog/${RUN2}:1:1 - error pr/permission-denied: Deleting experiment acme/churn/run-2 needs admin or higher on project acme/churn; bob is a member there (rule experiment-delete)`,
    );
    expect(run.stdout).toContain("hint: ask @alice, @carol, @erin (who may make this change) to make it");
    expect(run.stdout).toContain("> 1 | name: run-2");
  });

  it("prints JSON with the revisions, the actor and every decision", async () => {
    const run = await runCli([
      "check",
      "--repo",
      s.repo.dir,
      "--base",
      "main",
      "--head",
      denied,
      "--actor",
      "bob",
      "--actor-id",
      "1002",
      "--format",
      "json",
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ actor: { login: "bob", id: 1002, user: "bob" }, denied: 1, errors: 1 });
    expect(report.summary.mergeBase).toBe(s.repo.git("rev-parse", "main"));
    expect(report.summary.changes).toEqual([
      {
        path: `catalog/${RUN2}`,
        action: "delete",
        allowed: false,
        rules: [
          expect.objectContaining({
            rule: "experiment-delete",
            allowed: false,
            approvers: ["alice", "carol", "erin"],
            ask: ["@alice", "@carol", "@erin"],
          }),
        ],
      },
    ]);
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(["pr/permission-denied"]);
    expect(report.summary.preexisting).toEqual({ errors: 0, warnings: 0, infos: 1, files: 1, shown: false });
  });

  it("annotates the diff for GitHub and writes the changes into the job summary", async () => {
    const run = await runCli(
      ["check", "--repo", s.repo.dir, "--base", "main", "--head", denied, "--actor", "bob", "--format", "github"],
      { GITHUB_STEP_SUMMARY: "/summary.md" },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `^::error file=catalog/${RUN2.replace(/\//g, "\\/")},line=1,col=1,title=mlcat pr/permission-denied::`,
        "m",
      ),
    );
    expect(run.appended["/summary.md"]).toContain(`| ❌ | delete | \`catalog/${RUN2}\` | experiment-delete |`);
  });

  it("judges every pusher as well as the author, and says whom a change was denied for", async () => {
    const run = await runCli([
      "check",
      "--repo",
      s.repo.dir,
      "--base",
      "main",
      "--head",
      denied,
      "--actor",
      "carol",
      "--actor-id",
      "1003",
      "--pusher",
      "dave:1004",
      "--pusher",
      "carol",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("Checked 1 changed file by carol (author) and dave (pusher)");
    expect(run.stdout).toContain(`DENIED  delete catalog/${RUN2} (experiment-delete; denied for the pusher dave)`);
    expect(run.stdout).toContain(
      `catalog/${RUN2}:1:1 - error pr/permission-denied: The pusher dave may not make this change: deleting experiment acme/churn/run-2 needs admin or higher on project acme/churn; dave is a viewer there (rule experiment-delete)`,
    );
    const json = JSON.parse(
      (
        await runCli([
          "check",
          "--repo",
          s.repo.dir,
          "--base",
          "main",
          "--head",
          denied,
          "--actor",
          "carol",
          "--pusher",
          "dave:1004",
          "--format",
          "json",
        ])
      ).stdout,
    );
    expect(json.summary.principals).toEqual([
      { as: "author", login: "carol", user: "carol" },
      { as: "pusher", login: "dave", id: 1004, user: "dave" },
    ]);
    expect(
      json.summary.changes[0].rules.map((r: { principal: string; allowed: boolean }) => [r.principal, r.allowed]),
    ).toEqual([
      ["carol", true],
      ["dave", false],
    ]);
    expect(json.summary.changes[0].rules[1].chain[0]).toBe(
      "judged for the pusher dave, who pushed to the branch: every principal must be allowed",
    );
  });

  it("passes with a pusher who may make every change too", async () => {
    const run = await runCli(
      [
        "check",
        "--repo",
        s.repo.dir,
        "--base",
        "main",
        "--head",
        denied,
        "--actor",
        "carol",
        "--pusher",
        "alice:1001",
        "--format",
        "github",
      ],
      { GITHUB_STEP_SUMMARY: "/summary.md" },
    );
    expect(run.stdout).not.toContain("::error");
    expect(run.code).toBe(0);
    expect(run.appended["/summary.md"]).toContain(`| ✅ | delete | \`catalog/${RUN2}\` | experiment-delete |`);
  });

  it("judges the merge result once the base moved on, and exits 1 on a branch that does not merge cleanly", async () => {
    const moved = new PrScenario();
    try {
      const clean = moved.openBranch({
        change: { [RUN3]: "name: run-3\ncomponent: acme/train:1.0.0\nstatus: created\n" },
      });
      moved.repo.checkout("main");
      const conflicting = moved.openBranch({ change: { [RUN2]: PR_BASE[RUN2]!.replace("lr: 0.2", "lr: 0.3") } });
      moved.commitToMain({ [RUN2]: PR_BASE[RUN2]!.replace("lr: 0.2", "lr: 0.5") }, "main moves on");
      const ok = await runCli(["check", "--repo", moved.repo.dir, "--base", "main", "--head", clean, "--actor", "bob"]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toMatch(
        /^Checked 1 changed file by bob \(base [0-9a-f]{10}, head [0-9a-f]{10}, merge-base [0-9a-f]{10}, judged on the merge result [0-9a-f]{10}\)\./,
      );
      const run = await runCli([
        "check",
        "--repo",
        moved.repo.dir,
        "--base",
        "main",
        "--head",
        conflicting,
        "--actor",
        "bob",
        "--format",
        "github",
      ]);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        new RegExp(
          `^::error file=catalog/${RUN2.replace(/\//g, "\\/")},line=1,col=1,title=mlcat pr/merge-conflict::merging this branch into the base [0-9a-f]{10} conflicts in this file`,
          "m",
        ),
      );
      expect(run.stdout).toContain("hint: rebase the branch on main and push again");
    } finally {
      moved.remove();
    }
  });

  it.each([
    [["check", "--base", "main", "--actor", "bob", "--repo", "/nonexistent/repo"], /repository folder does not exist/],
    [
      ["check", "--base", "main", "--actor", "bob", "--pusher", "dave:"],
      /--pusher must be a GitHub login, optionally with its numeric id after a colon \(octocat or octocat:583231\), not "dave:"/,
    ],
    [["check", "--base", "main", "--actor", "bob", "--pusher", ":1004"], /--pusher must be a GitHub login/],
    [["check", "--base", "main", "--actor", "bob", "--pusher", "dave:1004:5"], /--pusher must be a GitHub login/],
    [
      ["check", "--base", "origin/nope", "--actor", "bob"],
      /cannot find the base revision origin\/nope in this repository\n  hint: fetch it first: git fetch origin nope/,
    ],
    [["check", "--base", "--output=/tmp/x", "--actor", "bob"], /invalid base revision/],
    [["check", "--base", "main", "--actor", "bob", "--actor-id", "12abc"], /--actor-id must be a positive number/],
    [["check", "--base", "main"], /required option '--actor <login>' not specified/],
    [
      ["check", "--base", "main", "--actor", ""],
      /--actor must be the pull request author's GitHub login \(letters, digits and hyphens, or a bot's login\[bot\]\), not ""/,
    ],
    [["check", "--base", "main", "--actor", "bob smith"], /--actor must be the pull request author's GitHub login/],
  ])("exits 2 with a clear message: %j", async (args, message) => {
    const run = await runCli(args.includes("--repo") ? args : [...args, "--repo", s.repo.dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("exits 2, never 0, when git is missing", async () => {
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const run = await runCli(["check", "--repo", s.repo.dir, "--base", "main", "--actor", "alice"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("git is not installed or not on PATH");
    } finally {
      process.env.PATH = path;
    }
  });
});

describe("mlcat explain", () => {
  it("explains a denial with the chain of roles and whom to ask", async () => {
    const run = await runCli([
      "explain",
      "--repo",
      s.repo.dir,
      "--rev",
      "main",
      "--actor",
      "bob",
      `catalog/${RUN2}`,
      "--action",
      "delete",
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatchInlineSnapshot(`
      "denied: bob may not delete catalog/orgs/acme/projects/churn/experiments/run-2.yaml
        deleting experiment acme/churn/run-2 needs admin or higher on project acme/churn; bob is a member there (rule experiment-delete)

      because:
        1. GitHub user bob is catalog user bob (users/bob.yaml, matched by github.login bob)
        2. bob is a member of organization acme
        3. bob's effective role on project acme/churn: member
        4. rule experiment-delete: deleting experiment acme/churn/run-2 needs admin or higher on project acme/churn

      ask: @alice, @carol, @erin
      "
    `);
  });

  it.each<[string[], number, RegExp]>([
    [["--actor", "bob", "acme/churn/run-2"], 0, /^allowed: bob may update .*run-2\.yaml/],
    [["--actor", "bob", "acme/churn-model:2.0.0", "--action", "stage:production"], 1, /needs a registry admin of acme/],
    [
      ["--actor", "carol", "acme/churn-model:2.0.0", "--action", "stage:production"],
      0,
      /^allowed: carol may stage:production/,
    ],
    [["--actor", "alice", "acme/train:1.0.0"], 1, /the version is published and its tag is not in mutableTags/],
    [["--actor", "erin", "orgs/globex/organization.yaml", "--action", "create"], 1, /needs a catalog admin/],
    [["--actor", "carol", "catalog/orgs/acme/projects/churn/README.md", "--action", "create"], 0, /rule readme/],
    [["--actor", "bob", "acme/churn", "--action", "update"], 1, /changing the file of project acme\/churn needs admin/],
  ])("explain %j", async (args, code, output) => {
    const run = await runCli(["explain", "--repo", s.repo.dir, ...args]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(code);
    expect(run.stdout).toMatch(output);
  });

  it("prints JSON", async () => {
    const run = await runCli(["explain", "--repo", s.repo.dir, "--actor", "dave", "acme/forecast", "--format", "json"]);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({
      path: `${s.repo.dir}/catalog/orgs/acme/projects/forecast/project.yaml`,
      action: "update",
      allowed: false,
      rule: "project-manage",
      approvers: ["alice", "carol", "erin"],
      ask: ["@alice", "@carol", "@erin"],
    });
  });

  it.each([
    [["--actor", "bob", "acme/nothing"], /acme\/nothing names no entity/],
    [["--actor", "bob", "acme/churn", "--action", "stage:production"], /applies to model versions only/],
    [["--actor", "bob", "acme/churn-model:2.0.0", "--action", "stage:live"], /unknown stage "live"/],
    [["--actor", "bob", "acme/churn", "--action", "rename"], /unknown action "rename"/],
  ])("exits 2 on a target or action it cannot explain: %j", async (args, message) => {
    const run = await runCli(["explain", "--repo", s.repo.dir, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

it("keeps PR_BASE's component names unambiguous for explain", () => {
  expect(Object.keys(PR_BASE).filter((p) => p.includes("/models/train/"))).toEqual([]);
});
