import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BASE } from "../helpers/catalog.js";
import { runCli, writeTree } from "../helpers/cli.js";

/** A catalog folder on disk: BASE with some files replaced. */
function catalogDir(overrides: Record<string, string> = {}): string {
  const files: Record<string, string> = {};
  for (const [rel, text] of Object.entries({ ...BASE, ...overrides })) files[join("catalog", rel)] = text;
  return join(writeTree(files), "catalog");
}

const BROKEN = {
  "users/bob.yaml": "name: bob\ngithub: { login: bob, id: 1002 }\ngithub: { login: bob2 }\n",
  "users/carol.yaml": "name: carol\nx: [\n",
};

describe("mlcat validate", () => {
  it("exits 0 and says there are no problems on a valid catalog", async () => {
    const run = await runCli(["validate", catalogDir()]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/No problems in \d+ entities/);
  });

  it("reports every problem of every file at once, with positions and hints, and exits 1", async () => {
    const dir = catalogDir(BROKEN);
    const run = await runCli(["validate", dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${dir}/users/bob.yaml:3:1 - error yaml/duplicate-key`);
    expect(run.stdout).toContain(`${dir}/users/carol.yaml:`);
    expect(run.stdout).toMatch(/> 3 \| github: \{ login: bob2 \}\n\s+\| \^/);
    expect(run.stdout).toContain("hint:");
    expect(run.stdout).toMatch(/Found 2 errors, 0 warnings in 2 files/);
  });

  it("prints one JSON object with diagnostics and a summary per kind", async () => {
    const run = await runCli(["validate", catalogDir(BROKEN), "--format", "json"]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ errors: 2, warnings: 0 });
    expect(report.summary.entities).toMatchObject({ User: 1, Organization: 1, ModelVersion: 1 });
    expect(report.diagnostics.map((d: { code: string; line: number }) => [d.code, d.line])).toContainEqual([
      "yaml/duplicate-key",
      3,
    ]);
    for (const d of report.diagnostics)
      expect(Object.keys(d).sort()).toEqual(["code", "column", "file", "hint", "line", "message", "severity"]);
  });

  it("writes GitHub annotations and a job summary when GITHUB_STEP_SUMMARY is set", async () => {
    const run = await runCli(["validate", catalogDir(BROKEN), "--format", "github"], {
      GITHUB_STEP_SUMMARY: "/summary.md",
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error file=.*users\/bob\.yaml,line=3,col=1,title=mlcat yaml\/duplicate-key::/m);
    expect(run.appended["/summary.md"]).toMatch(/^## ❌ mlcat validate/);
    expect(run.appended["/summary.md"]).toContain("| ❌ |");
  });

  it.each([
    [["validate", "--format", "xml"], /argument 'xml' is invalid/],
    [["validate", "--bogus"], /unknown option '--bogus'/],
    [["frobnicate"], /unknown command 'frobnicate'/],
  ])("exits 2 with a clear message on bad usage: %j", async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("reports a missing catalog folder as an error, not a crash", async () => {
    const run = await runCli(["validate", "/nonexistent/catalog"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("file/missing-catalog");
  });

  it("shows help with examples and exits 0", async () => {
    const run = await runCli(["validate", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Examples:");
  });
});

describe("mlcat validate with severity settings and --quiet", () => {
  const RUN3 = "orgs/acme/projects/churn/experiments/run-3.yaml";
  const typo = {
    [RUN3]: "name: run-3\ncomponent: acme/train:1.0.0\nparams: { lr: 0.1, max_dept: 3 }\nstatus: failed\n",
  };
  const settings = (level: string) =>
    `title: Test catalog\nadmins: [alice]\nseverity:\n  - files: ["orgs/acme/projects/*/experiments/**"]\n    codes: { param/unknown: ${level} }\n`;
  const CASES: Array<{ name: string; args: string[]; level?: string; code: number; out: RegExp[]; not?: RegExp[] }> = [
    {
      name: "without settings the typo is an error",
      args: [],
      code: 1,
      out: [/run-3\.yaml:3:20 - error param\/unknown/, /Found 1 error, 0 warnings/],
    },
    {
      name: "a setting makes it a warning in the files it matches",
      args: [],
      level: "warning",
      code: 0,
      out: [/run-3\.yaml:3:20 - warning param\/unknown/, /Found 0 errors, 1 warning/],
    },
    {
      name: "off drops it",
      args: [],
      level: "off",
      code: 0,
      out: [/No problems in/],
      not: [/param\/unknown/],
    },
    {
      name: "--quiet shows errors only and says what it left out",
      args: ["--quiet"],
      level: "warning",
      code: 0,
      out: [/No errors in \d+ entities/, /--quiet: 1 warning not shown \(run without --quiet to see them\)/],
      not: [/param\/unknown/],
    },
    {
      name: "--quiet still shows errors",
      args: ["--quiet"],
      code: 1,
      out: [/error param\/unknown/, /Found 1 error, 0 warnings/],
    },
    {
      name: "GitHub annotations carry the set severity",
      args: ["--format", "github"],
      level: "info",
      code: 0,
      out: [/::notice file=.*run-3\.yaml,line=3/],
      not: [/::error/],
    },
  ];
  it.each(CASES)("$name", async ({ args, level, code, out, not }) => {
    const dir = catalogDir({ ...typo, ...(level !== undefined && { "catalog.yaml": settings(level) }) });
    const run = await runCli(["validate", dir, ...args]);
    expect(run.code).toBe(code);
    for (const re of out) expect(run.stdout).toMatch(re);
    for (const re of not ?? []) expect(run.stdout).not.toMatch(re);
  });

  it("--quiet in JSON lists errors only and counts the rest", async () => {
    const dir = catalogDir({ ...typo, "catalog.yaml": settings("warning") });
    const report = JSON.parse((await runCli(["validate", dir, "--quiet", "--format", "json"])).stdout);
    expect(report.diagnostics).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 1 });
  });
});
