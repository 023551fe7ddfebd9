import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import type { CliIO } from "../../src/cli/io.js";
import { registerNewCommand } from "../../src/cli/new.js";
import { tempCatalog } from "../authoring/temp-catalog.js";
import { runCli } from "../helpers/cli.js";

describe("mlcat new", () => {
  it.each([
    [["user", "carol", "--display-name", "Carol", "--github", "carol-gh", "--github-id", "1003"], ["users/carol.yaml"]],
    [["org", "globex", "--owner", "alice", "--visibility", "public"], ["orgs/globex/organization.yaml"]],
    [["team", "acme/data", "--member", "alice:admin,bob"], ["orgs/acme/teams/data.yaml"]],
    [
      ["connection", "acme/gcs", "--kind", "gcs", "--set", "bucket=gs://acme", "--secret", "gcs-key"],
      ["orgs/acme/connections/gcs.yaml"],
    ],
    [
      ["project", "acme/fraud", "--owner", "alice", "--team", "ml", "--connection", "s3-data"],
      ["orgs/acme/projects/fraud/project.yaml", "orgs/acme/projects/fraud/README.md"],
    ],
    [
      ["component", "acme/churn/prepare", "--image", "python:3.12", "--command", "python prepare.py"],
      ["orgs/acme/projects/churn/components/prepare.yaml"],
    ],
    [
      ["component", "acme/serve", "--owner", "alice", "--version", "1.0.0", "--image", "nginx"],
      [
        "orgs/acme/components/serve/component.yaml",
        "orgs/acme/components/serve/README.md",
        "orgs/acme/components/serve/versions/1.0.0.yaml",
      ],
    ],
    [
      ["model", "acme/fraud-model", "--owner", "alice", "--license", "MIT"],
      ["orgs/acme/models/fraud-model/model.yaml", "orgs/acme/models/fraud-model/README.md"],
    ],
  ])("new %j writes files that validate", async (args, files) => {
    const dir = tempCatalog();
    const run = await runCli(["new", ...args, "--catalog", dir], { MLCAT_NOW: "2026-03-01T10:00:00Z" });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const f of files) expect(run.stdout).toContain(`created ${dir}/${f}\n`);
    // A README written from its template is warned about until it is filled in: it is published as written.
    const readme = files.find((f) => f.endsWith("README.md"));
    if (readme) expect(run.stdout).toContain(`${dir}/${readme}:3:1 - warning readme/unfilled-template: `);
    else expect(run.stdout).toContain("validated: no problems in the written file");
    const check = await runCli(["validate", dir]);
    expect(check.code).toBe(0);
  });

  it("never overwrites an existing file: exit 1, file unchanged", async () => {
    const dir = tempCatalog();
    const before = readFileSync(join(dir, "users/bob.yaml"), "utf8");
    const run = await runCli(["new", "user", "bob", "--catalog", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`mlcat: ${dir}/users/bob.yaml already exists; mlcat never overwrites a file`);
    expect(readFileSync(join(dir, "users/bob.yaml"), "utf8")).toBe(before);
  });

  it("writes nothing and exits 1 when the file would not validate, showing the problem", async () => {
    const dir = tempCatalog();
    const run = await runCli(["new", "project", "acme/fraud", "--owner", "nobody", "--catalog", dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/project\.yaml:\d+:\d+ - error ref\/unknown-user/);
    expect(run.stderr).toContain("nothing was written");
    expect(existsSync(join(dir, "orgs/acme/projects/fraud"))).toBe(false);
  });

  it("prints the files with --dry-run and writes nothing", async () => {
    const dir = tempCatalog();
    const run = await runCli(["new", "user", "carol", "--dry-run", "--catalog", dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`--- ${dir}/users/carol.yaml (would be created)\n`);
    expect(run.stdout).toContain("name: carol\n");
    expect(existsSync(join(dir, "users/carol.yaml"))).toBe(false);
  });

  it.each([
    [["new"], /mlcat new needs one of: user, org, team, connection, project, component, model/],
    [["new", "widget", "x"], /unknown command 'new widget'/],
    [["new", "user"], /missing required argument 'name'/],
    [["new", "user", "carol", "--bogus"], /unknown option '--bogus'/],
    [["new", "project", "acme/x"], /missing --owner <user>/],
    [["new", "team", "acme/x", "--member", "bob:boss"], /"boss" is not a role/],
    [["new", "connection", "acme/x", "--kind", "ftp"], /argument 'ftp' is invalid/],
    [["new", "user", "Carol"], /user name "Carol" is not a valid name/],
    [["new", "user", "carol", "--github-id", "abc"], /--github-id abc is not a positive whole number/],
    [
      ["new", "user", "carol", "--catalog", "/nonexistent/catalog"],
      /catalog folder \/nonexistent\/catalog does not exist/,
    ],
  ])("exits 2 with a clear message on bad usage: %j", async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it.each([["new"], ["new", "user"], ["new", "component"]])("%j --help shows examples", async (...args) => {
    const run = await runCli([...args, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Examples:\n {2}\$ mlcat new/);
  });

  it("asks for a missing required value when a terminal is attached", async () => {
    const dir = tempCatalog();
    let out = "";
    const io: CliIO = {
      out: (t) => void (out += t),
      err: (t) => void (out += t),
      env: {},
      appendFile: () => {},
      isTTY: true,
    };
    let code = -1;
    const asked: string[] = [];
    const program = new Command("mlcat").exitOverride();
    registerNewCommand(
      program,
      io,
      (c) => (code = c),
      async (q) => (asked.push(q), "alice"),
    );
    await program.parseAsync(["node", "mlcat", "new", "model", "acme/fraud-model", "--catalog", dir]);
    expect(asked).toEqual(["The model's owner (a member of the organization)"]);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, "orgs/acme/models/fraud-model/model.yaml"), "utf8")).toContain("owner: alice\n");
  });
});
