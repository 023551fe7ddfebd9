import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, formatGithubAnnotations, formatGithubSummary } from "../../src/report/github.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";

const d: Diagnostic = {
  code: "ref/unknown-user",
  severity: "error",
  file: "catalog/orgs/a,b/team:x.yaml",
  line: 7,
  column: 5,
  message: 'user "x\n::error::forged" is <b>unknown</b> | 100%',
  hint: "add users/x.yaml",
};

describe("GitHub output", () => {
  it.each([
    ["100%", "100%25"],
    ["a\r\nb", "a%0D%0Ab"],
  ])("escapes workflow command data %j", (input, expected) => {
    expect(escapeData(input)).toBe(expected);
  });

  it("escapes property values so a file name cannot end the property list", () => {
    expect(escapeProperty("a,b:c")).toBe("a%2Cb%3Ac");
  });

  it("writes one annotation per diagnostic that untrusted text cannot break out of", () => {
    const out = formatGithubAnnotations([d]);
    expect(out.split("\n").filter(Boolean)).toHaveLength(1);
    expect(out).toMatchInlineSnapshot(`
      "::error file=catalog/orgs/a%2Cb/team%3Ax.yaml,line=7,col=5,title=mlcat ref/unknown-user::user "x%0A::error::forged" is <b>unknown</b> | 100%25%0Ahint: add users/x.yaml
      "
    `);
  });

  it("keeps untrusted text inert in the job summary", () => {
    const md = formatGithubSummary([d], { files: 1, entities: 1, errors: 1, warnings: 0, infos: 0 });
    expect(md).not.toContain("<b>");
    expect(
      md
        .split("\n")
        .find((l) => l.startsWith("| ❌"))!
        .split(" | "),
    ).toHaveLength(5);
  });

  it("shows a green title when there are no errors", () => {
    expect(formatGithubSummary([], { files: 3, entities: 3, errors: 0, warnings: 0, infos: 0 })).toMatch(/^## ✅/);
  });
});
