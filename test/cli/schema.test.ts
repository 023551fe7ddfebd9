import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMA_FILES } from "../../src/schemas/schema-files.js";
import { runCli } from "../helpers/cli.js";

describe("mlcat schema", () => {
  it("writes every schema and prints the editor mapping", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "mlcat-schema-")), "schemas");
    const run = await runCli(["schema", "--out", out]);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([...SCHEMA_FILES].sort());
    for (const file of SCHEMA_FILES) expect(run.stdout).toContain(`created ${join(out, file)}\n`);
    const mapping = JSON.parse(run.stdout.slice(run.stdout.indexOf("{")))["yaml.schemas"] as Record<string, string[]>;
    const [key, globs] = Object.entries(mapping).find(([k]) => k.endsWith("/model-version.schema.json"))!;
    expect(join(process.cwd(), key)).toBe(join(out, "model-version.schema.json"));
    expect(globs).toEqual(["catalog/orgs/*/models/*/versions/*.yaml"]);
    const again = await runCli(["schema", "--out", out]);
    expect(again.stdout).toContain(`unchanged ${join(out, "user.schema.json")}\n`);
  });

  it("refuses to overwrite a schema file with other content (exit 1) unless --force", async () => {
    const out = mkdtempSync(join(tmpdir(), "mlcat-schema-"));
    writeFileSync(join(out, "team.schema.json"), "{}\n");
    const run = await runCli(["schema", "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/team\.schema\.json exists with other content; mlcat does not overwrite it/);
    expect(readFileSync(join(out, "team.schema.json"), "utf8")).toBe("{}\n");
    const forced = await runCli(["schema", "--out", out, "--force"]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`updated ${join(out, "team.schema.json")}\n`);
  });

  it.each([
    [["schema", "--bogus"], /unknown option '--bogus'/],
    [["schema", "--out"], /option '-o, --out <dir>' argument missing/],
  ])("%j exits 2 with a clear message", async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("--help shows examples", async () => {
    const run = await runCli(["schema", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Examples:\n {2}\$ mlcat schema/);
  });
});
