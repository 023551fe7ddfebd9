/**
 * The import graph of src/, by dependency-cruiser with the repository's own
 * rules (.dependency-cruiser.cjs): no cycle between folders (a shared type in
 * the wrong folder makes one), and src/accel/ reached by none of the folders
 * below it. `npx depcruise src` prints the same violations.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseOptions, type ICruiseResult, type IForbiddenRuleType } from "dependency-cruiser";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const config = createRequire(import.meta.url)(join(ROOT, ".dependency-cruiser.cjs")) as {
  forbidden: IForbiddenRuleType[];
  options: ICruiseOptions;
};

/** The rules' violations over `dirs` (folders below `baseDir`), as `rule: from -> to` lines. */
async function violations(baseDir: string, dirs: string[]): Promise<string[]> {
  const { doNotFollow, tsPreCompilationDeps } = config.options;
  const result = await cruise(
    dirs,
    {
      baseDir,
      validate: true,
      ruleSet: { forbidden: config.forbidden },
      ...(doNotFollow && { doNotFollow }),
      ...(tsPreCompilationDeps !== undefined && { tsPreCompilationDeps }),
    },
    undefined,
  );
  const output = result.output as ICruiseResult;
  return output.summary.violations.map(
    (v) => `${v.rule.name}: ${[v.from, ...(v.cycle ?? []).map((c) => c.name)].join(" -> ")} (${v.to})`,
  );
}

const temp = mkdtempSync(join(tmpdir(), "mlcat-graph-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** A small tree of TypeScript modules, `path: imports`. */
function writeTree(name: string, modules: Record<string, string[]>): string {
  const root = join(temp, name);
  for (const [path, imports] of Object.entries(modules)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    const lines = imports.map((target, i) => `import { v as v${i} } from "${target}";\nvoid v${i};`);
    writeFileSync(file, `${lines.join("\n")}\nexport const v = 1;\n`);
  }
  return root;
}

describe("the import graph of src/", () => {
  it("has no folder cycle, and no folder below src/accel/ imports it", async () => {
    expect(await violations(ROOT, ["src"])).toEqual([]);
  }, 120_000);

  it("fails on a cycle between two folders, even when no module is in a cycle", async () => {
    const root = writeTree("folder-cycle", {
      "src/checks/context.ts": ["../load/raw.js"],
      "src/load/raw.ts": [],
      "src/load/build.ts": ["../checks/collector.js"],
      "src/checks/collector.ts": [],
    });
    const found = await violations(root, ["src"]);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((v) => v.startsWith("no-folder-cycle: "))).toBe(true);
    expect(found.join("\n")).toContain("src/load");
  }, 60_000);

  it("fails when the loader imports the speed machinery", async () => {
    const root = writeTree("accel-below", {
      "src/load/load-catalog.ts": ["../accel/cache.js"],
      "src/accel/cache.ts": [],
    });
    expect(await violations(root, ["src"])).toEqual([
      "accel-above-the-domain: src/load/load-catalog.ts (src/accel/cache.ts)",
    ]);
  }, 60_000);
});
