/**
 * A validation snapshot is read only by code that judges files the same way:
 * its folder is named by the fingerprint of mlcat's modules, of the engine
 * (yaml, Ajv, the schemas) and of every other package the checks call (the
 * SPDX lists, semver). A check that starts using a package must add it there.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINE_PACKAGES } from "../../src/accel/cache-key.js";
import { CHECK_PACKAGES, modulesDigest, SETTLED_MS } from "../../src/accel/snapshot-store.js";

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
    for (const dir of [
      "checks",
      "secrets",
      "text",
      "model",
      "diagnostics",
      "schemas",
      "yaml",
      "load",
      "accel",
      "relations",
      // Of report/, the checks use the collector and the severity settings, which use no package.
    ])
      for (const p of packagesUsed(join(src, dir))) used.add(p);
    expect(used.size).toBeGreaterThan(0);
    const covered = new Set([...ENGINE_PACKAGES, ...CHECK_PACKAGES]);
    expect([...used].filter((p) => !covered.has(p))).toEqual([]);
  });
});

describe("the digest of mlcat's modules, memoised in the cache folder", () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  /** A folder of three module files, and a cache folder for the memo. */
  function fixture() {
    const root = mkdtempSync(join(tmpdir(), "mlcat-modules-"));
    const memo = mkdtempSync(join(tmpdir(), "mlcat-memo-"));
    made.push(root, memo);
    mkdirSync(join(root, "checks"));
    const files = ["a.js", "checks/b.js", "checks/c.js"].map((f) => join(root, f));
    files.forEach((f, i) => writeFileSync(f, `export const x = ${i};\n`));
    return { root, memo, files };
  }
  // Written once, then left to settle: a memo is only written of files that last changed over SETTLED_MS ago.
  const settled: Array<ReturnType<typeof fixture>> = [];
  beforeAll(async () => {
    for (let i = 0; i < 12; i++) settled.push(fixture());
    await new Promise((done) => setTimeout(done, SETTLED_MS + 100));
  });
  const setup = () => settled.pop()!;

  it("is not memoised while the files may still change within their clock tick", () => {
    const { root, memo, files } = fixture();
    expect(modulesDigest(files, root, memo)).toBe(modulesDigest(files, root));
    expect(existsSync(join(memo, "code-digest.json"))).toBe(false);
  });

  it("is the digest of the bytes, with or without a memo, and writes the memo the first time", () => {
    const { root, memo, files } = setup();
    const plain = modulesDigest(files, root);
    expect(plain).toMatch(/^[0-9a-f]{64}$/);
    expect(modulesDigest(files, root, memo)).toBe(plain);
    expect(existsSync(join(memo, "code-digest.json"))).toBe(true);
    expect(modulesDigest([...files].reverse(), root, memo)).toBe(plain);
  });

  it("is taken from the memo while no file changed, and not read again", () => {
    const { root, memo, files } = setup();
    const digest = modulesDigest(files, root, memo);
    // A memo is trusted by the files' identities alone: a forged digest shows it was taken from there.
    const stored = JSON.parse(readFileSync(join(memo, "code-digest.json"), "utf8"));
    writeFileSync(join(memo, "code-digest.json"), JSON.stringify({ ...stored, digest: "f".repeat(64) }));
    expect(modulesDigest(files, root, memo)).toBe("f".repeat(64));
    expect(digest).not.toBe("f".repeat(64));
  });

  it.each([
    {
      change: "a module's bytes (same size, its modification time set back)",
      apply: (f: string) => {
        const { mtime, atime } = statSync(f);
        writeFileSync(f, readFileSync(f, "utf8").replace("0", "9"));
        utimesSync(f, atime, mtime);
      },
    },
    {
      change: "a module replaced by another file",
      apply: (f: string) => {
        writeFileSync(`${f}.new`, "export const x = 0; \n");
        renameSync(`${f}.new`, f);
      },
    },
  ])("changes when $change", ({ apply }) => {
    const { root, memo, files } = setup();
    const before = modulesDigest(files, root, memo);
    apply(files[0]!);
    const after = modulesDigest(files, root, memo);
    expect(after).not.toBe(before);
    expect(after).toBe(modulesDigest(files, root));
  });

  it("changes when a module is added or removed", () => {
    const { root, memo, files } = setup();
    const before = modulesDigest(files, root, memo);
    expect(modulesDigest(files.slice(1), root, memo)).toBe(modulesDigest(files.slice(1), root));
    expect(modulesDigest(files.slice(1), root, memo)).not.toBe(before);
  });

  it.each(["", "{", '{"format":"mlcat-code-digest/1","files":"x","digest":"nope"}', "[]", "null"])(
    "computes the digest when the memo is damaged: %j",
    (text) => {
      const { root, memo, files } = setup();
      const plain = modulesDigest(files, root);
      modulesDigest(files, root, memo);
      const stored = JSON.parse(readFileSync(join(memo, "code-digest.json"), "utf8"));
      writeFileSync(join(memo, "code-digest.json"), text.replace('"x"', JSON.stringify(stored.files)));
      expect(modulesDigest(files, root, memo)).toBe(plain);
    },
  );
});
