/** Denied verdicts become diagnostics at the changed line, with the rule that denied and who could make the change. */
import { CODES } from "../diagnostics/codes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Entity } from "../model/entity.js";
import { positionOf } from "../yaml/positions.js";
import type { PrChange } from "./classify-change.js";
import type { Verdict } from "./rule-kit.js";

/** How a denial is worded. */
export interface VerdictReportOptions {
  /** Whose denial it is, when several principals are judged (`the pusher frank`): the message starts with it. */
  principal?: string;
}

/** The diagnostic of a denied verdict (undefined when it was allowed). Deletes point at line 1 of the deleted path. */
export function reportVerdict(change: PrChange, v: Verdict, after: Entity | undefined, options: VerdictReportOptions = {}): Diagnostic | undefined {
  if (v.decision.allowed) return undefined;
  let line = 1;
  let column = 1;
  if (change.action !== "delete" && after) {
    if (v.line !== undefined) line = v.line;
    else ({ line, column } = positionOf(after.source, v.path));
  }
  const said = options.principal ? `${options.principal} may not make this change: ${v.decision.reason}` : v.decision.reason;
  const reason = said.charAt(0).toUpperCase() + said.slice(1);
  return {
    code: v.code,
    severity: CODES[v.code].severity,
    file: change.path,
    line,
    column,
    message: `${reason} (rule ${v.decision.rule})`,
    hint: hintOf(v),
  };
}

function hintOf(v: Verdict): string {
  if (v.hint) return v.hint;
  const approvers = v.decision.approvers;
  if (approvers.length === 0) return "nobody holds the role this change needs: ask a catalog admin to grant it first, in a separate pull request";
  return `ask ${approvers.join(", ")} (who may make this change) to make it, or to grant you the role in a separate pull request: a role granted in this one counts only after it merges`;
}
