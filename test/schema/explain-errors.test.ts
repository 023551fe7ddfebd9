import type { ErrorObject } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { editDistance, findClosest } from "../../src/text/suggest.js";
import { collapseErrors } from "../../src/schemas/collapse-errors.js";
import { flowYaml, pathLabel } from "../../src/schemas/error-words.js";
import { explainSchemaErrors } from "../../src/schemas/explain-errors.js";
import { validateKindData } from "../../src/schemas/validators.js";

const err = (keyword: string, instancePath: string, params: Record<string, unknown> = {}): ErrorObject =>
  ({ keyword, instancePath, schemaPath: "#", params, data: undefined, parentSchema: {} }) as ErrorObject;

describe("collapseErrors", () => {
  it("drops `if` wrappers and keeps what the `then` branch found", () => {
    const errors = [err("additionalProperties", "/run", { additionalProperty: "x" }), err("if", "/run")];
    expect(collapseErrors(errors).map((f) => f.error.keyword)).toEqual(["additionalProperties"]);
  });

  it("combines branches that all reject the value itself", () => {
    const errors = [err("type", "/a"), err("pattern", "/a"), err("anyOf", "/a")];
    const [finding, ...rest] = collapseErrors(errors);
    expect(rest).toEqual([]);
    expect(finding?.error.keyword).toBe("anyOf");
    expect(finding?.alternatives?.map((e) => e.keyword)).toEqual(["type", "pattern"]);
  });

  it("keeps the deep errors of the branch whose shape matched", () => {
    const errors = [err("type", "/a"), err("type", "/a/1"), err("anyOf", "/a")];
    expect(collapseErrors(errors).map((f) => `${f.error.keyword} ${f.error.instancePath}`)).toEqual(["type /a/1"]);
  });

  it("leaves errors before the alternatives alone", () => {
    const errors = [err("enum", "/b"), err("type", "/a"), err("const", "/a"), err("anyOf", "/a")];
    expect(collapseErrors(errors).map((f) => `${f.error.keyword} ${f.error.instancePath}`)).toEqual([
      "enum /b",
      "anyOf /a",
    ]);
  });

  it("keeps one finding per value, the most telling one", () => {
    const errors = [err("type", "/v"), err("enum", "/v"), err("format", "/u"), err("pattern", "/u")];
    expect(collapseErrors(errors).map((f) => `${f.error.keyword} ${f.error.instancePath}`)).toEqual([
      "enum /v",
      "format /u",
    ]);
  });
});

describe("explainSchemaErrors", () => {
  it("names the file itself for problems at its top level", () => {
    const problems = explainSchemaErrors(validateKindData("Team", { name: "ml" }), { subject: 'team "acme/ml"' });
    expect(problems).toEqual([
      {
        code: "schema/required",
        path: [],
        target: "value",
        message: 'team "acme/ml" is missing the required property "members"',
        hint: "add it, e.g. members: [{user: bob, role: admin}]",
      },
    ]);
  });

  it("points unknown properties at their key", () => {
    const [problem] = explainSchemaErrors(validateKindData("Team", { name: "ml", members: [], quotas: { model: 1 } }), {
      subject: "t",
    });
    expect(problem).toMatchObject({
      code: "schema/unknown-property",
      path: ["quotas", "model"],
      target: "key",
      hint: 'did you mean "models"?',
    });
  });
});

describe("findClosest", () => {
  it.each([
    ["descripton", ["name", "description"], "description"],
    ["is_optional", ["isOptional", "isList"], "isOptional"],
    ["DisplayName", ["displayName", "name"], "displayName"],
    ["contianer", ["container", "connections"], "container"],
    ["zzz", ["name", "owner"], undefined],
  ])("%s -> %s", (input, candidates, expected) => {
    expect(findClosest(input, candidates, { ignoreSeparators: true })).toBe(expected);
  });

  it("counts a swap of neighbours as one edit", () => {
    expect(editDistance("tema", "team")).toBe(1);
  });
});

describe("error words", () => {
  it("writes paths as users read them", () => {
    expect(pathLabel(["releases", "0", "tag"])).toBe("releases[0].tag");
  });

  it("writes examples as flow YAML, quoting what YAML would not read as a plain string", () => {
    expect(flowYaml({ user: "alice", tags: ["1.0", "true", "a b"], n: 2 })).toBe(
      '{user: alice, tags: ["1.0", "true", "a b"], n: 2}',
    );
  });
});
