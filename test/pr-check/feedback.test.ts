/**
 * `mlcat check` gives feedback about the pull request: the problems of the
 * files it changed and the ones its changes bring elsewhere, one line
 * counting what was already there (`--all` shows it), the same for GitHub's
 * annotations and job summary; whom to ask is named by GitHub @login.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { PR_BASE } from "../helpers/pr-catalog.js";
import { PrScenario } from "../helpers/pr-repo.js";

const PREPARE = "orgs/acme/projects/churn/components/prepare.yaml";
const RUN3 = "orgs/acme/projects/churn/experiments/run-3.yaml";
const RUN2 = "orgs/acme/projects/churn/experiments/run-2.yaml";

/** PR_BASE with a warning in a file no pull request here touches, and carol's GitHub login differing from her catalog name. */
const FILES = {
  ...PR_BASE,
  "users/carol.yaml": "name: carol\ndisplayName: Carol Diaz\ngithub: { login: carol-d, id: 1003 }\n",
  [PREPARE]:
    "version: 1.1\nkind: component\nname: prepare\ninputs:\n  - name: rows\nrun:\n  kind: job\n  container:\n    image: python:3.12\n",
};

let s: PrScenario;
let oneRun: string;
let brokenRun: string;
let userGone: string;
let runDeleted: string;
beforeAll(() => {
  s = new PrScenario(FILES);
  oneRun = s.openBranch({ change: { [RUN3]: "name: run-3\ncomponent: acme/train:1.0.0\nstatus: created\n" } });
  s.repo.checkout("main");
  brokenRun = s.openBranch({ change: { [RUN3]: "name: run-3\ncomponent: acme/trian:1.0.0\nstatus: created\n" } });
  s.repo.checkout("main");
  userGone = s.openBranch({ change: { "users/dave.yaml": null } });
  s.repo.checkout("main");
  runDeleted = s.openBranch({ change: { [RUN2]: null } });
  s.repo.checkout("main");
});
afterAll(() => s.remove());

const check = (head: string, ...extra: string[]) =>
  runCli(["check", "--repo", s.repo.dir, "--base", "main", "--head", head, "--actor", "bob", ...extra], {
    GITHUB_STEP_SUMMARY: "/summary.md",
  });

describe("mlcat check reports on the pull request", () => {
  it("says nothing about an untouched file's warning, and counts it in one line", async () => {
    const run = await check(oneRun);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(PREPARE);
    expect(run.stdout).toContain(
      "No problems in what this pull request changes (22 entities in 22 files checked).\n" +
        "Not shown: 1 warning and 1 info already there before this pull request, in 2 files it did not change (run mlcat check with --all to see them).\n",
    );
  });

  it("shows everything with --all", async () => {
    const run = await check(oneRun, "--all");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`catalog/${PREPARE}:5:11 - warning spec/untyped-io`);
    expect(run.stdout).not.toContain("Not shown");
  });

  it("shows the problems of the changed file, and only those", async () => {
    const run = await check(brokenRun);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`catalog/${RUN3}:2:12 - error ref/unknown-component`);
    expect(run.stdout).not.toContain(`catalog/${PREPARE}:`);
    expect(run.stdout).toMatch(/Found 1 error, 0 warnings in 1 file .*\nNot shown: 1 warning and 1 info already there/);
  });

  it("shows what a change breaks in files it did not touch", async () => {
    const run = await runCli(["check", "--repo", s.repo.dir, "--base", "main", "--head", userGone, "--actor", "alice"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("catalog/orgs/acme/organization.yaml:");
    expect(run.stdout).toMatch(/catalog\/orgs\/acme\/organization\.yaml:\d+:\d+ - error ref\/unknown-user: .*dave/);
    expect(run.stdout).toContain("catalog/orgs/acme/projects/forecast/project.yaml:");
    expect(run.stdout).not.toContain(`catalog/${PREPARE}:`);
  });

  it("annotates only the pull request's problems on GitHub, and says in the job summary what was already there", async () => {
    const run = await check(brokenRun, "--format", "github");
    const annotations = run.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(
      /^::error file=catalog\/orgs\/acme\/projects\/churn\/experiments\/run-3\.yaml,line=2,col=12,title=mlcat ref\/unknown-component::/,
    );
    const summary = run.appended["/summary.md"]!;
    expect(summary).toContain("1 error, 0 warnings, 0 infos in 22 files");
    expect(summary).not.toContain("prepare.yaml");
    expect(summary).toContain(
      "Not shown: 1 warning and 1 info already there before this pull request, in 2 files it did not change",
    );
  });

  it("lists in JSON what it shows, and counts what it left out", async () => {
    const report = JSON.parse((await check(oneRun, "--format", "json")).stdout);
    expect(report.diagnostics).toEqual([]);
    expect(report.summary.preexisting).toEqual({ errors: 0, warnings: 1, infos: 1, files: 2, shown: false });
    const all = JSON.parse((await check(oneRun, "--format", "json", "--all")).stdout);
    expect(all.diagnostics.map((d: { code: string }) => d.code).sort()).toEqual([
      "spec/untyped-io",
      "version/identical",
    ]);
  });

  it("names whom to ask by GitHub login, the handle a review is requested from", async () => {
    const run = await check(runDeleted);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("hint: ask @alice, @carol-d, @erin (who may make this change)");
    const json = JSON.parse((await check(runDeleted, "--format", "json")).stdout);
    expect(json.summary.changes[0].rules[0]).toMatchObject({
      approvers: ["alice", "carol", "erin"],
      ask: ["@alice", "@carol-d", "@erin"],
    });
  });
});

describe("mlcat explain --actor", () => {
  const explain = (...args: string[]) => runCli(["explain", "--repo", s.repo.dir, ...args]);

  it("names whom to ask by GitHub login", async () => {
    const run = await explain("--actor", "bob", `catalog/${RUN2}`, "--action", "delete");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("\nask: @alice, @carol-d, @erin\n");
  });

  it("takes a catalog user name for that user's login", async () => {
    const run = await explain("--actor", "carol", `catalog/${RUN2}`, "--action", "delete");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("allowed: carol may delete");
    expect(run.stdout).toContain(
      "1. carol is not a GitHub login in the catalog, but is a catalog user name: users/carol.yaml, whose GitHub login is carol-d",
    );
    expect(run.stdout).toContain("2. GitHub user carol-d is catalog user carol");
  });

  it("suggests the closest login or user name for one that matches nobody", async () => {
    const run = await explain("--actor", "carol-x", `catalog/${RUN2}`, "--action", "delete");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "hint: carol-x matches no user file: did you mean --actor carol-d (catalog user carol, GitHub login carol-d)?",
    );
    const json = JSON.parse(
      (await explain("--actor", "carol-x", `catalog/${RUN2}`, "--action", "delete", "--format", "json")).stdout,
    );
    expect(json.suggestion).toBe("did you mean --actor carol-d (catalog user carol, GitHub login carol-d)?");
  });
});
