/**
 * `mlcat reproduce` for every production version of the sample catalog
 * writes an operation Polyaxon accepts. Checked three ways: the catalog's
 * operation schema (`schemas/operation.schema.json`); the file added to the
 * catalog as a project operation, where the operations check resolves its
 * hubRef and judges its params against the component's inputs as Polyaxon's
 * `validate_params` does; and the parts the schema leaves open (`runPatch`,
 * `V1Init`, `V1GitType`, `V1Param`) against fields derived from Polyaxon's
 * source (./polyaxon-operation.ts). The file is read as YAML 1.1, as Polyaxon's
 * loader reads it, and every param must load as the run recorded it.
 */
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isScalar, parse } from "yaml";
import { loadCatalogFromFiles } from "../../src/load/load-catalog.js";
import { readCatalogDir } from "../../src/load/read-dir.js";
import type { Entity } from "../../src/model/entity.js";
import type { ComponentSpecData } from "../../src/model/types.js";
import { reproduceVersion } from "../../src/registry/reproduce.js";
import { validateKindData } from "../../src/schemas/validators.js";
import { validate, validateCatalog } from "../../src/validate.js";
import { operationProblems, V1_OPERATION_FIELDS } from "./polyaxon-operation.js";

const CATALOG_DIR = relative(process.cwd(), fileURLToPath(new URL("../../catalog", import.meta.url))) || ".";
const { catalog } = await validate({ dir: CATALOG_DIR });
const production = catalog.valid("ModelVersion").filter((v) => v.data.stage === "production");

interface ParsedOperation {
  hubRef: string;
  params: Record<string, { value: unknown }>;
  runPatch: Record<string, unknown>;
}

/** The reproduce text of a version; fails the test when it refuses. */
function reproduced(version: Entity<"ModelVersion">) {
  const r = reproduceVersion(catalog, version);
  if (!r.ok) throw new Error(`${version.key} refused: ${r.missing.join("; ")}`);
  return r;
}

/** The experiment a version's lineage names. */
function runOf(version: Entity<"ModelVersion">): Entity<"Experiment"> {
  const lineage = version.data.lineage!;
  const project = lineage.project!.includes("/") ? lineage.project! : `${version.org}/${lineage.project}`;
  return catalog.get("Experiment", `${project}/${lineage.experiment}`)!;
}

