/**
 * The generated parts of docs/pull-request-checks.md: the action table and the
 * rule table, written between marker comments by `npm run docs`; a test keeps
 * the document in step with the code.
 */
import { ACTION_IDS, ACTIONS } from "./actions.js";
import { RULE_IDS, RULES } from "./rules.js";

/** A cell: pipes escaped. */
const cell = (text: string) => text.replace(/\|/g, "\\|");

/** The Markdown table of actions. */
export function renderActionsTable(): string {
  const rows = ACTION_IDS.map((id) => {
    const row = ACTIONS[id];
    const who = row.holders === "role" ? row.lowest : "production approvers (below)";
    return `| \`${id}\` | ${cell(row.description)} | ${who} |`;
  });
  return ["| action | what | lowest role |", "| --- | --- | --- |", ...rows].join("\n");
}

/** The Markdown table of rules. */
export function renderRulesTable(): string {
  const rows = RULE_IDS.map((id) => {
    const row = RULES[id];
    return `| \`${id}\` | ${cell(row.guards)} | ${cell(row.needs)} | ${row.who.map((w) => `\`${w}\``).join(", ")} |`;
  });
  return ["| rule | change | needs | by |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/** The generated sections, by marker name. */
const SECTIONS: Record<string, () => string> = { actions: renderActionsTable, rules: renderRulesTable };

/** `doc` with every generated section rewritten from the tables; throws when a section's markers are missing. */
export function withPolicyTables(doc: string): string {
  let out = doc;
  for (const [name, render] of Object.entries(SECTIONS)) {
    const begin = `<!-- generated: ${name} table (src/permissions, npm run docs) -->`;
    const end = `<!-- end of generated ${name} table -->`;
    const from = out.indexOf(begin);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`docs/pull-request-checks.md has no ${name} table markers`);
    out = `${out.slice(0, from + begin.length)}\n${render()}\n${out.slice(to)}`;
  }
  return out;
}
