/**
 * The synthetic catalog generator: deterministic for a seed, about the size
 * asked for with every kind, valid under mlcat, with exactly the defects asked
 * for, and committed as a realistic history with fixed authors and dates.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { KIND_SHAPES } from "../../src/authoring/key-order.js";
import { classifyPath, KINDS } from "../../src/model/kinds.js";
import { generateCatalog } from "../../scripts/scale/generate-catalog.ts";
import { planCommits, writeCatalogFiles, writeCatalogRepository } from "../../scripts/scale/write-repository.ts";
import { validate } from "../../src/validate.js";
import { formatYamlText } from "../../src/yaml-writer/format.js";
import { parse } from "yaml";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "mlcat-gen-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

describe("generateCatalog", () => {
  it("gives the same files and the same commit ids for the same seed, other files for another seed", async () => {
    const a = generateCatalog({ entities: 250, seed: 7 });
    const b = generateCatalog({ entities: 250, seed: 7 });
    const c = generateCatalog({ entities: 250, seed: 8 });
    expect([...a.files]).toEqual([...b.files]);
    expect([...a.files]).not.toEqual([...c.files]);
    const [one, two] = [tempDir(), tempDir()];
    const heads = [
      await writeCatalogRepository(a, one, { commits: 6 }),
      await writeCatalogRepository(b, two, { commits: 6 }),
    ];
    expect(heads[0]).toMatch(/^[0-9a-f]{40}$/);
    expect(heads[1]).toBe(heads[0]);
  });

  it("makes about the number of entities asked for, of every kind, valid under mlcat", async () => {
    const generated = generateCatalog({ entities: 400, seed: 3 });
    const out = tempDir();
    writeCatalogFiles(generated, out);
    const result = await validate({ dir: join(out, "catalog"), cache: false, workers: 0 });
    const total = Object.values(result.summary.entities).reduce((x, y) => x + y, 0);
    expect(Math.abs(total - 400)).toBeLessThanOrEqual(20);
    for (const kind of KINDS) expect(result.summary.entities[kind], kind).toBeGreaterThan(0);
    expect(result.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect([...generated.files.keys()].filter((p) => p.endsWith("README.md")).length).toBeGreaterThan(10);
  });

  it("sprinkles exactly the defects asked for, each one error of its code in its file", async () => {
    const generated = generateCatalog({ entities: 400, seed: 5, defects: 14 });
    expect(generated.defects).toHaveLength(14);
    expect(new Set(generated.defects.map((d) => d.path)).size).toBe(14);
    const out = tempDir();
    writeCatalogFiles(generated, out);
    const result = await validate({ dir: join(out, "catalog"), cache: false, workers: 0 });
    const errors = result.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.file}`);
    expect(errors.sort()).toEqual(generated.defects.map((d) => `${d.code} ${join(out, "catalog", d.path)}`).sort());
    expect(new Set(generated.defects.map((d) => d.code)).size).toBe(6);
  });

  it("quotes dates and version tags, so YAML 1.1 readers see strings too", () => {
    const generated = generateCatalog({ entities: 200, seed: 2 });
    for (const [path, text] of generated.files) {
      if (!path.endsWith(".yaml")) continue;
      expect(text, path).not.toMatch(/^[^#"\n]*:\s+\d{4}-\d{2}-\d{2}/m);
      const yaml11 = parse(text, { version: "1.1" });
      if (path.includes("/models/") && path.includes("/versions/")) expect(typeof yaml11.name).toBe("string");
    }
  });
});

describe("the generated files", () => {
  it("are formatted: mlcat fmt would change none of them", () => {
    const generated = generateCatalog({ entities: 400, seed: 5, defects: 3 });
    let formatted = 0;
    for (const [path, text] of generated.files) {
      const kind = classifyPath(path)?.kind;
      const shape = kind && KIND_SHAPES[kind];
      if (!shape || generated.defects.some((d) => d.path === path)) continue;
      expect(formatYamlText(text, shape), path).toBe(text);
      formatted++;
    }
    expect(formatted).toBeGreaterThan(300);
  });
});

describe("the repository history", () => {
  it("has the commits asked for, by several authors, with dates that move forward, and files changed after they were added", async () => {
    const generated = generateCatalog({ entities: 300, seed: 11 });
    const out = tempDir();
    await writeCatalogRepository(generated, out, { commits: 12 });
    expect(Number(git(out, "rev-list", "--count", "HEAD"))).toBe(12);
    const log = git(out, "log", "--reverse", "--format=%an|%aI").split("\n");
    expect(new Set(log.map((l) => l.split("|")[0])).size).toBeGreaterThan(3);
    const dates = log.map((l) => Date.parse(l.split("|")[1]!));
    expect([...dates].sort((x, y) => x - y)).toEqual(dates);
    expect(git(out, "log", "--format=", "--name-status", "--diff-filter=M").length).toBeGreaterThan(0);
    expect(git(out, "status", "--porcelain")).toBe("");
  });

  it("never plans more commits than events, and the first commit is the catalog's foundation", () => {
    const generated = generateCatalog({ entities: 40, seed: 1 });
    const commits = planCommits(generated.events, generated.users, 10_000);
    expect(commits).toHaveLength(generated.events.length);
    expect(Object.keys(commits[0]!.files)).toContain("catalog.yaml");
    const [only, ...none] = planCommits(generated.events, generated.users, 1);
    expect(none).toHaveLength(0);
    // One commit holds the whole catalog, not just its foundation.
    expect(new Set(Object.keys(only!.files))).toEqual(new Set(generated.files.keys()));
    expect(only!.message).toMatch(/\(and \d+ more changes\)$/);
  });
});
