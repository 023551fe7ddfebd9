/** What an accepted file becomes: plain JSON data (YAML 1.2 core schema) and a kept document. */
import { readFileSync } from "node:fs";
import { isMap } from "yaml";
import { afterEach, describe, expect, it } from "vitest";
import { parseYamlFile } from "../../src/yaml/parse.js";
import { positionOf } from "../../src/yaml/positions.js";

const DIR = "test/fixtures/yaml-hazards";
const parseText = (text: string) =>
  parseYamlFile({ file: "x.yaml", relPath: "x.yaml", bytes: new TextEncoder().encode(text) });

describe("a valid file", () => {
  const result = parseYamlFile({ file: "valid.yaml", relPath: "valid.yaml", bytes: readFileSync(`${DIR}/valid.yaml`) });

  it("yields plain data equal to the expected JSON", () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.value).toEqual(JSON.parse(readFileSync(`${DIR}/valid.json`, "utf8")));
    expect(JSON.parse(JSON.stringify(result.value))).toStrictEqual(result.value);
  });

  it("keeps the document and line counter for positions and edits", () => {
    const source = result.source!;
    expect(source.relPath).toBe("valid.yaml");
    expect(isMap(source.doc.contents)).toBe(true);
    expect(positionOf(source, ["nested", "list", 1])).toEqual({ line: 19, column: 7 });
    expect(source.doc.toString()).toContain("# A valid file");
  });
});

describe("YAML 1.2 core schema: only strings, numbers, booleans and null", () => {
  const CASES: Array<[yaml: string, value: unknown]> = [
    ["2026-01-01", "2026-01-01"],
    ["2026-01-10T12:00:00Z", "2026-01-10T12:00:00Z"],
    ["yes", "yes"],
    ["on", "on"],
    ["No", "No"],
    ["true", true],
    ["~", null],
    ["0o17", 15],
    ["012", 12],
    ["1_000", "1_000"],
    ["12345678901234567890", 12345678901234567890],
    [".inf", Infinity],
    ["3.0", 3],
    ["'3.0'", "3.0"],
  ];
  it.each(CASES)("%s", (yaml, value) => {
    const result = parseText(`v: ${yaml}\n`);
    expect(result.diagnostics).toEqual([]);
    expect((result.value as { v: unknown }).v).toEqual(value);
  });

  it("a NaN stays a number", () => {
    expect(Number.isNaN((parseText("v: .nan\n").value as { v: number }).v)).toBe(true);
  });

  it("keys that are numbers or booleans become strings, as in JSON", () => {
    expect(parseText("1: a\ntrue: b\n1.5: c\n").value).toEqual({ "1": "a", true: "b", "1.5": "c" });
  });

  it("a top-level flow mapping is a mapping", () => {
    expect(parseText("{name: a, tags: [x]}\n").value).toEqual({ name: "a", tags: ["x"] });
  });
});

describe("prototype pollution", () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it.each([
    ["__proto__: {polluted: true}"],
    ['"__proto__": {polluted: true}'],
    ["a: {__proto__: {polluted: true}}"],
    ["a: [{constructor: {prototype: {polluted: true}}}]"],
  ])("%s leaves Object.prototype untouched and yields no data", (text) => {
    const result = parseText(`${text}\n`);
    expect(result.diagnostics.map((d) => d.code)).toContain("yaml/forbidden-key");
    expect(result.value).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});
