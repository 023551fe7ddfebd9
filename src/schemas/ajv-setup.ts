/**
 * How mlcat configures Ajv: one place for the options, the formats and the
 * schemas added, used by the run-time instance and by the generator of the
 * precompiled validators alike, so the two can never judge data differently.
 */
import { createRequire } from "node:module";
import type { Ajv2020, Options } from "ajv/dist/2020.js";
import type { FormatName, FormatsPlugin } from "ajv-formats";
import type { JsonSchema } from "./load-schemas.js";

// Ajv and ajv-formats (CommonJS) are loaded on first use: a run whose files all come from the content cache, or that uses the precompiled validators, never needs them.
const require = createRequire(import.meta.url);

/** The Ajv options of every instance mlcat builds (the generator adds only `code.source`). */
export const AJV_OPTIONS: Readonly<Options> = Object.freeze({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  // Errors carry the schema they come from: messages and hints read its title, examples and properties.
  verbose: true,
  // The schemas are mlcat's own, checked against the 2020-12 meta-schema by the tests: not again on every run.
  validateSchema: false,
});

/** The formats of ajv-formats the schemas use. */
export const AJV_FORMATS: readonly FormatName[] = Object.freeze(["uri", "email", "date", "date-time"] as const);

/** What `createAjv` needs besides the schemas. */
export interface CreateAjvOptions {
  /** Keep each validator's source code, for standalone code generation (`ajv/dist/standalone`). */
  keepSource?: boolean;
}

/** A new Ajv instance (draft 2020-12) with mlcat's options and formats and every one of `schemas` added (not yet compiled). */
export function createAjv(schemas: Iterable<JsonSchema>, options: CreateAjvOptions = {}): Ajv2020 {
  const formats = require("ajv-formats") as FormatsPlugin & { default?: FormatsPlugin };
  const addFormats = formats.default ?? formats;
  const { Ajv2020 } = require("ajv/dist/2020.js") as { Ajv2020: typeof import("ajv/dist/2020.js").Ajv2020 };
  const instance = new Ajv2020({ ...AJV_OPTIONS, ...(options.keepSource && { code: { source: true } }) });
  addFormats(instance, [...AJV_FORMATS]);
  for (const schema of schemas) instance.addSchema(schema);
  return instance;
}
