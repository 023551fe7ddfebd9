/**
 * docs/schemas.md, generated from the schemas themselves: where each kind's
 * files go, how to map the schemas in an editor, and every property with its
 * type, whether it is required, its description and an example.
 */
import { KINDS } from "../model/kinds.js";
import { flowYaml } from "./error-words.js";
import { loadSchemas, type JsonSchema } from "./load-schemas.js";
import { COMMON_SCHEMA_FILE, KIND_GLOBS, SCHEMA_FILES, kindSchemaFiles } from "./schema-files.js";

type Schema = JsonSchema;

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n+/g, " ");
}

function anchor(file: string, def: string): string {
  return `def-${file.replace(/\.schema\.json$/, "")}-${def}`.toLowerCase();
}

/** Resolve `#/$defs/x` or `common.schema.json#/$defs/x` from `file`: the target schema, its file and def name. */
function resolveRef(ref: string, file: string): { schema: Schema; file: string; def: string } | undefined {
  const [target = "", pointer = ""] = ref.split("#");
  const targetFile = target === "" ? file : target;
  let node: unknown = loadSchemas().get(targetFile);
  for (const seg of pointer.split("/").filter(Boolean)) node = (node as Schema | undefined)?.[seg];
  if (node === undefined || node === null || typeof node !== "object") return undefined;
  return { schema: node as Schema, file: targetFile, def: pointer.split("/").pop() ?? "" };
}

function isObjectDef(schema: Schema): boolean {
  return schema.properties !== undefined;
}

/** A short type description, with links to object definitions. */
function typeText(schema: unknown, file: string): string {
  if (schema === true || schema === undefined) return "any";
  const s = schema as Schema;
  if (typeof s.$ref === "string") {
    const target = resolveRef(s.$ref, file);
    if (!target) return s.$ref;
    return isObjectDef(target.schema)
      ? `[${target.def}](#${anchor(target.file, target.def)})`
      : typeText(target.schema, target.file);
  }
  if ("const" in s) return `\`${JSON.stringify(s.const)}\``;
  if (Array.isArray(s.enum)) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(" | ");
  const alternatives = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(alternatives)) return alternatives.map((a) => typeText(a, file)).join(" or ");
  const types = Array.isArray(s.type) ? (s.type as string[]) : s.type === undefined ? [] : [String(s.type)];
  if (types.length === 0) return "any";
  return types
    .map((t) => {
      if (t === "array") return `list of ${typeText(s.items ?? true, file)}`;
      if (t === "object" && s.additionalProperties !== undefined && typeof s.additionalProperties === "object") {
        return `mapping of ${typeText(s.additionalProperties, file)}`;
      }
      if (t === "object") return "mapping";
      if (t === "string" && typeof s.title === "string") return `string: ${s.title}`;
      if (t === "string" && typeof s.format === "string") return `string (${s.format})`;
      return t;
    })
    .join(" or ");
}

function exampleText(schema: Schema): string {
  const examples = schema.examples;
  return Array.isArray(examples) && examples.length > 0 ? `\`${flowYaml(examples[0])}\`` : "";
}

/** Table rows for an object's properties; inline (not referenced) nested objects are flattened as `a.b` and `a[].b`. */
function propertyRows(object: Schema, file: string, prefix: string): string[] {
  const rows: string[] = [];
  const required = new Set((object.required as string[] | undefined) ?? []);
  for (const [name, value] of Object.entries((object.properties as Record<string, unknown>) ?? {})) {
    if (typeof value !== "object" || value === null) continue;
    const prop = value as Schema;
    const path = `${prefix}${name}`;
    const description = `${prop.deprecated === true ? "**Deprecated.** " : ""}${String(prop.description ?? "")}`;
    rows.push(
      `| \`${path}\` | ${cell(typeText(prop, file))} | ${required.has(name) ? "yes" : ""} | ${cell(description)} | ${cell(exampleText(prop))} |`,
    );
    if (prop.$ref === undefined && isObjectDef(prop)) rows.push(...propertyRows(prop, file, `${path}.`));
    const items = prop.items as Schema | undefined;
    if (prop.$ref === undefined && items && items.$ref === undefined && isObjectDef(items))
      rows.push(...propertyRows(items, file, `${path}[].`));
  }
  return rows;
}

function propertyTable(object: Schema, file: string): string[] {
  return [
    "| property | type | required | description | example |",
    "| --- | --- | --- | --- | --- |",
    ...propertyRows(object, file, ""),
  ];
}

