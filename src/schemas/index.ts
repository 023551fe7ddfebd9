/** The JSON Schemas of catalog files: where they are, the one Ajv instance, and how their errors are explained. */
export {
  COMMON_SCHEMA_FILE,
  KIND_GLOBS,
  SCHEMA_DIR,
  SCHEMA_FILES,
  SCHEMA_ID_BASE,
  kindSchemaFiles,
  schemaId,
  schemaPath,
  type KindSchemaFile,
} from "./schema-files.js";
export { loadSchemas, type JsonSchema } from "./load-schemas.js";
export { getAjv, validateKindData, validatorFor, validatorForFile } from "./validators.js";
export { explainSchemaErrors, type ExplainOptions, type SchemaProblem } from "./explain-errors.js";
export { renderSchemaDoc } from "./schema-doc.js";
