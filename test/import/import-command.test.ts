import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { registerImportCommand } from "../../src/cli/import.js";
import type { CliIO } from "../../src/cli/io.js";
import { ExitError } from "../../src/diagnostics/diagnostic.js";
import { BASE } from "../helpers/catalog.js";
import { writeTree } from "../helpers/cli.js";

const CORPUS = new URL("../fixtures/polyaxon-hub", import.meta.url).pathname;

/** Run `mlcat import <args>` on a fresh program holding only the import command. */
async function runImport(args: string[]): Promise<{ stdout: string; code: number | undefined }> {
  let stdout = "";
  let code: number | undefined;
  const io: CliIO = {
    out: (t) => void (stdout += t),
    err: (t) => void (stdout += t),
    env: { NO_COLOR: "1" },
    appendFile() {},
    isTTY: false,
  };
  const program = new Command("mlcat").exitOverride().configureOutput({ writeErr: () => {} });
  registerImportCommand(program, io, (c) => (code = c));
  await program.parseAsync(["node", "mlcat", "import", ...args]);
  return { stdout, code };
}

function tree(files: Record<string, string> = {}): string {
  return writeTree({ ...Object.fromEntries(Object.entries(BASE).map(([p, t]) => [`catalog/${p}`, t])), ...files });
}

describe("mlcat import polyaxon-hub", () => {
  it("prints what it wrote, then the imported components' diagnostics and the catalog's totals", async () => {
    const catalog = join(tree(), "catalog");
    const { stdout } = await runImport(["polyaxon-hub", CORPUS, "--org", "acme", "--catalog", catalog]);
    const lines = stdout.split("\n");
    expect(lines.filter((l) => l.startsWith("wrote "))).toHaveLength(37);
    expect(lines).toContain(`wrote ${catalog}/orgs/acme/components/kaniko/versions/1.2.yaml`);
    expect(lines).toContain("ignored: LICENSE, README.md, SOURCE.txt");
    expect(lines).toContain("Imported 9 components: 37 files written, 0 skipped, 0 not imported.");
    expect(stdout).toContain(
      `${catalog}/orgs/acme/components/jupyter-lab/versions/latest.yaml:3:7 - info spec/name-differs: spec name "notebook" differs from its hub entry's name "jupyter-lab"`,
    );
    expect(lines.at(-2)).toMatch(new RegExp(`^Whole catalog ${catalog}: \\d+ errors, \\d+ warnings, \\d+ infos`));
  });

  it("says when a second run writes nothing", async () => {
    const catalog = join(tree(), "catalog");
    await runImport(["polyaxon-hub", CORPUS, "--org", "acme", "--catalog", catalog]);
    const { stdout } = await runImport(["polyaxon-hub", CORPUS, "--org", "acme", "--catalog", catalog]);
    expect(stdout).not.toMatch(/^wrote /m);
    expect(stdout).toContain(
      `skipped ${catalog}/orgs/acme/components/kaniko/component.yaml (exists; pass --force to overwrite)`,
    );
    expect(stdout).toContain(
      "Imported 9 components: 0 files written, 37 skipped, 0 not imported.\nNothing written: every file exists. Pass --force to overwrite them.\n",
    );
  });

  it("exits 0 for a clean import and 1 when something is not imported", async () => {
    const spec = BASE["orgs/acme/components/train/versions/1.0.0.yaml"]!.replace("name: train", "name: train2");
    const root = tree({ "hub/train2/1.0.0.yaml": spec });
    const clean = await runImport([
      "polyaxon-hub",
      join(root, "hub"),
      "--org",
      "acme",
      "--catalog",
      join(root, "catalog"),
    ]);
    expect(clean.stdout).toContain("Imported 1 component: 2 files written, 0 skipped, 0 not imported.");
    expect(clean.code).toBe(0);

    const messy = tree({ "hub/train2/1.0.0.yaml": spec, "hub/Train3/1.0.0.yaml": spec });
    const run = await runImport([
      "polyaxon-hub",
      join(messy, "hub"),
      "--org",
      "acme",
      "--catalog",
      join(messy, "catalog"),
      "--force",
    ]);
    expect(run.stdout).toContain(
      'not imported: component folder "Train3" is not a lowercase DNS label: not imported\n  hint: rename the folder',
    );
    expect(run.code).toBe(1);
  });

  it("exits 2 when the organization does not exist", async () => {
    const root = tree();
    const error = await runImport([
      "polyaxon-hub",
      CORPUS,
      "--org",
      "globex",
      "--catalog",
      join(root, "catalog"),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExitError);
    expect((error as ExitError).exitCode).toBe(2);
  });

  it("requires --org", async () => {
    const error = await runImport(["polyaxon-hub", CORPUS]).catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe("commander.missingMandatoryOptionValue");
  });
});

describe("mlcat import polyaxon-hub and the catalog's tag vocabulary", () => {
  const CATALOG_YAML =
    "title: Test catalog\nadmins: [alice]\nvocabularies:\n  # Keep this list short.\n  tags:\n    - nlp\n";
  const spec = BASE["orgs/acme/components/train/versions/1.0.0.yaml"]!.replace(
    "name: train",
    "name: board\ntags: [dashboards, nlp]",
  );
  const CASES = [
    {
      name: "without --extend-vocabulary, unknown tags are left out and listed",
      args: [],
      entryTags: "tags: [nlp]",
      vocabulary: ["nlp"],
      note: /note: left out spec tags the catalog's tag vocabulary lacks: dashboards; .*--extend-vocabulary/,
    },
    {
      name: "with --extend-vocabulary, they are added to catalog.yaml and kept on the entry",
      args: ["--extend-vocabulary"],
      entryTags: "tags: [dashboards, nlp]",
      vocabulary: ["nlp", "dashboards"],
      note: /note: added dashboards to vocabularies.tags in .*catalog\.yaml/,
    },
  ];
  it.each(CASES)("$name", async ({ args, entryTags, vocabulary, note }) => {
    const root = tree({ "catalog/catalog.yaml": CATALOG_YAML, "hub/board/1.0.0.yaml": spec });
    const catalog = join(root, "catalog");
    const run = await runImport(["polyaxon-hub", join(root, "hub"), "--org", "acme", "--catalog", catalog, ...args]);
    expect(run.stdout).toMatch(note);
    expect(run.stdout).toMatch(/Whole catalog .*: 0 errors/);
    expect(run.code).toBe(0);
    expect(readFileSync(join(catalog, "orgs/acme/components/board/component.yaml"), "utf8")).toContain(entryTags);
    const after = readFileSync(join(catalog, "catalog.yaml"), "utf8");
    // The rest of catalog.yaml is left as it was: comments, flow lists.
    expect(after).toContain("# Keep this list short.");
    expect(after).toContain("admins: [alice]\n");
    expect((parse(after) as { vocabularies: { tags: string[] } }).vocabularies.tags).toEqual(vocabulary);
  });
});
