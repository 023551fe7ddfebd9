/** Size, encoding and nesting bounds: hostile files are refused quickly, never with a crash or a RangeError. */
import { describe, expect, it } from "vitest";
import { parseYamlFile, type ParseInput } from "../../src/yaml/parse.js";

const encode = (text: string) => new TextEncoder().encode(text);
const parse = (bytes: Uint8Array, extra: Partial<ParseInput> = {}) =>
  parseYamlFile({ file: "x.yaml", relPath: "x.yaml", bytes, ...extra });
const where = (bytes: Uint8Array, extra: Partial<ParseInput> = {}) =>
  parse(bytes, extra).diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);

describe("size cap", () => {
  it("refuses a file over the cap, also when the reader did not read it (size > bytes)", () => {
    expect(where(new Uint8Array(), { size: 5_000_000_000 })).toEqual(["file/too-large 1:1"]);
    expect(parse(new Uint8Array(), { size: 5_000_000_000 }).diagnostics[0]?.message).toMatchInlineSnapshot(
      `"x.yaml is 5000000000 bytes, over the cap of 1048576 bytes"`,
    );
  });

  it("refuses read bytes over a smaller configured cap, and accepts a file at the cap", () => {
    const text = "name: abcdefgh\n"; // 15 bytes
    expect(where(encode(text), { limits: { maxFileBytes: 14 } })).toEqual(["file/too-large 1:1"]);
    expect(where(encode(text), { limits: { maxFileBytes: 15 } })).toEqual([]);
  });
});

describe("invalid UTF-8 is refused at the line and column of the first bad byte", () => {
  const CASES: Array<[what: string, bytes: number[], expected: string]> = [
    ["a lone 0xFF on line 2", [...encode("a: 1\nb: "), 0xff], "file/invalid-utf8 2:4"],
    ["a Latin-1 é after ASCII", [...encode("name: caf"), 0xe9, ...encode("\n")], "file/invalid-utf8 1:10"],
    ["a truncated 3-byte sequence", [...encode("x: "), 0xe2, 0x82], "file/invalid-utf8 1:4"],
    ["an overlong encoding of '/'", [...encode("x: "), 0xc0, 0xaf], "file/invalid-utf8 1:4"],
    ["an encoded surrogate", [...encode("x: "), 0xed, 0xa0, 0x80], "file/invalid-utf8 1:4"],
    // Columns count like the parser's: an emoji is two units, a leading BOM none.
    ["after a BOM and an emoji", [0xef, 0xbb, 0xbf, ...encode("a: 😀"), 0xff], "file/invalid-utf8 1:6"],
  ];
  it.each(CASES)("%s", (_what, bytes, expected) => {
    const result = parse(new Uint8Array(bytes));
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([expected]);
    expect(result.source).toBeUndefined();
  });

  it("the message gives the byte offset", () => {
    expect(parse(new Uint8Array([...encode("a: 1\nb: "), 0xff])).diagnostics[0]?.message).toMatchInlineSnapshot(
      `"x.yaml is not valid UTF-8: byte 8 cannot be decoded"`,
    );
  });

  it("a leading BOM is accepted and dropped", () => {
    const result = parse(new Uint8Array([0xef, 0xbb, 0xbf, ...encode("name: a\n")]));
    expect(result.diagnostics).toEqual([]);
    expect(result.value).toEqual({ name: "a" });
  });
});

describe("nesting bound", () => {
  const CASES: Array<[what: string, text: () => string, expected: string]> = [
    ["100000 nested brackets", () => "[".repeat(100_000), "yaml/too-deep 1:65"],
    ["100000 nested flow mappings", () => "{a: ".repeat(100_000), "yaml/too-deep 1:257"],
    ["100000 nested block sequences on one line", () => "- ".repeat(100_000) + "x\n", "yaml/too-deep 1:129"],
    [
      "1400 nested block mappings",
      () => Array.from({ length: 1400 }, (_, i) => `${" ".repeat(i)}a:\n`).join(""),
      "yaml/too-deep 65:65",
    ],
  ];
  it.each(CASES)("%s: refused with yaml/too-deep, no RangeError", (_what, text, expected) => {
    let result: ReturnType<typeof parse> | undefined;
    expect(() => (result = parse(encode(text())))).not.toThrow();
    expect(result!.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([expected]);
  });

  it("64 levels are accepted, 65 are not", () => {
    const nested = (levels: number) => `a: ${"[".repeat(levels - 1)}${"]".repeat(levels - 1)}\n`;
    expect(where(encode(nested(64)))).toEqual([]);
    expect(where(encode(nested(65)))).toEqual(["yaml/too-deep 1:67"]);
  });

  it("a configured bound is honoured, also for pairs inside flow sequences (deeper once composed)", () => {
    expect(where(encode("a: [b]\n"), { limits: { maxDepth: 1 } })).toEqual(["yaml/too-deep 1:4"]);
    // `[k: v]` is a sequence holding a mapping: 3 levels in all.
    expect(where(encode("a: [k: v]\n"), { limits: { maxDepth: 2 } })).toEqual(["yaml/too-deep 1:5"]);
  });

  it("even without a sane bound, a stack overflow is reported, not thrown", () => {
    const result = parse(encode("[".repeat(100_000)), { limits: { maxDepth: 1e9 } });
    expect(result.diagnostics.map((d) => d.code)).toContain("yaml/too-deep");
  });
});
