import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { tempCatalog } from "../authoring/temp-catalog.js";
import { runCli, writeTree } from "../helpers/cli.js";

const SAMPLE = fileURLToPath(new URL("../../catalog", import.meta.url));

describe("mlcat reproduce", () => {
  it("prints the operation for a version of the sample catalog, by tag or alias", async () => {
    const byTag = await runCli(["reproduce", "northwind/demand-forecaster:2.0.0", "--catalog", SAMPLE]);
    expect(byTag.stderr).toBe("");
    expect(byTag.code).toBe(0);
    const op = parse(byTag.stdout) as Record<string, unknown>;
    expect(op).toMatchObject({ kind: "operation", hubRef: "northwind/xgboost-train:1.1.0" });
    expect(byTag.stdout).toContain("# Run it: polyaxon run -f reproduce.yaml --project northwind/demand-forecasting\n");
    const byAlias = await runCli(["reproduce", "northwind/demand-forecaster@champion", "--catalog", SAMPLE]);
    expect(byAlias.stdout).toBe(byTag.stdout);
  });

  it("writes --out and says how to run it", async () => {
    const out = join(writeTree({}), "op.yaml");
    const run = await runCli(["reproduce", "northwind/fraud-scorer:1.1.0", "--catalog", SAMPLE, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`wrote ${out}\nrun it: polyaxon run -f ${out} --project northwind/fraud-detection\n`);
    expect(readFileSync(out, "utf8")).toContain("    value: 180.0\n");
  });

  it("refuses an incomplete lineage with exit 1, listing what is missing", async () => {
    // BASE's churn-model 1.0.0 names a run with no code recorded.
    const dir = tempCatalog();
    const run = await runCli(["reproduce", "acme/churn-model:1.0.0", "--catalog", dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `mlcat: cannot reproduce acme/churn-model:1.0.0: its lineage is not complete
  - code.repo: not recorded (the repository the run's code came from)
  - code.commit: not recorded (the commit the run's code was at)
  hint: record what is missing in ${dir}/orgs/acme/models/churn-model/versions/1.0.0.yaml (or its experiment), then run this again
`,
    );
  });

  it.each([
    [["acme/churn-model"], 2, /"acme\/churn-model" is not a model version/],
    [["acme/churn-model:9.0.0"], 1, /model version "acme\/churn-model:9\.0\.0" does not exist/],
    [["acme/churn-model@champion"], 1, /model acme\/churn-model has no alias "champion"/],
    [[], 2, /missing required argument/],
  ])("%j exits %i with a clear message", async (args, code, message) => {
    const run = await runCli(["reproduce", ...args, "--catalog", tempCatalog()]);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
  });
});
