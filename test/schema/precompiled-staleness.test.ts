/**
 * The precompiled validators fail safe: a generated module that is missing,
 * stale (other schemas, other Ajv versions, a tampered digest) or broken is
 * never used, and the validators Ajv compiles give the same errors instead.
 * The digest covers every byte of every schema file and the packages' versions.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { loadSchemaSources } from "../../src/schemas/load-schemas.js";
import {
  exportName,
  installedVersions,
  validatorsDigest,
  type SchemaValidator,
} from "../../src/schemas/precompiled.js";
import { SCHEMA_FILES } from "../../src/schemas/schema-files.js";
import { standaloneValidatorsCode } from "../../src/schemas/standalone.js";
import {
  currentValidatorsDigest,
  getAjv,
  SchemaValidators,
  type PrecompiledStatus,
} from "../../src/schemas/validators.js";
import { generatedModulesDir, outcomeOf, ROOT, writeModule } from "../helpers/schema-inputs.js";

const dir = generatedModulesDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const require = createRequire(import.meta.url);

const TEAM = "team.schema.json";
const team = { name: "ml-platform", description: "The ML platform team.", members: [{ user: "alice", role: "admin" }] };
const badTeam = { name: "ML Platform!", members: "alice", extra: true };

const current = standaloneValidatorsCode();
const sources = loadSchemaSources();
const versions = installedVersions();

/** The team schema with one more required property: what a generated module from before a schema change would enforce. */
function teamSchemaRequiring(property: string): Map<string, Uint8Array> {
  const schema = JSON.parse(Buffer.from(sources.get(TEAM)!).toString("utf8")) as {
    required: string[];
    properties: Record<string, unknown>;
  };
  schema.required.push(property);
  schema.properties[property] = {
    type: "string",
    description: "A property of another version of the schema.",
    examples: ["x"],
  };
  return new Map(
    [...sources].map(([file, bytes]) => [
      file,
      file === TEAM ? new TextEncoder().encode(JSON.stringify(schema, null, 2)) : bytes,
    ]),
  );
}

const compiled = new SchemaValidators({ precompiled: false, ajv: getAjv });

function validatorsFrom(path: string, digest?: () => string): SchemaValidators {
  return new SchemaValidators({ precompiled: path, ajv: getAjv, ...(digest && { digest }) });
}

