/**
 * The bundled CLI (dist/bundle/, written by `npm run compile`) that
 * bin/mlcat.js runs: it must judge a catalog exactly as the compiled modules
 * do, find mlcat's files from the same places, and never run older code than
 * the last compile.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const BUNDLE = join(ROOT, "dist", "bundle");
const tmp = mkdtempSync(join(tmpdir(), "mlcat-bundle-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Run the CLI through `entry` (bin/mlcat.js, or a launcher of the compiled modules). */
function run(entry: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [entry, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", MLCAT_CACHE_DIR: "", ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A launcher of dist/cli/main.js, the compiled modules unbundled. */
const compiled = join(tmp, "compiled.mjs");
writeFileSync(
  compiled,
  `const { main } = await import(${JSON.stringify(join(ROOT, "dist", "cli", "main.js"))});\nprocess.exitCode = await main(process.argv);\n`,
);

describe("the bundled CLI", () => {
  it("is written by the compile, and bin/mlcat.js runs it", () => {
    // The launcher's rule: every input listed, at its recorded size, not written since the bundle's entry.
    const manifest = JSON.parse(readFileSync(join(BUNDLE, "manifest.json"), "utf8")) as {
      format: string;
      inputs: Array<{ path: string; size: number }>;
    };
    expect(manifest.format).toBe("mlcat-bundle/1");
    expect(manifest.inputs.map((i) => i.path)).toEqual(
      expect.arrayContaining(["dist/cli/main.js", "dist/pr-check/run-check.js", "node_modules/yaml/dist/index.js"]),
    );
    const built = statSync(join(BUNDLE, "main.js"), { bigint: true }).mtimeNs;
    const stale = manifest.inputs.filter(({ path, size }) => {
      const s = statSync(join(ROOT, path), { bigint: true });
      return s.size !== BigInt(size) || s.ctimeNs > built;
    });
    expect(stale).toEqual([]);
  });

  it("takes in none of dist/'s modules but the one that finds mlcat's files, so no module runs twice", () => {
    const outside = new Set<string>();
    for (const name of readdirSync(BUNDLE).filter((n) => n.endsWith(".js"))) {
      const code = readFileSync(join(BUNDLE, name), "utf8");
      for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"([^"]+)"/g)) {
        const spec = m[1]!;
        if (spec.startsWith("./")) continue;
        if (spec.startsWith("../") || spec.startsWith("/")) outside.add(spec);
      }
    }
    expect([...outside]).toEqual(["../runtime/locations.js"]);
  });

  it("reports a broken catalog exactly as the compiled modules do (a large one: worker threads and the precompiled validators)", () => {
    const dir = join(tmp, "large");
    execFileSync(
      process.execPath,
      [
        "scripts/gen-catalog.ts",
        "--entities",
        "1700",
        "--commits",
        "1",
        "--defects",
        "12",
        "--seed",
        "7",
        "--out",
        dir,
      ],
      { cwd: ROOT, stdio: "ignore" },
    );
    const args = ["validate", join(dir, "catalog"), "--format", "json"];
    const bundled = run(join(ROOT, "bin", "mlcat.js"), args);
    const unbundled = run(compiled, args);
    expect(bundled.code).toBe(1);
    const report = JSON.parse(bundled.stdout) as { diagnostics: unknown[] };
    expect(report.diagnostics.length).toBeGreaterThanOrEqual(12);
    expect(bundled).toEqual(unbundled);
  }, 120_000);

  it("shares the content cache with the compiled modules: the same engine and code fingerprints", () => {
    const cache = join(tmp, "cache");
    const args = ["validate", join(ROOT, "catalog"), "--format", "json"];
    const first = run(join(ROOT, "bin", "mlcat.js"), args, { MLCAT_CACHE_DIR: cache });
    const engines = readdirSync(cache);
    const second = run(compiled, args, { MLCAT_CACHE_DIR: cache });
    expect(first.code).toBe(0);
    expect(second).toEqual(first);
    expect(readdirSync(cache)).toEqual(engines);
    expect(engines).toHaveLength(1);
    // One snapshot folder: the compiled modules found the bundle's snapshot under the same code fingerprint.
    expect(readdirSync(join(cache, engines[0]!)).filter((n) => n.startsWith("snapshots-"))).toHaveLength(1);
  });
});

