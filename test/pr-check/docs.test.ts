/** docs/pull-request-checks.md documents every rule a denial can name. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const doc = readFileSync("docs/pull-request-checks.md", "utf8");
/** The rules' source: every kebab-case string literal there is a rule id, except the action table's ids and a kind prefix. */
const sources = readdirSync("src/pr-check")
  .filter((f) => /^(rules-|decide-change|explain)/.test(f))
  .map((f) => readFileSync(`src/pr-check/${f}`, "utf8").replace(/lowestRole\("[a-z-]+"\)/g, ""))
  .join("\n");

describe("docs/pull-request-checks.md", () => {
  it("documents every rule named in the pull-request check's source", () => {
    const literal = [...sources.matchAll(/"([a-z]+(?:-[a-z]+)+)"/g)]
      .map((m) => m[1]!)
      .filter((r) => r !== "project-component");
    const templated = ["experiment-write", "experiment-delete", "project-component-write", "project-component-delete"];
    const rules = [...new Set([...literal, ...templated])];
    expect(rules.length).toBeGreaterThan(40);
    for (const rule of rules) expect(doc, rule).toContain(`\`${rule}\``);
  });

  it("carries a copy-paste workflow for another repository", () => {
    expect(doc).toContain("uses: <owner>/mlcat@<commit-sha>");
    expect(doc).toContain("pull_request_target:");
  });
});
