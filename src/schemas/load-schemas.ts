/** Read every schema file once and keep the parsed schemas for the process's lifetime. */
import { readFileSync } from "node:fs";
import { InternalError } from "../diagnostics/diagnostic.js";
import { SCHEMA_FILES, schemaId, schemaPath } from "./schema-files.js";

/** A parsed JSON Schema (draft 2020-12) as stored in `schemas/`. */
export type JsonSchema = Record<string, unknown>;

let cache: ReadonlyMap<string, JsonSchema> | undefined;

/**
 * Every schema, keyed by file name (`team.schema.json`), read and parsed once.
 * A missing or malformed schema file is a bug of the package: it throws an InternalError.
 */
export function loadSchemas(): ReadonlyMap<string, JsonSchema> {
  if (cache) return cache;
  const schemas = new Map<string, JsonSchema>();
  for (const file of SCHEMA_FILES) {
    const path = schemaPath(file);
    let schema: JsonSchema;
    try {
      schema = JSON.parse(readFileSync(path, "utf8")) as JsonSchema;
    } catch (err) {
      throw new InternalError(`cannot read the JSON Schema ${path}: ${(err as Error).message}`);
    }
    if (schema.$id !== schemaId(file)) {
      throw new InternalError(`the JSON Schema ${path} has $id ${String(schema.$id)}, expected ${schemaId(file)}`);
    }
    schemas.set(file, schema);
  }
  cache = schemas;
  return schemas;
}
