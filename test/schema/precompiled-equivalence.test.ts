/**
 * The precompiled validators (Ajv's standalone code, as `npm run compile`
 * generates it) judge exactly as the validators Ajv compiles at run time:
 * the same verdict and the same errors (path, schema path, keyword, params,
 * message, and the verbose schema, parent schema and data), on every file of
 * the sample catalog, every spec of the Polyaxon hub corpus and their mutants.
 */
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { standaloneValidatorsCode } from "../../src/schemas/standalone.js";
import { getAjv, SchemaValidators } from "../../src/schemas/validators.js";
import { generatedModulesDir, outcomeOf, realInputs, writeModule } from "../helpers/schema-inputs.js";

const dir = generatedModulesDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const precompiled = new SchemaValidators({
  precompiled: writeModule(dir, "validators.generated.cjs", standaloneValidatorsCode()),
  ajv: getAjv,
});
const compiled = new SchemaValidators({ precompiled: false, ajv: getAjv });

type Path = Array<string | number>;
type Json = unknown;

/** Every value of `data` with its path, the root first, depth first. */
function* valuesOf(data: Json, path: Path = []): Generator<[Path, Json]> {
  yield [path, data];
  if (Array.isArray(data)) for (const [i, item] of data.entries()) yield* valuesOf(item, [...path, i]);
  else if (data !== null && typeof data === "object")
    for (const [key, value] of Object.entries(data)) yield* valuesOf(value, [...path, key]);
}

const REMOVE = Symbol("remove");

/** A copy of `data` with the value at `path` replaced (or removed from its object). */
function withValueAt(data: Json, path: Path, value: Json | typeof REMOVE): Json {
  if (path.length === 0) return value === REMOVE ? undefined : value;
  const copy = structuredClone(data) as Record<string | number, Json>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** A value of another JSON type than `value`. */
function otherType(value: Json): Json {
  if (typeof value === "string") return 42;
  if (typeof value === "number" || typeof value === "boolean") return "text";
  if (Array.isArray(value)) return { item: 1 };
  if (value === null) return 7;
  return ["a list", "of strings"];
}

const isObject = (v: Json): v is Record<string, Json> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The mutations: where each applies, what it writes, and the keyword it is made to provoke somewhere in the corpus. */
const MUTATIONS: ReadonlyArray<{
  name: string;
  keyword: string;
  applies: (path: Path, value: Json) => boolean;
  mutate: (value: Json) => Json | typeof REMOVE;
}> = [
  { name: "wrong type", keyword: "type", applies: () => true, mutate: otherType },
  {
    name: "missing property",
    keyword: "required",
    applies: (path) => typeof path[path.length - 1] === "string",
    mutate: () => REMOVE,
  },
  {
    name: "unknown property",
    keyword: "additionalProperties",
    applies: (_p, v) => isObject(v),
    mutate: (v) => ({ ...(v as object), unknownProperty: true }),
  },
  {
    name: "bad pattern",
    keyword: "pattern",
    applies: (_p, v) => typeof v === "string",
    mutate: () => "Not A Valid Name!",
  },
  {
    name: "bad format",
    keyword: "format",
    applies: (_p, v) => typeof v === "string",
    mutate: () => "neither-a-uri-an-email-nor-a-date",
  },
  { name: "empty string", keyword: "minLength", applies: (_p, v) => typeof v === "string", mutate: () => "" },
  { name: "empty list", keyword: "minItems", applies: (_p, v) => Array.isArray(v), mutate: () => [] },
];

/** At most this many mutants per file and mutation, spread over the file's values. */
const PER_MUTATION = 25;

function* mutantsOf(data: Json): Generator<{ mutation: (typeof MUTATIONS)[number]; where: string; data: Json }> {
  const values = [...valuesOf(data)];
  for (const mutation of MUTATIONS) {
    const targets = values.filter(([path, value]) => mutation.applies(path, value));
    const stride = Math.max(1, Math.ceil(targets.length / PER_MUTATION));
    for (let i = 0; i < targets.length; i += stride) {
      const [path, value] = targets[i]!;
      yield { mutation, where: `/${path.join("/")}`, data: withValueAt(data, path, mutation.mutate(value)) };
    }
  }
}

const inputs = realInputs();
/** Per mutation, the keywords its invalid mutants provoked (checked at the end: the mutants really are invalid, in the intended way). */
const provoked = new Map<string, Set<string>>();
let judged = 0;
let invalid = 0;

describe("precompiled and Ajv-compiled validators", () => {
  it("are really two kinds of validator: the generated module is in use", () => {
    const data = {};
    expect(precompiled.forFile("team.schema.json")).not.toBe(compiled.forFile("team.schema.json"));
    expect(precompiled.status).toBe("used");
    expect(compiled.status).toBe("off");
    expect(outcomeOf(precompiled.forFile("team.schema.json"), data)).toStrictEqual(
      outcomeOf(compiled.forFile("team.schema.json"), data),
    );
  });

  it("hold the corpus this test was written for: every kind, the sample catalog and the hub corpus", () => {
    expect(new Set(inputs.map((i) => i.kind)).size).toBe(13);
    expect(inputs.filter((i) => i.name.startsWith("polyaxon-hub/"))).toHaveLength(28);
    expect(inputs.length).toBeGreaterThan(150);
  });

  it.each(inputs.map((input) => [input.name, input] as const))("agree on %s and its mutants", (_name, input) => {
    const [pre, ajv] = [precompiled.forFile(input.schemaFile), compiled.forFile(input.schemaFile)];
    expect(outcomeOf(pre, input.data)).toStrictEqual(outcomeOf(ajv, input.data));
    for (const mutant of mutantsOf(input.data)) {
      const expected = outcomeOf(ajv, mutant.data);
      expect(outcomeOf(pre, mutant.data), `${mutant.mutation.name} at ${mutant.where}`).toStrictEqual(expected);
      judged++;
      if (expected.valid) continue;
      invalid++;
      const seen = provoked.get(mutant.mutation.name) ?? new Set();
      for (const error of expected.errors as Array<{ keyword: string }>) seen.add(error.keyword);
      provoked.set(mutant.mutation.name, seen);
    }
  });

  it("were compared on mutants that are invalid in every intended way", () => {
    expect(judged).toBeGreaterThan(10_000);
    // Many values are free text, so many mutants stay valid: about half are invalid.
    expect(invalid / judged).toBeGreaterThan(0.3);
    for (const { name, keyword } of MUTATIONS) expect([...(provoked.get(name) ?? [])], name).toContain(keyword);
  });
});
