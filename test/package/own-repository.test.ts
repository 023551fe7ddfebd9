/**
 * mlcat in one's own repository, as a new user does it: the tarball `npm pack`
 * makes, installed into an empty git repository (no compile step), then the
 * README's steps on Node 22 and 24: mlcat init, a hub component and a model
 * version, and the workflows' commands run locally (validate, the pull-request
 * check on a branch that touches one file). No stray warnings; an older Node
 * is told so.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = process.cwd();
let work: string;
let repo: string;
/** The Node.js executables to run the CLI with, by major version. */
const nodes: Record<string, string> = {};

/** `npm <args>`: the npm that runs the tests (npm test, npx), with this process's Node. */
function npm(args: string[], cwd: string): string {
  const cli = process.env.npm_execpath;
  const [command, all] = cli ? [process.execPath, [cli, ...args]] : ["npm", args];
  return execFileSync(command, all, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 8 * 60_000 });
}

const git = (...args: string[]) =>
  execFileSync("git", ["-c", "user.name=Alice", "-c", "user.email=alice@example.com", ...args], {
    cwd: repo,
    encoding: "utf8",
  });

/** Run the installed mlcat with `node` in the repository. */
function mlcat(node: string, ...args: string[]) {
  const run = spawnSync(node, [join(repo, "node_modules/mlcat/bin/mlcat.js"), ...args], {
    cwd: repo,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", MLCAT_NOW: "2026-03-02T10:00:00Z" },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "mlcat-own-repo-"));
  // dist/ is compiled by npm test; the tarball is what npm pack makes of it.
  const packed = JSON.parse(npm(["pack", "--ignore-scripts", "--json", "--pack-destination", work], ROOT)) as Array<{
    filename: string;
  }>;
  repo = join(work, "acme-catalog");
  mkdirSync(repo);
  git("init", "-q", "-b", "main");
  writeFileSync(join(repo, "package.json"), JSON.stringify({ name: "acme-catalog", private: true }, null, 2));
  npm(["install", "--save-dev", join(work, packed[0]!.filename), "--no-audit", "--no-fund"], repo);
  nodes["24"] = process.execPath;
  // Node 22 through the `node` package, as for the project's own Node 24.
  nodes["22"] = npm(["exec", "--yes", "--package=node@22", "--", "node", "-p", "process.execPath"], work).trim();
}, 12 * 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the packed mlcat in an empty repository", () => {
  it("installs ready to run: the tarball holds the compiled CLI and nothing compiles", () => {
    expect(mlcat(nodes["24"]!, "--version").stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it.each(["24", "22"])(
    "on Node %s: init, a component, a model version, validate and the pull-request check, with no stray warnings",
    (major) => {
      const node = nodes[major]!;
      expect(execFileSync(node, ["--version"], { encoding: "utf8" })).toMatch(new RegExp(`^v${major}\\.`));
      git("checkout", "-q", "--orphan", `start-${major}`);
      git("rm", "-rq", "--cached", "--ignore-unmatch", ".");
      rmSync(join(repo, "catalog"), { recursive: true, force: true });
      const steps = [
        [
          "init",
          "--github-login",
          "alice-m",
          "--github-id",
          "1234567",
          "--user",
          "alice",
          "--org",
          "contoso",
          "--action",
          "acme/mlcat@0123456789abcdef0123456789abcdef01234567",
        ],
        ["new", "project", "contoso/churn", "--owner", "alice", "--description", "Predict which customers leave."],
        [
          "new",
          "component",
          "contoso/train",
          "--owner",
          "alice",
          "--version",
          "1.0.0",
          "--image",
          "python:3.12",
          "--description",
          "Train a churn model.",
        ],
        [
          "new",
          "model",
          "contoso/churn-model",
          "--owner",
          "alice",
          "--license",
          "Apache-2.0",
          "--description",
          "Who is about to leave.",
        ],
      ];
      for (const args of steps) {
        const run = mlcat(node, ...args);
        expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 0, stderr: "" });
      }
      mkdirSync(join(repo, "catalog/orgs/contoso/projects/churn/experiments"), { recursive: true });
      writeFileSync(
        join(repo, "catalog/orgs/contoso/projects/churn/experiments/run-1.yaml"),
        "name: run-1\ncomponent: contoso/train:1.0.0\nstatus: succeeded\ncreatedBy: alice\n",
      );
      const promoted = mlcat(
        node,
        "promote",
        "experiment",
        "contoso/churn/run-1",
        "--model",
        "contoso/churn-model",
        "--version",
        "1.0.0",
        "--by",
        "alice",
        "--reason",
        "first version",
      );
      expect(promoted.stderr).toBe("");
      expect(promoted.code).toBe(0);
      // The validate job's command.
      const validated = mlcat(node, "validate", "--format", "github");
      expect(validated.stderr).toBe("");
      expect(validated.code).toBe(0);
      git("add", "-A");
      git("commit", "-qm", "start the catalog");
      // The check job's command, on a pull request that touches one file.
      git("checkout", "-q", "-b", `pr-${major}`);
      writeFileSync(
        join(repo, "catalog/orgs/contoso/projects/churn/experiments/run-2.yaml"),
        "name: run-2\ncomponent: contoso/trian:1.0.0\nstatus: running\ncreatedBy: alice\n",
      );
      git("add", "-A");
      git("commit", "-qm", "a second run");
      const checked = mlcat(
        node,
        "check",
        "--base",
        `start-${major}`,
        "--actor",
        "alice-m",
        "--actor-id",
        "1234567",
        "--format",
        "github",
      );
      expect(checked.stderr).toBe("");
      expect(checked.code).toBe(1);
      const annotated = checked.stdout.split("\n").filter((l) => l.startsWith("::"));
      expect(annotated.map((l) => l.slice(0, l.indexOf(","))).sort()).toEqual([
        "::error file=catalog/orgs/contoso/projects/churn/experiments/run-2.yaml",
      ]);
      // The README templates the authoring commands wrote are warned about, but not on this pull request.
      expect(checked.stdout).toMatch(/^Not shown: \d+ warnings? already there before this pull request/m);
    },
  );

  it(
    "builds the site, as the deploy workflow does",
    () => {
      git("checkout", "-q", "start-24");
      const built = mlcat(
        nodes["24"]!,
        "build",
        "--out",
        "site-dist",
        "--site-url",
        "https://acme.github.io",
        "--base-path",
        "/acme-catalog/",
        "--audience",
        "public",
      );
      expect(built.stderr).toBe("");
      expect(built.code).toBe(0);
      expect(readFileSync(join(repo, "site-dist/index.html"), "utf8")).toContain("/acme-catalog/");
    },
    5 * 60_000,
  );

  it("tells an older Node that it needs 22 or later, and exits 2", () => {
    const run = spawnSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `Object.defineProperty(process.versions, "node", { value: "20.11.0" }); process.argv = [process.argv[0], "mlcat", "--version"]; await import(${JSON.stringify(join(repo, "node_modules/mlcat/bin/mlcat.js"))});`,
      ],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "mlcat: needs Node.js 22 or later (it is tested on Node.js 22 and 24); this is Node.js 20.11.0",
    );
  });
});
