import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempCatalog } from "../authoring/temp-catalog.js";
import { runCli } from "../helpers/cli.js";

const ENV = { MLCAT_NOW: "2026-03-01T10:00:00Z" };
const PREPARE =
  'version: 1.1\nkind: component\nname: prepare\nrun:\n  kind: job\n  container: {image: "python:3.12"}\n';
const catalog = () =>
  tempCatalog({
    "orgs/acme/projects/churn/components/prepare.yaml": PREPARE,
    "orgs/acme/projects/churn/experiments/run-2.yaml": "name: run-2\ncomponent: acme/train:1.0.0\nstatus: running\n",
  });

describe("mlcat promote experiment", () => {
  it("writes the model version, validates it and prints its lineage", async () => {
    const dir = catalog();
    const run = await runCli(
      [
        "promote",
        "experiment",
        "acme/churn/run-1",
        "--model",
        "acme/churn-model",
        "--version",
        "1.1.0",
        "--by",
        "bob",
        "--catalog",
        dir,
      ],
      ENV,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`created ${dir}/orgs/acme/models/churn-model/versions/1.1.0.yaml
the run does not record flavors (how to load each artifact), signature, inputExample, evaluation (task, dataset with version, split, metric, value), lineage.inputs (the data the run read, pinned by a version or checksum): add them to the version where they apply
validated: no problems in the written file
lineage: model version acme/churn-model:1.1.0 <- experiment acme/churn/run-1 <- component version acme/train:1.0.0
`);
    expect(readFileSync(join(dir, "orgs/acme/models/churn-model/versions/1.1.0.yaml"), "utf8")).toContain(
      '    at: "2026-03-01T10:00:00Z"\n    by: bob\n',
    );
  });

  it("takes the user from MLCAT_USER", async () => {
    const dir = catalog();
    const run = await runCli(
      [
        "promote",
        "experiment",
        "acme/churn/run-1",
        "--model",
        "acme/churn-model",
        "--version",
        "1.1.0",
        "--catalog",
        dir,
      ],
      { ...ENV, MLCAT_USER: "alice" },
    );
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "orgs/acme/models/churn-model/versions/1.1.0.yaml"), "utf8")).toContain(
      "createdBy: alice\n",
    );
  });

  it.each([
    [
      ["acme/churn/run-2", "--model", "acme/churn-model", "--version", "1.1.0", "--by", "bob"],
      1,
      /has status "running"; only a succeeded experiment can be promoted/,
    ],
    [["acme/churn/run-1", "--model", "acme/churn-model", "--version", "1.0.0", "--by", "bob"], 1, /already exists/],
    [["acme/churn/run-1", "--model", "acme/churn-model", "--version", "1.1.0"], 2, /--by <user> is missing/],
    [["acme/churn/run-1", "--version", "1.1.0", "--by", "bob"], 2, /missing --model <org\/model>/],
    [
      ["acme/churn/run-1", "--model", "acme/churn-model", "--version", "1.1.0", "--by", "bob", "--stage", "live"],
      2,
      /argument 'live' is invalid/,
    ],
    [
      ["acme/churn/run-1", "--model", "acme/churn-model", "--version", "1.1.0", "--by", "bob", "--at", "yesterday"],
      2,
      /time "yesterday" is not an ISO date-time/,
    ],
    [["--model", "acme/churn-model"], 2, /missing required argument/],
  ])("%j exits %i with a clear message", async (args, code, message) => {
    const run = await runCli(["promote", "experiment", ...args, "--catalog", catalog()], ENV);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
  });
});

describe("mlcat promote component", () => {
  it("publishes the spec unchanged and records where it came from", async () => {
    const dir = catalog();
    const run = await runCli(
      [
        "promote",
        "component",
        "acme/churn/prepare",
        "--to",
        "acme/prepare:1.0.0",
        "--commit",
        "abc1234",
        "--catalog",
        dir,
      ],
      ENV,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^created ${dir}/orgs/acme/components/prepare/versions/1.0.0.yaml
created ${dir}/orgs/acme/components/prepare/component.yaml
created ${dir}/orgs/acme/components/prepare/README.md
created the hub entry acme/prepare \\(owner alice\\); describe it in ${dir}/orgs/acme/components/prepare/README.md
${dir}/orgs/acme/components/prepare/README.md:3:1 - warning readme/unfilled-template: the README of hub component acme/prepare still holds the template's "What this component does, in a paragraph." \\(and 1 more of the template's sentences\\): it is published as it is
`,
      ),
    );
    // Only the README the command wrote from its template is warned about.
    expect(run.stdout).toContain("Found 0 errors, 1 warning in 1 file");
    expect(readFileSync(join(dir, "orgs/acme/components/prepare/versions/1.0.0.yaml"), "utf8")).toBe(PREPARE);
    expect(readFileSync(join(dir, "orgs/acme/components/prepare/component.yaml"), "utf8")).toContain(
      "    source:\n      project: churn\n      path: components/prepare.yaml\n      commit: abc1234\n",
    );
  });

  it("says so when there is no git commit to record", async () => {
    const dir = catalog();
    const run = await runCli(
      ["promote", "component", "acme/churn/prepare", "--to", "acme/prepare:1.0.0", "--catalog", dir],
      ENV,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("no git commit found");
    expect(readFileSync(join(dir, "orgs/acme/components/prepare/component.yaml"), "utf8")).not.toContain("commit:");
  });

  it.each([
    [["acme/churn/prepare", "--to", "acme/train:1.0.0"], 1, /acme\/train:1\.0\.0 is already published/],
    [["acme/churn/nope", "--to", "acme/nope:1.0.0"], 1, /project component "acme\/churn\/nope" does not exist/],
    [["acme/churn/prepare", "--to", "acme/prepare"], 2, /--to "acme\/prepare" should be written <org>\/<name>:<tag>/],
    [["acme/churn/prepare"], 2, /missing --to <org\/name:tag>/],
    [["acme/churn/prepare", "--to", "acme/prepare:1.0.0", "--frobnicate"], 2, /unknown option '--frobnicate'/],
  ])("%j exits %i with a clear message", async (args, code, message) => {
    const dir = catalog();
    const run = await runCli(["promote", "component", ...args, "--no-commit", "--catalog", dir], ENV);
    expect(run.code).toBe(code);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(dir, "orgs/acme/components/prepare"))).toBe(false);
  });
});

describe("mlcat promote", () => {
  it("exits 2 without a subcommand", async () => {
    const run = await runCli(["promote"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/mlcat promote needs one of: experiment, component/);
  });

  it.each([["promote"], ["promote", "experiment"], ["promote", "component"]])(
    "%j --help shows examples",
    async (...args) => {
      const run = await runCli([...args, "--help"]);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Examples:\n {2}\$ mlcat promote/);
    },
  );
});