function renderDefs(schema: Schema, file: string, level: string): string[] {
  const out: string[] = [];
  const defs = Object.entries((schema.$defs as Record<string, Schema> | undefined) ?? {});
  const scalars = defs.filter(([, d]) => !isObjectDef(d));
  for (const [name, def] of defs.filter(([, d]) => isObjectDef(d))) {
    out.push(
      `<a id="${anchor(file, name)}"></a>`,
      "",
      `${level} ${name}`,
      "",
      String(def.description ?? ""),
      "",
      ...propertyTable(def, file),
      "",
    );
  }
  if (scalars.length > 0) {
    out.push(
      `${level} Value definitions`,
      "",
      "| definition | type | description | example |",
      "| --- | --- | --- | --- |",
    );
    for (const [name, def] of scalars)
      out.push(
        `| \`${name}\` | ${cell(typeText(def, file))} | ${cell(String(def.description ?? ""))} | ${cell(exampleText(def))} |`,
      );
    out.push("");
  }
  return out;
}

/** The whole of docs/schemas.md. */
export function renderSchemaDoc(): string {
  const schemas = loadSchemas();
  const files = kindSchemaFiles();
  const out: string[] = [
    "# Catalog file schemas",
    "",
    "Every catalog file is checked against a JSON Schema (draft 2020-12) before any other rule runs: `mlcat validate` reports",
    "each missing, unknown or malformed property with its line, column and a hint. The schemas ship in the package's",
    "`schemas/` folder and are published at their `$id` (`https://mlcat.dev/schemas/<file>`). mlcat's own kinds refuse",
    "unknown properties, so a misspelt key is an error, not a silently ignored line.",
    "",
    "This page is generated from the schemas (`renderSchemaDoc` in `src/schemas/schema-doc.ts`); a test keeps it in step.",
    "",
    "## Where files go",
    "",
    "Paths are relative to the catalog folder (`catalog/`). The path gives a file its kind and identity; mlcat's own files",
    "have no `kind:` field. Component versions and project components are unchanged Polyaxon component specs.",
    "",
    "| kind | files | schema |",
    "| --- | --- | --- |",
    ...files.map(
      (f) => `| ${f.kind} | \`${KIND_GLOBS[f.kind]}\` | [\`${f.file}\`](#${f.file.replace(/\.schema\.json$/, "")}) |`,
    ),
    "",
    "## Editor setup",
    "",
    "Map the schemas to the catalog's globs to get completion, hover help and inline errors while editing. For VS Code",
    "with the YAML extension, in `.vscode/settings.json` (or use local copies, `./node_modules/mlcat/schemas/<file>`; the",
    "schemas refer to `common.schema.json` by a relative reference, so keep the files side by side):",
    "",
    "```json",
    JSON.stringify(
      { "yaml.schemas": Object.fromEntries(uniqueByFile(files).map(([id, globs]) => [id, globs])) },
      null,
      2,
    ),
    "```",
    "",
  ];
  for (const file of SCHEMA_FILES.filter((f) => f !== COMMON_SCHEMA_FILE)) {
    const schema = schemas.get(file)!;
    const kinds = KINDS.filter((k) => files.find((f) => f.kind === k)?.file === file);
    out.push(
      `<a id="${file.replace(/\.schema\.json$/, "")}"></a>`,
      "",
      `## ${String(schema.title)}`,
      "",
      String(schema.description ?? ""),
      "",
      `Schema: \`schemas/${file}\` (${String(schema.$id)}); kinds: ${kinds.join(", ")}.`,
      "",
      ...propertyTable(schema, file),
      "",
      ...renderDefs(schema, file, "###"),
    );
  }
  const common = schemas.get(COMMON_SCHEMA_FILE)!;
  out.push(
    "## Common definitions",
    "",
    String(common.description ?? ""),
    "",
    ...renderDefs(common, COMMON_SCHEMA_FILE, "###"),
  );
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

/** `$id` -> the catalog globs that use it (component specs serve two kinds). */
function uniqueByFile(files: ReturnType<typeof kindSchemaFiles>): Array<[string, string[]]> {
  const byId = new Map<string, string[]>();
  for (const f of files) byId.set(f.id, [...(byId.get(f.id) ?? []), `catalog/${f.glob}`]);
  return [...byId.entries()];
}
