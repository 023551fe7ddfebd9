import { describe, expect, it } from "vitest";
import { BASE, loadFiles, validateFiles } from "./helpers/catalog.js";

describe("the test base catalog", () => {
  it("loads every file as an entity", () => {
    const { catalog, diagnostics } = loadFiles(BASE);
    expect(diagnostics).toEqual([]);
    expect(catalog.entities()).toHaveLength(Object.keys(BASE).length);
  });

  it("validates without errors", () => {
    expect(validateFiles(BASE).filter((d) => d.severity === "error")).toEqual([]);
  });
});
