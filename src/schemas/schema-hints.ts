/** Hints for schema problems, built from the schema's own examples and the value as written. */
import type { ErrorObject } from "ajv/dist/2020.js";
import { describeValue, yamlEntry } from "./error-words.js";

type Schema = Record<string, unknown>;

/** The schema object an error comes from (Ajv's `verbose` output). */
export function schemaOf(error: ErrorObject): Schema {
  const s = error.parentSchema;
  return s !== null && typeof s === "object" ? (s as Schema) : {};
}

/** The first of a schema's `examples`. */
export function firstExample(schema: unknown): unknown {
  const examples = (schema as Schema | undefined)?.examples;
  return Array.isArray(examples) && examples.length > 0 ? examples[0] : undefined;
}

/** The last segment of a path: the key a value sits under. */
export function lastKey(path: readonly string[]): string | undefined {
  return path[path.length - 1];
}

/** A hint to quote a number or boolean where a string is expected, or `undefined`. */
export function quoteHint(
  path: string[],
  value: unknown,
  expectsString: boolean,
  raw: string | undefined,
): string | undefined {
  if (!expectsString || (typeof value !== "number" && typeof value !== "boolean")) return undefined;
  const quoted = JSON.stringify(raw?.trim() || String(value));
  const key = lastKey(path);
  return `quote it: ${key === undefined || /^\d+$/.test(key) ? quoted : `${key}: ${quoted}`}`;
}

/** `for example: key: value` from the schema's first example, or `lead` when it has none. */
export function exampleHint(path: string[], schema: unknown, lead: string): string {
  const example = firstExample(schema);
  return example === undefined ? lead : `for example: ${yamlEntry(lastKey(path), example)}`;
}

/** For a mapping written where a list of `{name, value}` is expected (Kubernetes `env`): the same data as that list. */
export function pairsHint(path: string[], value: unknown, schema: unknown): string | undefined {
  const example = firstExample(schema);
  const item = Array.isArray(example) ? (example[0] as Record<string, unknown> | undefined) : undefined;
  if (!item || typeof item !== "object" || !("name" in item) || !("value" in item)) return undefined;
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const pairs = Object.entries(value as Record<string, unknown>).map(([name, v]) => ({ name, value: v }));
  return `write it as a list of {name, value}: ${yamlEntry(lastKey(path), pairs)}`;
}

/** For a date where a date and time is expected: the same day at midnight UTC. */
export function dateTimeHint(path: string[], value: unknown): string | undefined {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `add a time and a time zone, e.g. ${yamlEntry(lastKey(path), `${value}T00:00:00Z`)}`
    : undefined;
}

/** Message and hint for keywords other than type, enum, pattern and format: lengths, counts, ranges. */
export function explainConstraint(
  error: ErrorObject,
  where: string,
  path: string[],
): { message: string; hint: string } {
  const params = error.params as Record<string, unknown>;
  const limit = params.limit as number;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
  switch (error.keyword) {
    case "minItems":
      return {
        message: `${where} must have at least ${plural(limit, "item")}`,
        hint: exampleHint(path, schemaOf(error), "add an item"),
      };
    case "maxItems":
      return { message: `${where} must have at most ${plural(limit, "item")}`, hint: "remove items" };
    case "minLength":
      return limit === 1
        ? { message: `${where} must not be empty`, hint: exampleHint(path, schemaOf(error), "write a value") }
        : { message: `${where} must be at least ${plural(limit, "character")} long`, hint: "lengthen it" };
    case "maxLength":
      return {
        message: `${where} must be at most ${plural(limit, "character")} long, but it has ${String(error.data).length}`,
        hint: "shorten it",
      };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return {
        message: `${where} ${error.message ?? "is out of range"}, but it is ${describeValue(error.data)}`,
        hint: exampleHint(path, schemaOf(error), `use a number ${String(params.comparison)} ${limit}`),
      };
    default:
      return {
        message: `${where} ${error.message ?? `breaks the schema's "${error.keyword}" rule`}`,
        hint: "see docs/schemas.md for what this property accepts",
      };
  }
}
