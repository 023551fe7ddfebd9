import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempCatalog } from "../authoring/temp-catalog.js";
import { runCli } from "../helpers/cli.js";

const UNFORMATTED = {
  "users/alice.yaml": "# Alice.\ngithub: {login: alice, id: 1001}\nname: alice # the username\n",
  "users/bob.yaml": "name: bob\ngithub: {login: bob, id: 1002}\n",
  "orgs/acme/connections/s3-data.yaml":
    'name: s3-data\nkind: s3\nschema: {bucket: "s3://acme-data"}\nsecret: {name: aws-credentials}\n',
  "orgs/acme/projects/churn/experiments/run-1.yaml":
    "name: run-1\ncomponent: acme/train:1.0.0\nparams: {lr: 0.1}\nmetrics: {auc: 0.9}\nstatus: succeeded\n",
  "orgs/acme/models/churn-model/versions/1.0.0.yaml":
    'name: 1.0.0\nstage: testing\nstageHistory:\n  - stage: testing\n    at: "2026-01-10T12:00:00Z"\n    by: alice\n    reason: first candidate\nlineage:\n  project: churn\n  experiment: run-1\n  component: acme/train:1.0.0\nmetrics: {auc: 0.9}\n',
};

describe("mlcat fmt", () => {
  it("--check lists the files that would change and exits 1, changing nothing", async () => {
    const dir = tempCatalog(UNFORMATTED);
    const run = await runCli(["fmt", "--check", "--catalog", dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`${dir}/users/alice.yaml\n1 of 11 files is not formatted: run mlcat fmt\n`);
    expect(readFileSync(join(dir, "users/alice.yaml"), "utf8")).toBe(UNFORMATTED["users/alice.yaml"]);
  });

  it("formats in place keeping comments, then --check passes", async () => {
    const dir = tempCatalog(UNFORMATTED);
    const run = await runCli(["fmt", "--catalog", dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`formatted ${dir}/users/alice.yaml\n`);
    expect(readFileSync(join(dir, "users/alice.yaml"), "utf8")).toBe(
      "# Alice.\nname: alice # the username\ngithub: {login: alice, id: 1001}\n",
    );
    const check = await runCli(["fmt", "--check", "--catalog", dir]);
    expect(check.code).toBe(0);
    expect(check.stdout).toBe("11 files are formatted\n");
  });

  it("formats only the files given", async () => {
    const dir = tempCatalog({ ...UNFORMATTED, "users/bob.yaml": "github: {login: bob, id: 1002}\nname: bob\n" });
    const run = await runCli(["fmt", join(dir, "users/bob.yaml"), "--catalog", dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`formatted ${dir}/users/bob.yaml\n`);
    expect(readFileSync(join(dir, "users/alice.yaml"), "utf8")).toBe(UNFORMATTED["users/alice.yaml"]);
  });

  it("reports a file that does not load and exits 1", async () => {
    const dir = tempCatalog({ ...UNFORMATTED, "users/carol.yaml": "name: [carol\n" });
    const run = await runCli(["fmt", "--check", "--catalog", dir]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `mlcat: cannot format ${dir}/users/carol.yaml: it does not load (run mlcat validate to see why)`,
    );
  });

  it.each([
    [["fmt", "--bogus"], /unknown option '--bogus'/],
    [["fmt", "/elsewhere/x.yaml"], /is not inside the catalog folder/],
  ])("%j exits 2 with a clear message", async (args, message) => {
    const run = await runCli([...args, "--catalog", tempCatalog()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("--help shows examples", async () => {
    const run = await runCli(["fmt", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Examples:\n {2}\$ mlcat fmt/);
  });
});
