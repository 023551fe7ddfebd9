/**
 * The site's rule for its tables: a column no row fills is left out, and a row's empty cell in a
 * drawn column is marked so a stacked card drops it.
 */
import { describe, expect, it } from "vitest";
import { emptyMark, filledColumns, fills } from "../../src/site-data/columns.js";

describe("filledColumns", () => {
  const rows = [
    { notes: "", size: undefined, tags: [], stage: "production" },
    { notes: undefined, size: 0, tags: [], stage: undefined },
  ];

  it("draws a column some row fills, and leaves out one every row leaves blank, missing or an empty list", () => {
    expect(
      filledColumns(rows, { notes: (r) => r.notes, size: (r) => r.size, tags: (r) => r.tags, stage: (r) => r.stage }),
    ).toEqual({ notes: false, size: true, tags: false, stage: true });
  });

  it("leaves out every optional column of an empty table", () => {
    expect(filledColumns([] as Array<{ a?: string }>, { a: (r) => r.a })).toEqual({ a: false });
  });

  it.each([
    [undefined, false],
    [null, false],
    ["", false],
    [false, false],
    [[], false],
    [0, true],
    ["—", true],
    [["x"], true],
    [{ url: "/x/" }, true],
  ])("a cell showing %j is filled: %s", (value, filled) => {
    expect(fills(value)).toBe(filled);
    expect(emptyMark(value)).toBe(filled ? undefined : "");
  });
});
