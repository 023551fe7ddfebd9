/**
 * A smoke test of the scripts: generate a tiny catalog, and run the whole
 * benchmark at a tiny size (the site build skipped) as a user would. No
 * timing is asserted: only that every measurement ran and was recorded, that
 * the generated catalog validates and that its pull request is allowed.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const out = mkdtempSync(join(tmpdir(), "mlcat-bench-smoke-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const node = (args: string[]) =>
  execFileSync(process.execPath, args, {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, MLCAT_CACHE_DIR: undefined },
  });

describe("scripts", () => {
  it("dist/ is compiled (npm test compiles first), and the package ships neither the generator nor the benchmark", () => {
    expect(existsSync(join(ROOT, "dist", "index.js"))).toBe(true);
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, encoding: "utf8" }),
    ) as Array<{ files: Array<{ path: string }> }>;
    const paths = packed!.files.map((f) => f.path);
    expect(paths).toContain("dist/index.js");
    expect(paths.filter((p) => /^scripts\/|(^|\/)scale\/|gen-catalog|bench/.test(p))).toEqual([]);
  });

  it("gen-catalog writes a valid catalog as a git repository, and refuses to overwrite without --force", () => {
    const dir = join(out, "gen");
    const printed = node(["scripts/gen-catalog.ts", "--entities", "40", "--commits", "4", "--out", dir]);
    expect(printed).toMatch(/^wrote \d+ entities and \d+ READMEs to .*catalog \(git, head [0-9a-f]{10}\)/);
    expect(execFileSync("git", ["rev-list", "--count", "HEAD"], { cwd: dir, encoding: "utf8" }).trim()).toBe("4");
    const validated = node(["bin/mlcat.js", "validate", join(dir, "catalog")]);
    expect(validated).toMatch(/^No problems in \d+ entities/m);
    expect(() => node(["scripts/gen-catalog.ts", "--entities", "40", "--out", dir])).toThrow(/not empty: pass --force/);
    expect(() => node(["scripts/gen-catalog.ts", "--entities", "many", "--out", join(out, "x")])).toThrow(
      /--entities must be a whole number/,
    );
  });

  it("bench runs every measurement at a tiny size and writes its table and results.json", () => {
    const results = join(out, "bench", "results.json");
    const table = node([
      "scripts/bench.ts",
      "--entities",
      "40",
      "--runs",
      "1",
      "--warmup",
      "0",
      "--skip",
      "build",
      "--out",
      results,
      "--work",
      join(out, "work"),
    ]);
    expect(table).toContain("| # | comparison | mlcat | baseline | ratio | target | verdict |");
    const json = JSON.parse(readFileSync(results, "utf8"));
    expect(json.machine).toMatchObject({ node: process.versions.node, cores: expect.any(Number) });
    const measured = json.sizes[0].measured;
    expect(Object.keys(measured).sort()).toEqual([
      "ajv-cli",
      "check-cold",
      "check-decisions",
      "check-rerun",
      "check-warm",
      "git-log",
      "history",
      "validate-changed",
      "validate-cold",
      "validate-warm",
    ]);
    for (const m of Object.values(measured) as Array<{ medianMs: number; exitCodes: number[] }>) {
      expect(m.medianMs).toBeGreaterThan(0);
      // The generated catalog is valid (validate exits 0) and its pull request is allowed (check exits 0).
      expect(m.exitCodes).toEqual([0]);
    }
    expect(measured["validate-cold"].peakRssMb).toBeGreaterThan(10);
    expect(json.comparisons.map((c: { id: string }) => c.id)).toEqual([
      "1",
      "2",
      "2b",
      "3a",
      "3b",
      "3c",
      "3d",
      "4",
      "5",
    ]);
    expect(readFileSync(results.replace(/\.json$/, ".md"), "utf8")).toBe(`${table}`);
  });
});
