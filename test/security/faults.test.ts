/**
 * Faults: git missing or failing, a truncated or missing object, an unreadable
 * file or folder, a full disk while building or writing a catalog file, an
 * interrupted build. Each ends with a clear message and a non-zero exit,
 * never a passing check, and never a half-written site or catalog file.
 * These run the built CLI (bin/mlcat.js) in child processes: `npm test` compiles it first.
 */
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { writeAtomically } from "../../src/site-build/output-dir.js";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE } from "../helpers/catalog.js";
import { writeTree } from "../helpers/cli.js";
import { makeRepo, type TestRepo } from "../helpers/git-repo.js";
import { PR_BASE } from "../helpers/pr-catalog.js";
import { spawnCli, type SpawnRun } from "./spawn-cli.js";

const RUN3 = "catalog/orgs/acme/projects/churn/experiments/run-3.yaml";
const REAL_GIT = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();

/** No stack trace, no "this is a bug": a message a user can act on. */
function expectClearFailure(run: SpawnRun, pattern: RegExp): void {
  expect(run.code, `${run.stdout}\n${run.stderr}`).not.toBe(0);
  expect(run.code).not.toBeNull();
  expect(run.stderr + run.stdout).toMatch(pattern);
  expect(run.stderr).not.toMatch(/internal error|This is a bug|\n\s+at /);
}

describe("mlcat check when git is missing, failing, or its objects are damaged", () => {
  let repo: TestRepo;
  let binDir: string;
  const check = (env: Record<string, string | undefined> = {}, base = "main") =>
    spawnCli(["check", "--base", base, "--head", "pr", "--actor", "bob", "--repo", repo.dir, "--format", "json"], {
      env,
    });

  beforeAll(() => {
    repo = makeRepo(PR_BASE);
    repo.branch("pr");
    repo.write({ [RUN3]: "name: run-3\ncomponent: acme/train:1.0.0\nstatus: created\n" });
    repo.commit("add run-3");
    // `moved`: main plus a commit the branch does not have, so that checking against it merges.
    repo.checkout("main");
    repo.branch("moved");
    repo.write({
      "catalog/orgs/acme/projects/churn/experiments/run-4.yaml":
        "name: run-4\ncomponent: acme/train:1.0.0\nstatus: created\n",
    });
    repo.commit("add run-4");
    repo.checkout("main");
    binDir = mkdtempSync(join(tmpdir(), "mlcat-fake-git-"));
  });
  afterAll(() => repo.remove());

  it("passes when nothing is wrong (the baseline the faults break), with and without a merge to compute", async () => {
    const run = await check();
    expect(run.code, run.stderr).toBe(0);
    const merged = await check({}, "moved");
    expect(merged.code, merged.stderr).toBe(0);
    expect(JSON.parse(merged.stdout).summary.mergeTree).toMatch(/^[0-9a-f]{40}$/);
  });

  it("exits 2 with an install hint when git is not on PATH", async () => {
    const run = await check({ PATH: join(binDir, "empty") });
    expect(run.code).toBe(2);
    expectClearFailure(run, /git is not installed or not on PATH[\s\S]*hint: install git/);
  });

  it.each([
    ["cat-file --batch-check (the revisions' commits, the sizes of old files)", "--batch-check", "main"],
    ["cat-file --batch (the files' contents)", "--batch", "main"],
    ["merge-base", "merge-base", "main"],
    ["diff-tree", "diff-tree", "main"],
    ["ls-tree", "ls-tree", "main"],
    ["log (the secrets scan)", "log", "main"],
    ["merge-tree (the merge result, when the base moved on)", "merge-tree", "moved"],
  ])("exits 2, never 0, when `git %s` fails", async (_what, sub, base) => {
    const dir = join(binDir, sub.replace(/^-+/, ""));
    execFileSync("mkdir", ["-p", dir]);
    writeFileSync(
      join(dir, "git"),
      `#!/bin/sh\nfor a in "$@"; do [ "$a" = "${sub}" ] && { echo "fatal: simulated failure of git ${sub}" >&2; exit 128; }; done\nexec "${REAL_GIT}" "$@"\n`,
      { mode: 0o755 },
    );
    const run = await check({ PATH: `${dir}:${process.env.PATH}` }, base);
    expect(run.code).toBe(2);
    expectClearFailure(run, /^mlcat: (cannot|git)/m);
  });

  it.each([
    ["truncated", (file: string) => truncateSync(file, Math.floor(statSync(file).size / 2))],
    ["missing", (file: string) => unlinkSync(file)],
  ] as const)("exits 2, never 0, when the head's file object is %s", async (_what, damage) => {
    const oid = repo.git("rev-parse", `pr:${RUN3}`);
    const file = join(repo.dir, ".git", "objects", oid.slice(0, 2), oid.slice(2));
    const saved = readFileSync(file);
    chmodSync(file, 0o644);
    damage(file);
    try {
      const run = await check();
      expect(run.code).toBe(2);
      expectClearFailure(run, /^mlcat: .*(object|corrupt|inflate|git)/im);
    } finally {
      writeFileSync(file, saved);
    }
  });
});

