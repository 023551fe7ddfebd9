/**
 * A validation snapshot is read only by code that judges files the same way:
 * its folder is named by the fingerprint of mlcat's modules, of the engine
 * (yaml, Ajv, the schemas) and of every other package the checks call (the
 * SPDX lists, semver). A check that starts using a package must add it there.
 */
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENGINE_PACKAGES } from "../../src/load/cache-key.js";
import { CHECK_PACKAGES } from "../../src/incremental/snapshot-store.js";

/** The packages the modules under `src/` import or require (subpaths folded into their package). */
function packagesUsed(dir: string): Set<string> {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) {
        for (const m of readFileSync(path, "utf8").matchAll(/(?:from |require\(|import\()"([^".][^"]*)"/g)) {
          const spec = m[1]!;
          if (spec.startsWith("node:") || builtinModules.includes(spec)) continue;
          out.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
        }
      }
    }
  };
  walk(dir);
  return out;
}

describe("the snapshots' fingerprint", () => {
  it("covers every package the checks and the loader use", () => {
    const src = join(import.meta.dirname, "../../src");
    const used = new Set<string>();
    for (const dir of ["checks", "secrets", "text", "model", "diagnostics", "schemas", "yaml", "load", "incremental"]) for (const p of packagesUsed(join(src, dir))) used.add(p);
    expect(used.size).toBeGreaterThan(0);
    const covered = new Set([...ENGINE_PACKAGES, ...CHECK_PACKAGES]);
    expect([...used].filter((p) => !covered.has(p))).toEqual([]);
  });
});