describe("bin/mlcat.js", () => {
  const DAY = 86_400;
  const now = Math.floor(Date.now() / 1000);
  /**
   * A package folder with a copy of bin/mlcat.js, two stand-in entry points that say which ran, and a bundle
   * manifest listing dist/cli/main.js and one other compiled module as its inputs; the bundle's entry is dated
   * `bundleAge` seconds from now (its inputs were all just written).
   */
  function fakePackage(
    name: string,
    bundleAge: number,
    manifest?: (inputs: Array<{ path: string; size: number }>) => unknown,
  ): string {
    const dir = join(tmp, name);
    mkdirSync(join(dir, "bin"), { recursive: true });
    cpSync(join(ROOT, "bin", "mlcat.js"), join(dir, "bin", "mlcat.js"));
    cpSync(join(ROOT, "package.json"), join(dir, "package.json"));
    for (const which of ["cli", "bundle"]) {
      mkdirSync(join(dir, "dist", which), { recursive: true });
      writeFileSync(
        join(dir, "dist", which, "main.js"),
        `export async function main() { process.stdout.write(${JSON.stringify(which)}); return 0; }\n`,
      );
    }
    writeFileSync(join(dir, "dist", "cli", "other.js"), "export const other = 1;\n");
    const inputs = ["dist/cli/main.js", "dist/cli/other.js"].map((path) => ({
      path,
      size: statSync(join(dir, path)).size,
    }));
    const written = manifest ? manifest(inputs) : { format: "mlcat-bundle/1", inputs };
    if (written !== undefined) writeFileSync(join(dir, "dist", "bundle", "manifest.json"), JSON.stringify(written));
    utimesSync(join(dir, "dist", "bundle", "main.js"), now + bundleAge, now + bundleAge);
    return dir;
  }
  const ran = (dir: string) => {
    const r = spawnSync(process.execPath, [join(dir, "bin", "mlcat.js")], { encoding: "utf8" });
    expect(r.status).toBe(0);
    return r.stdout;
  };

  it("runs the bundle while none of its inputs was written after it", () => {
    expect(ran(fakePackage("current", DAY))).toBe("bundle");
  });

  it.each([
    { case: "an input was written after the bundle (a compile or a watch that did not bundle)", age: -DAY },
    {
      case: "an input's size is not the recorded one",
      age: DAY,
      edit: (dir: string) => writeFileSync(join(dir, "dist/cli/other.js"), "export const other = 12345;\n"),
    },
    { case: "an input is gone", age: DAY, edit: (dir: string) => rmSync(join(dir, "dist/cli/other.js")) },
    { case: "there is no manifest", age: DAY, manifest: () => undefined },
    {
      case: "the manifest is of another format",
      age: DAY,
      manifest: (inputs: unknown) => ({ format: "mlcat-bundle/0", inputs }),
    },
    { case: "the manifest lists no input", age: DAY, manifest: () => ({ format: "mlcat-bundle/1", inputs: [] }) },
    { case: "the manifest is damaged", age: DAY, manifest: () => "{" },
  ])("runs the compiled CLI when $case", ({ case: label, age, edit, manifest }) => {
    const dir = fakePackage(label.replace(/\W+/g, "-").slice(0, 60), age, manifest);
    edit?.(dir);
    utimesSync(join(dir, "dist", "bundle", "main.js"), now + age, now + age);
    expect(ran(dir)).toBe("cli");
  });

  it("runs the compiled CLI when there is no bundle", () => {
    const dir = fakePackage("no-bundle", DAY);
    rmSync(join(dir, "dist", "bundle"), { recursive: true });
    expect(ran(dir)).toBe("cli");
  });
});
