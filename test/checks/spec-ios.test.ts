/**
 * Inputs and outputs as Polyaxon's V1IO reads them: type names, values
 * against their type and validation, flags, initializers, reserved names.
 * Each case is one IO of an otherwise valid spec; positions are in the spec.
 */
import { describe, expect, it } from "vitest";
import { componentSpecsCheck } from "../../src/checks/component-specs.js";
import { runRule } from "./run-rule.js";
import { BASE } from "../helpers/catalog.js";

const VERSION = "orgs/acme/components/train/versions/1.0.0.yaml";

/** A spec whose only input is `io` (indented as a list item's fields, first line at line 5). */
const spec = (io: string) => `version: 1.1
kind: component
inputs:
  - name: x
${io}run:
  kind: job
  container:
    image: python:3.12
`;

const found = (io: string) =>
  runRule(componentSpecsCheck, { ...BASE, [VERSION]: spec(io) }).map((d) => [d.code, d.line, d.column]);

describe("IO types", () => {
  it.each([
    ["a misspelt type", "    type: flaot\n", [["spec/unknown-io-type", 5, 11]]],
    ["a misspelt type inside a type hint", "    type: List[flaot]\n", [["spec/unknown-io-type", 5, 11]]],
    ["an unreadable type hint", "    type: List[float\n", [["spec/unknown-io-type", 5, 11]]],
    ["a Python type hint", "    type: Dict[str, List[float]]\n", []],
    ["Polyaxon's own types", "    type: artifacts\n", []],
    ["a forwarded pydantic type", "    type: PositiveInt\n", []],
    ["a Polyaxon 1.x type", "    type: dict_of_dicts\n", [["spec/legacy-io-type", 5, 11]]],
    ["no type", "    isOptional: true\n", [["spec/untyped-io", 4, 11]]],
  ])("%s", (_name, io, expected) => {
    expect(found(io)).toEqual(expected);
  });

  it("suggests the type the user meant", () => {
    const [d] = runRule(componentSpecsCheck, { ...BASE, [VERSION]: spec("    type: flaot\n") });
    expect(`${d?.message} (${d?.hint})`).toMatchInlineSnapshot(
      `"type "flaot" of input "x" names "flaot", which is not a type Polyaxon knows (did you mean "float"? Polyaxon types: str, int, float, bool, dict, list, any, path, uri, image, git, artifacts, dockerfile, metric, metadata, gcs, s3, wasb, date, datetime, uuid, email, file, tensorboard, event, timedelta, or a Python type hint such as List[float])"`,
    );
  });
});

describe("IO values against their type", () => {
  it.each([
    ["a word for an int", "    type: int\n    value: ten\n", [["spec/invalid-io-value", 6, 12]]],
    ["a fraction for an int", "    type: int\n    value: 2.5\n", [["spec/invalid-io-value", 6, 12]]],
    ["a number in a string for an int (Polyaxon reads it as JSON)", "    type: int\n    value: '10'\n", []],
    ["a mapping for a str", "    type: str\n    value: {a: 1}\n", [["spec/invalid-io-value", 6, 12]]],
    ["a number for a str", "    type: str\n    value: 3\n", []],
    ["yes for a bool", "    type: bool\n    value: 'yes'\n", []],
    ["maybe for a bool", "    type: bool\n    value: maybe\n", [["spec/invalid-io-value", 6, 12]]],
    ["a scalar with isList", "    type: float\n    isList: true\n    value: 0.1\n", [["spec/invalid-io-value", 7, 12]]],
    [
      "a bad item with isList",
      "    type: int\n    isList: true\n    value: [1, two]\n",
      [["spec/invalid-io-value", 7, 12]],
    ],
    ["a list for List[float]", "    type: List[float]\n    value: [0.1, 1]\n", []],
    ["a list for a dict", "    type: dict\n    value: [1]\n", [["spec/invalid-io-value", 6, 12]]],
    ["null for Optional[int]", "    type: Optional[int]\n    value: null\n", []],
    ["a template value is left to run time", "    type: int\n    value: '{{ globals.iteration }}'\n", []],
    ["a negative PositiveInt", "    type: PositiveInt\n    value: -1\n", [["spec/invalid-io-value", 6, 12]]],
  ])("%s", (_name, io, expected) => {
    expect(found(io)).toEqual(expected);
  });

  it("says what does not parse", () => {
    const [d] = runRule(componentSpecsCheck, { ...BASE, [VERSION]: spec("    type: int\n    value: ten\n") });
    expect(d?.message).toMatchInlineSnapshot(
      `"value of input "x" does not parse as type int: the string "ten" is not an int (Polyaxon reads it as JSON, and it is not valid JSON)"`,
    );
  });
});

