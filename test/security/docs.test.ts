import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const DOC = readFileSync("docs/security.md", "utf8");

describe("docs/security.md", () => {
  it("names only test files that exist", () => {
    const named = [...new Set(DOC.match(/test\/[\w/.-]+\.test\.ts/g) ?? [])];
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((f) => !existsSync(f))).toEqual([]);
  });

  it("maps every security test file to a threat", () => {
    const files = readdirSync("test/security").filter((f) => f.endsWith(".test.ts") && f !== "docs.test.ts");
    expect(files.filter((f) => !DOC.includes(`test/security/${f}`))).toEqual([]);
  });

  it("points at the CODEOWNERS example, which leaves catalog/ to mlcat check and owns the rest", () => {
    expect(DOC).toContain("(../.github/CODEOWNERS)");
    const lines = readFileSync(".github/CODEOWNERS", "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.startsWith("#"));
    expect(lines[0]).toMatch(/^\*\s+@/);
    expect(lines).toContain("/catalog/");
    expect(lines.slice(lines.indexOf("/catalog/") + 1).every((l) => /\s@/.test(l))).toBe(true);
  });
});
