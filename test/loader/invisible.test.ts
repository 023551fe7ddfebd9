/** Where zero-width characters count (keys and identifier-like values) and where they do not (free text, comments). */
import { describe, expect, it } from "vitest";
import { firstOffsetIn, scanInvisible } from "../../src/yaml/invisible.js";
import { parseYamlFile } from "../../src/yaml/parse.js";

const ZWSP = "\u200B";
const where = (text: string) =>
  parseYamlFile({ file: "x.yaml", relPath: "x.yaml", bytes: new TextEncoder().encode(text) }).diagnostics.map(
    (d) => `${d.code} ${d.line}:${d.column}`,
  );

describe("zero-width characters", () => {
  const CASES: Array<[what: string, text: string, expected: string[]]> = [
    ["in a key", `na${ZWSP}me: a\n`, ["yaml/invisible-character 1:3"]],
    ["in a quoted key", `"na${ZWSP}me": a\n`, ["yaml/invisible-character 1:4"]],
    [
      "in a short value without whitespace",
      `homepage: https://ex${ZWSP}ample.com\n`,
      ["yaml/invisible-character 1:21"],
    ],
    [
      "in a value of an identifier key, even with whitespace",
      `owner: "alice ${ZWSP}smith"\n`,
      ["yaml/invisible-character 1:15"],
    ],
    [
      "in an item of an identifier list",
      `maintainers:\n  - alice\n  - "bob ${ZWSP}"\n`,
      ["yaml/invisible-character 3:10"],
    ],
    ["in a flow list of an identifier key", `admins: [alice, b${ZWSP}ob]\n`, ["yaml/invisible-character 1:18"]],
    ["written as an escape in an identifier", `name: "a\\u200Bb"\n`, ["yaml/invisible-character 1:7"]],
    ["in free text with whitespace", `description: a family ${ZWSP}of models\n`, []],
    ["in a long value without whitespace (not identifier-like)", `blob: ${"x".repeat(300)}${ZWSP}\n`, []],
    ["in a comment", `name: a # a${ZWSP}b\n`, []],
    ["in a block scalar of free text", `description: |\n  some ${ZWSP}text\n`, []],
    [
      "inside a mapping under an identifier key: its own keys decide",
      `members:\n  - user: alice\n    note: "hi ${ZWSP}there"\n`,
      [],
    ],
  ];
  it.each(CASES)("%s", (_what, text, expected) => {
    expect(where(text)).toEqual(expected);
  });
});

describe("bidi controls are refused anywhere, also as escapes", () => {
  it.each([
    ["in a long description", `description: "${"word ".repeat(80)}\u2067x"\n`, ["yaml/invisible-character 1:415"]],
    ["escaped in a free-text value", `description: "hello \\u2066world"\n`, ["yaml/invisible-character 1:14"]],
    ["in a key", `a\u200Fb: 1\n`, ["yaml/invisible-character 1:2"]],
  ])("%s", (_what, text, expected) => {
    expect(where(text)).toEqual(expected);
  });
});

describe("the text scan", () => {
  it("finds every invisible character in one pass, sorted by kind", () => {
    expect(scanInvisible(`a${ZWSP}b\u202Ec\uFEFF`)).toEqual({ bidi: [3], zeroWidth: [1, 5] });
    expect(scanInvisible("plain text")).toEqual({ bidi: [], zeroWidth: [] });
  });

  it.each([
    [[2, 5, 9], 0, 3, 2],
    [[2, 5, 9], 3, 9, 5],
    [[2, 5, 9], 6, 9, undefined],
    [[2, 5, 9], 9, 10, 9],
    [[], 0, 100, undefined],
  ])("firstOffsetIn(%j, %i, %i) is %s", (offsets, start, end, expected) => {
    expect(firstOffsetIn(offsets, start, end)).toBe(expected);
  });
});
