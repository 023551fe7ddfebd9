/**
 * The one Ajv instance (draft 2020-12, with formats, `allErrors`, `strict`) and
 * one compiled validator per schema file, compiled on first use and cached.
 */
import { createRequire } from "node:module";
import type { Ajv2020, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import type { FormatsPlugin } from "ajv-formats";
import { InternalError } from "../diagnostics/diagnostic.js";
import { SCHEMA_FILE, type Kind } from "../model/kinds.js";
import { loadSchemas } from "./load-schemas.js";
import { schemaId } from "./schema-files.js";

// Ajv and ajv-formats (CommonJS) are loaded on first use: a run whose files all come from the content cache never needs them.
const require = createRequire(import.meta.url);

function loadAjv(): { Ajv2020: typeof Ajv2020; addFormats: FormatsPlugin } {
  const formats = require("ajv-formats") as FormatsPlugin & { default?: FormatsPlugin };
  return { Ajv2020: (require("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020 }).Ajv2020, addFormats: formats.default ?? formats };
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

/** The process's single Ajv instance, with every schema added (not yet compiled). */
export function getAjv(): Ajv2020 {
  if (ajv) return ajv;
  const { Ajv2020, addFormats } = loadAjv();
  const instance = new Ajv2020({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    // Errors carry the schema they come from: messages and hints read its title, examples and properties.
    verbose: true,
    // The schemas are mlcat's own, checked against the 2020-12 meta-schema by the tests: not again on every run.
    validateSchema: false,
  });
  addFormats(instance, ["uri", "email", "date", "date-time"]);
  for (const schema of loadSchemas().values()) instance.addSchema(schema);
  ajv = instance;
  return instance;
}

/** The compiled validator of a schema file (e.g. `component-spec.schema.json`). */
export function validatorForFile(file: string): ValidateFunction {
  let validate = compiled.get(file);
  if (!validate) {
    validate = getAjv().getSchema(schemaId(file));
    if (!validate) throw new InternalError(`no JSON Schema ${file} is loaded`);
    compiled.set(file, validate);
  }
  return validate;
}

/** The compiled validator of a kind's schema. */
export function validatorFor(kind: Kind): ValidateFunction {
  return validatorForFile(SCHEMA_FILE[kind]);
}

/** Validate `data` against a kind's schema: every error Ajv finds (an empty list when it is valid). */
export function validateKindData(kind: Kind, data: unknown): ErrorObject[] {
  const validate = validatorFor(kind);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
