/**
 * Where mlcat's JSON Schemas live and what they are called. The schemas sit in
 * the repository's (and the package's) `schemas/` folder.
 */
import { join } from "node:path";
import { SCHEMA_DIR } from "../runtime/locations.js";
import { fromDescriptors } from "../model/kind-descriptors.js";
import { KINDS, SCHEMA_FILE, type Kind } from "../model/kinds.js";

/** Absolute path of the folder holding the schema files (ends without a separator). */
export { SCHEMA_DIR };

/** The base of every schema's `$id`: `https://mlcat.dev/schemas/<file>`. */
export const SCHEMA_ID_BASE = "https://mlcat.dev/schemas/";

/** The shared definitions every kind's schema refers to. */
export const COMMON_SCHEMA_FILE = "common.schema.json";

/** Every schema file: the common one first, then one per kind (component versions and project components share one). */
export const SCHEMA_FILES: readonly string[] = [COMMON_SCHEMA_FILE, ...new Set(KINDS.map((kind) => SCHEMA_FILE[kind]))];

/** The absolute path of a schema file, e.g. `schemaPath("team.schema.json")`. */
export function schemaPath(file: string): string {
  return join(SCHEMA_DIR, file);
}

/** The `$id` of a schema file. */
export function schemaId(file: string): string {
  return SCHEMA_ID_BASE + file;
}

/** Where each kind's files sit, as a glob relative to the catalog folder (for editors' schema mappings). */
export const KIND_GLOBS: Record<Kind, string> = fromDescriptors((d) => d.path.replace(/\{[a-z]+\}/g, "*"));

/** One kind's schema file and where it is, for editors and the site. */
export interface KindSchemaFile {
  kind: Kind;
  file: string;
  path: string;
  id: string;
  /** Where the kind's files sit, relative to the catalog folder. */
  glob: string;
}

/** Every kind with its schema file's name, absolute path and `$id`. */
export function kindSchemaFiles(): KindSchemaFile[] {
  return KINDS.map((kind) => ({
    kind,
    file: SCHEMA_FILE[kind],
    path: schemaPath(SCHEMA_FILE[kind]),
    id: schemaId(SCHEMA_FILE[kind]),
    glob: KIND_GLOBS[kind],
  }));
}
