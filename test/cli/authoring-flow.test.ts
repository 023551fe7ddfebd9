/**
 * Authoring that flows: organization members from the command line, a team
 * and a project that name each other, a dry run that validates, unfilled
 * README templates warned about, -c/--catalog everywhere, and an unknown
 * command named.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempCatalog } from "../authoring/temp-catalog.js";
import { runCli } from "../helpers/cli.js";

describe("mlcat org add-member / remove-member", () => {
  it("adds a member, changes a role, and removes one, editing only those lines", async () => {
    const dir = tempCatalog({ "users/carol.yaml": "name: carol\ngithub: { login: carol-d, id: 1003 }\n" });
    const file = join(dir, "orgs/acme/organization.yaml");
    const before = readFileSync(file, "utf8");
    const added = await runCli(["org", "add-member", "acme", "carol", "--catalog", dir]);
    expect(added.stderr).toBe("");
    expect(added.stdout).toContain(
      "added carol to organization acme as member\nvalidated: no problems in the written file\n",
    );
    expect(readFileSync(file, "utf8")).toBe(`${before}  - user: carol\n    role: member\n`);
    const promoted = await runCli(["org", "add-member", "acme", "carol", "--role", "admin", "-c", dir]);
    expect(promoted.stdout).toContain("carol: member -> admin in organization acme");
    const removed = await runCli(["org", "remove-member", "acme", "carol", "-c", dir]);
    expect(removed.code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(before);
  });

  it("refuses an unknown user, the last owner, and a member who still holds roles in the organization", async () => {
    const dir = tempCatalog();
    const unknown = await runCli(["org", "add-member", "acme", "zoe", "-c", dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('mlcat: user "zoe" does not exist');
    expect(unknown.stderr).toContain("hint: add the user first: mlcat new user zoe");
    const owner = await runCli(["org", "remove-member", "acme", "alice", "-c", dir]);
    expect(owner.code).toBe(1);
    expect(owner.stderr).toContain("alice is the last owner of organization acme");
    const inTeam = await runCli(["org", "remove-member", "acme", "bob", "-c", dir]);
    expect(inTeam.code).toBe(1);
    expect(inTeam.stderr).toContain("bob still has roles in organization acme: member of team acme/ml");
  });
});

describe("a team and a project that name each other", () => {
  it("refuses a name that does not exist yet, saying how to write both", async () => {
    const dir = tempCatalog();
    const run = await runCli([
      "new",
      "team",
      "acme/pricing",
      "--member",
      "alice:admin",
      "--project",
      "prices",
      "-c",
      dir,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('team "acme/pricing" names project "acme/prices", which does not exist yet');
    expect(run.stderr).toContain(
      "hint: add --create-missing to write it in the same command (owner alice, team pricing)",
    );
    expect(existsSync(join(dir, "orgs/acme/teams/pricing.yaml"))).toBe(false);
  });

  it("writes both with --create-missing, from either side", async () => {
    const dir = tempCatalog();
    const team = await runCli([
      "new",
      "team",
      "acme/pricing",
      "--member",
      "alice:admin",
      "--project",
      "prices",
      "--create-missing",
      "-c",
      dir,
    ]);
    expect(team.code).toBe(0);
    expect(team.stdout).toContain("created project acme/prices (owner alice, team pricing) because the team names it");
    const project = await runCli([
      "new",
      "project",
      "acme/demand",
      "--owner",
      "alice",
      "--team",
      "forecasting",
      "--create-missing",
      "-c",
      dir,
    ]);
    expect(project.code).toBe(0);
    expect(readFileSync(join(dir, "orgs/acme/teams/forecasting.yaml"), "utf8")).toContain(
      "members:\n  - user: alice\n    role: admin\n# Roles the team's members get on these projects (where higher than their own).\nprojects:\n  - project: demand\n    role: member\n",
    );
    expect((await runCli(["validate", "-c", dir])).code).toBe(0);
  });
});

describe("--dry-run", () => {
  it("validates the files it prints: one that would not validate exits 1, and nothing is written", async () => {
    const dir = tempCatalog();
    const bad = await runCli(["new", "project", "acme/x", "--owner", "zed", "-c", dir, "--dry-run"]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("--- " + dir + "/orgs/acme/projects/x/project.yaml (would be created)");
    expect(bad.stdout).toMatch(/project\.yaml:\d+:\d+ - error ref\/unknown-user/);
    expect(bad.stderr).toContain("mlcat: the file to write would not validate");
    expect(existsSync(join(dir, "orgs/acme/projects/x"))).toBe(false);
    const good = await runCli(["new", "user", "zed", "--github", "zed", "--github-id", "9", "-c", dir, "-n"]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain("validated: no problems in the file to write\n(dry run: nothing was written)\n");
  });
});

describe("README templates", () => {
  it("warns about a README still holding its template's sentences, and not once it is written", async () => {
    const dir = tempCatalog();
    await runCli(["new", "model", "acme/fraud-model", "--owner", "alice", "-c", dir]);
    const warned = await runCli(["validate", "-c", dir]);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain(
      `${dir}/orgs/acme/models/fraud-model/README.md:3:1 - warning readme/unfilled-template: the model card of model acme/fraud-model still holds the template's "What this model predicts, for whom, in a paragraph." (and 4 more of the template's sentences): it is published as it is`,
    );
    writeFileSync(
      join(dir, "orgs/acme/models/fraud-model/README.md"),
      "# fraud-model\n\nScores card payments for fraud, for the payments team.\n",
    );
    expect((await runCli(["validate", "-c", dir])).stdout).not.toContain("readme/unfilled-template");
  });
});

describe("the command line", () => {
  it("names an unknown command and exits 2, also with --help", async () => {
    const run = await runCli(["deploy", "--help"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^mlcat: unknown command 'deploy'\n  hint: the commands are init, validate, /);
    expect((await runCli(["valdate"])).stderr).toContain(`unknown command 'valdate' (did you mean "validate"?)`);
  });

  it("takes the catalog folder as -c, --catalog or, for validate, as the argument", async () => {
    const dir = tempCatalog();
    for (const args of [["-c", dir], ["--catalog", dir], [dir]])
      expect((await runCli(["validate", ...args])).code).toBe(0);
    const both = await runCli(["validate", dir, "--catalog", "other"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(`two catalog folders given: ${dir} and --catalog other`);
  });

  it("counts in words that agree with the number", async () => {
    const dir = tempCatalog({ "orgs/acme/projects/churn/experiments/bad.yaml": "name: bad\n" });
    const run = await runCli(["validate", "-c", dir, "--format", "github"]);
    expect(run.stdout).toMatch(/^1 error, 0 warnings in \d+ files$/m);
  });
});