describe("IO values against their validation", () => {
  it.each([
    ["lt", "    type: int\n    value: 5\n    validation: {lt: 3}\n", [["spec/io-validation-failed", 6, 12]]],
    ["gt and le met", "    type: float\n    value: 0.5\n    validation: {gt: 0, le: 1}\n", []],
    [
      "options",
      "    type: str\n    value: adamw\n    validation:\n      options: [adam, sgd]\n",
      [["spec/io-validation-failed", 6, 12]],
    ],
    [
      "the deprecated top-level options",
      "    type: str\n    value: adamw\n    options: [adam, sgd]\n",
      [["spec/io-validation-failed", 6, 12]],
    ],
    [
      "options item by item on a list",
      "    type: str\n    isList: true\n    value: [adam, rmsprop]\n    validation: {options: [adam, sgd]}\n",
      [["spec/io-validation-failed", 7, 12]],
    ],
    [
      "a regex with a Python named group",
      "    type: str\n    value: gs://bucket/data\n    validation:\n      regex: '^s3://(?P<bucket>[a-z0-9-.]{3,63})/(?P<key>.+)$'\n",
      [["spec/io-validation-failed", 6, 12]],
    ],
    [
      "a matching regex",
      "    type: str\n    value: s3://bucket/data\n    validation:\n      regex: '^s3://(?P<bucket>[a-z0-9-.]{3,63})/(?P<key>.+)$'\n",
      [],
    ],
    [
      "maxLength",
      "    type: str\n    value: abcdef\n    validation: {maxLength: 3}\n",
      [["spec/io-validation-failed", 6, 12]],
    ],
    [
      "minItems",
      "    type: List[int]\n    value: [1]\n    validation: {minItems: 2}\n",
      [["spec/io-validation-failed", 6, 12]],
    ],
    [
      "dict keys",
      "    type: dict\n    value: {a: 1}\n    validation: {containsKeys: [a, b]}\n",
      [["spec/io-validation-failed", 6, 12]],
    ],
    [
      "multipleOf",
      "    type: int\n    value: 12\n    validation: {multipleOf: 8}\n",
      [["spec/io-validation-failed", 6, 12]],
    ],
    [
      "decimalPlaces",
      "    type: float\n    value: 0.12345\n    validation: {decimalPlaces: 2}\n",
      [["spec/io-validation-failed", 6, 12]],
    ],
    [
      "a delayed validation still applies to the spec's own value",
      "    type: int\n    value: 5\n    validation: {delay: true, lt: 3}\n",
      [["spec/io-validation-failed", 6, 12]],
    ],
  ])("%s", (_name, io, expected) => {
    expect(found(io)).toEqual(expected);
  });

  it("says which constraint the value breaks", () => {
    const [d] = runRule(componentSpecsCheck, {
      ...BASE,
      [VERSION]: spec("    type: int\n    value: 5\n    validation: {lt: 3}\n"),
    });
    expect(d?.message).toMatchInlineSnapshot(`"value of input "x" breaks its validation: 5 is not less than 3 (lt)"`);
  });
});

describe("flags, initializers, optional values and names", () => {
  it.each([
    ["a flag on a str", "    type: str\n    isFlag: true\n", [["spec/flag-not-bool", 6, 13]]],
    ["a flag on a bool", "    type: bool\n    isFlag: true\n", []],
    [
      "toInit without a type",
      "    toInit: true\n    connection: repo\n",
      [
        ["spec/untyped-io", 4, 11],
        ["spec/untyped-to-init", 5, 13],
      ],
    ],
    ["toInit on git", "    type: git\n    toInit: true\n", []],
    ["toInit on a path with a connection", "    type: path\n    toInit: true\n    connection: s3-data\n", []],
    [
      "toInit on a path without a connection",
      "    type: path\n    toInit: true\n",
      [["spec/to-init-needs-connection", 6, 13]],
    ],
    [
      "a null value with isOptional: false",
      "    type: str\n    isOptional: false\n    value: null\n",
      [["spec/optional-value-conflict", 6, 17]],
    ],
  ])("%s", (_name, io, expected) => {
    expect(found(io)).toEqual(expected);
  });

  it.each([
    ["artifacts", []],
    ["inputs", []],
    ["dag", []],
    ["globals", [["spec/reserved-io-name", 4, 11]]],
    ["params", [["spec/reserved-io-name", 4, 11]]],
    ["connections", [["spec/reserved-io-name", 4, 11]]],
  ])("an input named %s", (name, expected) => {
    const text = spec("    type: str\n").replace("name: x", `name: ${name}`);
    expect(runRule(componentSpecsCheck, { ...BASE, [VERSION]: text }).map((d) => [d.code, d.line, d.column])).toEqual(
      expected,
    );
  });

  it("checks the IOs of a DAG's inline components too", () => {
    const text = `version: 1.1
kind: component
run:
  kind: dag
  operations:
    - {name: a, dagRef: inner, params: {n: {value: 1}}}
  components:
    - name: inner
      inputs:
        - {name: n, type: innt}
      run: {kind: job, container: {image: x}}
`;
    expect(runRule(componentSpecsCheck, { ...BASE, [VERSION]: text }).map((d) => [d.code, d.line, d.column])).toEqual([
      ["spec/unknown-io-type", 10, 27],
    ]);
  });
});
