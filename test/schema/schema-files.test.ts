import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KINDS, SCHEMA_FILE } from "../../src/model/kinds.js";
import {
  COMMON_SCHEMA_FILE,
  SCHEMA_DIR,
  SCHEMA_FILES,
  getAjv,
  kindSchemaFiles,
  loadSchemas,
  renderSchemaDoc,
  schemaId,
  schemaPath,
  validatorFor,
  type JsonSchema,
} from "../../src/schemas/index.js";

type Node = Record<string, unknown>;

/** Every subschema of a schema, with its JSON pointer. */
function* subschemas(node: unknown, pointer = "#"): Generator<[string, Node]> {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* subschemas(item, `${pointer}/${i}`);
    return;
  }
  const schema = node as Node;
  yield [pointer, schema];
  for (const key of ["properties", "$defs"]) {
    for (const [name, child] of Object.entries((schema[key] as Node | undefined) ?? {}))
      yield* subschemas(child, `${pointer}/${key}/${name}`);
  }
  for (const key of ["items", "additionalProperties", "if", "then", "else"]) {
    if (typeof schema[key] === "object") yield* subschemas(schema[key], `${pointer}/${key}`);
  }
  for (const key of ["anyOf", "oneOf", "allOf"])
    if (Array.isArray(schema[key])) yield* subschemas(schema[key], `${pointer}/${key}`);
}

const schemas = [...loadSchemas().entries()];

describe("the schema files", () => {
  it("are one per kind plus the common one, all in SCHEMA_DIR", () => {
    expect(new Set(SCHEMA_FILES)).toEqual(new Set([COMMON_SCHEMA_FILE, ...KINDS.map((k) => SCHEMA_FILE[k])]));
    for (const file of SCHEMA_FILES) {
      expect(schemaPath(file).startsWith(SCHEMA_DIR)).toBe(true);
      expect(existsSync(schemaPath(file))).toBe(true);
    }
    expect(kindSchemaFiles().map((f) => f.id)).toEqual(KINDS.map((k) => `https://mlcat.dev/schemas/${SCHEMA_FILE[k]}`));
  });

  it.each(schemas)("%s has $schema, $id, title and description", (file, schema) => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe(schemaId(file));
    expect(typeof schema.title === "string" && schema.title.length > 0).toBe(true);
    expect(typeof schema.description === "string" && schema.description.length > 0).toBe(true);
  });

  it.each(schemas)("%s describes every property and definition, with examples", (_file, schema) => {
    const missing: string[] = [];
    for (const [pointer, node] of subschemas(schema)) {
      const named = /\/(properties|\$defs)\/[^/]+$/.test(pointer) && !/\/(if|then)\/properties\//.test(pointer);
      if (!named) continue;
      if (typeof node.description !== "string" || node.description === "") missing.push(`${pointer}: description`);
      if (!Array.isArray(node.examples) || node.examples.length === 0) missing.push(`${pointer}: examples`);
    }
    expect(missing).toEqual([]);
  });

  it.each(schemas)("%s says in words what each pattern means (its title)", (_file, schema) => {
    const untitled = [...subschemas(schema)]
      .filter(([, n]) => typeof n.pattern === "string" && typeof n.title !== "string")
      .map(([p]) => p);
    expect(untitled).toEqual([]);
  });

  it.each(schemas.filter(([file]) => file !== COMMON_SCHEMA_FILE))(
    "%s refuses unknown properties everywhere it lists them",
    (file, schema) => {
      const open = [...subschemas(schema)]
        .filter(
          ([pointer, n]) => n.properties !== undefined && !pointer.endsWith("/if") && n.additionalProperties !== false,
        )
        .map(([pointer]) => pointer);
      // Polyaxon's run sections are strict per kind (in allOf/then); Kubernetes pod settings, init handlers and run kinds mlcat does not model stay open.
      const expectedOpen =
        file === "component-spec.schema.json" ? ["#/$defs/run", "#/$defs/environment", "#/$defs/init"] : [];
      expect(open).toEqual(expectedOpen);
    },
  );

  it("lists in each run kind's strict branch only properties the run section describes", () => {
    const run = loadSchemas().get("component-spec.schema.json")!.$defs as Record<string, JsonSchema>;
    const described = Object.keys(run.run!.properties as Node);
    for (const branch of run.run!.allOf as Array<{ then: { properties: Node } }>) {
      expect(Object.keys(branch.then.properties).filter((p) => !described.includes(p))).toEqual([]);
    }
  });

  it("compile in strict mode with one Ajv instance, each schema once", () => {
    const ajv = getAjv();
    for (const kind of KINDS) expect(typeof validatorFor(kind)).toBe("function");
    expect(getAjv()).toBe(ajv);
    expect(validatorFor("ComponentVersion")).toBe(validatorFor("ProjectComponent"));
    expect(loadSchemas()).toBe(loadSchemas());
  });

  it("are valid JSON Schemas under the 2020-12 meta-schema (runs skip this check: the schemas are mlcat's own)", () => {
    const ajv = getAjv();
    for (const schema of loadSchemas().values()) {
      expect(ajv.validateSchema(schema), `${(schema as { $id?: string }).$id}: ${ajv.errorsText(ajv.errors)}`).toBe(
        true,
      );
    }
    // The check can fail: a schema with a wrong type for `required` is refused.
    expect(
      ajv.validateSchema({ $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", required: "name" }),
    ).toBe(false);
  });

  it("are documented in docs/schemas.md, generated from them", () => {
    const doc = readFileSync(new URL("../../docs/schemas.md", import.meta.url), "utf8");
    expect(doc).toBe(renderSchemaDoc());
  });
});
