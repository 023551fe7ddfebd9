/**
 * The precompiled validators: Ajv's standalone code for every schema file,
 * generated when mlcat is compiled (`scripts/gen-validators.ts`) into
 * `dist/schemas/validators.generated.cjs`, so that no run pays Ajv's
 * compilation. The module carries a digest of what it was generated from
 * (the schema files' bytes, the Ajv packages' versions, mlcat's Ajv options);
 * it is used only when that digest is the one of what this process has
 * loaded. A missing, stale or broken module is never used: the validators
 * are then compiled by Ajv, as without it.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import type { ErrorObject } from "ajv/dist/2020.js";
import { InternalError } from "../diagnostics/diagnostic.js";
import { AJV_FORMATS, AJV_OPTIONS } from "./ajv-setup.js";
import { SCHEMA_FILES } from "./schema-files.js";
import { GENERATED_VALIDATORS_PATH } from "../runtime/locations.js";

const require = createRequire(import.meta.url);

/** A schema's validator, compiled by Ajv or precompiled: true when `data` passes, else `errors` holds every error. */
export type SchemaValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Bump when the generated module's layout, or the way the generator builds it, changes: older modules stop matching. */
export const STANDALONE_FORMAT = "mlcat-standalone-validators/1";

/** Where the generated module sits: `dist/schemas/` (run from `src/`, `src/schemas/`, where there is none). */
export { GENERATED_VALIDATORS_PATH };

/** The packages the generated code comes from and calls (`ajv/dist/runtime`, `ajv-formats/dist/formats`). */
export const STANDALONE_PACKAGES: readonly string[] = ["ajv", "ajv-formats"];

/** The name a schema file's validator is exported under: `team.schema.json` gives `v_team_schema_json`. */
export function exportName(file: string): string {
  return `v_${file.replace(/[^A-Za-z0-9]/g, "_")}`;
}

/** The installed version of each of `STANDALONE_PACKAGES`, as this module resolves them. */
export function installedVersions(): Record<string, string> {
  return Object.fromEntries(
    STANDALONE_PACKAGES.map((name) => [name, (require(`${name}/package.json`) as { version: string }).version]),
  );
}

/** What a digest is computed from. */
export interface DigestInputs {
  /** The bytes of every schema file, by file name. */
  sources: ReadonlyMap<string, Uint8Array>;
  /** The version of each of `STANDALONE_PACKAGES`. */
  versions: Readonly<Record<string, string>>;
}

/** The digest of the inputs of the generated validators: 64 hex digits. */
export function validatorsDigest({ sources, versions }: DigestInputs): string {
  const hash = createHash("sha256").update(
    `${STANDALONE_FORMAT}\0${JSON.stringify(AJV_OPTIONS)}\0${AJV_FORMATS.join(",")}`,
  );
  for (const name of STANDALONE_PACKAGES) hash.update(`\0${name}@${versions[name] ?? "?"}`);
  for (const file of SCHEMA_FILES) {
    const bytes = sources.get(file);
    if (!bytes) throw new InternalError(`no bytes of the JSON Schema ${file} to compute the validators' digest from`);
    hash.update(`\0${file}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest("hex");
}

/** What `loadPrecompiledValidators` found: the validators by schema file, or why there are none. */
export type PrecompiledLoad =
  | { validators: ReadonlyMap<string, SchemaValidator> }
  | { validators?: undefined; reason: "missing" | "stale" | "broken" };

/**
 * The validators of the generated module at `path`, when it exists, loads,
 * exports one per schema file and carries `digest`; otherwise the reason
 * there are none. Never throws.
 */
export function loadPrecompiledValidators(path: string, digest: string): PrecompiledLoad {
  if (!existsSync(path)) return { reason: "missing" };
  let exported: Record<string, unknown>;
  try {
    exported = require(path) as Record<string, unknown>;
  } catch {
    return { reason: "broken" };
  }
  if (exported.digest !== digest) return { reason: "stale" };
  const validators = new Map<string, SchemaValidator>();
  for (const file of SCHEMA_FILES) {
    const validate = exported[exportName(file)];
    if (typeof validate !== "function") return { reason: "broken" };
    validators.set(file, validate as SchemaValidator);
  }
  return { validators };
}
