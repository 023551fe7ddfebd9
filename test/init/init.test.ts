/**
 * `mlcat init` in an empty repository: the files a catalog repository starts
 * with, a catalog that validates, workflows that are what the docs show, and a
 * second run that changes nothing. Then the documented authoring sequences
 * (docs/authoring.md, docs/contributing-to-a-catalog.md) run in that catalog.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { actionFromGitSpec } from "../../src/init/action-ref.js";
import { catalogWorkflow, deployWorkflow } from "../../src/init/workflows.js";
import { validate } from "../../src/validate.js";
import { runCli } from "../helpers/cli.js";

const ACTION = "acme/mlcat@0123456789abcdef0123456789abcdef01234567";
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A new empty folder named `name` (the default organization's name comes from it). */
function emptyRepo(name = "acme"): string {
  const parent = mkdtempSync(join(tmpdir(), "mlcat-init-"));
  dirs.push(parent);
  const dir = join(parent, name);
  writeFileSync(join(parent, ".keep"), "");
  return dir;
}

const init = (dir: string, ...extra: string[]) =>
  runCli(["init", "--dir", dir, "--github-login", "Alice-M", "--github-id", "1234567", "--user", "alice", ...extra]);

describe("mlcat init", () => {
  it("writes a catalog that validates, the repository's files and the workflows, and a second run keeps them all", async () => {
    const dir = emptyRepo();
    const first = await init(dir, "--action", ACTION);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout.split("\n").filter((l) => l.startsWith("created "))).toEqual([
      "created catalog/catalog.yaml",
      "created catalog/users/alice.yaml",
      "created catalog/orgs/acme/organization.yaml",
      "created .gitignore",
      "created .vscode/settings.json",
      "created .vscode/extensions.json",
      "created .github/pull_request_template.md",
      "created .github/workflows/catalog.yml",
      "created .github/workflows/deploy.yml",
    ]);
    expect(first.stdout).toContain("validated: catalog has no errors");
    const result = await validate({ dir: join(dir, "catalog") });
    expect(result.diagnostics).toEqual([]);
    expect(parse(readFileSync(join(dir, "catalog/users/alice.yaml"), "utf8"))).toEqual({
      name: "alice",
      github: { login: "Alice-M", id: 1234567 },
    });
    expect(parse(readFileSync(join(dir, "catalog/catalog.yaml"), "utf8"))).toMatchObject({ admins: ["alice"] });
    expect(parse(readFileSync(join(dir, "catalog/orgs/acme/organization.yaml"), "utf8")).members).toEqual([
      { user: "alice", role: "owner" },
    ]);
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("node_modules/\nsite-dist/\n.mlcat-cache/\n");
    const settings = JSON.parse(readFileSync(join(dir, ".vscode/settings.json"), "utf8"))["yaml.schemas"];
    expect(settings["./node_modules/mlcat/schemas/user.schema.json"]).toEqual(["catalog/users/*.yaml"]);
    expect(readFileSync(join(dir, ".github/workflows/catalog.yml"), "utf8")).toBe(catalogWorkflow(ACTION));

    const again = await init(dir, "--action", ACTION);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/^(created|updated) /m);
    expect(again.stdout.match(/^kept /gm)).toHaveLength(9);
  });

  it("never overwrites: a .gitignore gets only the lines it lacks, other files are kept as they are", async () => {
    const dir = emptyRepo();
    await init(dir, "--action", ACTION);
    writeFileSync(join(dir, ".gitignore"), "dist/\nnode_modules\n");
    writeFileSync(join(dir, "catalog/catalog.yaml"), "title: Mine\nadmins: [alice]\n");
    const run = await init(dir, "--action", ACTION);
    expect(run.stdout).toContain("updated .gitignore");
    expect(run.stdout).toContain("kept catalog/catalog.yaml");
    expect(readFileSync(join(dir, ".gitignore"), "utf8")).toBe("dist/\nnode_modules\nsite-dist/\n.mlcat-cache/\n");
    expect(readFileSync(join(dir, "catalog/catalog.yaml"), "utf8")).toBe("title: Mine\nadmins: [alice]\n");
  });

  it("takes the action from the commit mlcat was installed from, and otherwise says how to get the workflows", async () => {
    const dir = emptyRepo();
    const none = await init(dir);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain(
      "note: skipped the workflows: mlcat was not installed from a GitHub commit here; run mlcat init again with --action <owner>/mlcat@<commit-sha>",
    );
    writeFileSync(
      join(dir, "package-lock.json"),
      JSON.stringify({
        packages: {
          "node_modules/mlcat": {
            resolved: "git+ssh://git@github.com/acme/mlcat.git#0123456789abcdef0123456789abcdef01234567",
          },
        },
      }),
    );
    const derived = await init(dir);
    expect(derived.stdout).toContain("created .github/workflows/catalog.yml");
    expect(readFileSync(join(dir, ".github/workflows/deploy.yml"), "utf8")).toBe(deployWorkflow(ACTION));
    expect(actionFromGitSpec("github:acme/mlcat#main")).toBeUndefined();
  });

  it("refuses an action not pinned by commit, and a user name that is not a DNS label", async () => {
    const dir = emptyRepo();
    const tag = await init(dir, "--action", "acme/mlcat@v1");
    expect(tag.code).toBe(2);
    expect(tag.stderr).toContain("--action acme/mlcat@v1 is not owner/repo@<commit-sha>");
    const bad = await runCli(["init", "--dir", dir, "--github-login", "Alice_M", "--github-id", "1"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"alice_m" is not a catalog user name');
  });
});

