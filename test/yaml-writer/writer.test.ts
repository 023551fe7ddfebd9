/**
 * The one YAML writer: what it writes is what `fmt` would write (a fixed
 * point), reads back as the same data in YAML 1.1 and 1.2, and `fmt` keeps
 * how a person spelled values and where they left blank lines and comments.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { KIND_SHAPES } from "../../src/authoring/key-order.js";
import { buildYaml, dataYaml } from "../../src/yaml-writer/build.js";
import { editYamlText } from "../../src/yaml-writer/edit.js";
import { formatYamlText } from "../../src/yaml-writer/format.js";
import { LINE_WIDTH } from "../../src/yaml-writer/style.js";

const VERSION = KIND_SHAPES.ModelVersion!;

describe("fmt keeps values as they were written", () => {
  it.each([["195.0", "0.910", "1.0e+3", ".5", "+1", "0x1F", "1_000", "-.Inf", "~", "Null", "TRUE"]])(
    "a model version's flat metrics keep their spelling while keys are reordered: %s",
    (...spellings) => {
      const metrics = spellings.map((s, i) => `  m${i}: ${s}`).join("\n");
      const text = `metrics:\n${metrics}\nstage: testing\nname: "1.0.0"\n`;
      const out = formatYamlText(text, VERSION);
      expect(out).toBe(`name: "1.0.0"\nstage: testing\nmetrics:\n${metrics}\n`);
      expect(formatYamlText(out!, VERSION)).toBe(out);
    },
  );

  it.each([
    ["double quotes and escapes", 'name: "1.0.0"\ndescription: "caf\\u00e9 \\"x\\""\n'],
    ["single quotes", "name: '1.0.0'\ndescription: 'it''s'\n"],
    ["flow mappings of numbers", "name: x\nmetrics: {auc: 0.90, n: 1e3}\n"],
  ])("%s", (_name, text) => {
    expect(formatYamlText(text, VERSION)).toBe(text);
  });
});

describe("comments after the last value", () => {
  it.each([
    ["right after it", "name: x\nstage: testing\n# createdBy: alice\n# note\n"],
    ["after a blank line", "name: x\nstage: testing\n\n# createdBy: alice\n"],
    ["with a blank line between them", "name: x\nstage: testing\n# one\n\n# two\n"],
    ["after a nested mapping", "name: x\nlineage:\n  project: p\n# createdBy: alice\n"],
    ["after a sequence", "name: x\nstageHistory:\n  - stage: testing\n# createdBy: alice\n"],
  ])("stay where they are: %s", (_name, text) => {
    expect(formatYamlText(text, VERSION)).toBe(text);
  });

  it("a new file's commented-out fields follow its last field directly, and fmt keeps them there", () => {
    const text = buildYaml("A header.", [
      { key: "name", value: "x" },
      { key: "stage", value: "testing" },
      { key: "createdBy", value: undefined, comment: "Who wrote it:", example: "createdBy: alice" },
    ]);
    expect(text).toBe("# A header.\nname: x\nstage: testing\n# Who wrote it:\n# createdBy: alice\n");
    expect(formatYamlText(text, VERSION)).toBe(text);
  });
});

describe("new values", () => {
  it.each([
    ["plain-name", "plain-name"],
    ["Two words", "Two words"],
    ["1.0.0", '"1.0.0"'],
    ["1.2", '"1.2"'],
    ["2025-08-11T09:12:00Z", '"2025-08-11T09:12:00Z"'],
    ["2025-08-11", '"2025-08-11"'],
    ["yes", '"yes"'],
    ["Off", '"Off"'],
    ["null", '"null"'],
    ["~", '"~"'],
    ["0x1F", '"0x1F"'],
    ["1_000", '"1_000"'],
    ["1:30", '"1:30"'],
    ["0123456789abcdef0123456789abcdef01234567", "0123456789abcdef0123456789abcdef01234567"],
    ["s3://bucket/path", "s3://bucket/path"],
    ["--out={{ x }}", "--out={{ x }}"],
    ["a: b", '"a: b"'],
    ["has # comment", '"has # comment"'],
  ])("%j is written as %s and reads back as that string in YAML 1.1 and 1.2", (value, expected) => {
    const text = dataYaml({ k: value });
    expect(text).toBe(`k: ${expected}\n`);
    expect(parse(text, { version: "1.1" }).k).toBe(value);
    expect(parse(text, { version: "1.2" }).k).toBe(value);
  });

  it("long prose is folded within the line width, short name lists are flows, and fmt changes neither", () => {
    const prose = "A sentence of ordinary words that goes on for a while, ".repeat(4).trim();
    const text = dataYaml({ name: "x", description: prose, tags: ["a", "b"], nested: { description: prose } });
    expect(text.split("\n").every((l) => l.length <= LINE_WIDTH)).toBe(true);
    expect(text).toContain("description: >-\n  A sentence");
    expect(text).toContain("tags: [a, b]\n");
    expect(parse(text)).toEqual({ name: "x", description: prose, tags: ["a", "b"], nested: { description: prose } });
    expect(formatYamlText(text, {})).toBe(text);
  });

  it("edits of a formatted file keep it formatted: a missing key lands at its canonical place", () => {
    const text = 'name: "1.0.0"\nstage: testing\ncreatedBy: alice\n';
    const edited = editYamlText(text, [{ op: "set", path: ["description"], value: "What it is." }], {
      shape: VERSION,
    });
    expect(edited).toBe('name: "1.0.0"\ndescription: What it is.\nstage: testing\ncreatedBy: alice\n');
  });

  it("edits of a file that is not formatted change only the edited lines", () => {
    const text = "stage: testing\nname: '1.0.0'\nstageHistory:\n- stage: testing\n";
    const edited = editYamlText(text, [{ op: "set", path: ["stage"], value: "staging" }], { shape: VERSION });
    expect(edited).toBe("stage: staging\nname: '1.0.0'\nstageHistory:\n- stage: testing\n");
  });
});

/** Plain data like catalog files hold: nested mappings and lists of words, numbers, prose and odd strings. */
const scalar = fc.oneof(
  fc.constantFrom("yes", "1.0", "2024-01-01", "a: b", "#x", "- x", "", " lead", "trail ", "x\ny", "~", "@at", "'q'"),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/),
  fc.array(fc.stringMatching(/^[a-z]{1,9}$/), { minLength: 1, maxLength: 30 }).map((w) => w.join(" ")),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const key = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,10}$/);
const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  ),
}));

describe("any data", () => {
  it("is written so that it reads back the same, and fmt changes nothing", () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), (data) => {
        const text = dataYaml(data, ["A header."]);
        expect(parse(text, { version: "1.2", schema: "core" })).toEqual(data);
        expect(formatYamlText(text, {})).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
