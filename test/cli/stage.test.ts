import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempCatalog } from "../authoring/temp-catalog.js";
import { runCli } from "../helpers/cli.js";

const FILE = "orgs/acme/models/churn-model/versions/1.0.0.yaml";
const ENV = { MLCAT_NOW: "2026-02-01T09:00:00Z", MLCAT_USER: "alice" };

describe("mlcat stage", () => {
  it("changes the stage, appends the history entry and keeps comments", async () => {
    const dir = tempCatalog();
    const path = join(dir, FILE);
    writeFileSync(
      path,
      `# Released by the churn team.\n${readFileSync(path, "utf8").replace("stage: testing\n", "stage: testing # current\n")}`,
    );
    const before = readFileSync(path, "utf8");
    const run = await runCli(
      ["stage", "acme/churn-model:1.0.0", "staging", "--reason", "shadow run clean", "--catalog", dir],
      ENV,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `updated ${dir}/${FILE}\nacme/churn-model:1.0.0: testing -> staging\nvalidated: no problems in the written file\n`,
    );
    const after = readFileSync(path, "utf8");
    expect(after).toBe(
      before
        .replace("stage: testing # current\n", "stage: staging # current\n")
        .replace(
          "    reason: first candidate\n",
          '    reason: first candidate\n  - stage: staging\n    at: "2026-02-01T09:00:00Z"\n    by: alice\n    reason: shadow run clean\n',
        ),
    );
  });

  it.each([
    [["acme/churn-model:1.0.0", "staging"], 2, /needs a reason \(--reason\)/],
    [["acme/churn-model:1.0.0", "live", "--reason", "x"], 2, /"live" is not a stage/],
    [["acme/churn-model:1.0.0"], 2, /missing required argument 'stage'/],
    [["acme/churn-model:1.0.0", "staging", "--reason", "x", "--bogus"], 2, /unknown option '--bogus'/],
    [["acme/churn-model:1.0.0", "testing", "--reason", "x"], 1, /already in stage "testing"/],
    [["acme/churn-model:2.0.0", "staging", "--reason", "x"], 1, /does not exist/],
  ])("%j exits %i with a clear message, leaving the file alone", async (args, code, message) => {
    const dir = tempCatalog();
    const before = readFileSync(join(dir, FILE), "utf8");
    const run = await runCli(["stage", ...args, "--catalog", dir], ENV);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(readFileSync(join(dir, FILE), "utf8")).toBe(before);
  });

  it("needs --by or MLCAT_USER", async () => {
    const run = await runCli([
      "stage",
      "acme/churn-model:1.0.0",
      "staging",
      "--reason",
      "x",
      "--catalog",
      tempCatalog(),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatchInlineSnapshot(`
      "mlcat: who is making this change? --by <user> is missing
        hint: pass --by <user> (a username under users/), or set MLCAT_USER
      "
    `);
  });

  it("--help shows examples", async () => {
    const run = await runCli(["stage", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Examples:\n {2}\$ mlcat stage/);
  });
});