describe("mlcat validate with unreadable files and folders", () => {
  it("reports each with file/unreadable and exits 1", async () => {
    const dir = writeTree(Object.fromEntries(Object.entries(BASE).map(([p, t]) => [`catalog/${p}`, t])));
    const catalog = join(dir, "catalog");
    // The tree must be enterable by an unprivileged user; the two targets must not be readable.
    execFileSync("chmod", ["-R", "a+rX", dir]);
    chmodSync(join(catalog, "users/bob.yaml"), 0o000);
    chmodSync(join(catalog, "orgs/acme/teams"), 0o000);
    const run = await spawnCli(["validate", catalog, "--format", "json"], { unprivileged: true });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as { diagnostics: Array<{ code: string; file: string; message: string }> };
    const unreadable = report.diagnostics.filter((d) => d.code === "file/unreadable");
    expect(unreadable.map((d) => d.file.replace(`${catalog}/`, ""))).toEqual(["orgs/acme/teams", "users/bob.yaml"]);
    expect(unreadable[0]!.message).toMatch(/could not be read: .*permission denied/i);
  });
});

describe("mlcat build: a full disk or an interruption leaves the previous site as it was", () => {
  let parent: string;
  let out: string;
  let before: string;
  const listing = (dir: string): string =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `${join(e.parentPath, e.name).slice(dir.length)} ${statSync(join(e.parentPath, e.name)).size}`)
      .sort()
      .join("\n");
  const leftovers = () => readdirSync(parent).filter((n) => n !== basename(out) && n !== "deeper");
  const build = (options: Parameters<typeof spawnCli>[1] = {}) =>
    spawnCli(["build", "--catalog", "test/fixtures/site-catalog", "--out", out], options);

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), "mlcat-build-faults-"));
    out = join(parent, "site");
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    before = listing(out);
  }, 60_000);

  it.each([
    ["while Astro renders the pages", "\\.site\\.tmp-"],
    ["while writing the JSON API", "/api/"],
  ])(
    "a full disk %s: clear message, exit 2, old site intact, no temporary folder left",
    async (_when, path) => {
      const run = await build({
        preload: ["test/security/fault-preload/disk-full.mjs"],
        env: { MLCAT_FAULT_PATH: path },
      });
      expect(run.code).toBe(2);
      expectClearFailure(
        run,
        /^mlcat: cannot write \/.*: no space left on device \(ENOSPC\)\n  hint: free some disk space/m,
      );
      expect(listing(out)).toBe(before);
      expect(leftovers()).toEqual([]);
    },
    60_000,
  );

  it.each(["SIGINT", "SIGTERM"] as const)(
    "%s while rendering: clear message, non-zero exit, old site intact, nothing left behind",
    async (signal) => {
      let sent = false;
      const run = await build({
        onStdout: (text, kill) => {
          if (!sent && text.includes("rendering pages")) {
            sent = true;
            kill(signal);
          }
        },
      });
      expect(sent).toBe(true);
      // Ended by the signal itself, as an uncaught one would (a shell shows 130 or 143), never exit 0.
      expect([run.code, run.signal], `${run.stdout}\n${run.stderr}`).toEqual([null, signal]);
      expect(run.stderr).toMatch(/interrupted.*previous site.*untouched/i);
      expect(listing(out)).toBe(before);
      expect(leftovers()).toEqual([]);
    },
    60_000,
  );

  it("an output folder whose parent does not exist yet is created", async () => {
    const nested = join(parent, "deeper", "site");
    await writeAtomically(nested, async (tmp) => writeFileSync(join(tmp, "index.html"), "ok"));
    expect(readdirSync(nested).sort()).toEqual([".mlcat-site", "index.html"]);
    expect(readdirSync(dirname(nested))).toEqual(["site"]);
  });
});

describe("mlcat new on a full disk", () => {
  it.each([0, 1])(
    "fails clearly at write %i: no temporary file, no half-written file, the catalog still validates",
    async (after) => {
      const dir = writeTree(Object.fromEntries(Object.entries(BASE).map(([p, t]) => [`catalog/${p}`, t])));
      const catalog = join(dir, "catalog");
      const run = await spawnCli(
        ["new", "project", "acme/forecast", "--owner", "alice", "--description", "Forecast.", "-c", catalog],
        {
          preload: ["test/security/fault-preload/disk-full.mjs"],
          env: { MLCAT_FAULT_PATH: "/projects/forecast/", MLCAT_FAULT_AFTER: String(after) },
        },
      );
      expectClearFailure(run, /no space left on device/i);
      const folder = join(catalog, "orgs/acme/projects/forecast");
      const files = existsSync(folder) ? readdirSync(folder) : [];
      expect(files.filter((f) => f.startsWith(".") || f.endsWith(".tmp"))).toEqual([]);
      const validate = await spawnCli(["validate", catalog]);
      expect(validate.code, validate.stdout).toBe(0);
    },
  );
});
