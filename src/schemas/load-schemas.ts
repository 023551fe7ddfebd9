/** Read every schema file once and keep its bytes and the parsed schema for the process's lifetime. */
import { readFileSync } from "node:fs";
import { InternalError } from "../diagnostics/diagnostic.js";
import { SCHEMA_FILES, schemaId, schemaPath } from "./schema-files.js";

/** A parsed JSON Schema (draft 2020-12) as stored in `schemas/`. */
export type JsonSchema = Record<string, unknown>;

let sources: ReadonlyMap<string, Uint8Array> | undefined;
let cache: ReadonlyMap<string, JsonSchema> | undefined;

/**
 * The bytes of every schema file, keyed by file name in `SCHEMA_FILES` order,
 * read once: what the schemas are parsed from, and what the precompiled
 * validators' digest is computed from.
 */
export function loadSchemaSources(): ReadonlyMap<string, Uint8Array> {
  if (sources) return sources;
  const read = new Map<string, Uint8Array>();
  for (const file of SCHEMA_FILES) {
    try {
      read.set(file, readFileSync(schemaPath(file)));
    } catch (err) {
      throw new InternalError(`cannot read the JSON Schema ${schemaPath(file)}: ${(err as Error).message}`);
    }
  }
  sources = read;
  return read;
}

/**
 * Every schema, keyed by file name (`team.schema.json`), read and parsed once.
 * A missing or malformed schema file is a bug of the package: it throws an InternalError.
 */
export function loadSchemas(): ReadonlyMap<string, JsonSchema> {
  if (cache) return cache;
  cache = parseSchemas(loadSchemaSources());
  return cache;
}

/** Parse schema files' bytes (keyed by file name) and check each `$id`. */
export function parseSchemas(bytes: ReadonlyMap<string, Uint8Array>): Map<string, JsonSchema> {
  const schemas = new Map<string, JsonSchema>();
  for (const [file, data] of bytes) {
    const path = schemaPath(file);
    let schema: JsonSchema;
    try {
      schema = JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("utf8")) as JsonSchema;
    } catch (err) {
      throw new InternalError(`cannot read the JSON Schema ${path}: ${(err as Error).message}`);
    }
    if (schema.$id !== schemaId(file)) {
      throw new InternalError(`the JSON Schema ${path} has $id ${String(schema.$id)}, expected ${schemaId(file)}`);
    }
    schemas.set(file, schema);
  }
  return schemas;
}