describe("reproduce output for every production version", () => {
  it("covers the sample's production versions", () => {
    expect(production.map((v) => v.key).sort()).toEqual([
      "northwind/demand-forecaster:2.0.0",
      "northwind/fraud-scorer:1.1.0",
      "northwind/two-tower-retrieval:1.0.0",
    ]);
  });

  it.each(production.map((v) => [v.key, v] as const))("%s: passes the catalog's operation schema", (_key, v) => {
    const op: unknown = parse(reproduced(v).text, { version: "1.1" });
    expect(validateKindData("Operation", op)).toEqual([]);
  });

  it.each(production.map((v) => [v.key, v] as const))(
    "%s: passes the operations check as a project operation (hubRef resolves, params fit the inputs)",
    async (_key, v) => {
      const r = reproduced(v);
      const [org, project] = r.project.split("/");
      const rel = `orgs/${org}/projects/${project}/operations/reproduce-${v.parent}.yaml`;
      const raw = await readCatalogDir(CATALOG_DIR);
      const bytes = new TextEncoder().encode(r.text);
      raw.push({ relPath: rel, bytes, type: "file", size: bytes.length });
      const loaded = loadCatalogFromFiles(raw, { root: "catalog" });
      const found = [...loaded.diagnostics, ...validateCatalog(loaded.catalog)].filter((d) => d.file.endsWith(rel));
      expect(found.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
      expect(loaded.catalog.get("Operation", `${org}/${project}/reproduce-${v.parent}`)?.schemaValid).toBe(true);
    },
  );

  it.each(production.map((v) => [v.key, v] as const))(
    "%s: has only fields Polyaxon's V1Operation, V1Param, runPatch and V1Init accept",
    (_key, v) => {
      const r = reproduced(v);
      const spec = catalog.get("ComponentVersion", r.hubRef)!.data as ComponentSpecData;
      expect(operationProblems(parse(r.text, { version: "1.1" }), spec)).toEqual([]);
    },
  );

  it.each(production.map((v) => [v.key, v] as const))(
    "%s: passes every param as the run recorded it, numbers as written, and checks out its commit",
    (_key, v) => {
      const r = reproduced(v);
      const run = runOf(v);
      const op = parse(r.text, { version: "1.1" }) as ParsedOperation;
      expect(op.hubRef).toBe(run.data.component);
      // Read as Polyaxon reads YAML (1.1), every value is the one the run recorded.
      expect(Object.fromEntries(Object.entries(op.params).map(([k, p]) => [k, p.value]))).toEqual(run.data.params);
      for (const [name, value] of Object.entries(run.data.params ?? {})) {
        const node = run.source.doc.getIn(["params", name], true);
        if (isScalar(node) && typeof value === "number")
          expect(r.text).toContain(`  ${name}:\n    value: ${(node as { source?: string }).source}\n`);
      }
      const inits = JSON.stringify(op.runPatch);
      expect(inits).toContain(`"revision":"${run.data.code!.commit}"`);
      expect(inits).toContain(`"url":"${run.data.code!.repo}"`);
    },
  );
});

describe("the derived Polyaxon operation fields", () => {
  it("are the fields the catalog's operation schema allows", async () => {
    const schema = JSON.parse(await readFile(join(CATALOG_DIR, "..", "schemas", "operation.schema.json"), "utf8")) as {
      properties: Record<string, unknown>;
      additionalProperties: boolean;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties).sort()).toEqual([...V1_OPERATION_FIELDS].sort());
  });

  const job = { run: { kind: "job", container: { image: "x" } } } as unknown as ComponentSpecData;
  const pytorch = {
    run: { kind: "pytorchjob", master: { container: { image: "x" } }, worker: { container: { image: "x" } } },
  } as unknown as ComponentSpecData;
  const ok = { version: 1.1, kind: "operation", hubRef: "a/b:1.0.0", params: { x: { value: 1 } } };
  const git = { git: { url: "https://example.com/r", revision: "abc1234" } };
  it.each([
    ["an unknown top-level field", { ...ok, image: "x" }, job, ['operation: unknown field "image"']],
    [
      "two references",
      { ...ok, pathRef: "c.yaml" },
      job,
      ["one and only one reference must be specified (found hubRef, pathRef)"],
    ],
    ["a short-form param", { ...ok, params: { x: 1 } }, job, ["params.x: not a full-form param"]],
    [
      "an unknown param field",
      { ...ok, params: { x: { value: 1, type: "int" } } },
      job,
      ['params.x: unknown field "type"'],
    ],
    ["an unknown run patch field", { ...ok, runPatch: { inits: [git] } }, job, ['runPatch: unknown field "inits"']],
    [
      "two init handlers",
      { ...ok, runPatch: { init: [{ ...git, artifacts: { dirs: ["d"] } }] } },
      job,
      ["runPatch.init[0]: only one of artifacts, paths, git, file, or dockerfile can be set"],
    ],
    [
      "git without url or connection",
      { ...ok, runPatch: { init: [{ git: { revision: "abc1234" } }] } },
      job,
      ["runPatch.init[0]: git field without a valid url requires a connection to be passed"],
    ],
    [
      "an unknown git field",
      { ...ok, runPatch: { init: [{ git: { ...git.git, commit: "abc" } }] } },
      job,
      ['runPatch.init[0].git: unknown field "commit"'],
    ],
    [
      "a replica Polyaxon does not know",
      { ...ok, runPatch: { chief: { init: [git] } } },
      pytorch,
      ['runPatch: unknown field "chief"'],
    ],
  ])("reject %s", (_name, op, spec, problems) => {
    expect(operationProblems(op, spec)).toEqual(problems);
  });

  it.each([
    ["a job's init", { ...ok, runPatch: { init: [git] } }, job],
    ["each replica's init", { ...ok, runPatch: { master: { init: [git] }, worker: { init: [git] } } }, pytorch],
    ["one replica's patch for every replica", { ...ok, runPatch: { init: [{ ...git, connection: "repo" }] } }, pytorch],
  ])("accept %s", (_name, op, spec) => {
    expect(operationProblems(op, spec)).toEqual([]);
  });
});
