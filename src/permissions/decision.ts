/** A permission decision is data: allowed or not, by which rule, why, who could approve, and the chain of roles and rules. */
import type { RuleId } from "./rules.js";

/** The outcome of judging one action of one actor. */
export interface Decision {
  allowed: boolean;
  /**
   * The rule that decided, an id of the rule table (e.g. `experiment-delete`, documented in
   * docs/pull-request-checks.md); several joined by ` or ` / ` and ` when alternatives or requirements combine.
   */
  rule: string;
  /** One sentence: what the action needs and what the actor has. */
  reason: string;
  /** Catalog usernames who may take the action (empty when nobody may). */
  approvers: string[];
  /** The steps that led to the decision: identity, roles, overrides, rule. */
  chain: string[];
}

/** An allowed or denied decision under one rule of the table. */
export function decision(
  allowed: boolean,
  rule: RuleId,
  reason: string,
  chain: string[],
  approvers: string[] = [],
): Decision {
  return made(allowed, rule, reason, chain, approvers);
}

/** A decision under `rule`: one rule id, or rule ids combined by anyOf and allOf. */
function made(allowed: boolean, rule: string, reason: string, chain: string[], approvers: string[] = []): Decision {
  return { allowed, rule, reason, approvers: allowed ? [] : [...new Set(approvers)].sort(), chain: dedupe(chain) };
}

/** Allowed when any alternative is (the first allowed one); otherwise denied with every alternative's approvers. */
export function anyOf(...alternatives: Decision[]): Decision {
  const ok = alternatives.find((d) => d.allowed);
  if (ok) return ok;
  return made(
    false,
    alternatives.map((d) => d.rule).join(" or "),
    alternatives.map((d) => d.reason).join("; alternatively, "),
    alternatives.flatMap((d) => d.chain),
    alternatives.flatMap((d) => d.approvers),
  );
}

/** Allowed only when every requirement is; otherwise the first denial. */
export function allOf(...requirements: Decision[]): Decision {
  const denied = requirements.find((d) => !d.allowed);
  if (denied) return denied;
  return made(
    true,
    requirements.map((d) => d.rule).join(" and "),
    requirements.map((d) => d.reason).join("; "),
    requirements.flatMap((d) => d.chain),
  );
}

function dedupe(lines: string[]): string[] {
  return [...new Set(lines)];
}