describe("the workflows are what the docs show", () => {
  const doc = readFileSync("docs/pull-request-checks.md", "utf8");
  const blockAfter = (label: string) => {
    const at = doc.indexOf(label);
    const m = /```yaml\n([\s\S]*?)```/.exec(doc.slice(at));
    return m?.[1];
  };
  it("shows catalog.yml and deploy.yml as init writes them", () => {
    expect(blockAfter("`.github/workflows/catalog.yml`:")).toBe(catalogWorkflow("<owner>/mlcat@<commit-sha>"));
    expect(blockAfter("`.github/workflows/deploy.yml`")).toBe(deployWorkflow("<owner>/mlcat@<commit-sha>"));
  });

  it("pins every third-party action by commit and gives each job only what it needs", () => {
    for (const text of [catalogWorkflow(ACTION), deployWorkflow(ACTION)]) {
      const wf = parse(text) as {
        permissions: unknown;
        jobs: Record<string, { permissions: Record<string, string>; steps: Array<{ uses?: string }> }>;
      };
      expect(wf.permissions).toEqual({});
      for (const job of Object.values(wf.jobs))
        for (const step of job.steps) if (step.uses) expect(step.uses).toMatch(/@[0-9a-f]{40}$/);
    }
    const deploy = parse(deployWorkflow(ACTION)) as { jobs: Record<string, { permissions: Record<string, string> }> };
    expect(deploy.jobs.build!.permissions).toEqual({ contents: "read", pages: "read" });
    expect(deploy.jobs.deploy!.permissions).toEqual({ pages: "write", "id-token": "write" });
  });
});

/** The `mlcat` command lines of the first ```sh block after `heading` (`npx ` dropped), with whether each is shown refused. */
function documentedCommands(file: string, heading: string): Array<{ line: string; args: string[]; refused: boolean }> {
  const text = readFileSync(file, "utf8");
  const at = text.indexOf(`${heading}\n`);
  expect(at, `${file} has ${heading}`).toBeGreaterThanOrEqual(0);
  const block = /```sh\n([\s\S]*?)```/.exec(text.slice(at))![1]!;
  return block
    .split("\n")
    .filter((l) => /^(npx )?mlcat /.test(l))
    .map((line) => {
      const [command, comment = ""] = line.split(/\s+#\s+/);
      const words = [...command!.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
      return { line, args: words.slice(words[0] === "npx" ? 2 : 1), refused: comment.startsWith("refused") };
    });
}

describe("the documented authoring sequences run as written, in a catalog mlcat init wrote", () => {
  it("docs/authoring.md (mlcat new), then docs/contributing-to-a-catalog.md (a team, a member, a project)", async () => {
    const dir = emptyRepo("ml-catalog");
    await init(dir, "--action", ACTION);
    const cwd = process.cwd();
    const steps = [
      ...documentedCommands("docs/authoring.md", "## mlcat new"),
      ...documentedCommands("docs/contributing-to-a-catalog.md", "## Add a team, a member, a project"),
    ];
    expect(steps.length).toBeGreaterThan(10);
    process.chdir(dir);
    try {
      for (const step of steps) {
        const run = await runCli(step.args);
        expect({ line: step.line, code: run.code, stderr: step.refused ? "" : run.stderr }).toEqual({
          line: step.line,
          code: step.refused ? 1 : 0,
          stderr: "",
        });
      }
      const result = await validate({ dir: "catalog" });
      expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(
        result.catalog.has("Project", "acme/churn") &&
          result.catalog.has("Team", "acme/forecasting") &&
          result.catalog.has("Project", "acme/prices"),
      ).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});
