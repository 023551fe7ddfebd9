/** Denied verdicts become diagnostics at the changed line, with the rule that denied and who could make the change. */
import { CODES } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Entity } from "../model/entity.js";
import { positionOf, type ValuePath } from "../yaml/positions.js";
import type { PrChange } from "./classify-change.js";
import { firstDifferentLine, sameValue } from "./field-diff.js";
import type { Verdict } from "./rule-kit.js";

/** How a denial is worded and placed. */
export interface VerdictReportOptions {
  /** Whose denial it is, when several principals are judged (`the pusher frank`): the message starts with it. */
  principal?: string;
  /**
   * Set when the change was judged on the file as merging into the base
   * leaves it (the base changed it too): the message says so, and the
   * diagnostic goes into the head's file (`head`, when it has the path) where
   * the contributor can act: at the value the verdict names when the head
   * holds the same value there, else at the first line the branch changed
   * (from the merge-base's text, `forkText`).
   */
  merged?: { head?: Entity; forkText?: string };
  /** How the hint names the people who may make the change (default: their catalog names); the check gives GitHub @logins. */
  mention?: (users: readonly string[]) => string[];
}

/** The diagnostic of a denied verdict (undefined when it was allowed). Deletes point at line 1 of the deleted path. */
export function reportVerdict(
  change: PrChange,
  v: Verdict,
  after: Entity | undefined,
  options: VerdictReportOptions = {},
): Diagnostic | undefined {
  if (v.decision.allowed) return undefined;
  let line = 1;
  let column = 1;
  const head = options.merged?.head;
  if (change.action !== "delete" && head) ({ line, column } = placeInHead(v, after, head, options.merged?.forkText));
  else if (change.action !== "delete" && after) {
    if (v.line !== undefined) line = v.line;
    else ({ line, column } = positionOf(after.source, v.path));
  }
  const said = options.principal
    ? `${options.principal} may not make this change: ${v.decision.reason}`
    : v.decision.reason;
  const reason = said.charAt(0).toUpperCase() + said.slice(1);
  return {
    code: v.code,
    severity: CODES[v.code].severity,
    file: change.path,
    line,
    column,
    message: `${reason} (rule ${v.decision.rule}${options.merged ? "; judged on the file as merging this branch into the base leaves it: the base changed it too since the branch forked" : ""})`,
    hint: hintOf(v, options.mention),
  };
}

function hintOf(v: Verdict, mention: (users: readonly string[]) => string[] = (u) => [...u]): string {
  if (v.hint) return v.hint;
  const approvers = v.decision.approvers;
  if (approvers.length === 0)
    return "nobody holds the role this change needs: ask a catalog admin to grant it first, in a separate pull request";
  return `ask ${mention(approvers).join(", ")} (who may make this change) to make it, or to grant you the role in a separate pull request: a role granted in this one counts only after it merges`;
}

/** Where in the head's file a verdict on the merged file goes (see `VerdictReportOptions.merged`). */
function placeInHead(
  v: Verdict,
  merged: Entity | undefined,
  head: Entity,
  forkText: string | undefined,
): { line: number; column: number } {
  const there = valueAt(head.data, v.path);
  if (there !== undefined && merged && sameValue(there, valueAt(merged.data, v.path)))
    return positionOf(head.source, v.path);
  return { line: firstDifferentLine(forkText, head.source.text), column: 1 };
}

/** The value at `path` in parsed data (own properties only), or undefined. */
function valueAt(data: unknown, path: ValuePath): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}
