import { describe, expect, it } from "vitest";
import { wrapLabel } from "../../src/site-data/wrap-label.js";

describe("wrapLabel", () => {
  it.each([
    ["fits on one line", "fraud-scorer:1.1.0", 20, 3, ["fraud-scorer:1.1.0"]],
    ["breaks after a slash before a hyphen", "northwind/fraud-detection", 20, 3, ["northwind/", "fraud-detection"]],
    [
      "keeps a ref's name and tag together",
      "northwind/xgboost-train:1.1.0",
      20,
      3,
      ["northwind/", "xgboost-train:1.1.0"],
    ],
    [
      "breaks a long part after its hyphens",
      "a-very-long-experiment-name-v12",
      12,
      3,
      ["a-very-long-", "experiment-", "name-v12"],
    ],
    ["breaks mid-word only a part wider than a line", "abcdefghijklmnop", 6, 3, ["abcdef", "ghijkl", "mnop"]],
    ["drops no space at a break", "11 parameters here", 13, 3, ["11 parameters", "here"]],
    ["ends the last line kept with an ellipsis", "aaaa/bbbb/cccc/dddd", 5, 2, ["aaaa/", "bbbb…"]],
    [
      "loose: fills each line, breaking after any separator",
      "s3://northwind-ml-artifacts/registry/fraud-scorer/1.1.0/model.json",
      25,
      2,
      ["s3://northwind-ml-", "artifacts/registry/fraud…"],
      true,
    ],
  ] as Array<[string, string, number, number, string[], boolean?]>)("%s", (_, text, width, lines, expected, loose) => {
    const got = wrapLabel(text, width, lines, loose);
    expect(got).toEqual(expected);
    for (const line of got) expect(line.length).toBeLessThanOrEqual(width);
  });
});
