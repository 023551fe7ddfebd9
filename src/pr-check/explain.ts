/**
 * `mlcat explain`: the decision on one action of one actor on one path or
 * reference, and the chain of roles and rules behind it, so a contributor
 * knows whom to ask. Uses the same rules as `mlcat check`.
 */
import type { Catalog } from "../model/catalog.js";
import type { Entity } from "../model/entity.js";
import { classifyPath, classifyReadme, KINDS, type Kind } from "../model/kinds.js";
import { STAGES, type Stage } from "../model/types.js";
import type { Actor, ActorInput } from "../permissions/actor.js";
import { lookUpActor } from "../permissions/actor-lookup.js";
import { mentionsOf } from "../permissions/mentions.js";
import { Authority } from "../permissions/authority.js";
import { allOf, type Decision } from "../permissions/decision.js";
import { requireAction } from "../permissions/requirements.js";
import type { ChangeAction, PrChange } from "./classify-change.js";
import { decideChange } from "./decide-change.js";
import { scopeOf } from "./rule-kit.js";

/** What to explain. */
export interface ExplainInput {
  /** The catalog roles are read from (the working tree's or a revision's). */
  catalog: Catalog;
  actor: ActorInput;
  /** A path (`catalog/orgs/acme/...yaml`, or relative to the catalog folder) or a reference (`acme/churn`, `acme/train:1.0.0`, `alice`). */
  target: string;
  /** `create`, `update`, `delete` or `stage:<stage>`; default: update when the target exists, else create. */
  action?: string;
  /** Prefixes stripped from a path target besides `<catalog root>/` (e.g. `catalog/` when the root is an absolute folder). */
  prefixes?: string[];
}

/** The explanation: what was judged and the decision. */
export interface Explanation {
  /** Path from the repository root, e.g. `catalog/orgs/acme/projects/churn/project.yaml`. */
  path: string;
  action: string;
  actor: Actor;
  decision: Decision;
  /** The approvers as GitHub @logins: whom to request review from. */
  ask: string[];
  /** When the actor matched no user file: the closest login or catalog user name. */
  suggestion?: string;
}

/** A target or action that cannot be explained: a usage error (exit 2) with a hint. */
export class ExplainUsageError extends Error {
  override name = "ExplainUsageError";
}

/** Explain one action. */
export function explainAction(input: ExplainInput): Explanation {
  const { catalog } = input;
  const relPath = resolveTarget(catalog, input.target, input.prefixes);
  const existing = catalog.entities().find((e) => e.source.relPath === relPath);
  const action = input.action ?? (existing ? "update" : "create");
  const authority = new Authority(catalog);
  const { suggestion, ...actor } = lookUpActor(authority, input.actor);
  const ctx = { authority, actor };
  const done = (decision: Decision): Explanation => ({
    path,
    action,
    actor,
    decision,
    ask: mentionsOf(authority, decision.approvers),
    ...(suggestion !== undefined && { suggestion }),
  });
  const path = `${catalog.root}/${relPath}`;
  const info = classifyPath(relPath);
  if (action.startsWith("stage:")) {
    const stage = action.slice("stage:".length) as Stage;
    if (info?.kind !== "ModelVersion")
      throw new ExplainUsageError(`--action ${action} applies to model versions only, and ${input.target} is not one`);
    if (!STAGES.includes(stage))
      throw new ExplainUsageError(`unknown stage ${JSON.stringify(stage)}: expected one of ${STAGES.join(", ")}`);
    const doing = `moving model version ${info.key} to ${stage}`;
    const decision =
      stage === "production"
        ? requireAction(ctx, { rule: "stage-production", scope: scopeOf(info), action: "production-approve", doing })
        : requireAction(ctx, { rule: "stage-change", scope: scopeOf(info), action: "entity-manage", doing });
    return done(decision);
  }
  if (action !== "create" && action !== "update" && action !== "delete") {
    throw new ExplainUsageError(
      `unknown action ${JSON.stringify(action)}: expected create, update, delete or stage:<stage>`,
    );
  }
  if (action !== "create" && !existing && !classifyReadme(relPath))
    throw new ExplainUsageError(`${path} does not exist: use --action create, or check the path`);
  const change: PrChange = {
    action: action as ChangeAction,
    path,
    relPath,
    ...(action !== "create" && { oldType: "file" as const }),
    ...(action !== "delete" && { newType: "file" as const }),
  };
  const readme = classifyReadme(relPath);
  if (readme) change.readme = readme;
  else if (info) change.info = info;
  // With the same entity on both sides no field changes: rules give their general requirement for the action.
  const sides = {
    ...(existing && action !== "create" && { before: existing }),
    ...(existing && action === "update" && { after: existing }),
  };
  const verdicts = decideChange(ctx, change, sides);
  return done(allOf(...verdicts.map((v) => v.decision)));
}

/** The catalog-relative path of a path or a reference. */
export function resolveTarget(catalog: Catalog, target: string, prefixes: readonly string[] = []): string {
  let t = target.replace(/^\.\//, "");
  if (/\.(ya?ml|md)$/.test(t)) {
    const prefix = [`${catalog.root}/`, ...prefixes].find((p) => t.startsWith(p));
    return prefix ? t.slice(prefix.length) : t;
  }
  t = t.replace(/^@/, "");
  const matches: Entity[] = [];
  for (const kind of KINDS) {
    if (kind === "Catalog") continue;
    const e = catalog.get(kind as Kind, t);
    if (e) matches.push(e);
  }
  if (matches.length === 1) return matches[0]!.source.relPath;
  if (matches.length > 1) {
    throw new ExplainUsageError(
      `${target} names several entities (${matches.map((m) => `${m.kind} ${m.source.file}`).join(", ")}): give the file's path instead`,
    );
  }
  throw new ExplainUsageError(
    `${target} names no entity in ${catalog.root}: give the path of the file to create (e.g. ${catalog.root}/orgs/acme/projects/churn/experiments/run-9.yaml)`,
  );
}
