/** `mlcat alias`: point a model's alias at one of its versions, or remove it; refusals leave model.yaml alone. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempCatalog } from "../authoring/temp-catalog.js";
import { BASE } from "../helpers/catalog.js";
import { runCli } from "../helpers/cli.js";

const MODEL = "orgs/acme/models/churn-model/model.yaml";
const V2 = "orgs/acme/models/churn-model/versions/2.0.0.yaml";
const withAliases = () =>
  tempCatalog({
    [MODEL]: `${BASE[MODEL]!}# who serves what\naliases:\n  champion: "1.0.0" # live since December\n`,
    [V2]: BASE["orgs/acme/models/churn-model/versions/1.0.0.yaml"]!.replace("name: 1.0.0", "name: 2.0.0"),
  });

describe("mlcat alias", () => {
  it("adds an alias, keeping comments, and the file validates", async () => {
    const dir = withAliases();
    const before = readFileSync(join(dir, MODEL), "utf8");
    const run = await runCli(["alias", "acme/churn-model", "challenger", "2.0.0", "--catalog", dir]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `updated ${dir}/${MODEL}\nacme/churn-model: alias challenger -> 2.0.0\nvalidated: no problems in the written file\n`,
    );
    expect(readFileSync(join(dir, MODEL), "utf8")).toBe(`${before}  challenger: "2.0.0"\n`);
  });

  it("moves an alias in place", async () => {
    const dir = withAliases();
    const before = readFileSync(join(dir, MODEL), "utf8");
    const run = await runCli(["alias", "acme/churn-model", "champion", "2.0.0", "--catalog", dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("acme/churn-model: alias champion 1.0.0 -> 2.0.0");
    expect(readFileSync(join(dir, MODEL), "utf8")).toBe(before.replace('champion: "1.0.0"', 'champion: "2.0.0"'));
  });

  it("removes the last alias with its key, and --dry-run writes nothing", async () => {
    const dir = withAliases();
    const before = readFileSync(join(dir, MODEL), "utf8");
    const dry = await runCli(["alias", "acme/churn-model", "champion", "--remove", "--dry-run", "--catalog", dir]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).not.toContain("aliases:");
    expect(readFileSync(join(dir, MODEL), "utf8")).toBe(before);
    const run = await runCli(["alias", "acme/churn-model", "champion", "--remove", "-c", dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("alias champion removed (was 1.0.0)");
    expect(readFileSync(join(dir, MODEL), "utf8")).not.toMatch(/aliases|champion/);
  });

  it.each([
    [
      ["acme/churn-model", "champion", "3.0.0"],
      1,
      /has no version "3.0.0"; choose one of its versions: 1.0.0, 2.0.0|has no version "3.0.0"/,
    ],
    [["acme/churn-model", "1.0.0", "2.0.0"], 2, /alias "1.0.0" is not a valid name/],
    [["acme/churn-model", "champion", "1.0.0"], 1, /already names 1.0.0/],
    [["acme/churn-model", "shadow", "--remove"], 1, /has no alias "shadow"/],
    [["acme/churn-model", "champion", "1.0.0", "--remove"], 2, /--remove takes no version tag/],
    [["acme/churn-model", "champion"], 2, /missing the version tag/],
    [["acme/other-model", "champion", "1.0.0"], 1, /model "acme\/other-model" does not exist/],
    [["acme", "champion", "1.0.0"], 2, /should be written <org>\/<model>/],
  ])("%j exits %i with a clear message, leaving model.yaml alone", async (args, code, message) => {
    const dir = withAliases();
    const before = readFileSync(join(dir, MODEL), "utf8");
    const run = await runCli(["alias", ...args, "--catalog", dir]);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(readFileSync(join(dir, MODEL), "utf8")).toBe(before);
  });

  it("--help shows examples", async () => {
    const run = await runCli(["alias", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Examples:\n {2}\$ mlcat alias/);
  });
});
