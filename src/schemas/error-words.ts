/** Words for schema problems: where a value is, what it is, what was expected, and examples written as YAML. */
import type { ValuePath } from "../yaml/positions.js";

/** A path as users read it: `releases[0].tag`, `run.container.env`. */
export function pathLabel(path: ValuePath): string {
  let label = "";
  for (const seg of path) {
    if (typeof seg === "number" || /^\d+$/.test(seg)) label += `[${seg}]`;
    else label += label === "" ? seg : `.${seg}`;
  }
  return label;
}

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  integer: "an integer",
  boolean: "a boolean (true or false)",
  object: "a mapping",
  array: "a list",
  null: "null",
};

/** `string` -> `a string`, `["integer", "null"]` -> `an integer or null`. */
export function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(",");
  return orList(types.map((t) => TYPE_WORDS[String(t)] ?? String(t)));
}

/** The JSON type of a parsed YAML value, in the schema's words (`integer` for whole numbers). */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** A short description of a value: `"Acme"`, `1.2`, `a mapping`, `a list`. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  return Array.isArray(value) ? "a list" : "a mapping";
}

/** The kind of a value for "got ...": `a number (1.20)`, `a string ("x")`, `a mapping`; `raw` is the text as written. */
export function describeGot(value: unknown, raw?: string): string {
  const type = jsonTypeOf(value);
  if (type === "object" || type === "array" || type === "null") return TYPE_WORDS[type]!;
  const shown = typeof value === "number" && raw !== undefined && raw.trim() !== "" ? raw.trim() : describeValue(value);
  return `${TYPE_WORDS[type === "integer" ? "number" : type]} (${shown})`;
}

/** `a, b or c` (or, with `and`, `a, b and c`), without repeats. */
export function orList(items: readonly string[], conjunction: "or" | "and" = "or"): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? "";
  return `${unique.slice(0, -1).join(", ")} ${conjunction} ${unique[unique.length - 1]}`;
}

const PLAIN = /^[A-Za-z_/][A-Za-z0-9_./@+-]*$/;
/** Outside flow collections a plain scalar may also hold `:` when no space follows it (`https://x`). */
const PLAIN_TOP = /^[A-Za-z_/][A-Za-z0-9_./@+:-]*[A-Za-z0-9_/]$/;
const RESERVED = /^(true|false|null|yes|no|on|off|~)$/i;

/** A value written as one line of flow YAML: `{user: alice, role: owner}`, `[a, b]`, `"1.0.0"`. */
export function flowYaml(value: unknown): string {
  if (typeof value === "string") return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(flowYaml).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value)
      .map(([k, v]) => `${PLAIN.test(k) ? k : JSON.stringify(k)}: ${flowYaml(v)}`)
      .join(", ")}}`;
  }
  return String(value);
}

/** `key: value` as YAML, or just the value for a list item. */
export function yamlEntry(key: string | number | undefined, value: unknown): string {
  const text = typeof value === "string" && PLAIN_TOP.test(value) && !RESERVED.test(value) ? value : flowYaml(value);
  return key === undefined || typeof key === "number" || /^\d+$/.test(String(key)) ? text : `${key}: ${text}`;
}
