/**
 * The action's "Run mlcat" step, as GitHub runs it (bash, inputs and event
 * data in the environment), in a temporary consumer repository that
 * `mlcat init` started: validate, check on a pull request's head, and a
 * command the action does not know.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/cli.js";

const ROOT = process.cwd();
const step = (
  parse(readFileSync("action.yml", "utf8")) as {
    runs: { steps: Array<{ name?: string; run?: string; env?: Record<string, string> }> };
  }
).runs.steps.find((s) => s.name === "Run mlcat")!;
let repo: string;
let base: string;
let head: string;
const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Alice", "-c", "user.email=alice@example.com", ...args], {
    cwd: repo,
    encoding: "utf8",
  }).trim();

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), "mlcat-action-"));
  git("init", "-q", "-b", "main");
  await runCli([
    "init",
    "--dir",
    repo,
    "--github-login",
    "alice-m",
    "--github-id",
    "1234567",
    "--user",
    "alice",
    "--org",
    "acme",
    "--action",
    "acme/mlcat@0123456789abcdef0123456789abcdef01234567",
  ]);
  git("add", "-A");
  git("commit", "-qm", "start");
  base = git("rev-parse", "HEAD");
  git("checkout", "-qb", "pr");
  mkdirSync(join(repo, "catalog/orgs/acme/projects/churn"), { recursive: true });
  writeFileSync(join(repo, "catalog/orgs/acme/projects/churn/project.yaml"), "name: churn\nowner: bob\n");
  git("add", "-A");
  git("commit", "-qm", "a project");
  head = git("rev-parse", "HEAD");
  git("checkout", "-q", "main");
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

/** Run the step's script with the inputs (`INPUTS`) and event values GitHub would put in its environment. */
function runStep(env: Record<string, string>) {
  const run = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], {
    cwd: repo,
    encoding: "utf8",
    env: {
      PATH: `${join(process.execPath, "..")}:${process.env.PATH}`,
      HOME: process.env.HOME ?? tmpdir(),
      MLCAT: join(ROOT, "bin/mlcat.js"),
      CATALOG: "catalog",
      FORMAT: "github",
      ALL: "false",
      OUT: "site-dist",
      AUDIENCE: "public",
      ...env,
    },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("the action's run step", () => {
  it("passes every input through the environment, never into the script", () => {
    expect(step.run).not.toContain("${{");
    expect(Object.keys(step.env!)).toEqual(
      expect.arrayContaining(["COMMAND", "CATALOG", "ALL", "OUT", "SITE_URL", "BASE_PATH", "AUDIENCE"]),
    );
  });

  it("validates the consumer's catalog", () => {
    const run = runStep({ COMMAND: "validate" });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("0 errors, 0 warnings in 3 files");
  });

  it("checks a pull request's head with the base's roles, annotating its one changed file", () => {
    const run = runStep({ COMMAND: "check", BASE: base, HEAD: head, AUTHOR: "alice-m", AUTHOR_ID: "1234567" });
    expect(run.code).toBe(1);
    const annotations = run.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations)
      expect(a).toMatch(/^::error file=catalog\/orgs\/acme\/projects\/churn\/project\.yaml,/);
  });

  it("says which commands it knows", () => {
    const run = runStep({ COMMAND: "deploy" });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('::error title=mlcat::unknown command "deploy": expected validate, check or build');
  });
});
