import { describe, expect, it } from "vitest";
import { codeFrame } from "../../src/report/code-frame.js";

describe("code frames", () => {
  it("shows the line with a caret under the column and one line around it", () => {
    expect(codeFrame("a: 1\nb: [\nc: 3\nd: 4\n", 2, 4)).toMatchInlineSnapshot(`
      "  1 | a: 1
      > 2 | b: [
          |    ^
        3 | c: 3"
    `);
  });

  it("makes bidi and zero-width characters visible", () => {
    expect(codeFrame("name: a\u202eb\u200bc", 1, 7)).toContain("a<U+202E>b<U+200B>c");
  });

  it("returns nothing for a line that does not exist", () => {
    expect(codeFrame("a: 1", 5, 1)).toBe("");
  });
});

describe("terminal safety of the pretty report", () => {
  it("shows escape sequences in messages as visible code points, never raw", async () => {
    const { formatPretty } = await import("../../src/report/pretty.js");
    const out = formatPretty(
      [
        {
          code: "ref/unknown-user",
          severity: "error",
          file: "catalog/x.yaml",
          line: 1,
          column: 1,
          message: 'user "\u001b[2Jevil" is unknown',
          hint: "add it",
        },
      ],
      { files: 1, entities: 1, errors: 1, warnings: 0, infos: 0 },
      { color: false },
    );
    expect(out).not.toContain("\u001b");
    expect(out).toContain("<U+001B>[2Jevil");
  });
});
