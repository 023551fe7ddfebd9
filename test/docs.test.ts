import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderDiagnosticsDoc } from "../src/diagnostics/codes-doc.js";
import { CODES } from "../src/diagnostics/codes.js";

describe("docs/diagnostics.md", () => {
  it("is in step with the code table (run `npm run docs` after changing codes)", () => {
    expect(readFileSync("docs/diagnostics.md", "utf8")).toBe(renderDiagnosticsDoc());
  });

  it("documents every code", () => {
    const doc = readFileSync("docs/diagnostics.md", "utf8");
    for (const code of Object.keys(CODES)) expect(doc).toContain(`\`${code}\``);
  });
});
