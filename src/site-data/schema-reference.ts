/**
 * The schema reference, generated from the JSON Schemas in `schemas/` (the
 * one definition of every kind's shape): each property's path, type, whether
 * it is required, its description and an example.
 */
import { readdir, readFile } from "node:fs/promises";
import { mapBounded } from "../runtime/bounded.js";
import { join } from "node:path";
import { SCHEMA_DIR } from "../runtime/locations.js";
import { SCHEMA_FILE } from "../model/kinds.js";
import type { SchemaDoc, SchemaProperty, StaticFile } from "./types.js";
import type { Urls } from "./urls.js";

type Json = Record<string, unknown>;

/** The `schemas/` folder shipped with mlcat. */
export const SCHEMAS_DIR = `${SCHEMA_DIR}/`;

/** Read every `*.schema.json` in `dir`: name and text. A missing folder gives none. */
export async function readSchemaFiles(dir = SCHEMAS_DIR): Promise<Array<{ name: string; text: string }>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".schema.json")).sort();
  } catch {
    return [];
  }
  return mapBounded(names, async (name) => ({ name, text: await readFile(join(dir, name), "utf8") }));
}

/** The reference of each schema file, and the files themselves for `/schemas/`. */
export function schemaDocs(
  files: ReadonlyArray<{ name: string; text: string }>,
  urls: Urls,
): { docs: SchemaDoc[]; files: StaticFile[] } {
  const parsed = new Map<string, Json>();
  for (const f of files) {
    try {
      parsed.set(f.name, JSON.parse(f.text) as Json);
    } catch {
      // A broken schema file is the schema engineers' problem; the reference skips it.
    }
  }
  const docs: SchemaDoc[] = [];
  for (const [file, schema] of parsed) {
    const kinds = Object.entries(SCHEMA_FILE)
      .filter(([, f]) => f === file)
      .map(([k]) => k);
    const properties: SchemaProperty[] = [];
    flatten({
      schema,
      file,
      parsed,
      prefix: "",
      required: new Set(asStrings(schema.required)),
      out: properties,
      depth: 0,
    });
    // A file of shared definitions only (common.schema.json) is published but has no table of its own.
    if (properties.length === 0) continue;
    docs.push({
      file,
      title: typeof schema.title === "string" ? schema.title : file.replace(/\.schema\.json$/, ""),
      ...(typeof schema.description === "string" && { description: schema.description }),
      url: urls.path(`schemas/${file}`),
      kinds,
      properties,
    });
  }
  return {
    docs,
    files: files.filter((f) => parsed.has(f.name)).map((f) => ({ path: `schemas/${f.name}`, body: f.text })),
  };
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Follow a `$ref` within the file or to a sibling file (`common.schema.json#/$defs/x`). */
function deref(schema: Json, file: string, parsed: Map<string, Json>, seen = 0): { schema: Json; file: string } {
  const ref = schema.$ref;
  if (typeof ref !== "string" || seen > 8) return { schema, file };
  const [target = "", pointer = ""] = ref.split("#");
  const targetFile = target === "" ? file : (target.split("/").pop() ?? target);
  let node: unknown = parsed.get(targetFile);
  for (const part of pointer.split("/").filter((p) => p !== ""))
    node = (node as Json | undefined)?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  if (node === null || typeof node !== "object") return { schema, file };
  const { $ref: _ref, ...rest } = schema;
  return deref({ ...(node as Json), ...rest }, targetFile, parsed, seen + 1);
}

/** A short type text: `string`, `integer`, `"a" | "b"`, `array of string`... */
function typeText(schema: Json, fromFile: string, parsed: Map<string, Json>): string {
  const { schema: s, file } = deref(schema, fromFile, parsed);
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  const alts = (s.oneOf ?? s.anyOf) as Json[] | undefined;
  if (Array.isArray(alts)) return [...new Set(alts.map((a) => typeText(a, file, parsed)))].join(" | ");
  const type = Array.isArray(s.type)
    ? s.type.join(" | ")
    : typeof s.type === "string"
      ? s.type
      : s.properties
        ? "object"
        : "any";
  if (type === "array" && s.items && typeof s.items === "object")
    return `array of ${typeText(s.items as Json, file, parsed)}`;
  return type;
}

interface FlattenInput {
  schema: Json;
  file: string;
  parsed: Map<string, Json>;
  prefix: string;
  required: Set<string>;
  out: SchemaProperty[];
  depth: number;
}

function flatten({ schema, file, parsed, prefix, required, out, depth }: FlattenInput): void {
  const resolved = deref(schema, file, parsed);
  const props = resolved.schema.properties;
  if (!props || typeof props !== "object" || depth > 4) return;
  for (const [name, raw] of Object.entries(props as Record<string, Json>)) {
    const { schema: prop, file: propFile } = deref(raw, resolved.file, parsed);
    const path = prefix === "" ? name : `${prefix}.${name}`;
    const examples = Array.isArray(prop.examples) ? prop.examples : prop.example !== undefined ? [prop.example] : [];
    out.push({
      path,
      type: typeText(raw, resolved.file, parsed),
      required: required.has(name),
      ...(typeof prop.description === "string" && { description: prop.description }),
      ...(examples.length > 0 && { example: JSON.stringify(examples[0]) }),
    });
    const items =
      prop.type === "array" && prop.items && typeof prop.items === "object"
        ? deref(prop.items as Json, propFile, parsed)
        : undefined;
    const child = items ?? { schema: prop, file: propFile };
    flatten({
      schema: child.schema,
      file: child.file,
      parsed,
      prefix: items ? `${path}[]` : path,
      required: new Set(asStrings(child.schema.required)),
      out,
      depth: depth + 1,
    });
  }
}
