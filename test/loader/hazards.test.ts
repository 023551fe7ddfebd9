/** One fixture per YAML hazard (test/fixtures/yaml-hazards/): each is refused with its code at its position. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseYamlFile } from "../../src/yaml/parse.js";

const DIR = "test/fixtures/yaml-hazards";

/** Parse a fixture file as the loader would. */
function parseFixture(name: string) {
  const bytes = readFileSync(`${DIR}/${name}`);
  return parseYamlFile({ file: `${DIR}/${name}`, relPath: name, bytes });
}

/** `code line:column` of each diagnostic, in report order. */
function at(name: string): string[] {
  return parseFixture(name).diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);
}

const CASES: Array<[fixture: string, expected: string[]]> = [
  ["anchor-alias.yaml", ["yaml/anchor 2:11", "yaml/anchor 4:6"]],
  ["directive-yaml.yaml", ["yaml/directive 1:1"]],
  ["directive-tag.yaml", ["yaml/directive 1:1"]],
  ["multiple-documents.yaml", ["yaml/multiple-documents 2:1"]],
  ["empty.yaml", ["yaml/empty 1:1"]],
  ["comments-only.yaml", ["yaml/empty 1:1"]],
  ["tag-set.yaml", ["yaml/tag 2:7"]],
  ["tag-binary.yaml", ["yaml/tag 2:7"]],
  ["tag-custom.yaml", ["yaml/tag 2:6"]],
  ["tag-omap.yaml", ["yaml/tag 2:8"]],
  ["duplicate-key.yaml", ["yaml/duplicate-key 3:1"]],
  ["duplicate-key-number.yaml", ["yaml/duplicate-key 4:3"]],
  ["duplicate-key-boolean.yaml", ["yaml/duplicate-key 4:3"]],
  ["duplicate-key-null.yaml", ["yaml/complex-key 4:3", "yaml/duplicate-key 4:3"]],
  ["forbidden-key-proto.yaml", ["yaml/forbidden-key 2:1"]],
  ["forbidden-key-constructor.yaml", ["yaml/forbidden-key 3:3"]],
  ["forbidden-key-prototype.yaml", ["yaml/forbidden-key 2:11"]],
  ["complex-key-mapping.yaml", ["yaml/complex-key 2:3"]],
  ["complex-key-sequence.yaml", ["yaml/complex-key 2:1"]],
  ["complex-key-null.yaml", ["yaml/complex-key 2:1"]],
  // `value: ` then 70 `[`: the 64th bracket is the 65th level (the top mapping is the first).
  ["too-deep-flow.yaml", ["yaml/too-deep 2:71"]],
  ["too-deep-block.yaml", ["yaml/too-deep 66:129"]],
  [
    "bidi-in-comment.yaml",
    ["yaml/invisible-character 2:17", "yaml/invisible-character 2:19", "yaml/invisible-character 2:30"],
  ],
  ["bidi-in-value.yaml", ["yaml/invisible-character 2:22", "yaml/invisible-character 2:28"]],
  ["bidi-escaped.yaml", ["yaml/invisible-character 2:14"]],
  ["zero-width-key.yaml", ["yaml/invisible-character 2:4"]],
  ["zero-width-name.yaml", ["yaml/invisible-character 1:10"]],
  ["zero-width-member.yaml", ["yaml/invisible-character 4:11"]],
  ["zero-width-bom.yaml", ["yaml/invisible-character 2:13"]],
  ["syntax.yaml", ["yaml/syntax 2:14"]],
  ["syntax-unclosed-flow.yaml", ["yaml/syntax 3:1"]],
  ["not-a-mapping.yaml", ["yaml/not-a-mapping 1:1"]],
  ["not-a-mapping-scalar.yaml", ["yaml/not-a-mapping 1:1"]],
];

describe("each YAML hazard is refused at its position", () => {
  it.each(CASES)("%s", (fixture, expected) => {
    const result = parseFixture(fixture);
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(expected);
    expect(result.diagnostics.every((d) => d.severity === "error" && d.file === `${DIR}/${fixture}`)).toBe(true);
    // A refused file yields no data and no document.
    expect(result.value).toBeUndefined();
    expect(result.source).toBeUndefined();
  });
});

describe("several hazards in one file", () => {
  it("are all reported, in position order", () => {
    expect(at("several-hazards.yaml")).toEqual([
      "yaml/anchor 2:7",
      "yaml/duplicate-key 3:1",
      "yaml/forbidden-key 4:1",
      "yaml/invisible-character 5:11",
      "yaml/tag 6:6",
    ]);
  });

  it("a billion-laughs file returns its anchors and aliases without expanding them", () => {
    const result = parseFixture("billion-laughs.yaml");
    expect(result.value).toBeUndefined();
    expect(new Set(result.diagnostics.map((d) => d.code))).toEqual(new Set(["yaml/anchor"]));
    // 8 anchors and 81 aliases: the first 20 are listed, the last says how many more.
    expect(result.diagnostics).toHaveLength(20);
    expect(result.diagnostics.at(-1)?.message).toMatchInlineSnapshot(
      `"alias "*b" is not allowed (and 61 more like it in this file, not listed)"`,
    );
  });
});

describe("files that are fine", () => {
  it("a zero-width joiner inside free text (an emoji in a description) is accepted", () => {
    const result = parseFixture("zwj-in-description.yaml");
    expect(result.diagnostics).toEqual([]);
    expect(result.value).toEqual({ name: "train", description: "Family emoji 👨‍👩‍👧 in free text is fine." });
  });
});

describe("messages say what is wrong and how to fix it", () => {
  const first = (fixture: string) => {
    const d = parseFixture(fixture).diagnostics[0]!;
    return `${d.message} (${d.hint})`;
  };

  it("duplicate keys name the first key's line, also when they differ only before coercion", () => {
    expect(first("duplicate-key.yaml")).toMatchInlineSnapshot(
      `"key "name" appears twice in this mapping (first on line 1) (remove one of the two keys or rename it)"`,
    );
    expect(first("duplicate-key-number.yaml")).toMatchInlineSnapshot(
      `"key "1" appears twice in this mapping: it reads the same as 1 on line 3 (both become "1") (remove one of the two keys or rename it)"`,
    );
  });

  it("invisible characters are named and shown escaped", () => {
    expect(first("zero-width-key.yaml")).toMatchInlineSnapshot(
      `"key "own\\u{200B}er" holds U+200B ZERO WIDTH SPACE, an invisible character (delete the invisible character (retype the text if your editor does not show it))"`,
    );
    expect(first("bidi-in-comment.yaml")).toMatchInlineSnapshot(
      `"U+202E RIGHT-TO-LEFT OVERRIDE, a bidi-control character, is not allowed anywhere in a file (delete it: it can make the text display differently from what it is)"`,
    );
  });

  it("tags, anchors and directives say why they are refused", () => {
    expect(first("tag-custom.yaml")).toMatchInlineSnapshot(
      `"tag "!python/object:os.system" is not allowed (remove the tag: mlcat reads plain YAML 1.2 values only (mappings, sequences, strings, numbers, booleans, null); quote a value to make it a string)"`,
    );
    expect(first("anchor-alias.yaml")).toMatchInlineSnapshot(
      `"anchor "&defaults" is not allowed (write the value out in full: mlcat refuses anchors and aliases, which can blow a small file up into a huge one and hide where a value comes from)"`,
    );
    expect(first("directive-yaml.yaml")).toMatchInlineSnapshot(
      `"directive "%YAML 1.2" is not allowed (remove the line (and a \`---\` that only follows it): mlcat reads every file as YAML 1.2 with the core schema)"`,
    );
  });
});