describe("a generated module that is not current", () => {
  const stale = writeModule(
    dir,
    "stale-schema.cjs",
    standaloneValidatorsCode({ sources: teamSchemaRequiring("costCenter") }),
  );

  it("would judge differently: the stale module itself refuses a valid team (so the cases below can fail)", () => {
    const staleTeam = (require(stale) as Record<string, SchemaValidator>)[exportName(TEAM)]!;
    expect(outcomeOf(staleTeam, team).valid).toBe(false);
    expect(outcomeOf(compiled.forFile(TEAM), team)).toEqual({ valid: true, errors: [] });
  });

  const cases: Array<[string, () => string, PrecompiledStatus]> = [
    ["it was generated from another version of a schema", () => stale, "stale"],
    [
      "it was generated with other Ajv versions",
      () => writeModule(dir, "stale-ajv.cjs", standaloneValidatorsCode({ versions: { ...versions, ajv: "8.0.0" } })),
      "stale",
    ],
    [
      "its digest was tampered with",
      () =>
        writeModule(
          dir,
          "tampered.cjs",
          current.replace(/exports\.digest = "[0-9a-f]{64}"/, `exports.digest = "${"0".repeat(64)}"`),
        ),
      "stale",
    ],
    [
      "it carries no digest",
      () => writeModule(dir, "no-digest.cjs", current.replace(/exports\.digest = .*/, "")),
      "stale",
    ],
    ["it is missing", () => join(dir, "missing.cjs"), "missing"],
    [
      "it throws when loaded",
      () => writeModule(dir, "throws.cjs", `throw new Error("half-written");\n${current}`),
      "broken",
    ],
    [
      "it is not JavaScript (cut in half)",
      () => writeModule(dir, "truncated.cjs", current.slice(0, current.length / 2)),
      "broken",
    ],
    [
      "it lacks one schema's validator",
      () => writeModule(dir, "partial.cjs", current.replace(`exports.${exportName(TEAM)} =`, "exports.other =")),
      "broken",
    ],
  ];

  it.each(cases)("is not used when %s: Ajv compiles, with the same outcome", (_name, path, status) => {
    const validators = validatorsFrom(path());
    for (const data of [team, badTeam, { ...team, costCenter: "x" }, null]) {
      expect(outcomeOf(validators.forFile(TEAM), data)).toStrictEqual(outcomeOf(compiled.forFile(TEAM), data));
    }
    expect(validators.status).toBe(status);
    expect(validators.forFile(TEAM)).toBe(getAjv().getSchema("https://mlcat.dev/schemas/team.schema.json"));
  });

  it("is not used when the digest cannot be computed", () => {
    const validators = validatorsFrom(writeModule(dir, "current.cjs", current), () => {
      throw new Error("no package.json");
    });
    expect(outcomeOf(validators.forFile(TEAM), badTeam)).toStrictEqual(outcomeOf(compiled.forFile(TEAM), badTeam));
    expect(validators.status).toBe("broken");
  });

  it("is used when it is current (the same code, written afresh)", () => {
    const validators = validatorsFrom(writeModule(dir, "current-again.cjs", standaloneValidatorsCode()));
    expect(outcomeOf(validators.forFile(TEAM), badTeam)).toStrictEqual(outcomeOf(compiled.forFile(TEAM), badTeam));
    expect(validators.status).toBe("used");
  });
});

describe("the validators' digest", () => {
  const digest = validatorsDigest({ sources, versions });

  it("is the one this process requires, and the one the generated code carries", () => {
    expect(currentValidatorsDigest()).toBe(digest);
    expect(current).toContain(`exports.digest = "${digest}";`);
    expect(validatorsDigest({ sources: new Map(sources), versions: { ...versions } })).toBe(digest);
  });

  it.each(SCHEMA_FILES)("changes when any byte of %s changes", (file) => {
    const bytes = sources.get(file)!;
    for (const at of [0, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const changed = Uint8Array.from(bytes);
      changed[at] = changed[at]! ^ 1;
      expect(validatorsDigest({ sources: new Map([...sources, [file, changed]]), versions })).not.toBe(digest);
    }
    expect(
      validatorsDigest({ sources: new Map([...sources, [file, new Uint8Array([...bytes, 0x0a])]]), versions }),
    ).not.toBe(digest);
  });

  it("changes with the version of ajv or ajv-formats", () => {
    expect(validatorsDigest({ sources, versions: { ...versions, ajv: "8.20.1" } })).not.toBe(digest);
    expect(validatorsDigest({ sources, versions: { ...versions, "ajv-formats": "3.0.2" } })).not.toBe(digest);
  });

  it("cannot be computed without every schema file", () => {
    const fewer = new Map(sources);
    fewer.delete(TEAM);
    expect(() => validatorsDigest({ sources: fewer, versions })).toThrow(/team\.schema\.json/);
  });
});

describe("the compiled package (npm test compiles first)", () => {
  it("ships a current generated module next to the compiled validators, and uses it", async () => {
    const dist = (await import(
      join(ROOT, "dist", "schemas", "validators.js")
    )) as typeof import("../../src/schemas/validators.js");
    const validate = dist.validatorForFile(TEAM);
    expect(
      dist.processValidators().status,
      "run `npm run compile` to generate dist/schemas/validators.generated.cjs",
    ).toBe("used");
    expect(outcomeOf(validate, badTeam)).toStrictEqual(outcomeOf(compiled.forFile(TEAM), badTeam));
  });
});
