/** Inputs and outcomes for the tests of the precompiled validators: real catalog files, their mutants, and what a validator says. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { classifyPath, SCHEMA_FILE, type Kind } from "../../src/model/kinds.js";
import type { SchemaValidator } from "../../src/schemas/precompiled.js";
import { parseYamlFile } from "../../src/yaml/parse.js";

export const ROOT = join(import.meta.dirname, "..", "..");

/** A folder for generated modules inside the repository (`.tmp/` is ignored by git): their `require("ajv/...")` must resolve to its node_modules. */
export function generatedModulesDir(): string {
  mkdirSync(join(ROOT, ".tmp"), { recursive: true });
  return mkdtempSync(join(ROOT, ".tmp", "precompiled-"));
}

/** Write a generated module's code into `dir` under `name`; its path. */
export function writeModule(dir: string, name: string, code: string): string {
  const path = join(dir, name);
  writeFileSync(path, code);
  return path;
}

/** One parsed catalog file: where it comes from, its schema file and its data as the loader gives it. */
export interface Input {
  name: string;
  kind: Kind;
  schemaFile: string;
  data: unknown;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith(".yaml"))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

function parse(path: string, relPath: string): unknown {
  const bytes = readFileSync(path);
  const parsed = parseYamlFile({ file: path, relPath, bytes });
  if (!parsed.source) throw new Error(`${path} does not parse: ${parsed.diagnostics.map((d) => d.message).join("; ")}`);
  return parsed.value;
}

/** Every entity file of the sample catalog (`catalog/`) and every spec of the Polyaxon hub corpus (as component versions). */
export function realInputs(): Input[] {
  const inputs: Input[] = [];
  const catalog = join(ROOT, "catalog");
  for (const path of yamlFiles(catalog)) {
    const relPath = relative(catalog, path);
    const kind = classifyPath(relPath)?.kind;
    if (kind)
      inputs.push({ name: `catalog/${relPath}`, kind, schemaFile: SCHEMA_FILE[kind], data: parse(path, relPath) });
  }
  // The in-repository copy of the shared corpus (test/fixtures/polyaxon-hub/SOURCE.txt), so the test runs from any clone.
  const corpus = join(ROOT, "test", "fixtures", "polyaxon-hub");
  for (const path of yamlFiles(corpus)) {
    const relPath = relative(corpus, path);
    const data = parse(path, "orgs/polyaxon/components/x/versions/x.yaml");
    inputs.push({
      name: `polyaxon-hub/${relPath}`,
      kind: "ComponentVersion",
      schemaFile: SCHEMA_FILE.ComponentVersion,
      data,
    });
  }
  return inputs;
}

/** What a validator says about `data`: valid or not, and a copy of every error. */
export function outcomeOf(validate: SchemaValidator, data: unknown): { valid: boolean; errors: unknown[] } {
  const valid = validate(data);
  return { valid, errors: valid ? [] : [...(validate.errors ?? [])].map((e) => ({ ...e })) };
}
