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
