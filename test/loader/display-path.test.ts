import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { displayPath } from "../../src/load/display-path.js";

const ROOTS = [
  "catalog",
  "/abs/repo/catalog",
  "../other/catalog",
  "./catalog",
  "catalog/",
  ".",
  "",
  "a//b",
  "a/./b",
  "/",
];
const PATHS = [
  "catalog.yaml",
  "orgs/acme/organization.yaml",
  "./x.yaml",
  "../x.yaml",
  "a/../b.yaml",
  "a/./b.yaml",
  "a//b.yaml",
  "/abs.yaml",
  "a/",
  ".hidden/x.yaml",
  "..x/y.yaml",
  "x..yaml",
  "a/..",
  "a/.",
  ".",
  "..",
  "",
];

describe("displayPath", () => {
  it.each(ROOTS)("joins every path under %j exactly as posix.join", (root) => {
    for (const rel of PATHS) expect([rel, displayPath(root, rel)]).toEqual([rel, posix.join(root, rel)]);
  });

  it("keeps giving the right answer when the root changes between calls", () => {
    expect(displayPath("catalog", "a.yaml")).toBe("catalog/a.yaml");
    expect(displayPath("./catalog", "a.yaml")).toBe("catalog/a.yaml");
    expect(displayPath("catalog", "./a.yaml")).toBe("catalog/a.yaml");
  });
});
