/**
 * What a content-cache entry is keyed by. A file's part is its git blob id
 * (`sha1("blob <size>\0" + bytes)`, the id git itself gives the file, so the
 * key is the same in a working tree and in git objects). The engine's part,
 * the fingerprint, changes whenever anything that decides a file's outcome
 * changes: the loader's and the schemas' code, the JSON Schemas, the yaml
 * and Ajv versions and the loader's limits. Entries of another fingerprint
 * are never read, so the cache cannot be stale.
 */
import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { CODE_ROOT, MODULE_EXT } from "../runtime/locations.js";
import { SCHEMA_FILES, schemaPath } from "../schemas/schema-files.js";
import type { YamlLimits } from "../yaml/parse.js";

/** Bump when the layout or meaning of entries changes. */
export const CACHE_FORMAT = "mlcat-content-cache/2";

/** The folders whose code decides a file's outcome (parse and schema validation). */
const CODE_DIRS = [join(CODE_ROOT, "yaml"), join(CODE_ROOT, "schemas")];
const CODE_FILES = [join(CODE_ROOT, "accel", `file-job${MODULE_EXT}`)];

/** The packages whose version is part of the engine's fingerprint: they parse files and judge them against the schemas. */
export const ENGINE_PACKAGES: readonly string[] = ["yaml", "ajv", "ajv-formats"];

/** The version of an installed package, found from its entry point. */
export function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  for (let i = 0; i < 6; i++, dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === name) return pkg.version ?? "?";
  }
  return "?";
}

let cached: string | undefined;

/** The module files (`.js`/`.ts`, no declarations) in `dir`, and in its subfolders when `deep`. */
export function moduleFiles(dir: string, deep = false): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (deep) out.push(...moduleFiles(path, true));
    } else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** Add each of `files` (its path from `base`, then its bytes) to `hash`, in path order. */
export function hashFiles(hash: Hash, files: readonly string[], base: string): void {
  for (const file of [...files].sort()) hash.update(`\0${relative(base, file)}\0`).update(readFileSync(file));
}

/** The fingerprint of the engine with `limits`: 32 hex digits. */
export function engineFingerprint(limits: YamlLimits): string {
  if (!cached) {
    const hash = createHash("sha256").update(CACHE_FORMAT);
    for (const name of ENGINE_PACKAGES) hash.update(`\0${name}@${packageVersion(name)}`);
    for (const file of SCHEMA_FILES) hash.update(`\0${file}\0`).update(readFileSync(schemaPath(file)));
    hashFiles(hash, [...CODE_FILES, ...CODE_DIRS.flatMap((d) => moduleFiles(d))], CODE_ROOT);
    cached = hash.digest("hex");
  }
  return createHash("sha256")
    .update(cached)
    .update(JSON.stringify([limits.maxFileBytes, limits.maxDepth]))
    .digest("hex")
    .slice(0, 32);
}
