/**
 * Every file mlcat writes is already formatted: a catalog started with `init`
 * and grown only with `new`, `promote`, `stage`, `org` and `import` passes
 * `mlcat fmt --check` after every command, and `fmt` then changes nothing.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { importPolyaxonHub } from "../../src/import/polyaxon-hub.js";
import { runCli } from "../helpers/cli.js";
import { BASE } from "../helpers/catalog.js";
import { writeTree } from "../helpers/cli.js";

const HUB = new URL("../fixtures/polyaxon-hub", import.meta.url).pathname;
const NOW = { MLCAT_NOW: "2026-03-01T10:00:00Z" };

/** Every file under `dir` with its text. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(dir, path), readFileSync(path, "utf8"));
    }
  return files;
}

/** Run a command that must succeed, then `fmt --check` on the catalog: it must find nothing to change. */
async function runThenCheck(catalog: string, args: string[], code = 0): Promise<void> {
  const run = await runCli([...args, "--catalog", catalog], NOW);
  expect(run.code, `${args.join(" ")}\n${run.stdout}${run.stderr}`).toBe(code);
  const check = await runCli(["fmt", "--check", "--catalog", catalog]);
  expect(check.stdout, `after mlcat ${args.join(" ")}`).toMatch(/^\d+ files are formatted\n$/);
  expect(check.code).toBe(0);
}

describe("files written by mlcat pass fmt --check", () => {
  it("init, new of every kind (with and without optional values), promote, stage, org add-member", async () => {
    const repo = mkdtempSync(join(tmpdir(), "mlcat-fmt-clean-"));
    const init = await runCli([
      "init",
      "--dir",
      repo,
      "--github-login",
      "alice",
      "--github-id",
      "1001",
      "--org",
      "acme",
    ]);
    expect(init.code, init.stderr).toBe(0);
    const catalog = join(repo, "catalog");
    const commands = [
      ["new", "user", "bob", "--display-name", "Bob Stone", "--github", "bob-s", "--github-id", "2345678"],
      ["new", "user", "carol"],
      ["new", "org", "globex", "--owner", "bob"],
      ["new", "org", "initech", "--owner", "bob", "--visibility", "public", "--description", "Initech's ML."],
      ["new", "team", "acme/ml", "--member", "alice:admin", "--project", "churn:member", "--create-missing"],
      ["new", "team", "acme/quiet", "--member", "alice"],
      ["new", "connection", "acme/s3-data", "--kind", "s3", "--set", "bucket=s3://acme-data", "--secret", "aws"],
      ["new", "connection", "acme/plain", "--kind", "s3"],
      ["new", "project", "acme/demand", "--owner", "alice", "--team", "ml", "--connection", "s3-data", "--tag", "x"],
      ["new", "project", "acme/bare", "--owner", "alice"],
      ["new", "component", "acme/churn/prepare", "--image", "python:3.12", "--command", "python prepare.py"],
      ["new", "component", "acme/train", "--owner", "alice", "--version", "1.0.0", "--image", "python:3.12"],
      ["new", "component", "acme/empty", "--owner", "alice"],
      ["new", "model", "acme/churn-model", "--owner", "alice", "--task", "binary-classification", "--license", "MIT"],
      ["new", "model", "acme/bare-model", "--owner", "alice"],
      ["org", "add-member", "acme", "bob", "--role", "member"],
      ["org", "add-member", "acme", "bob", "--role", "admin"],
      ["promote", "component", "acme/churn/prepare", "--to", "acme/prepare:1.0.0", "--notes", "First release."],
    ];
    for (const args of commands) await runThenCheck(catalog, args);

    // An experiment as a person writes it, in the canonical style, with metrics spelled their own way.
    mkdirSync(join(catalog, "orgs/acme/projects/churn/experiments"));
    writeFileSync(
      join(catalog, "orgs/acme/projects/churn/experiments/run-7.yaml"),
      "name: run-7\ncomponent: acme/train:1.0.0\nmetrics: {auc: 0.910, loss: 195.0}\nstatus: succeeded\n",
    );
    for (const args of [
      [
        "promote",
        "experiment",
        "acme/churn/run-7",
        "--model",
        "acme/churn-model",
        "--version",
        "1.2.0",
        "--by",
        "alice",
      ],
      ["promote", "experiment", "acme/churn/run-7", "--model", "acme/new-model", "--version", "0.1.0", "--by", "alice"],
      ["stage", "acme/churn-model:1.2.0", "staging", "--reason", "Shadow traffic for a week", "--by", "alice"],
      [
        "stage",
        "acme/churn-model:1.2.0",
        "production",
        "--reason",
        "AUC 0.91 on the March holdout: shadow traffic clean",
        "--by",
        "alice",
      ],
    ])
      await runThenCheck(catalog, args);

    // The model version carries the experiment's metrics as they were spelled.
    expect(readFileSync(join(catalog, "orgs/acme/models/churn-model/versions/1.2.0.yaml"), "utf8")).toContain(
      "metrics: {auc: 0.910, loss: 195.0}\n",
    );
    const before = snapshot(catalog);
    expect((await runCli(["fmt", "--catalog", catalog])).code).toBe(0);
    expect(snapshot(catalog)).toEqual(before);
  });

  it("import polyaxon-hub: hub entries, and a tag vocabulary it extends", async () => {
    const catalog = join(
      writeTree(Object.fromEntries(Object.entries(BASE).map(([p, t]) => [`catalog/${p}`, t]))),
      "catalog",
    );
    expect((await runCli(["fmt", "--catalog", catalog])).code).toBe(0);
    // The hub checkout holds specs the catalog reports on (exit 1); what it writes is formatted all the same.
    await runThenCheck(catalog, ["import", "polyaxon-hub", HUB, "--org", "acme"], 1);

    const vocabulary = join(
      writeTree(
        Object.fromEntries(
          Object.entries({
            ...BASE,
            "catalog.yaml": `${BASE["catalog.yaml"]}vocabularies:\n  # The tags entities may carry.\n  tags:\n    - tabular\n`,
          }).map(([p, t]) => [`catalog/${p}`, t]),
        ),
      ),
      "catalog",
    );
    expect((await runCli(["fmt", "--catalog", vocabulary])).code).toBe(0);
    const result = await importPolyaxonHub({
      source: HUB,
      org: "acme",
      catalogDir: vocabulary,
      extendVocabulary: true,
    });
    expect(result.unknownTags.length).toBeGreaterThan(0);
    const text = readFileSync(join(vocabulary, "catalog.yaml"), "utf8");
    expect(text).toContain("  # The tags entities may carry.\n  tags:\n    - tabular\n");
    const check = await runCli(["fmt", "--check", "--catalog", vocabulary]);
    expect(check.stdout).toMatch(/^\d+ files are formatted\n$/);
  });
});
