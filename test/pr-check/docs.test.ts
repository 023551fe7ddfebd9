/** docs/pull-request-checks.md documents every rule a decision can name, and every action a rule cites. */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACTION_IDS } from "../../src/permissions/actions.js";
import { withPolicyTables } from "../../src/permissions/policy-doc.js";
import { RULE_IDS, RULES } from "../../src/permissions/rules.js";

const doc = readFileSync("docs/pull-request-checks.md", "utf8");
/** The code that decides changes: the check's rules and explain. */
const sources = readdirSync("src/pr-check")
  .filter((f) => /^(rules-|decide-change|explain)/.test(f))
  .map((f) => readFileSync(`src/pr-check/${f}`, "utf8"))
  .join("\n");

describe("docs/pull-request-checks.md", () => {
  it("has the action and rule tables in step with the code (run `npm run docs` after changing them)", () => {
    expect(doc).toBe(withPolicyTables(doc));
    for (const id of [...RULE_IDS, ...ACTION_IDS]) expect(doc, id).toContain(`| \`${id}\` |`);
  });

  it("lists only rules the check decides by, and every action is cited by a rule", () => {
    const unused = RULE_IDS.filter((id) => !sources.includes(`"${id}"`));
    expect(unused).toEqual([]);
    const cited = new Set(RULE_IDS.flatMap((id) => RULES[id].who));
    expect(ACTION_IDS.filter((a) => !cited.has(a))).toEqual([]);
  });

  it("carries a copy-paste workflow for another repository", () => {
    expect(doc).toContain("uses: <owner>/mlcat@<commit-sha>");
    expect(doc).toContain("pull_request_target:");
  });
});
